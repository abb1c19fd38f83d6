"""The data dictionary of the register's open data: every column of the downloads, defined once.

The CSV, XLSX and JSON downloads, their JSON Schema, the dataset page's dictionary table and the
schema.org and DCAT metadata are all generated from `COLUMNS`. A column's name is a stable
identifier (Spanish, snake_case, ASCII) that does not change with the visitor's language: there is
one dataset, whose texts are in Spanish with their English versions in the `_en` columns.

Columns read an `ExportRecord`: a record's exported fields and its links as plain values, read by
`export_records` a chunk at a time. Reading a column gives `None` for an empty value, `str`, `int`,
`Decimal`, `date`, `bool`, or a list of strings. Each format writes them its own way (see
`writers`); in CSV and XLSX a list is one cell with its items joined by `LIST_SEPARATOR`.

Only what the partner authorised leaves: amounts are empty unless `shows_amounts`, results unless
`shows_results`; internal notes, the authorisation's evidence and liaison data are never read.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import islice
from types import SimpleNamespace
from typing import Any, NamedTuple

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import (
    ActionEntity,
    ActionPartner,
    ActionType,
    AuthorisationScope,
    BogotaLocality,
    CooperationAction,
    DevelopmentPlanTarget,
    Dimension,
    DistrictEntity,
    InstrumentKind,
    LineOfAction,
    Partner,
    PartnerRole,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
    TransversalAxis,
)
from ..models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS

LIST_SEPARATOR = " | "

Value = None | str | int | Decimal | date | bool | list[str]


class ColumnType(models.TextChoices):
    TEXT = "texto", _("Texto")
    INTEGER = "entero", _("Número entero")
    DECIMAL = "decimal", _("Número decimal")
    DATE = "fecha", _("Fecha (ISO 8601: AAAA-MM-DD)")
    BOOLEAN = "booleano", _("Booleano (true o false)")
    LIST = "lista", _("Lista (en CSV y XLSX, elementos separados por « | »)")


@dataclass(frozen=True)
class Codelist:
    """Where a column's values come from: the codes written in the files and what each means."""

    title: Promise
    source: str
    entries: Callable[[], list[tuple[str, str]]]
    # Closed: every valid value is listed (the JSON Schema enumerates them). Open: a reference list
    # editors extend, or an international standard (`url`).
    closed: bool = True
    url: str = ""

    def codes(self) -> list[str]:
        return [code for code, _label in self.entries()]


def choices_codelist(title, choices: type[models.TextChoices]) -> Codelist:
    return Codelist(
        title,
        f"{choices.__module__}.{choices.__qualname__}",
        lambda: [(value, str(label)) for value, label in choices.choices],
    )


def reference_codelist(title, model, queryset, code, label) -> Codelist:
    """A list editors keep as snippets: the file carries `code(item)`, in Spanish."""
    return Codelist(
        title,
        f"{model.__module__.rsplit('.', 1)[0]}.{model.__name__}",
        lambda: [(code(item), label(item)) for item in queryset()],
        closed=False,
    )


def standard_codelist(title, source, url) -> Codelist:
    return Codelist(title, source, list, closed=False, url=url)


def _public_partners():
    # Only partners of public records: a partner known only from a draft or an unauthorised
    # record is never named.
    used = CooperationAction.objects.public().values("partner_links__partner")
    return Partner.objects.filter(pk__in=used)


def _partner_label(partner):
    country = partner.country.name if partner.country else ""
    return " · ".join(str(part) for part in (PartnerType(partner.partner_type).label, country) if part)


ACTION_TYPES = choices_codelist(_("Tipos de acción"), ActionType)
INSTRUMENT_KINDS = choices_codelist(_("Tipos de instrumento"), InstrumentKind)
LINES_OF_ACTION = choices_codelist(_("Líneas de acción"), LineOfAction)
DIMENSIONS = choices_codelist(_("Dimensiones"), Dimension)
STATUSES = choices_codelist(_("Estados"), Status)
PARTNER_TYPES = choices_codelist(_("Tipos de aliado"), PartnerType)
PARTNER_ROLES = choices_codelist(_("Roles del aliado"), PartnerRole)
AUTHORISATION_SCOPES = choices_codelist(_("Alcances de la autorización"), AuthorisationScope)
LOCALITIES = choices_codelist(_("Localidades de Bogotá"), BogotaLocality)
SDGS = Codelist(
    _("Objetivos de Desarrollo Sostenible"),
    "cooperacion.models.codelists.SUSTAINABLE_DEVELOPMENT_GOALS",
    lambda: [(str(number), str(name)) for number, name in SUSTAINABLE_DEVELOPMENT_GOALS.items()],
)
COUNTRIES = standard_codelist(
    _("Países (ISO 3166-1 alfa-2)"), "ISO 3166-1", "https://www.iso.org/iso-3166-country-codes.html"
)
CURRENCIES = standard_codelist(
    _("Monedas (ISO 4217)"), "ISO 4217", "https://www.iso.org/iso-4217-currency-codes.html"
)
PARTNERS = reference_codelist(
    _("Aliados de los registros publicados"),
    Partner,
    _public_partners,
    code=lambda partner: partner.name,
    label=_partner_label,
)
ENTITIES = reference_codelist(
    _("Entidades distritales"),
    DistrictEntity,
    DistrictEntity.objects.all,
    code=lambda entity: entity.name,
    label=str,
)
SECTORS = reference_codelist(
    _("Sectores de la administración distrital"),
    Sector,
    Sector.objects.all,
    code=lambda sector: sector.name,
    label=lambda sector: sector.display_name,
)
THEMATIC_TABLES = reference_codelist(
    _("Mesas temáticas"),
    ThematicTable,
    ThematicTable.objects.all,
    code=lambda table: table.name,
    label=lambda table: table.display_name,
)
TRANSVERSAL_AXES = reference_codelist(
    _("Ejes transversales"),
    TransversalAxis,
    TransversalAxis.objects.all,
    code=lambda axis: axis.name,
    label=lambda axis: axis.display_name,
)
PLAN_TARGETS = reference_codelist(
    _("Metas del Plan Distrital de Desarrollo"),
    DevelopmentPlanTarget,
    DevelopmentPlanTarget.objects.all,
    code=lambda target: target.code,
    label=lambda target: target.display_target,
)


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: Promise
    read: Callable[["ExportRecord", str], Any]
    codelist: Codelist | None = None
    # Never empty: every record has it.
    required: bool = False


class PartnerLink(NamedTuple):
    name: str
    partner_type: str
    country: str
    role: str


class EntityLink(NamedTuple):
    name: str
    sector: str


class ExportRecord(SimpleNamespace):
    """A public record as the columns read it: the fields in `RECORD_FIELDS`, the names of its
    thematic table and plan target, and its links (`partners`, `entities`, `transversal_axes`,
    `sdgs`, `localities`) as plain values. What may be published, and the record's URL, follow the
    model's own rules."""

    shows_amounts = property(CooperationAction.shows_amounts.fget)
    shows_results = property(CooperationAction.shows_results.fget)
    get_absolute_url = CooperationAction.get_absolute_url


# Readers: (record, origin) -> value, where origin is the site's "https://host" for absolute URLs.


def _text(name):
    return lambda record, origin: getattr(record, name) or None


def _value(name):
    return lambda record, origin: getattr(record, name)


def _amount(name):
    return lambda record, origin: getattr(record, name) if record.shows_amounts else None


def _result(name):
    return lambda record, origin: (getattr(record, name) or None) if record.shows_results else None


def _unique(values):
    return list(dict.fromkeys(values))


COLUMNS: list[Column] = [
    Column(
        "id",
        ColumnType.INTEGER,
        _("Identificador del registro en el portal; no cambia."),
        _value("pk"),
        required=True,
    ),
    Column(
        "url_ficha",
        ColumnType.TEXT,
        _("Dirección de la ficha pública del registro (en español)."),
        lambda record, origin: origin + record.get_absolute_url(),
        required=True,
    ),
    Column("titulo", ColumnType.TEXT, _("Título de la acción, en español."), _text("title"), required=True),
    Column("titulo_en", ColumnType.TEXT, _("Título de la acción en inglés, si lo tiene."), _text("title_en")),
    Column(
        "resumen", ColumnType.TEXT, _("Resumen de la acción, en español."), _text("summary"), required=True
    ),
    Column("resumen_en", ColumnType.TEXT, _("Resumen en inglés, si lo tiene."), _text("summary_en")),
    Column(
        "tipo",
        ColumnType.TEXT,
        _("Tipo de acción."),
        _value("action_type"),
        ACTION_TYPES,
        required=True,
    ),
    Column(
        "tipo_instrumento",
        ColumnType.TEXT,
        _("Solo para los instrumentos de cooperación internacional: qué instrumento es."),
        _text("instrument_kind"),
        INSTRUMENT_KINDS,
    ),
    Column(
        "linea_accion",
        ColumnType.TEXT,
        _("Línea de acción de la estrategia de internacionalización."),
        _value("line_of_action"),
        LINES_OF_ACTION,
        required=True,
    ),
    Column(
        "dimension",
        ColumnType.TEXT,
        _("Dimensión de la acción."),
        _value("dimension"),
        DIMENSIONS,
        required=True,
    ),
    Column("estado", ColumnType.TEXT, _("Estado de la acción."), _value("status"), STATUSES, required=True),
    Column(
        "fecha_identificacion",
        ColumnType.DATE,
        _("Fecha en que se identificó la oportunidad."),
        _value("date_identified"),
        required=True,
    ),
    Column("fecha_firma", ColumnType.DATE, _("Fecha de firma, si la hubo."), _value("date_signed")),
    Column("fecha_inicio", ColumnType.DATE, _("Fecha de inicio."), _value("start_date")),
    Column("fecha_finalizacion", ColumnType.DATE, _("Fecha de finalización."), _value("end_date")),
    Column(
        "anio",
        ColumnType.INTEGER,
        _(
            "Año de la acción: el de inicio, o el de firma, o el de identificación. Es el que usan los filtros."
        ),
        _value("year"),
        required=True,
    ),
    Column(
        "aliados",
        ColumnType.LIST,
        _("Nombres de los aliados, en el orden del registro."),
        lambda record, origin: [partner.name for partner in record.partners],
        PARTNERS,
    ),
    Column(
        "aliados_tipos",
        ColumnType.LIST,
        _("Tipo de cada aliado, en el mismo orden que «aliados»."),
        lambda record, origin: [partner.partner_type for partner in record.partners],
        PARTNER_TYPES,
    ),
    Column(
        "aliados_paises",
        ColumnType.LIST,
        _("País de cada aliado, en el mismo orden que «aliados»; vacío si no tiene país."),
        lambda record, origin: [partner.country for partner in record.partners],
        COUNTRIES,
    ),
    Column(
        "aliados_roles",
        ColumnType.LIST,
        _("Rol de cada aliado en la acción, en el mismo orden que «aliados»."),
        lambda record, origin: [partner.role for partner in record.partners],
        PARTNER_ROLES,
    ),
    Column(
        "entidades",
        ColumnType.LIST,
        _("Entidades distritales que participan."),
        lambda record, origin: [entity.name for entity in record.entities],
        ENTITIES,
    ),
    Column(
        "sectores",
        ColumnType.LIST,
        _("Sectores de la administración distrital de esas entidades, sin repetir."),
        lambda record, origin: _unique(entity.sector for entity in record.entities),
        SECTORS,
    ),
    Column(
        "mesa_tematica",
        ColumnType.TEXT,
        _("Mesa temática de la Mesa para la Internacionalización de Bogotá."),
        _value("thematic_table_name"),
        THEMATIC_TABLES,
    ),
    Column(
        "ejes_transversales",
        ColumnType.LIST,
        _("Ejes transversales de la Mesa para la Internacionalización."),
        _value("transversal_axes"),
        TRANSVERSAL_AXES,
    ),
    Column(
        "ods",
        ColumnType.LIST,
        _("Objetivos de Desarrollo Sostenible a los que aporta, por su número."),
        _value("sdgs"),
        SDGS,
    ),
    Column(
        "meta_pdd",
        ColumnType.TEXT,
        _("Código de la meta del Plan Distrital de Desarrollo a la que aporta."),
        _value("plan_target_code"),
        PLAN_TARGETS,
    ),
    Column(
        "paises",
        ColumnType.LIST,
        _("Países involucrados en la acción."),
        lambda record, origin: [code for code in record.countries.split(",") if code],
        COUNTRIES,
    ),
    Column(
        "todo_el_distrito",
        ColumnType.BOOLEAN,
        _("true si la acción abarca todo el Distrito; false si se limita a localidades."),
        _value("citywide"),
        required=True,
    ),
    Column(
        "localidades",
        ColumnType.LIST,
        _("Localidades de Bogotá, por su número oficial."),
        _value("localities"),
        LOCALITIES,
    ),
    Column(
        "valor",
        ColumnType.DECIMAL,
        _("Valor en la moneda original. Vacío si no se registró o si el aliado no autorizó publicar montos."),
        _amount("amount"),
    ),
    Column(
        "moneda",
        ColumnType.TEXT,
        _("Moneda del valor. Vacía cuando el valor está vacío."),
        lambda record, origin: (record.currency or None) if record.shows_amounts else None,
        CURRENCIES,
    ),
    Column(
        "valor_cop",
        ColumnType.DECIMAL,
        _("Valor en pesos colombianos. Vacío en los mismos casos que «valor»."),
        _amount("amount_cop"),
    ),
    Column(
        "valor_usd",
        ColumnType.DECIMAL,
        _("Valor en dólares estadounidenses, con la TRM. Vacío en los mismos casos que «valor»."),
        _amount("amount_usd"),
    ),
    Column(
        "en_especie",
        ColumnType.BOOLEAN,
        _("true si el aporte es en especie. Vacío si el aliado no autorizó publicar montos."),
        _amount("in_kind"),
    ),
    Column(
        "resultados",
        ColumnType.TEXT,
        _("Resultados alcanzados, en español. Vacío si el aliado no autorizó publicar resultados."),
        _result("results"),
    ),
    Column(
        "resultados_en",
        ColumnType.TEXT,
        _("Resultados en inglés, en las mismas condiciones."),
        _result("results_en"),
    ),
    Column(
        "alcance_autorizacion",
        ColumnType.TEXT,
        _("Qué autorizó publicar el aliado: de él dependen los montos y los resultados."),
        _value("authorisation_scope"),
        AUTHORISATION_SCOPES,
        required=True,
    ),
    Column(
        "ultima_actualizacion",
        ColumnType.DATE,
        _("Fecha de la última modificación del registro (hora de Bogotá)."),
        lambda record, origin: timezone.localdate(record.updated_at),
        required=True,
    ),
]

COLUMN_NAMES = [column.name for column in COLUMNS]


# The record's own fields the columns read (nothing else is fetched: never its internal notes).
RECORD_FIELDS = (
    "pk",
    "title",
    "title_en",
    "summary",
    "summary_en",
    "action_type",
    "instrument_kind",
    "line_of_action",
    "dimension",
    "status",
    "date_identified",
    "date_signed",
    "start_date",
    "end_date",
    "year",
    "countries",
    "citywide",
    "amount",
    "currency",
    "amount_cop",
    "amount_usd",
    "in_kind",
    "results",
    "results_en",
    "authorisation_scope",
    "updated_at",
)
LINKS = ("partners", "entities", "transversal_axes", "sdgs", "localities")


def read_row(record: ExportRecord, origin: str) -> list[Value]:
    return [column.read(record, origin) for column in COLUMNS]


def export_records(queryset, chunk_size: int) -> Iterator[list[ExportRecord]]:
    """The records of `queryset` in the order of their ids, `chunk_size` at a time: one query
    streams the records (`iterator(chunk_size=...)`), five more per chunk read their links.

    The links are read as tuples rather than through `prefetch_related`, which builds some ten
    model instances per record (and modelcluster managers on every access): reading them took
    fifteen times longer, and the whole download four to five times, too slow to send 100,000
    records within a worker's timeout (see docs/open-data.md).
    """
    rows = (
        queryset.annotate(
            thematic_table_name=F("thematic_table__name"),
            plan_target_code=F("development_plan_target__code"),
        )
        .order_by("pk")
        .values(*RECORD_FIELDS, "thematic_table_name", "plan_target_code")
        .iterator(chunk_size=chunk_size)
    )
    while chunk := list(islice(rows, chunk_size)):
        links = _links([row["pk"] for row in chunk])
        yield [ExportRecord(**row, **{name: links[name][row["pk"]] for name in LINKS}) for row in chunk]


def _links(ids: list[int]) -> dict[str, dict[int, list]]:
    links = {name: defaultdict(list) for name in LINKS}
    partners = ActionPartner.objects.filter(action_id__in=ids).order_by("action_id", "sort_order", "pk")
    for action_id, *partner in partners.values_list(
        "action_id", "partner__name", "partner__partner_type", "partner__country", "role"
    ):
        links["partners"][action_id].append(PartnerLink(*partner))
    entities = ActionEntity.objects.filter(action_id__in=ids).order_by("action_id", "sort_order", "pk")
    for action_id, *entity in entities.values_list("action_id", "entity__name", "entity__sector__name"):
        links["entities"][action_id].append(EntityLink(*entity))
    for name, target in (
        ("transversal_axes", "transversalaxis__name"),
        ("sdgs", "sustainabledevelopmentgoal_id"),
        ("localities", "locality_id"),
    ):
        through = getattr(CooperationAction, name).through.objects.filter(cooperationaction_id__in=ids)
        for action_id, value in through.order_by("cooperationaction_id", target).values_list(
            "cooperationaction_id", target
        ):
            links[name][action_id].append(str(value))
    return links
