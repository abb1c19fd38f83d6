from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from cooperacion.models import DistrictEntity, Sector, ThematicTable

from .figures import plan_years, request_years
from .models import AssistanceRequest, Flag, Modality, PlanStatus, PrioritiesPlan, RequestStatus


def as_choices(years):
    return lambda: [(year, year) for year in years()]


class AssistanceRequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("Estado"), choices=RequestStatus.choices)
    flag = django_filters.ChoiceFilter(label=_("Alerta"), choices=Flag.choices, method="filter_flag")
    modality = django_filters.MultipleChoiceFilter(label=_("Modalidad"), choices=Modality.choices)
    entity = django_filters.ModelMultipleChoiceFilter(
        label=_("Entidad"), queryset=DistrictEntity.objects.all()
    )
    sector = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), field_name="entity__sector"
    )
    year = django_filters.MultipleChoiceFilter(
        label=_("Año de recepción"), choices=as_choices(request_years), field_name="received_on__year"
    )
    mine = django_filters.BooleanFilter(label=_("Asignadas a mí"), method="filter_mine")

    class Meta:
        model = AssistanceRequest
        fields = []

    def filter_flag(self, queryset, name, value):
        return queryset.flagged(value) if value else queryset

    def filter_mine(self, queryset, name, value):
        if value is None:
            return queryset
        user = self.request.user
        return queryset.filter(assignee=user) if value else queryset.exclude(assignee=user)


class PrioritiesPlanFilterSet(WagtailFilterSet):
    year = django_filters.MultipleChoiceFilter(label=_("Año"), choices=as_choices(plan_years))
    sector = django_filters.ModelMultipleChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    status = django_filters.MultipleChoiceFilter(label=_("Estado"), choices=PlanStatus.choices)
    theme = django_filters.ModelMultipleChoiceFilter(
        label=_("Tema"), queryset=ThematicTable.objects.all(), field_name="priorities__theme", distinct=True
    )

    class Meta:
        model = PrioritiesPlan
        fields = []
