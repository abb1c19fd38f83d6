"""The register search as JSON: the same parameters, results and facet counts as the public page."""

from django.utils.translation import gettext as _

from rest_framework.response import Response
from rest_framework.views import APIView

from cooperacion.models import CooperationAction

from .filters import RecordSearchFilterSet
from .query import clean_query
from .records import search_records, suggest_records

MAX_SUGGESTIONS = 10


class RecordSearchAPIView(APIView):
    """`GET /api/v1/records/search/`: public records, paginated, with facet counts."""

    authentication_classes = []
    permission_classes = []

    def get(self, request):
        filterset = RecordSearchFilterSet(request.query_params, queryset=CooperationAction.objects.none())
        if not filterset.is_valid():
            return Response(
                {"detail": _("Parámetros no válidos."), "errors": filterset.errors.get_json_data()},
                status=400,
            )
        result = search_records(filterset.search_request())
        return Response(
            {
                "count": result.total,
                "page": result.request.page,
                "page_size": result.request.page_size,
                "num_pages": result.num_pages,
                "sort": result.request.effective_sort,
                "engine": result.engine,
                "degraded": result.degraded,
                "results": [
                    {
                        "id": hit.action.pk,
                        "url": request.build_absolute_uri(hit.action.get_absolute_url()),
                        "title": hit.action.display_title,
                        "title_highlighted": hit.title_html,
                        "summary_highlighted": hit.summary_html,
                        "type": hit.action.action_type,
                        "status": hit.action.status,
                        "year": hit.action.year,
                        "partners": [link.partner.name for link in hit.action.partner_links.all()],
                    }
                    for hit in result.hits
                ],
                "facets": {
                    facet.key: [
                        {
                            "value": bucket.value,
                            "label": bucket.label,
                            "count": bucket.count,
                            "selected": bucket.selected,
                        }
                        for bucket in facet.buckets
                    ]
                    for facet in result.facets
                },
            }
        )


class RecordSuggestAPIView(APIView):
    """`GET /api/v1/records/suggest/?q=coop`: titles of public records for a search box."""

    authentication_classes = []
    permission_classes = []

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
