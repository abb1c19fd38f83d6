"""The filters of the good-practice index, defined once for the page (and any later API or admin list)."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

import django_filters

from cooperacion.models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS

from .models import GoodPracticePage, MipgPolicyCode

YEARS = {"min_value": 1990, "max_value": 2100}


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class GoodPracticeFilterSet(django_filters.FilterSet):
    """Filters a queryset of sheets by MIPG policy, responsible office, start year and SDG.

    The office and year options are the ones the given sheets use; a value that is not valid is a
    form error the page reports (with status 400), never a server error.
    """

    policy = django_filters.ChoiceFilter(
        label=_("Política de MIPG"),
        choices=MipgPolicyCode.choices,
        field_name="mipg_policies",
        empty_label=_("Todas"),
    )
    office = django_filters.ChoiceFilter(
        label=_("Dependencia responsable"),
        choices=[],
        field_name="responsible_office",
        empty_label=_("Todas"),
    )
    year = IntegerFilter(
        label=_("Año de inicio"),
        field_name="start_date",
        lookup_expr="year",
        **YEARS,
    )
    sdg = django_filters.ChoiceFilter(
        label=_("Objetivo de Desarrollo Sostenible"),
        choices=[
            (str(number), format_lazy("{}. {}", number, name))
            for number, name in SUSTAINABLE_DEVELOPMENT_GOALS.items()
        ],
        field_name="sdgs",
        empty_label=_("Todos"),
    )

    class Meta:
        model = GoodPracticePage
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        base = self.queryset.order_by()
        offices = sorted(set(base.values_list("responsible_office", flat=True)))
        self.filters["office"].extra["choices"] = [(office, office) for office in offices]
        years = [date.year for date in base.dates("start_date", "year", order="DESC")]
        chosen = (data or {}).get("year")
        if (
            chosen
            and chosen.isdigit()
            and YEARS["min_value"] <= int(chosen) <= YEARS["max_value"]
            and int(chosen) not in years
        ):
            years = sorted([*years, int(chosen)], reverse=True)
        # A plain select of the years in use; the field still validates any year as a number.
        self.filters["year"].extra["widget"] = forms.Select(
            choices=[("", _("Todos")), *((year, year) for year in years)]
        )
