from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet

from cooperacion.wagtail_hooks import PermittedMenuItem

from .models import AssistanceRequest, PrioritiesPlan
from .permissions import DeskPermissionPolicy
from .progress import ANSWER, ASSIGN, CLOSE
from .reports import PlansReportView, RequestsReportView
from .views import DeskViewSetGroup

register_permission_policy(AssistanceRequest, DeskPermissionPolicy(AssistanceRequest))
register_permission_policy(PrioritiesPlan, DeskPermissionPolicy(PrioritiesPlan))
register_snippet(DeskViewSetGroup)


@hooks.register("register_log_actions")
def register_request_steps(actions):
    actions.register_action(ASSIGN, _("Asignar solicitud"), _("Solicitud asignada"))
    actions.register_action(ANSWER, _("Responder solicitud"), _("Solicitud respondida"))
    actions.register_action(CLOSE, _("Cerrar solicitud"), _("Solicitud cerrada; encuesta enviada"))


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("mesa/informes/asistencia-tecnica/", RequestsReportView.as_view(), name="desk_requests_report"),
        path("mesa/informes/planes/", PlansReportView.as_view(), name="desk_plans_report"),
    ]


def report_menu_item(label, url_name, order, model):
    """A report of the desk's menu, shown to whoever may view `model` (scoped for liaisons)."""
    policy = policy_registry.get_by_type(model)
    return PermittedMenuItem(
        label,
        reverse_lazy(url_name),
        name=url_name.replace("_", "-"),
        icon_name="doc-full",
        order=order,
        allowed=lambda user: policy.user_has_any_permission(user, ["view", "change"]),
    )


@hooks.register(DeskViewSetGroup.submenu_hook)
def register_requests_report_menu_item():
    return report_menu_item(
        _("Informe de asistencia técnica"), "desk_requests_report", 900, AssistanceRequest
    )


@hooks.register(DeskViewSetGroup.submenu_hook)
def register_plans_report_menu_item():
    return report_menu_item(_("Consolidado de planes"), "desk_plans_report", 910, PrioritiesPlan)
