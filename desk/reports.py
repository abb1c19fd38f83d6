"""The desk's reports in the admin: the service figures of technical assistance (per year, entity
and modality, with charts) and the consolidated priorities plans of a year, both as HTML and XLSX.
A liaison sees only their own entity's requests and their sector's plans."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from cooperacion.models import DistrictEntity, Sector
from cooperacion.models.scoping import is_liaison
from cooperacion.opendata.writers import xlsx_table_stream

from .charts import service_charts
from .figures import plan_years, priorities_by_year, request_years, service_report
from .forms import ANALYSE
from .models import AssistanceRequest, PrioritiesPlan
from .permissions import office_may

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename, header, rows, title):
    response = StreamingHttpResponse(
        xlsx_table_stream(header, iter([rows]), title=title, sheet=filename[:31]), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class ScopedReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report over `model`'s instances that the user may view (scoped for liaisons)."""

    model = None

    def dispatch(self, request, *args, **kwargs):
        self.policy = policy_registry.get_by_type(self.model)
        if not self.policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def reachable(self):
        return self.policy.scope(self.request.user, self.model.objects.all())

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx":
            return self.export()
        return super().get(request, *args, **kwargs)


class RequestsReportFilters(forms.Form):
    year = forms.TypedChoiceField(label=_("Año"), required=False, coerce=int, empty_value=None)
    sector = forms.ModelChoiceField(label=_("Sector"), required=False, queryset=Sector.objects.all())
    entity = forms.ModelChoiceField(label=_("Entidad"), required=False, queryset=DistrictEntity.objects.all())

    def __init__(self, *args, years, liaison, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Todos los años")), *[(year, year) for year in years]]
        if liaison:
            del self.fields["sector"], self.fields["entity"]


FIGURE_HEADINGS = [
    _("Solicitudes"),
    _("Respondidas"),
    _("Abiertas"),
    _("Vencidas sin respuesta"),
    _("Mediana de días hábiles"),
    _("Respondidas a tiempo"),
    _("Con plazo cumplido o vencido"),
    _("% a tiempo"),
    _("Encuestas respondidas"),
    _("Satisfacción media"),
]


def figure_cells(figures):
    return [
        figures.requests,
        figures.answered,
        figures.open,
        figures.overdue,
        figures.median_days,
        figures.on_time,
        figures.decided,
        figures.on_time_share,
        figures.responses,
        figures.mean_rating,
    ]


class RequestsReportView(ScopedReportView):
    model = AssistanceRequest
    page_title = _("Informe de asistencia técnica")
    header_icon = "help"
    template_name = "desk/admin/requests_report.html"

    def selection(self):
        requests = self.reachable()
        self.filters = RequestsReportFilters(
            self.request.GET or None, years=request_years(requests), liaison=is_liaison(self.request.user)
        )
        if self.filters.is_valid():
            chosen = self.filters.cleaned_data
            if chosen.get("year"):
                requests = requests.filter(received_on__year=chosen["year"])
            if chosen.get("sector"):
                requests = requests.filter(entity__sector=chosen["sector"])
            if chosen.get("entity"):
                requests = requests.filter(entity=chosen["entity"])
        return requests

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = service_report(self.selection())
        context.update(
            filters=self.filters,
            report=report,
            tables=[
                (_("Por año"), _("Año"), report.by_year),
                (_("Por entidad"), _("Entidad"), report.by_entity),
                (_("Por modalidad"), _("Modalidad"), report.by_modality),
            ],
            charts=service_charts(report.by_entity, "entity")
            + service_charts(report.by_modality, "modality")[2:],
            export_query=self.request.GET.copy(),
        )
        return context

    def export(self):
        report = service_report(self.selection())
        rows = [
            [str(group), figures.label, *figure_cells(figures)]
            for group, rows in [
                (_("Año"), report.by_year),
                (_("Entidad"), report.by_entity),
                (_("Modalidad"), report.by_modality),
            ]
            for figures in rows
        ]
        header = [str(_("Agrupación")), str(_("Valor")), *[str(heading) for heading in FIGURE_HEADINGS]]
        return xlsx_response(
            f"asistencia-tecnica-{timezone.localdate():%Y-%m-%d}", header, rows, str(self.page_title)
        )


class PlansReportView(ScopedReportView):
    model = PrioritiesPlan
    page_title = _("Consolidado de planes de prioridades")
    header_icon = "list-ul"
    template_name = "desk/admin/plans_report.html"

    def year(self):
        """The year asked for, or the latest with plans (this one if none)."""
        years = plan_years(self.reachable())
        asked = self.request.GET.get("year", "")
        year = int(asked) if asked.isdigit() and len(asked) == 4 else (years[0] if years else timezone.localdate().year)
        return year, years

    def plans(self, year):
        return (
            self.reachable()
            .filter(year=year)
            .select_related("sector")
            .prefetch_related(
                "priorities__theme", "priorities__targets", "priorities__sdgs", "priorities__actions"
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, years = self.year()
        context.update(
            year=year,
            years=years,
            plans=self.plans(year),
            summary=next(iter(priorities_by_year(self.reachable().filter(year=year))), None),
            show_notes=office_may(self.request.user, ANALYSE),
        )
        return context

    def export(self):
        year, _years = self.year()
        header = [
            str(heading)
            for heading in (
                _("Año"),
                _("Sector"),
                _("Estado del plan"),
                _("Necesidad"),
                _("Tema"),
                _("Tipos de aliado deseados"),
                _("Metas del Plan de Desarrollo"),
                _("ODS"),
                _("Decisión"),
                _("Razón"),
                _("Acciones de cooperación"),
            )
        ]
        rows = [
            [
                plan.year,
                str(plan.sector),
                plan.get_status_display(),
                priority.need,
                str(priority.theme),
                [str(label) for label in priority.partner_type_labels()],
                [target.code for target in priority.targets.all()],
                [str(goal.number) for goal in priority.sdgs.all()],
                priority.get_decision_display(),
                priority.decision_reason,
                [action.title for action in priority.actions.all()],
            ]
            for plan in self.plans(year)
            for priority in plan.priorities.all()
        ]
        return xlsx_response(f"planes-de-prioridades-{year}", header, rows, str(self.page_title))
