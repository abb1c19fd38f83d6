"""The IATI activity files (any search filter, or one record) and the published crosswalk page."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.throttling import rate_limited
from search.filters import every_public_match, invalid_parameters

from ..models import CooperationAction
from ..opendata.views import public_file, streamed_file
from . import crosswalk, export


@require_safe
@rate_limited
def activities(request):
    filterset = every_public_match(request.GET)
    if not filterset.is_valid():
        return JsonResponse(invalid_parameters(filterset), status=400)
    actions = filterset.qs
    # An IATI file holds at least one activity.
    if not actions.exists():
        return JsonResponse(
            {"detail": _("Ningún registro público coincide con estos filtros."), "errors": {}}, status=404
        )
    stream = export.stream(export.iterate(actions), request)
    return streamed_file(request, stream, export.CONTENT_TYPE, "iati-actividades.xml", attachment=False)


@require_safe
@rate_limited
def activity(request, pk):
    actions = list(export.prepared(CooperationAction.objects.public().filter(pk=pk)))
    if not actions:
        raise Http404
    response = HttpResponse(b"".join(export.stream(actions, request)), content_type=export.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="iati-actividad-{pk}.xml"'
    return public_file(response)


@require_safe
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
