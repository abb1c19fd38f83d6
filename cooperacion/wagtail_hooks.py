from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_views import ImportConfirmView, ImportUploadView, can_import
from .models import CooperationAction
from .models.scoping import LiaisonPagePermissionPolicy, is_liaison, liaison_entity, reachable_pages
from .permissions import CooperationActionPermissionPolicy
from .reports import EntityChangesReportView, can_view_entity_changes
from .views import RegisterViewSetGroup

register_permission_policy(CooperationAction, CooperationActionPermissionPolicy())
register_permission_policy(Page, LiaisonPagePermissionPolicy())
register_snippet(RegisterViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def hide_other_entities_pages_from_liaisons(pages, request):
    """The page chooser lists every page, not only explorable ones: a liaison's still leaves out
    the pages of other entities (their drafts' titles included)."""
    return reachable_pages(pages, liaison_entity(request.user)) if is_liaison(request.user) else pages


# Importing the legacy register from a spreadsheet (cooperacion.admin_views, docs/import.md).


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("cooperacion/importar/", ImportUploadView.as_view(), name="cooperacion_import"),
        path(
            "cooperacion/importar/confirmar/", ImportConfirmView.as_view(), name="cooperacion_import_confirm"
        ),
    ]


class PermittedMenuItem(MenuItem):
    """A menu item shown to the users `allowed(user)` accepts: the same rule as its view's."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register(RegisterViewSetGroup.submenu_hook)
def register_import_menu_item():
    return PermittedMenuItem(
        _("Importar hoja de cálculo"),
        reverse_lazy("cooperacion_import"),
        name="importar-hoja-de-calculo",
        icon_name="upload",
        order=900,
        allowed=can_import,
    )


# The report of changes per district entity (cooperacion.reports), under the admin's Reports menu.


@hooks.register("register_admin_urls")
def register_entity_changes_urls():
    return [
        path(
            "reportes/cambios-por-entidad/",
            EntityChangesReportView.as_view(),
            name="cooperacion_entity_changes",
        ),
        path(
            "reportes/cambios-por-entidad/resultados/",
            EntityChangesReportView.as_view(results_only=True),
            name="cooperacion_entity_changes_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_entity_changes_menu_item():
    return PermittedMenuItem(
        _("Cambios por entidad"),
        reverse_lazy("cooperacion_entity_changes"),
        name="cambios-por-entidad",
        icon_name="history",
        order=1000,
        allowed=can_view_entity_changes,
    )
