"""The IATI activity files (any search filter, or one record) and the published crosswalk page."""

from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search.filters import RecordSearchFilterSet

from ..models import CooperationAction
from . import crosswalk, export

# Paging and ordering belong to the search page: a download holds every matching record.
IGNORED_PARAMETERS = ("sort", "page", "page_size")


@require_GET
def activities(request):
    params = request.GET.copy()
    for key in IGNORED_PARAMETERS:
        params.pop(key, None)
    filterset = RecordSearchFilterSet(params, queryset=CooperationAction.objects.public())
    if not filterset.is_valid():
        return JsonResponse(
            {"detail": _("Parámetros no válidos."), "errors": filterset.errors.get_json_data()}, status=400
        )
    actions = filterset.qs
    # An IATI file holds at least one activity.
    if not actions.exists():
        return JsonResponse(
            {"detail": _("Ningún registro público coincide con estos filtros."), "errors": {}}, status=404
        )
    response = StreamingHttpResponse(
        export.stream(export.iterate(actions), request), content_type=export.CONTENT_TYPE
    )
    response["Content-Disposition"] = 'inline; filename="iati-actividades.xml"'
    return response


@require_GET
def activity(request, pk):
    actions = list(export.prepared(CooperationAction.objects.public().filter(pk=pk)))
    if not actions:
        raise Http404
    response = HttpResponse(b"".join(export.stream(actions, request)), content_type=export.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="iati-actividad-{pk}.xml"'
    return response


@require_GET
def crosswalk_page(request):
    example = CooperationAction.objects.public().order_by("pk").values_list("pk", flat=True).first()
    return render(
        request,
        "cooperacion/iati_crosswalk.html",
        {
            "tables": crosswalk.tables(),
            "fields": crosswalk.FIELDS,
            "not_exported": crosswalk.NOT_EXPORTED,
            "reporting_org": {
                "ref": crosswalk.reporting_org_ref(),
                "type": crosswalk.REPORTING_ORG_TYPE,
                "names": crosswalk.REPORTING_ORG_NAMES,
            },
            "iati_version": crosswalk.IATI_VERSION,
            "example": example
            and {
                "pk": example,
                "identifier": crosswalk.activity_identifier(example),
                "url": reverse("iati_activity", kwargs={"pk": example}),
            },
            "all_activities_url": reverse("iati_activities"),
            "filtered_example_url": reverse("iati_activities") + "?status=en_ejecucion&sdg=11",
        },
    )
