"""The public parameters of the register search, defined once for the page, the API and exports."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

import django_filters
from django_countries import countries

from cooperacion.models import (
    ActionType,
    CooperationAction,
    DistrictEntity,
    Partner,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
)
from cooperacion.models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS

from .documents import FACETS
from .engines.base import SearchRequest
from .engines.database import DatabaseEngine
from .query import MAX_QUERY_LENGTH, clean_query

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Engines page through at most this many hits; past it, filters narrow better than paging.
MAX_RESULT_WINDOW = 10_000
YEARS = {"min_value": 1990, "max_value": 2100}
REPEATABLE = _("Se puede repetir: coincide cualquiera de los valores.")


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class IdsField(forms.ModelMultipleChoiceField):
    """Ids checked as numbers a database key can hold before they are looked up."""

    def _check_values(self, value):
        for key in value:
            if not str(key).isdigit() or int(key) >= 2**63:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                )
        return super()._check_values(value)


class PublicRecordsFilter(django_filters.ModelMultipleChoiceFilter):
    """Choices limited to what public records use: a partner known only from a draft or an
    unauthorised record is not a valid choice, so its name never shows."""

    field_class = IdsField

    def __init__(self, *args, link, **kwargs):
        self.link = link
        # The path is what the OpenAPI schema reads the values' type from (the search filters by id).
        super().__init__(*args, field_name=link, **kwargs)

    def get_queryset(self, request):
        used = CooperationAction.objects.public().values(self.link)
        return self.queryset.filter(pk__in=used)


class RecordSearchForm(forms.Form):
    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from is not None and year_to is not None and year_from > year_to:
            self.add_error("year_to", _("El año final no puede ser anterior al inicial."))
        page = cleaned.get("page") or 1
        page_size = cleaned.get("page_size") or DEFAULT_PAGE_SIZE
        if page * page_size > MAX_RESULT_WINDOW:
            self.add_error(
                "page",
                _("Solo se pueden recorrer los primeros %(count)s resultados: afine la búsqueda con filtros.")
                % {"count": f"{MAX_RESULT_WINDOW:,}".replace(",", ".")},
            )
        return cleaned


class RecordSearchFilterSet(django_filters.FilterSet):
    """Validates a visitor's parameters into a `SearchRequest`.

    Filtering a queryset of records (`.qs`, as django-filter's DRF backend does) goes through the
    database engine's index, so every surface matches the same records for the same parameters.
    """

    q = django_filters.CharFilter(
        label=_("Palabras"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "Palabras que deben estar en el título, el resumen, los resultados o los nombres de "
            "aliados y entidades, en español o en inglés."
        ),
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Tipo de acción"), choices=ActionType.choices, help_text=REPEATABLE
    )
    partner_type = django_filters.MultipleChoiceFilter(
        label=_("Tipo de aliado"), choices=PartnerType.choices, help_text=REPEATABLE
    )
    partner = PublicRecordsFilter(
        label=_("Aliado"),
        queryset=Partner.objects.all(),
        link="partner_links__partner",
        help_text=_("Id de un aliado (los de la faceta «partner»). Se puede repetir."),
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("País"),
        choices=lambda: list(countries),
        # Matches the partners' countries and the action's; the schema reads the type from here.
        field_name="countries",
        help_text=_(
            "País de un aliado o de la acción: código ISO 3166-1 de dos letras (CO, FR…). Se puede repetir."
        ),
    )
    entity = PublicRecordsFilter(
        label=_("Entidad distrital"),
        queryset=DistrictEntity.objects.all(),
        link="entity_links__entity",
        help_text=_("Id de una entidad distrital. Se puede repetir."),
    )
    sector = PublicRecordsFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        link="entity_links__entity__sector",
        help_text=_("Id de un sector de la administración distrital. Se puede repetir."),
    )
    sdg = django_filters.MultipleChoiceFilter(
        label=_("Objetivo de Desarrollo Sostenible"),
        choices=[(str(number), name) for number, name in SUSTAINABLE_DEVELOPMENT_GOALS.items()],
        help_text=_("Número del Objetivo de Desarrollo Sostenible, de 1 a 17. Se puede repetir."),
    )
    thematic_table = PublicRecordsFilter(
        label=_("Mesa temática"),
        queryset=ThematicTable.objects.all(),
        link="thematic_table",
        help_text=_("Id de una mesa temática. Se puede repetir."),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Estado"), choices=Status.choices, help_text=REPEATABLE
    )
    year_from = IntegerFilter(
        label=_("Desde el año"),
        help_text=_("Desde este año (el de inicio, o de firma, o de identificación), inclusive."),
        **YEARS,
    )
    year_to = IntegerFilter(
        label=_("Hasta el año"), help_text=_("Hasta este año, inclusive; no antes de year_from."), **YEARS
    )
    sort = django_filters.ChoiceFilter(
        label=_("Ordenar por"),
        choices=[
            ("relevance", _("Relevancia")),
            ("newest", _("Más recientes")),
            ("amount", _("Mayor valor")),
        ],
        empty_label=None,
        help_text=_(
            "relevance: lo que mejor coincide con las palabras; newest: lo más reciente primero (sin "
            "palabras, el orden por defecto); amount: el mayor valor autorizado primero."
        ),
    )
    page = IntegerFilter(
        label=_("Página"),
        min_value=1,
        help_text=_("Página de resultados, desde 1. Solo se recorren los primeros 10.000 resultados."),
    )
    page_size = IntegerFilter(
        label=_("Resultados por página"),
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        help_text=_("Resultados por página, de 1 a 100 (20 si no se indica)."),
    )

    class Meta:
        model = CooperationAction
        fields = []
        form = RecordSearchForm

    def search_request(self) -> SearchRequest:
        """The request the valid parameters describe (invalid ones are left out)."""
        self.is_valid()
        data = self.form.cleaned_data
        filters = {}
        for facet in FACETS:
            values = data.get(facet)
            if facet == "year" or not values:
                continue
            filters[facet] = tuple(sorted(str(getattr(value, "pk", value)) for value in values))
        return SearchRequest(
            query=data.get("q") or "",
            filters=filters,
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            sort=data.get("sort") or "",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or DEFAULT_PAGE_SIZE,
        )

    def filter_queryset(self, queryset):
        return queryset.filter(pk__in=DatabaseEngine().matching_ids(self.search_request()))


# A page of results has an order and a place in the list; downloads and figures read every match.
PAGING_PARAMETERS = ("sort", "page", "page_size")


def every_public_match(params) -> RecordSearchFilterSet:
    """The search's filters over the public records, paging and order left out: what the
    downloads, the IATI file and the figures read."""
    params = params.copy()
    for key in PAGING_PARAMETERS:
        params.pop(key, None)
    return RecordSearchFilterSet(params, queryset=CooperationAction.objects.public())


def valid_filters(filterset) -> QueryDict:
    """The visitor's filter parameters without the ones in error and without paging and order:
    what a link to the same selection elsewhere (search, downloads, figures) carries."""
    filterset.is_valid()
    query = QueryDict(mutable=True)
    for key in filterset.filters:
        if key in PAGING_PARAMETERS or key in filterset.errors:
            continue
        # The value(s) the form read: a single-valued field reads only the last of repeated values.
        read = filterset.form.fields[key].widget.value_from_datadict(filterset.data, {}, key)
        values = [value for value in (read if isinstance(read, list) else [read]) if value]
        if values:
            query.setlist(key, values)
    return query


def invalid_parameters(filterset, detail=None) -> dict:
    """The body of every 400 answer to bad search parameters, whatever the format asked for."""
    return {"detail": detail or _("Parámetros no válidos."), "errors": filterset.errors.get_json_data()}
