"""The register API (`/api/v1/`): the public search as JSON, each public record in full,
suggestions for a search box, and the OpenAPI schema with its browsable documentation.

The list takes exactly the public search page's parameters, validated by the same
`RecordSearchFilterSet` (through django-filter's REST framework backend) and answered by the
same service, `search_records`: the same records in the same order, with the same facet counts.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import ModelLogEntry

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperacion.figures import register_figures
from cooperacion.models import (
    CooperationAction,
    DevelopmentPlanTarget,
    DistrictEntity,
    Partner,
    Sector,
    ThematicTable,
    TransversalAxis,
)
from home.api import PublicAPIMixin

from .filters import RecordSearchFilterSet, every_public_match, invalid_parameters
from .query import clean_query
from .records import search_records, suggest_records
from .serializers import (
    DetailSerializer,
    InvalidParametersSerializer,
    RecordSearchSerializer,
    RecordSerializer,
)

MAX_SUGGESTIONS = 10
# The largest key the database holds: a larger id in a URL is simply not a record.
MAX_ID = 2**63 - 1
# What the register's public answers are made of: a change to any of these is a change to them.
REGISTER_MODELS = (
    CooperationAction,
    Partner,
    DistrictEntity,
    Sector,
    ThematicTable,
    TransversalAxis,
    DevelopmentPlanTarget,
)

TOO_MANY_REQUESTS = OpenApiResponse(
    DetailSerializer, description=gettext_lazy("Demasiadas solicitudes: espere los segundos de Retry-After.")
)
NOT_FOUND = OpenApiResponse(
    DetailSerializer, description=gettext_lazy("No hay un registro público con ese id.")
)
INVALID = OpenApiResponse(
    InvalidParametersSerializer, description=gettext_lazy("Algún parámetro no es válido: «errors» dice cuál.")
)


PUBLIC_RECORD_EVENTS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete")


def register_last_modified():
    """When the register's public answers last changed: the newest change of a public record, or
    the newest entry of the register's history that the public sees (a record published, withdrawn
    or deleted, a partner or an entity renamed), whichever is later. Both read the end of an index (action_updated_idx, the
    log's timestamp)."""
    latest_record = (
        CooperationAction.objects.public()
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    )
    types = ContentType.objects.get_for_models(*REGISTER_MODELS)
    # A record's drafts and edits before publication are nobody's business outside the office.
    record_type = types.pop(CooperationAction)
    latest_logged = (
        ModelLogEntry.objects.filter(
            Q(content_type__in=types.values()) | Q(content_type=record_type, action__in=PUBLIC_RECORD_EVENTS)
        )
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return max((moment for moment in (latest_record, latest_logged) if moment is not None), default=None)


class RegisterAPIMixin(PublicAPIMixin):
    def last_modified(self, request):
        return register_last_modified()


def invalid_parameters_response(filterset):
    return Response(invalid_parameters(filterset), status=400)


@extend_schema(
    summary=gettext_lazy("Buscar registros públicos"),
    description=gettext_lazy(
        "Los registros públicos que cumplen los parámetros (los mismos de la búsqueda pública del "
        "portal), por páginas y en el orden de la búsqueda, con el conteo de cada valor de cada faceta. "
        "Con palabras (q), las coincidencias van marcadas en el título y el resumen."
    ),
    responses={200: RecordSearchSerializer, 400: INVALID, 429: TOO_MANY_REQUESTS},
)
class RecordListView(RegisterAPIMixin, generics.ListAPIView):
    """The public records that match the parameters (the public search page's), a page at a time in
    the search's order, with the count of each facet value and, when there are words (q), the
    matched words marked in the title and summary."""

    queryset = CooperationAction.objects.public()
    filter_backends = [DjangoFilterBackend]
    filterset_class = RecordSearchFilterSet
    pagination_class = None

    def list(self, request, *args, **kwargs):
        filterset = DjangoFilterBackend().get_filterset(request, self.get_queryset(), self)
        if not filterset.is_valid():
            return invalid_parameters_response(filterset)
        result = search_records(filterset.search_request())
        context = {**self.get_serializer_context(), "query": result.request.query}
        return Response(RecordSearchSerializer(result, context=context).data)


@extend_schema(
    summary=gettext_lazy("Cifras de los registros públicos"),
    description=gettext_lazy(
        "Lo que muestra la página de cifras para los mismos parámetros: acciones, aliados, países y "
        "recursos movilizados (solo de los registros cuyos montos autorizó publicar el aliado), "
        "series por año, tipo, estado, tipo de aliado, sector, entidad, ODS, país y mesa temática, y el "
        "avance de las metas del Plan de Desarrollo. Cuenta todos los registros que cumplen los "
        "filtros: sort, page y page_size no se tienen en cuenta."
    ),
    responses={
        200: OpenApiResponse(OpenApiTypes.OBJECT, description=gettext_lazy("Las cifras.")),
        400: INVALID,
        429: TOO_MANY_REQUESTS,
    },
)
class RecordFiguresView(RegisterAPIMixin, generics.GenericAPIView):
    """The dashboard's figures for the same parameters, counted over every matching record."""

    queryset = CooperationAction.objects.public()
    filter_backends = [DjangoFilterBackend]
    filterset_class = RecordSearchFilterSet
    pagination_class = None

    def get(self, request):
        filterset = every_public_match(request.query_params)
        if not filterset.is_valid():
            return invalid_parameters_response(filterset)
        return Response(register_figures(filterset).as_dict())


@extend_schema(
    summary=gettext_lazy("Un registro público"),
    description=gettext_lazy(
        "La ficha completa de un registro público. Los montos solo si el aliado autorizó publicarlos; "
        "los resultados y sus documentos públicos, solo si autorizó publicar los resultados."
    ),
    responses={200: RecordSerializer, 404: NOT_FOUND, 429: TOO_MANY_REQUESTS},
)
class RecordDetailView(RegisterAPIMixin, generics.RetrieveAPIView):
    """One public record in full. Amounts only if the partner authorised them, results and their
    public documents only if it authorised results."""

    serializer_class = RecordSerializer
    queryset = (
        CooperationAction.objects.public()
        .select_related("thematic_table", "development_plan_target")
        .prefetch_related(
            "partner_links__partner",
            "entity_links__entity__sector",
            "transversal_axes",
            "sdgs",
            "localities",
            "indicators",
            "documents__document",
        )
    )

    def get_object(self):
        pk = self.kwargs["pk"]
        try:
            if pk > MAX_ID:
                raise CooperationAction.DoesNotExist
            return self.get_queryset().get(pk=pk)
        except CooperationAction.DoesNotExist:
            raise NotFound from None


@extend_schema(
    summary=gettext_lazy("Sugerencias de títulos"),
    description=gettext_lazy("Títulos de registros públicos que empiezan por lo escrito, para un buscador."),
    parameters=[
        OpenApiParameter(
            "q",
            str,
            required=True,
            description=gettext_lazy("El comienzo de lo que se busca (al menos una palabra)."),
        )
    ],
    responses={
        200: inline_serializer(
            "RecordSuggestions",
            {
                "suggestions": inline_serializer(
                    "RecordSuggestion",
                    {
                        "id": serializers.IntegerField(),
                        "title": serializers.CharField(),
                        "url": serializers.URLField(),
                    },
                    many=True,
                )
            },
        ),
        400: OpenApiResponse(DetailSerializer, description=gettext_lazy("Falta «q».")),
        429: TOO_MANY_REQUESTS,
    },
)
class RecordSuggestAPIView(RegisterAPIMixin, APIView):
    """Titles of public records that start with the words typed, for a search box."""

    def get(self, request):
        text = clean_query(request.query_params.get("q"))
        if not text:
            return Response(
                {"detail": _("Escriba el comienzo de lo que busca en «q»."), "errors": {}}, status=400
            )
        return Response(
            {
                "suggestions": [
                    {
                        "id": action.pk,
                        "title": action.display_title,
                        "url": request.build_absolute_uri(action.get_absolute_url()),
                    }
                    for action in suggest_records(text, MAX_SUGGESTIONS)
                ]
            }
        )


class RecordAPIDocsView(SpectacularSwaggerSplitView):
    """Swagger UI over the schema, from the portal's own static files, its script served apart."""

    template_name = "search/api_docs.html"
    url_name = "api_schema"
