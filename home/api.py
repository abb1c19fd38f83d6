"""What every public API answer shares, and Wagtail's API for pages, images and documents.

- `PublicAPIMixin`: cache headers, an ETag (a digest of the body), Last-Modified where the view
  knows it, and 304 to a client that already has that version;
- `exception_handler`: the rate limit's 429 (home.throttling) says in the visitor's language how
  long to wait; `page_not_found`: a JSON 404 for API addresses that do not exist;
- the `/api/v2/` endpoints: live, public pages (Wagtail's rule) with each field in the page's own
  language, and only the images and documents that such pages use.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext
from django.views import defaults

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from rest_framework.exceptions import ErrorDetail, Throttled
from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler as rest_framework_exception_handler

from search.query import clean_query

from .throttling import too_many_requests_message
from .visibility import used_by_public_pages

# Past this, a listing is empty anyway; larger numbers overflow the database's integers.
MAX_OFFSET = 100_000
# The largest key the database holds: a larger id is simply not there.
MAX_KEY = 2**63 - 1


class PublicAPIMixin:
    """Read-only answers that browsers and shared caches may keep `API_CACHE_MAX_AGE` seconds.

    The ETag is a digest of the body, so it changes with anything the answer shows (and with its
    language); views that can say cheaply when their data last changed add Last-Modified.
    """

    def last_modified(self, request):
        """When the data behind this answer last changed (an aware datetime), or None."""
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        set_response_etag(response)
        changed = self.last_modified(request)
        timestamp = int(changed.timestamp()) if changed is not None else None
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=timestamp, response=response
        )


def exception_handler(exc, context):
    """REST framework's answers, with a 429 that says in the visitor's language how long to wait
    (the same number of seconds as its Retry-After header)."""
    if isinstance(exc, Throttled):
        exc.wait = exc.wait or 1
        exc.detail = ErrorDetail(too_many_requests_message(exc.wait), code="throttled")
    return rest_framework_exception_handler(exc, context)


def page_not_found(request, exception):
    """The site's 404 page, or for an API address, the API's JSON answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": gettext("No encontrado.")}, status=404)
    return defaults.page_not_found(request, exception)


class PageInItsLanguageSerializer(PageSerializer):
    """Labels, names and links of each page in the page's language, whatever the request's."""

    def to_representation(self, instance):
        if "page_languages" not in self.context:
            self.context["page_languages"] = dict(Locale.objects.values_list("pk", "language_code"))
        with translation.override(self.context["page_languages"].get(instance.locale_id)):
            return super().to_representation(instance)


class VisitorInputMixin:
    """What a visitor types into Wagtail's API answers 400 with a reason, never 500: the search
    words are cleaned as the site search cleans them, and the values Wagtail passes unchecked to
    the database (operator, offset, field filters) are refused when they are not valid."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request._request.GET.copy()
        if "search" in params:
            params["search"] = clean_query(params["search"])
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError(gettext("search_operator debe ser «and» u «or»."))
        offset = params.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(gettext("offset no puede pasar de %(max)d.") % {"max": MAX_OFFSET})
        request._request.GET = params

    def listing_view(self, request):
        try:
            return super().listing_view(request)
        except ValidationError as error:
            raise BadRequestError(" ".join(error.messages)) from error

    def find_object(self, queryset, request):
        key = request.GET.get("id")
        if key is not None:
            if not key.isdigit():
                raise BadRequestError(gettext("id debe ser un número entero positivo."))
            if int(key) > MAX_KEY:
                return None
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(VisitorInputMixin, PublicAPIMixin, PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    base_serializer_class = PageInItsLanguageSerializer


class PublicImagesAPIViewSet(VisitorInputMixin, PublicAPIMixin, ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        return used_by_public_pages(self.model, self.request).order_by("id")


class PublicDocumentsAPIViewSet(VisitorInputMixin, PublicAPIMixin, DocumentsAPIViewSet):
    """Documents that published pages link to. The register's own documents (authorisation
    evidence, supporting documents) are not listed for being in the register: a supporting
    document marked public goes out through the register API, with its record."""

    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        return used_by_public_pages(self.model, self.request).order_by("id")
