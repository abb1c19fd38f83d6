from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from search.filters import YEARS, IntegerFilter

from .models import (
    ActionType,
    CooperationAction,
    DistrictEntity,
    EntityLiaison,
    PartnerType,
    ResultPage,
    Sector,
    Status,
    SustainableDevelopmentGoal,
    ThematicTable,
)


def year_choices():
    years = CooperationAction.objects.order_by("-year").values_list("year", flat=True).distinct()
    return [(year, year) for year in years]


class CooperationActionAdminFilterSet(WagtailFilterSet):
    """The editors' listing filters in the Wagtail admin."""

    action_type = django_filters.MultipleChoiceFilter(label=_("Tipo de acción"), choices=ActionType.choices)
    status = django_filters.MultipleChoiceFilter(label=_("Estado"), choices=Status.choices)
    partner_type = django_filters.MultipleChoiceFilter(
        label=_("Tipo de aliado"),
        choices=PartnerType.choices,
        field_name="partner_links__partner__partner_type",
        distinct=True,
    )
    entity = django_filters.ModelMultipleChoiceFilter(
        label=_("Entidad"),
        queryset=DistrictEntity.objects.all(),
        field_name="entity_links__entity",
        distinct=True,
    )
    sector = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        field_name="entity_links__entity__sector",
        distinct=True,
    )
    sdg = django_filters.ModelMultipleChoiceFilter(
        label=_("ODS"), queryset=SustainableDevelopmentGoal.objects.all(), field_name="sdgs", distinct=True
    )
    year = django_filters.MultipleChoiceFilter(label=_("Año"), choices=year_choices)
    publication_authorised = django_filters.BooleanFilter(label=_("El aliado autoriza publicar"))

    class Meta:
        model = CooperationAction
        fields = []


class EntityLiaisonFilterSet(WagtailFilterSet):
    """The liaison directory's filters: by entity and by whether the period is current."""

    PERIODS = {
        "vigente": ("current", _("Vigentes")),
        "pasado": ("past", _("Pasados")),
        "proximo": ("upcoming", _("Próximos")),
    }

    entity = django_filters.ModelMultipleChoiceFilter(
        label=_("Entidad"), queryset=DistrictEntity.objects.all()
    )
    period = django_filters.ChoiceFilter(
        label=_("Periodo"),
        choices=[(value, label) for value, (_method, label) in PERIODS.items()],
        method="filter_period",
    )

    class Meta:
        model = EntityLiaison
        fields = []

    def filter_period(self, queryset, name, value):
        return getattr(queryset, self.PERIODS[value][0])()


class ResultFilterSet(django_filters.FilterSet):
    """The public filters of the results index."""

    year = IntegerFilter(label=_("Año"), field_name="date", lookup_expr="year", **YEARS)
    partner_type = django_filters.ChoiceFilter(
        label=_("Tipo de aliado"), choices=PartnerType.choices, method="filter_partner_type"
    )
    sdg = django_filters.ModelChoiceFilter(
        label=_("ODS"), field_name="sdgs", queryset=SustainableDevelopmentGoal.objects.all()
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Tema"), field_name="thematic_table", queryset=ThematicTable.objects.all()
    )

    class Meta:
        model = ResultPage
        fields = []

    def filter_partner_type(self, queryset, name, value):
        # Through the linked records anyone may see: a hidden record's partner does not count.
        public = CooperationAction.objects.public().filter(partner_links__partner__partner_type=value)
        return queryset.filter(linked_records__action__in=public).distinct()
