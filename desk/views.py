"""The entities' desk in the Wagtail admin: priorities plans and technical-assistance requests,
one SnippetViewSet each under the "Mesa de entidades" menu."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView, SnippetViewSetGroup

from cooperacion.views import EntityScopedViewSet

from .filters import AssistanceRequestFilterSet, PrioritiesPlanFilterSet
from .forms import ANALYSE, MANAGE, AssistanceRequestForm, PrioritiesPlanForm
from .models import AssistanceRequest, PrioritiesPlan
from .permissions import office_may
from .progress import record_progress

PLAN_PANELS = ObjectList(
    [
        FieldRowPanel([FieldPanel("sector"), FieldPanel("year"), FieldPanel("status")]),
        InlinePanel(
            "priorities",
            heading=_("Prioridades"),
            label=_("Prioridad"),
            min_num=1,
            panels=[
                FieldPanel("need"),
                FieldPanel("theme"),
                FieldPanel("partner_types"),
                FieldPanel("targets", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                MultiFieldPanel(
                    [FieldPanel("decision"), FieldPanel("decision_reason"), FieldPanel("actions")],
                    heading=_("Análisis de la Consejería"),
                ),
            ],
        ),
        FieldPanel("analysis_notes", permission=ANALYSE),
    ],
    base_form_class=PrioritiesPlanForm,
)

REQUEST_PANELS = ObjectList(
    [
        FieldRowPanel([FieldPanel("entity"), FieldPanel("modality")]),
        FieldPanel("topic"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("requester_name"), FieldPanel("requester_email")]),
        FieldPanel("received_on", permission=MANAGE),
        InlinePanel(
            "attachments",
            heading=_("Adjuntos"),
            label=_("Adjunto"),
            panels=[FieldPanel("document"), FieldPanel("from_office")],
        ),
        MultiFieldPanel(
            [
                FieldPanel("assignee", permission=MANAGE),
                FieldPanel("answer", permission=MANAGE),
                FieldRowPanel(
                    [FieldPanel("answered_on", permission=MANAGE), FieldPanel("closed_on", permission=MANAGE)]
                ),
            ],
            heading=_("Atención de la Consejería"),
        ),
    ],
    base_form_class=AssistanceRequestForm,
)


class StatusColumn(Column):
    """The request's status, with its alert (overdue, due soon) as a tag."""

    cell_template_name = "desk/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["flag"] = instance.flag()
        return context


class InstancePermissionMixin:
    """Wagtail's edit view asks only the model's permission: this one asks the instance's too (a
    liaison no longer changes an answered request or an analysed plan)."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            raise PermissionDenied
        return instance


class ProgressMixin:
    """Logs the office's steps taken by this save and sends the survey on closing (desk.progress)."""

    def save_instance(self):
        instance = super().save_instance()
        if record_progress(instance, self.request.user):
            messages.warning(
                self.request,
                _(
                    "La solicitud se cerró, pero el correo con la encuesta no salió: revise el servidor de correo."
                ),
            )
        return instance


class FiledByMixin:
    def save_instance(self):
        self.form.instance.filed_by = self.request.user
        return super().save_instance()


class PlanInspectView(InspectView):
    def get_fields(self):
        return super().get_fields() + ["priorities"]

    def get_priorities_display_value(self):
        rows = [
            (priority.need, priority.theme, priority.get_decision_display(), priority.decision_reason)
            for priority in self.object.priorities.select_related("theme")
        ]
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} ({}) — {} {}</li>", rows))

    def get_field_label(self, field_name, field):
        if field_name == "priorities":
            return _("Prioridades")
        return super().get_field_label(field_name, field)


class RequestInspectView(InspectView):
    def get_attachments_display_value(self):
        documents = [
            (
                attachment.document.url,
                attachment.document.title,
                _("respuesta") if attachment.from_office else "",
            )
            for attachment in self.object.attachments.select_related("document")
        ]
        return format_html_join(", ", '<a href="{}">{}</a> {}', documents) or "—"

    def get_answer_working_days_display_value(self):
        return self.object.answer_working_days if self.object.answered_on else "—"

    def get_survey_display_value(self):
        survey = getattr(self.object, "survey", None)
        if survey is None:
            return "—"
        if survey.rating is None:
            return _("Enviada, sin respuesta (vence %(date)s)") % {"date": survey.expires_at.date()}
        if not office_may(self.request.user, MANAGE):
            return survey.rating
        return format_html("{} / 5 — {}", survey.rating, survey.comment or "—")

    def get_fields(self):
        return super().get_fields() + ["attachments", "answer_working_days", "survey"]

    def get_field_label(self, field_name, field):
        extra = {
            "attachments": _("Adjuntos"),
            "answer_working_days": _("Días hábiles hasta la respuesta"),
            "survey": _("Encuesta de satisfacción"),
        }
        return extra.get(field_name) or super().get_field_label(field_name, field)


class AssistanceRequestViewSet(EntityScopedViewSet):
    model = AssistanceRequest
    icon = "help"
    menu_label = _("Solicitudes de asistencia técnica")
    url_prefix = "mesa/solicitudes"
    edit_handler = REQUEST_PANELS
    filterset_class = AssistanceRequestFilterSet
    add_view_class = type("CreateView", (FiledByMixin, ProgressMixin, CreateView), {})
    edit_view_class = type("EditView", (InstancePermissionMixin, ProgressMixin, EditView), {})
    inspect_view_class = RequestInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        "modality",
        "received_on",
        "due_on",
        StatusColumn("status", label=_("Estado"), accessor="get_status_display"),
        "assignee",
    ]
    list_per_page = 50
    search_fields = ["topic", "description", "entity__name", "entity__acronym"]
    inspect_view_fields = [
        "entity",
        "modality",
        "topic",
        "description",
        "requester_name",
        "requester_email",
        "received_on",
        "due_on",
        "status",
        "assignee",
        "answer",
        "answered_on",
        "closed_on",
    ]
    list_export = [
        "pk",
        "entity",
        "get_modality_display",
        "topic",
        "received_on",
        "due_on",
        "get_status_display",
        "assignee",
        "answered_on",
        "answer_working_days",
        "closed_on",
    ]
    export_headings = {
        "pk": _("Número"),
        "get_modality_display": _("Modalidad"),
        "get_status_display": _("Estado"),
        "answer_working_days": _("Días hábiles hasta la respuesta"),
    }
    export_filename = "solicitudes-de-asistencia-tecnica"

    def get_queryset(self, request):
        """First come, first served: open requests first, the oldest reception first."""
        queryset = AssistanceRequest.objects.select_related("entity", "assignee").first_come_first_served()
        return self.permission_policy.scope(request.user, queryset)


class PrioritiesPlanViewSet(EntityScopedViewSet):
    model = PrioritiesPlan
    edit_view_class = type("EditView", (InstancePermissionMixin, EditView), {})
    inspect_view_class = PlanInspectView
    icon = "list-ul"
    menu_label = _("Planes de prioridades")
    url_prefix = "mesa/planes"
    edit_handler = PLAN_PANELS
    filterset_class = PrioritiesPlanFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["__str__", "sector", "year", "status", "updated_at"]
    inspect_view_fields = ["sector", "year", "status"]
    list_export = ["sector", "year", "get_status_display", "updated_at"]
    export_headings = {"get_status_display": _("Estado")}
    export_filename = "planes-de-prioridades"

    def get_queryset(self, request):
        return self.permission_policy.scope(request.user, PrioritiesPlan.objects.select_related("sector"))


class DeskViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Mesa de entidades")
    menu_icon = "help"
    menu_order = 250
    # The reports register their menu items with this hook (desk.wagtail_hooks).
    submenu_hook = "register_desk_menu_item"
    items = (AssistanceRequestViewSet, PrioritiesPlanViewSet)
