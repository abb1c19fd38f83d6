"""Languages in URLs: Django's LocaleMiddleware, minus one redirect for machine-readable addresses."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Addresses outside the localised site: the APIs and the open-data downloads.
NOT_LOCALISED = ("/api/", "/datos/")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's middleware turns any 404 without a language prefix into a redirect to the same
    address under /es/ (Wagtail's catch-all makes every such address valid). An API's 404 is its
    answer, in JSON: it is kept, with the language headers Django would add."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(NOT_LOCALISED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
