"""The register in the Wagtail admin: one SnippetViewSet per model, grouped under one menu."""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .filters import CooperationActionAdminFilterSet, EntityLiaisonFilterSet
from .forms import CooperationActionForm
from .models import (
    CooperationAction,
    DevelopmentPlanTarget,
    DistrictEntity,
    EntityLiaison,
    Partner,
    Sector,
    ThematicTable,
    TransversalAxis,
)
from .models.codelists import currency_choices


class CurrencySelect(forms.Select):
    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", "—"), *currency_choices()])


ACTION_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("title"),
                FieldPanel("title_en"),
                FieldPanel("summary"),
                FieldPanel("summary_en"),
                FieldPanel("description"),
                FieldPanel("description_en"),
                FieldRowPanel([FieldPanel("action_type"), FieldPanel("instrument_kind")]),
                FieldRowPanel([FieldPanel("line_of_action"), FieldPanel("dimension"), FieldPanel("status")]),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("date_identified"), FieldPanel("date_signed")]),
                        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    ],
                    heading=_("Fechas"),
                ),
                FieldPanel("external_id"),
            ],
            heading=_("Acción"),
        ),
        ObjectList(
            [
                InlinePanel("partner_links", heading=_("Aliados"), label=_("Aliado"), min_num=0),
                InlinePanel("entity_links", heading=_("Entidades"), label=_("Entidad"), min_num=1),
            ],
            heading=_("Aliados y entidades"),
        ),
        ObjectList(
            [
                FieldPanel("thematic_table"),
                FieldPanel("transversal_axes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("development_plan_target"),
            ],
            heading=_("Alineación"),
        ),
        ObjectList(
            [
                FieldRowPanel([FieldPanel("amount"), FieldPanel("currency", widget=CurrencySelect)]),
                FieldRowPanel(
                    [
                        FieldPanel("exchange_rate_cop"),
                        FieldPanel("usd_rate_cop"),
                        FieldPanel("exchange_rate_date"),
                    ]
                ),
                FieldRowPanel([FieldPanel("amount_cop"), FieldPanel("amount_usd")]),
                FieldPanel("in_kind"),
            ],
            heading=_("Montos"),
        ),
        ObjectList(
            [
                FieldPanel("citywide"),
                FieldPanel("localities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("results"),
                FieldPanel("results_en"),
                InlinePanel("indicators", heading=_("Indicadores"), label=_("Indicador")),
                InlinePanel("documents", heading=_("Documentos de soporte"), label=_("Documento")),
            ],
            heading=_("Territorio y resultados"),
        ),
        ObjectList(
            [
                FieldPanel("publication_authorised"),
                FieldRowPanel([FieldPanel("authorisation_date"), FieldPanel("authorisation_scope")]),
                FieldPanel("authorisation_evidence"),
                FieldPanel("internal_notes"),
            ],
            heading=_("Autorización y notas"),
        ),
    ],
    base_form_class=CooperationActionForm,
)


class ScopedChoiceMixin:
    """A chooser offers a liaison only what involves their own entity."""

    def scoped(self, queryset):
        return policy_registry.get_by_type(self.model).scope(self.request.user, queryset)

    def get_object_list(self):
        return self.scoped(super().get_object_list())

    def get_object(self, pk):
        return self.scoped(self.model._default_manager.filter(pk=pk)).get()

    def get_objects(self, pks):
        return self.scoped(super().get_objects(pks))


class EntityScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (ScopedChoiceMixin, ChooseView), {})
    choose_results_view_class = type("ChooseResultsView", (ScopedChoiceMixin, ChooseResultsView), {})
    chosen_view_class = type("ChosenView", (ScopedChoiceMixin, SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ScopedChoiceMixin, SnippetChosenMultipleView), {}
    )


class EntityScopedViewSet(SnippetViewSet):
    """A snippet whose model names an `entity_lookup` and has an EntityScopedPermissionPolicy: a
    liaison lists, exports and chooses only their entity's, and every view of another's refuses (403)."""

    chooser_viewset_class = EntityScopedChooserViewSet

    def get_queryset(self, request):
        return self.permission_policy.scope(request.user, self.model._default_manager.all())

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        policy = self.permission_policy

        def scoped_view(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None and not policy.user_can_reach(request.user, unquote(str(pk))):
                raise PermissionDenied
            return view(request, *args, **view_kwargs)

        return scoped_view


class CooperationActionViewSet(EntityScopedViewSet):
    model = CooperationAction
    icon = "globe"
    menu_label = _("Acciones")
    url_prefix = "cooperacion/acciones"
    edit_handler = ACTION_PANELS
    filterset_class = CooperationActionAdminFilterSet
    list_display = [
        "__str__",
        "action_type",
        "status",
        "year",
        # Wagtail would print the boolean as True/False in every language.
        Column(
            "publication_authorised",
            label=_("El aliado autoriza publicar"),
            accessor=lambda action: _("Sí") if action.publication_authorised else _("No"),
            sort_key="publication_authorised",
        ),
        "updated_at",
    ]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "external_id",
        "title",
        "title_en",
        "summary",
        "action_type",
        "instrument_kind",
        "line_of_action",
        "dimension",
        "status",
        "date_identified",
        "date_signed",
        "start_date",
        "end_date",
        "thematic_table",
        "development_plan_target",
        "amount",
        "currency",
        "amount_cop",
        "amount_usd",
        "in_kind",
        "citywide",
        "results",
        "publication_authorised",
        "authorisation_date",
        "authorisation_scope",
        "internal_notes",
    ]
    list_export = [
        "external_id",
        "title",
        "title_en",
        "action_type",
        "instrument_kind",
        "line_of_action",
        "dimension",
        "status",
        "year",
        "date_identified",
        "date_signed",
        "start_date",
        "end_date",
        "amount",
        "currency",
        "amount_cop",
        "amount_usd",
        "in_kind",
        "publication_authorised",
        "authorisation_date",
        "live",
    ]
    export_filename = "acciones-de-cooperacion"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("latest_revision")


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Aliados")
    url_prefix = "cooperacion/aliados"
    list_display = ["name", "acronym", "partner_type", "country"]
    list_filter = ["partner_type"]
    list_export = ["name", "acronym", "partner_type", "country", "website"]


class DistrictEntityViewSet(SnippetViewSet):
    model = DistrictEntity
    icon = "home"
    menu_label = _("Entidades distritales")
    url_prefix = "cooperacion/entidades"
    list_display = ["name", "acronym", "sector"]
    list_filter = ["sector"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "folder-open-inverse"
    menu_label = _("Sectores")
    url_prefix = "cooperacion/sectores"
    list_display = ["name", "name_en"]


class ThematicTableViewSet(SnippetViewSet):
    model = ThematicTable
    icon = "table"
    menu_label = _("Mesas temáticas")
    url_prefix = "cooperacion/mesas-tematicas"
    list_display = ["name", "leading_entity"]


class TransversalAxisViewSet(SnippetViewSet):
    model = TransversalAxis
    icon = "resubmit"
    menu_label = _("Ejes transversales")
    url_prefix = "cooperacion/ejes-transversales"
    list_display = ["name", "leading_entity"]


class DevelopmentPlanTargetViewSet(SnippetViewSet):
    model = DevelopmentPlanTarget
    icon = "tasks"
    menu_label = _("Metas del Plan de Desarrollo")
    url_prefix = "cooperacion/metas-pdd"
    list_display = ["code", "programme", "goal"]
    search_fields = ["code", "programme", "target", "indicator"]


class EntityLiaisonViewSet(SnippetViewSet):
    """The liaison directory: personal data, for the office's staff only (docs/personal-data.md)."""

    model = EntityLiaison
    icon = "user"
    menu_label = _("Directorio de enlaces")
    url_prefix = "cooperacion/enlaces"
    filterset_class = EntityLiaisonFilterSet
    list_display = ["full_name", "position", "entity", "email", "phone", "start_date", "end_date", "user"]
    search_fields = ["full_name", "position", "email", "entity__name", "entity__acronym"]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        return EntityLiaison.objects.select_related("entity", "user")


class RegisterViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Registro de cooperación")
    menu_icon = "globe"
    menu_order = 200
    # Other items of the group's menu (the spreadsheet import) register with this hook.
    submenu_hook = "register_cooperation_register_menu_item"
    items = (
        CooperationActionViewSet,
        PartnerViewSet,
        DistrictEntityViewSet,
        SectorViewSet,
        ThematicTableViewSet,
        TransversalAxisViewSet,
        DevelopmentPlanTargetViewSet,
        EntityLiaisonViewSet,
    )
