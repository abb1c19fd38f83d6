"""Importing the legacy register from spreadsheets (.xlsx or .csv).

The core of the import, with no admin or command concerns: `import_actions(path, ...)` reads the
file, validates every row (its own parsing rules, then the model's `full_clean()`), and writes the
valid rows, all or nothing, in one transaction. It returns an `ImportReport` that accounts for every
data row. docs/import.md describes the layout, the matching rules and the behaviour.
"""

import csv
import datetime
import functools
import io
import logging
import re
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import connection, transaction
from django.db.models import CharField, CheckConstraint, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

import pycountry
from django_countries import countries as country_list

from .audit import record_entities
from .models import (
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
    Locality,
    Partner,
    PartnerRole,
    PartnerType,
    Status,
    SustainableDevelopmentGoal,
    ThematicTable,
    TransversalAxis,
    normalize_name,
)
from .models.codelists import validate_currency

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = (".xlsx", ".csv")
CHUNK = 500

CREATED = "created"
UPDATED = "updated"
REJECTED = "rejected"
OUTCOME_LABELS = {
    CREATED: _("creada"),
    UPDATED: _("actualizada"),
    REJECTED: _("rechazada"),
}


class ImportFileError(Exception):
    """The file cannot be read at all (wrong format, corrupt, not UTF-8): no row can be examined."""


# --- The legacy layout ------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False


COLUMNS = [
    Column("external_id", "ID", required=True),
    Column("title", "Título", required=True),
    Column("title_en", "Título en inglés"),
    Column("summary", "Resumen", required=True),
    Column("summary_en", "Resumen en inglés"),
    Column("description", "Descripción"),
    Column("action_type", "Tipo de acción", required=True),
    Column("instrument_kind", "Tipo de instrumento"),
    Column("line_of_action", "Línea de acción", required=True),
    Column("dimension", "Dimensión", required=True),
    Column("status", "Estado", required=True),
    Column("date_identified", "Fecha de identificación", required=True),
    Column("date_signed", "Fecha de firma"),
    Column("start_date", "Fecha de inicio"),
    Column("end_date", "Fecha de finalización"),
    Column("partners", "Aliados"),
    Column("entities", "Entidades", required=True),
    Column("thematic_table", "Mesa temática"),
    Column("transversal_axes", "Ejes transversales"),
    Column("sdgs", "ODS"),
    Column("development_plan_target", "Meta PDD"),
    Column("amount", "Valor"),
    Column("currency", "Moneda"),
    Column("exchange_rate_cop", "Tasa a pesos"),
    Column("usd_rate_cop", "TRM"),
    Column("exchange_rate_date", "Fecha de las tasas"),
    Column("amount_cop", "Valor en pesos"),
    Column("amount_usd", "Valor en dólares"),
    Column("in_kind", "En especie"),
    Column("coverage", "Cobertura"),
    Column("countries", "Países"),
    Column("results", "Resultados"),
    Column("results_en", "Resultados en inglés"),
    Column("publication_authorised", "Autoriza publicar"),
    Column("authorisation_date", "Fecha de autorización"),
    Column("authorisation_scope", "Alcance de la autorización"),
    Column("internal_notes", "Observaciones internas"),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}

TEXT_COLUMNS = [
    "external_id",
    "title",
    "title_en",
    "summary",
    "summary_en",
    "description",
    "results",
    "results_en",
    "internal_notes",
]
CODELIST_COLUMNS = {
    "action_type": ActionType,
    "instrument_kind": InstrumentKind,
    "line_of_action": LineOfAction,
    "dimension": Dimension,
    "status": Status,
    "authorisation_scope": AuthorisationScope,
}
DATE_COLUMNS = [
    "date_identified",
    "date_signed",
    "start_date",
    "end_date",
    "exchange_rate_date",
    "authorisation_date",
]
DECIMAL_COLUMNS = ["amount", "exchange_rate_cop", "usd_rate_cop", "amount_cop", "amount_usd"]
BOOLEAN_COLUMNS = ["in_kind", "publication_authorised"]

# Where the model's validation errors are shown: model field → column key.
FIELD_COLUMNS = {
    **{key: key for key in TEXT_COLUMNS + list(CODELIST_COLUMNS) + DATE_COLUMNS},
    **{key: key for key in DECIMAL_COLUMNS + BOOLEAN_COLUMNS},
    "currency": "currency",
    "year": "date_identified",
    "thematic_table": "thematic_table",
    "transversal_axes": "transversal_axes",
    "sdgs": "sdgs",
    "development_plan_target": "development_plan_target",
    "citywide": "coverage",
    "localities": "coverage",
    "countries": "countries",
    "partner_links": "partners",
    "entity_links": "entities",
}

# Every column of the record's row but its key: what save() writes.
ROW_FIELDS = [
    field
    for field in CooperationAction._meta.concrete_fields
    if not field.primary_key and field.name != "created_at"
]

FOREIGN_KEYS = [field.name for field in CooperationAction._meta.concrete_fields if field.many_to_one]
CHILD_RELATIONS = ["partner_links", "entity_links", "indicators", "documents"]
M2M_FIELDS = ["transversal_axes", "sdgs", "localities"]

CITYWIDE_WORDS = {"distrital", "todo el distrito", "toda la ciudad"}
TRUE_WORDS = {"si", "s", "x", "true", "verdadero", "1", "yes"}
FALSE_WORDS = {"no", "n", "false", "falso", "0"}
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
DMY_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
AMBIGUOUS_NUMBER = re.compile(r"^-?[1-9]\d{0,2}[.,]\d{3}$")
LIST_SEPARATOR = re.compile(r"\s*;\s*")
SDG_SEPARATOR = re.compile(r"\s*[;,]\s*")
LOCALITY_CODE = re.compile(r"0*(\d{1,2})")


@functools.lru_cache(maxsize=16384)
def normalized(text: str) -> str:
    """normalize_name(), remembered: a register repeats the same names thousands of times."""
    return normalize_name(text)


def row_values(action):
    return {field.attname: getattr(action, field.attname) for field in ROW_FIELDS}


def key(text) -> str:
    """Case-, accent-, spacing- and underscore-insensitive key: "Asistencia técnica" = "asistencia_tecnica"."""
    return normalized(str(text).replace("_", " "))


# --- The report -------------------------------------------------------------------------------


@dataclass
class RowError:
    column: str
    message: str


@dataclass
class RowResult:
    row: int
    external_id: str = ""
    title: str = ""
    outcome: str = REJECTED
    errors: list[RowError] = field(default_factory=list)
    note: str = ""
    pk: int | None = None

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]


@dataclass
class NewPartner:
    name: str
    partner_type: str
    country: str
    rows: list[int] = field(default_factory=list)

    @property
    def rows_summary(self):
        """The rows that use it; a long list is cut: "2, 5, 9 … (1.204 filas)"."""
        if len(self.rows) <= 12:
            return ", ".join(str(row) for row in self.rows)
        shown = ", ".join(str(row) for row in self.rows[:10])
        return gettext("%(rows)s … (%(count)s filas)") % {"rows": shown, "count": len(self.rows)}

    @property
    def partner_type_label(self):
        return PartnerType(self.partner_type).label if self.partner_type else ""

    @property
    def country_name(self):
        return str(country_list.name(self.country)) if self.country else ""


@dataclass
class ImportReport:
    filename: str = ""
    dry_run: bool = False
    accept_partial: bool = False
    publish: bool = False
    file_errors: list[RowError] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    new_partners: list[NewPartner] = field(default_factory=list)
    blank_rows: int = 0
    written: bool = False

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def total(self):
        return len(self.rows)

    @property
    def created(self):
        return self.count(CREATED)

    @property
    def updated(self):
        return self.count(UPDATED)

    @property
    def rejected(self):
        return self.count(REJECTED)

    @property
    def rejected_rows(self):
        return [row for row in self.rows if row.outcome == REJECTED]

    @property
    def valid(self):
        """Rows that are (or would be) written."""
        return self.total - self.rejected

    @property
    def can_write(self):
        """Whether a real import of this file, with these options, writes anything."""
        if self.file_errors or not self.valid:
            return False
        return not self.rejected or self.accept_partial

    def totals(self):
        return {
            "rows": self.total,
            "created": self.created,
            "updated": self.updated,
            "rejected": self.rejected,
            "new_partners": len(self.new_partners),
            "blank_rows": self.blank_rows,
        }


# --- Reading files ----------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Sí") if value else gettext("No")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value).replace("\xa0", " ").strip()


def read_table(path, progress=None, max_rows=None):
    """The header row and the data rows of the first sheet of an .xlsx, or of a .csv file.

    `progress(rows_read)` is called every few hundred rows of an .xlsx (the slow one to read).
    With `max_rows`, a file with more rows that are not blank is refused as soon as the reading
    gets there (what bounds the time and memory a small but dense upload can cost).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(gettext("No se encontró el archivo «%(name)s».") % {"name": path})
    if suffix == ".xlsx":
        return _read_xlsx(path, progress, max_rows)
    if suffix == ".csv":
        return _read_csv(path, max_rows)
    raise ImportFileError(
        gettext("El archivo debe ser una hoja de cálculo .xlsx o un archivo .csv (recibido: «%(name)s»).")
        % {"name": path.name}
    )


def is_blank(cells):
    return not any(_cell_text(cell) for cell in cells)


def _at_most(rows, max_rows):
    """The rows, refusing the file as soon as more than `max_rows` of them are not blank."""
    filled = 0
    for row in rows:
        if max_rows is not None and not is_blank(row):
            filled += 1
            if filled > max_rows:
                raise ImportFileError(
                    gettext(
                        "El archivo tiene más de %(max)s filas de datos, el máximo de esta importación: "
                        "divídalo en varios archivos o impórtelo con el comando import_actions."
                    )
                    % {"max": max_rows}
                )
        yield row


def _read_xlsx(path, progress=None, max_rows=None):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:
        raise ImportFileError(
            gettext("No se pudo leer el archivo como hoja de cálculo Excel (.xlsx): %(error)s")
            % {"error": str(error) or type(error).__name__}
        ) from error
    try:
        if not workbook.worksheets:
            raise ImportFileError(gettext("El archivo no tiene ninguna hoja."))
        sheet = workbook.worksheets[0]
        # Files not written by Excel often declare wrong dimensions: read what is there.
        sheet.reset_dimensions()
        rows = iter(sheet.iter_rows(values_only=True))
        header = next(rows, None)
        data = []
        for row in _at_most(rows, max_rows):
            data.append(tuple(row))
            if progress is not None and len(data) % 500 == 0:
                progress(len(data))
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(
            gettext("No se pudo leer el archivo como hoja de cálculo Excel (.xlsx): %(error)s")
            % {"error": str(error) or type(error).__name__}
        ) from error
    finally:
        workbook.close()
    return header, data


def _read_csv(path, max_rows=None):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            gettext(
                "El archivo CSV no está en UTF-8 (byte no válido en la posición %(position)s). "
                "Guárdelo como «CSV UTF-8 (delimitado por comas)»."
            )
            % {"position": error.start}
        ) from error
    if "\x00" in text:
        raise ImportFileError(gettext("El archivo no es un CSV de texto."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(gettext("No se pudo leer el CSV: %(error)s") % {"error": error}) from error
    if not rows:
        return None, []
    return tuple(rows[0]), [tuple(row) for row in _at_most(rows[1:], max_rows)]


# --- Parsing values ---------------------------------------------------------------------------


class CellError(Exception):
    pass


def parse_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _cell_text(value)
    if not text:
        return None
    match = ISO_DATE.match(text)
    try:
        if match:
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        match = DMY_DATE.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise CellError(
        gettext(
            "«%(value)s» no es una fecha válida: escriba AAAA-MM-DD (2024-03-15) o DD/MM/AAAA (15/03/2024)."
        )
        % {"value": text}
    )


def parse_decimal(value):
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise CellError(gettext("«%(value)s» no es un número.") % {"value": _cell_text(value)})
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation as error:
            raise CellError(gettext("«%(value)s» no es un número.") % {"value": value}) from error
        if not number.is_finite():
            raise CellError(gettext("«%(value)s» no es un número.") % {"value": value})
        return number
    original = _cell_text(value)
    text = re.sub(r"[\s\u202f]", "", original)
    if not text:
        return None
    if AMBIGUOUS_NUMBER.match(text):
        raise CellError(
            gettext(
                "«%(value)s» es ambiguo (¿separador de miles o decimal?): escríbalo sin separador de miles, "
                "por ejemplo 1234 o 1,234, o con los dos separadores, por ejemplo 1.234,00."
            )
            % {"value": original}
        )
    if "," in text and "." in text:
        # The last separator is the decimal one: 1.234,50 or 1,234.50.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    else:
        text = text.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise CellError(
            gettext("«%(value)s» no es un número: escriba por ejemplo 1234.5 o 1.234,50.")
            % {"value": original}
        )
    return Decimal(text)


def parse_boolean(value):
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    text = key(_cell_text(value))
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(gettext("«%(value)s» no es Sí ni No.") % {"value": _cell_text(value)})


def split_list(text, separator=LIST_SEPARATOR):
    return [item.strip() for item in separator.split(text) if item.strip()]


# --- Lookups ----------------------------------------------------------------------------------


class Codelist:
    """A TextChoices matched by value or Spanish label, accent- and case-insensitively."""

    def __init__(self, choices):
        self.choices = choices
        self.index = {}
        for language in ("en", "es"):  # Spanish last: it wins any clash
            with translation.override(language):
                for value, label in choices.choices:
                    self.index[key(label)] = value
        for value in choices.values:
            self.index[key(value)] = value

    def match(self, text):
        value = self.index.get(key(text))
        if value is None:
            with translation.override("es"):
                allowed = "; ".join(str(label) for label in self.choices.labels)
            raise CellError(
                gettext("«%(value)s» no es un valor válido. Valores posibles: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            )
        return value


class Lookups:
    """Every reference list the import matches against, loaded once into dictionaries."""

    def __init__(self):
        self.codelists = {column: Codelist(choices) for column, choices in CODELIST_COLUMNS.items()}
        self.partner_types = Codelist(PartnerType)
        self.partner_roles = Codelist(PartnerRole)

        self.partners_by_name = {}
        self.partners_by_acronym = defaultdict(list)
        for partner in Partner.objects.all():
            self.add_partner(partner)

        self.entities_by_name = {}
        self.entities_by_acronym = defaultdict(list)
        for entity in DistrictEntity.objects.all():
            self.entities_by_name[entity.normalized_name] = entity
            if entity.name_en:
                self.entities_by_name.setdefault(normalize_name(entity.name_en), entity)
            if entity.acronym:
                self.entities_by_acronym[entity.acronym.strip().casefold()].append(entity)

        self.tables = self._bilingual(ThematicTable)
        self.axes = self._bilingual(TransversalAxis)
        self.targets = {
            target.code.strip().casefold(): target for target in DevelopmentPlanTarget.objects.all()
        }
        self.sdgs = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}

        localities = {locality.code: locality for locality in Locality.objects.all()}
        self.localities = {}
        for code, label in BogotaLocality.choices:
            if code in localities:
                self.localities[code] = localities[code]
                self.localities[str(int(code))] = localities[code]
                self.localities[key(label)] = localities[code]

        self.countries = {}
        for country in pycountry.countries:
            for name in ("name", "official_name", "common_name"):
                if getattr(country, name, None):
                    self.countries[key(getattr(country, name))] = country.alpha_2
            self.countries[key(country.alpha_3)] = country.alpha_2
        for language in ("en", "es"):
            with translation.override(language):
                for code, name in country_list:
                    self.countries[key(name)] = code
        for code, _name in country_list:
            self.countries[key(code)] = code
        self.country_codes = {code for code, _name in country_list}

    @staticmethod
    def _bilingual(model):
        index = {}
        for obj in model.objects.all():
            index[obj.normalized_name] = obj
            if obj.name_en:
                index.setdefault(normalize_name(obj.name_en), obj)
        return index

    def add_partner(self, partner):
        self.partners_by_name[partner.normalized_name] = partner
        if partner.acronym:
            self.partners_by_acronym[partner.acronym.strip().casefold()].append(partner)

    def partner(self, name):
        """The existing partner called `name` (or with that acronym); None when unknown."""
        found = self.partners_by_name.get(normalized(name))
        if found is not None:
            return found
        by_acronym = self.partners_by_acronym.get(name.strip().casefold(), [])
        if len(by_acronym) > 1:
            raise CellError(
                gettext("La sigla «%(acronym)s» corresponde a varios aliados (%(names)s): escriba el nombre.")
                % {"acronym": name, "names": ", ".join(p.name for p in by_acronym)}
            )
        return by_acronym[0] if by_acronym else None

    def entity(self, name):
        found = self.entities_by_name.get(normalized(name))
        if found is not None:
            return found
        by_acronym = self.entities_by_acronym.get(name.strip().casefold(), [])
        if len(by_acronym) == 1:
            return by_acronym[0]
        if len(by_acronym) > 1:
            raise CellError(
                gettext("La sigla «%(acronym)s» corresponde a varias entidades: escriba el nombre.")
                % {"acronym": name}
            )
        raise CellError(
            gettext(
                "«%(value)s» no es una entidad distrital registrada (nombre o sigla). "
                "La importación no crea entidades: pida que la registren primero."
            )
            % {"value": name}
        )

    def country(self, text):
        code = self.countries.get(key(text))
        if code is None or code not in self.country_codes:
            raise CellError(
                gettext("«%(value)s» no es un país reconocido: escriba su código ISO (CO, FR) o su nombre.")
                % {"value": text}
            )
        return code


# --- Validation -------------------------------------------------------------------------------


@dataclass
class PartnerMention:
    row: int
    name: str
    partner_key: str
    partner_type: str
    country: str


@dataclass
class RowPlan:
    result: RowResult
    values: dict = field(default_factory=dict)
    m2m: dict = field(default_factory=dict)
    partners: list | None = None  # [(Partner or new-partner key, role)]; None = column absent
    entities: list | None = None
    children: dict = field(default_factory=dict)  # child relation name → the new child objects
    error_columns: set = field(default_factory=set)
    instance: CooperationAction | None = None

    def add_error(self, column_key, message, header):
        self.error_columns.add(column_key)
        self.result.errors.append(RowError(header, str(message)))


class ActionImporter:
    def __init__(
        self,
        path,
        *,
        dry_run=False,
        accept_partial=False,
        publish=False,
        user=None,
        progress=None,
        filename=None,
        max_rows=None,
    ):
        self.path = Path(path)
        self.max_rows = max_rows
        self.dry_run = dry_run
        self.accept_partial = accept_partial
        self.publish = publish
        self.user = user
        self.progress = progress or (lambda phase, done, total: None)
        self.report = ImportReport(
            filename=filename or self.path.name,
            dry_run=dry_run,
            accept_partial=accept_partial,
            publish=publish,
        )
        self.headers = {}  # column key → header as written in the file
        self.positions = {}  # column key → index in the row

    # Columns ------------------------------------------------------------------------------

    def header(self, column_key):
        if column_key in self.headers:
            return self.headers[column_key]
        return COLUMNS_BY_KEY[column_key].header if column_key in COLUMNS_BY_KEY else ""

    def has(self, column_key):
        return column_key in self.positions

    def _map_headers(self, header_row):
        known = {key(column.header): column for column in COLUMNS}
        for position, raw in enumerate(header_row or ()):
            text = _cell_text(raw)
            column = known.get(key(text)) if text else None
            if column is None:
                continue  # unknown extra columns are ignored
            if column.key in self.positions:
                self.report.file_errors.append(
                    RowError(text, gettext("La columna aparece dos veces en el encabezado."))
                )
                continue
            self.positions[column.key] = position
            self.headers[column.key] = text
        for column in COLUMNS:
            if column.required and column.key not in self.positions:
                self.report.file_errors.append(
                    RowError(
                        column.header, gettext("Falta esta columna obligatoria en el encabezado (fila 1).")
                    )
                )

    # The whole run ------------------------------------------------------------------------

    def run(self):
        header_row, rows = read_table(
            self.path, lambda done: self.progress("read", done, None), max_rows=self.max_rows
        )
        if header_row is None or is_blank(header_row):
            raise ImportFileError(gettext("El archivo está vacío: falta la fila de encabezado."))
        self._map_headers(header_row)

        numbered = []
        for index, cells in enumerate(rows, start=2):
            if is_blank(cells):
                self.report.blank_rows += 1
            else:
                numbered.append((index, cells))
        del rows

        if self.report.file_errors:
            # The file cannot be read row by row: nothing is examined, every row is rejected.
            self.report.rows = [RowResult(row=number) for number, _cells in numbered]
            return self.report

        self.lookups = Lookups()
        plans = self._validate(numbered)
        del numbered

        if self.dry_run or not self.report.can_write:
            return self.report
        self._write([plan for plan in plans if plan.result.outcome != REJECTED])
        self.report.written = True
        return self.report

    def _validate(self, numbered):
        total = len(numbered)
        plans = []
        seen_ids = {}
        mentions = defaultdict(list)  # new partner key → [PartnerMention]
        for done, (number, cells) in enumerate(numbered, start=1):
            plan = self._parse_row(number, cells, mentions)
            numbered[done - 1] = None  # the raw cells are no longer needed
            external_id = plan.result.external_id
            if external_id:
                if external_id in seen_ids:
                    plan.add_error(
                        "external_id",
                        gettext("El ID «%(id)s» ya aparece en la fila %(row)s del archivo.")
                        % {"id": external_id, "row": seen_ids[external_id]},
                        self.header("external_id"),
                    )
                else:
                    seen_ids[external_id] = number
            plans.append(plan)
            if done % 100 == 0:
                self.progress("parse", done, total)
        self.progress("parse", total, total)

        new_partners = self._resolve_new_partners(mentions, {plan.result.row: plan for plan in plans})
        existing = self._existing_actions(list(seen_ids))
        busy = self._busy_actions(existing)

        for done, plan in enumerate(plans, start=1):
            self._build(plan, existing, busy, new_partners)
            if done % 100 == 0:
                self.progress("validate", done, total)
        self.progress("validate", total, total)

        self.report.rows = [plan.result for plan in plans]
        used = defaultdict(list)
        for plan in plans:
            if plan.result.outcome == REJECTED or not plan.partners:
                continue
            for partner, _role in plan.partners:
                if isinstance(partner, str):
                    used[partner].append(plan.result.row)
        self.new_partner_objects = {}
        for partner_key, (partner, _first_row) in new_partners.items():
            if partner_key in used:
                self.new_partner_objects[partner_key] = partner
                self.report.new_partners.append(
                    NewPartner(
                        name=partner.name,
                        partner_type=partner.partner_type,
                        country=str(partner.country or ""),
                        rows=sorted(set(used[partner_key])),
                    )
                )
        return plans

    # One row ------------------------------------------------------------------------------

    def _cell(self, cells, column_key):
        position = self.positions.get(column_key)
        if position is None or position >= len(cells):
            return None
        return cells[position]

    def _parse_row(self, number, cells, mentions):
        result = RowResult(row=number)
        plan = RowPlan(result=result)
        text = {column_key: _cell_text(self._cell(cells, column_key)) for column_key in self.positions}
        result.external_id = text.get("external_id", "")
        result.title = text.get("title", "")

        def fail(column_key, message):
            plan.add_error(column_key, message, self.header(column_key))

        for column in COLUMNS:
            if column.required and column.key in self.positions and not text[column.key]:
                fail(column.key, gettext("Es obligatoria y está vacía."))

        for column_key in TEXT_COLUMNS:
            if self.has(column_key):
                plan.values[column_key] = text[column_key]

        for column_key, codelist in self.lookups.codelists.items():
            if self.has(column_key) and column_key not in plan.error_columns:
                value = ""
                if text[column_key]:
                    try:
                        value = codelist.match(text[column_key])
                    except CellError as error:
                        fail(column_key, error)
                        continue
                plan.values[column_key] = value

        for column_key in DATE_COLUMNS:
            if self.has(column_key) and column_key not in plan.error_columns:
                try:
                    plan.values[column_key] = parse_date(self._cell(cells, column_key))
                except CellError as error:
                    fail(column_key, error)

        for column_key in DECIMAL_COLUMNS:
            if self.has(column_key):
                try:
                    plan.values[column_key] = parse_decimal(self._cell(cells, column_key))
                except CellError as error:
                    fail(column_key, error)

        for column_key in BOOLEAN_COLUMNS:
            if self.has(column_key):
                try:
                    plan.values[column_key] = parse_boolean(self._cell(cells, column_key))
                except CellError as error:
                    fail(column_key, error)

        if self.has("currency"):
            currency = text["currency"].upper()
            if currency:
                try:
                    validate_currency(currency)
                except ValidationError as error:
                    fail("currency", " ".join(error.messages))
            plan.values["currency"] = currency

        if self.has("thematic_table"):
            table = None
            if text["thematic_table"]:
                table = self.lookups.tables.get(normalized(text["thematic_table"]))
                if table is None:
                    fail(
                        "thematic_table",
                        gettext("«%(value)s» no es una mesa temática registrada.")
                        % {"value": text["thematic_table"]},
                    )
            plan.values["thematic_table"] = table

        if self.has("development_plan_target"):
            target = None
            if text["development_plan_target"]:
                target = self.lookups.targets.get(text["development_plan_target"].casefold())
                if target is None:
                    fail(
                        "development_plan_target",
                        gettext("«%(value)s» no es el código de una meta del Plan de Desarrollo registrada.")
                        % {"value": text["development_plan_target"]},
                    )
            plan.values["development_plan_target"] = target

        if self.has("transversal_axes"):
            axes = []
            for name in split_list(text["transversal_axes"]):
                axis = self.lookups.axes.get(normalized(name))
                if axis is None:
                    fail(
                        "transversal_axes",
                        gettext("«%(value)s» no es un eje transversal registrado.") % {"value": name},
                    )
                elif axis not in axes:
                    axes.append(axis)
            plan.m2m["transversal_axes"] = axes

        if self.has("sdgs"):
            goals = []
            for item in split_list(text["sdgs"], SDG_SEPARATOR):
                match = re.fullmatch(r"(?:ods\s*)?(\d{1,2})(?:\.0+)?", item, re.IGNORECASE)
                goal = self.lookups.sdgs.get(int(match.group(1))) if match else None
                if goal is None:
                    fail(
                        "sdgs",
                        gettext("«%(value)s» no es un ODS: escriba números del 1 al 17.") % {"value": item},
                    )
                elif goal not in goals:
                    goals.append(goal)
            plan.m2m["sdgs"] = goals

        if self.has("coverage"):
            coverage = text["coverage"]
            localities = []
            if coverage and key(coverage) not in CITYWIDE_WORDS:
                for item in split_list(coverage):
                    locality = self.lookups.localities.get(key(item))
                    code = LOCALITY_CODE.fullmatch(item)
                    if locality is None and code:
                        locality = self.lookups.localities.get(str(int(code.group(1))))
                    if locality is None:
                        fail(
                            "coverage",
                            gettext(
                                "«%(value)s» no es una localidad de Bogotá (nombre o código de 01 a 20); "
                                "para todo el Distrito escriba «Distrital»."
                            )
                            % {"value": item},
                        )
                    elif locality not in localities:
                        localities.append(locality)
            plan.values["citywide"] = not localities and "coverage" not in plan.error_columns
            plan.m2m["localities"] = localities

        if self.has("countries"):
            codes = []
            for item in split_list(text["countries"]):
                try:
                    code = self.lookups.country(item)
                except CellError as error:
                    fail("countries", error)
                    continue
                if code not in codes:
                    codes.append(code)
            plan.values["countries"] = codes

        if self.has("entities") and text["entities"]:
            entities = []
            for item in split_list(text["entities"]):
                try:
                    entity = self.lookups.entity(item)
                except CellError as error:
                    fail("entities", error)
                    continue
                if entity not in entities:
                    entities.append(entity)
            if not entities and "entities" not in plan.error_columns:
                fail("entities", gettext("Indique al menos una entidad distrital."))
            plan.entities = entities

        if self.has("partners"):
            plan.partners = self._parse_partners(plan, text["partners"], mentions, fail)

        return plan

    def _parse_partners(self, plan, text, mentions, fail):
        links = []
        seen = {}
        for entry in split_list(text):
            parts = [part.strip() for part in entry.split("|")]
            if len(parts) > 4:
                fail(
                    "partners",
                    gettext("«%(value)s» tiene más de cuatro partes: escriba «Nombre | tipo | país | rol».")
                    % {"value": entry},
                )
                continue
            name, partner_type, country, role = (parts + ["", "", ""])[:4]
            if not name:
                fail("partners", gettext("«%(value)s» no tiene nombre de aliado.") % {"value": entry})
                continue
            problems = []
            try:
                partner_type = self.lookups.partner_types.match(partner_type) if partner_type else ""
            except CellError as error:
                problems.append(gettext("tipo: %(error)s") % {"error": error})
            try:
                country = self.lookups.country(country) if country else ""
            except CellError as error:
                problems.append(gettext("país: %(error)s") % {"error": error})
            try:
                role = self.lookups.partner_roles.match(role) if role else PartnerRole.COUNTERPART
            except CellError as error:
                problems.append(gettext("rol: %(error)s") % {"error": error})
            try:
                partner = self.lookups.partner(name)
            except CellError as error:
                problems.append(str(error))
                partner = None
            if problems:
                for problem in problems:
                    fail(
                        "partners",
                        gettext("Aliado «%(name)s», %(problem)s") % {"name": name, "problem": problem},
                    )
                continue
            if partner is None:
                partner = normalized(name)
                if not partner:
                    fail("partners", gettext("«%(value)s» no es un nombre de aliado.") % {"value": name})
                    continue
                mentions[partner].append(
                    PartnerMention(plan.result.row, name, partner, partner_type, country)
                )
            identity = partner if isinstance(partner, str) else partner.pk
            if identity in seen:
                if seen[identity] != role:
                    fail(
                        "partners",
                        gettext("El aliado «%(name)s» aparece dos veces con roles distintos.")
                        % {"name": name},
                    )
                continue
            seen[identity] = role
            links.append((partner, role))
        return links

    def _resolve_new_partners(self, mentions, plans_by_row):
        """One new partner per normalized name, defined by its first mention with a type."""
        new_partners = {}
        for partner_key, partner_mentions in mentions.items():
            typed = [mention for mention in partner_mentions if mention.partner_type]
            located = [mention for mention in partner_mentions if mention.country]
            if not typed:
                for mention in partner_mentions:
                    self._partner_error(
                        plans_by_row[mention.row],
                        gettext(
                            "«%(name)s» no está registrado como aliado: indique su tipo para crearlo "
                            "(«Nombre | tipo | país | rol»)."
                        )
                        % {"name": mention.name},
                    )
                continue
            definition, first_country = typed[0], (located[0] if located else None)
            partner = Partner(
                name=partner_mentions[0].name,
                partner_type=definition.partner_type,
                country=first_country.country if first_country else "",
            )
            partner.normalized_name = partner_key  # Partner.save() sets it; full_clean needs it now
            for mention in partner_mentions:
                if mention.partner_type and mention.partner_type != definition.partner_type:
                    self._partner_error(
                        plans_by_row[mention.row],
                        gettext(
                            "El aliado nuevo «%(name)s» aparece en la fila %(row)s con otro tipo («%(type)s»)."
                        )
                        % {
                            "name": mention.name,
                            "row": definition.row,
                            "type": PartnerType(definition.partner_type).label,
                        },
                    )
                if mention.country and first_country and mention.country != first_country.country:
                    self._partner_error(
                        plans_by_row[mention.row],
                        gettext(
                            "El aliado nuevo «%(name)s» aparece en la fila %(row)s con otro país («%(country)s»)."
                        )
                        % {
                            "name": mention.name,
                            "row": first_country.row,
                            "country": country_list.name(first_country.country),
                        },
                    )
            try:
                partner.full_clean()
            except ValidationError as error:
                messages = "; ".join(error.messages)
                for mention in partner_mentions:
                    self._partner_error(
                        plans_by_row[mention.row],
                        gettext("Aliado «%(name)s»: %(error)s") % {"name": mention.name, "error": messages},
                    )
                continue
            new_partners[partner_key] = (partner, partner_mentions[0].row)
        return new_partners

    def _partner_error(self, plan, message):
        plan.add_error("partners", message, self.header("partners"))

    def _existing_actions(self, external_ids):
        existing = {}
        # Prefetched: the revisions serialize the children that the spreadsheet does not replace.
        replaced = {"partner_links": "partners", "entity_links": "entities"}
        kept = [name for name in CHILD_RELATIONS if not self.has(replaced.get(name, ""))]
        for start in range(0, len(external_ids), CHUNK):
            chunk = external_ids[start : start + CHUNK]
            queryset = CooperationAction.objects.filter(external_id__in=chunk)
            for action in queryset.prefetch_related(*kept):
                action._import_original = row_values(action)
                existing[action.external_id] = action
        return existing

    def _busy_actions(self, existing):
        """Records that another user locked, or that are in moderation: the import leaves them alone."""
        busy = {}
        for action in existing.values():
            if action.locked and (self.user is None or action.locked_by_id != self.user.pk):
                busy[action.pk] = gettext(
                    "El registro está bloqueado para edición: desbloquéelo en el administrador antes de importarlo."
                )
        pks = [str(action.pk) for action in existing.values()]
        if pks:
            content_type = CooperationAction().get_base_content_type()
            for start in range(0, len(pks), CHUNK):
                states = WorkflowState.objects.active().filter(
                    base_content_type=content_type, object_id__in=pks[start : start + CHUNK]
                )
                for object_id in states.values_list("object_id", flat=True):
                    busy.setdefault(
                        int(object_id),
                        gettext(
                            "El registro está en moderación: apruebe, rechace o cancele la moderación antes de importarlo."
                        ),
                    )
        return busy

    def _build(self, plan, existing, busy, new_partners):
        """The instance with the row's values, checked by the model's own rules."""
        result = plan.result
        action = existing.get(result.external_id) if result.external_id else None
        if action is not None and action.pk in busy:
            plan.add_error("external_id", busy[action.pk], self.header("external_id"))
        if action is None:
            action = CooperationAction()
            outcome = CREATED
        else:
            outcome = UPDATED

        for name, value in plan.values.items():
            setattr(action, name, value)
        for name, value in plan.m2m.items():
            setattr(action, name, value)

        if plan.partners is not None:
            links = []
            for order, (partner, role) in enumerate(plan.partners):
                if isinstance(partner, str):
                    if partner not in new_partners:
                        continue  # reported in _resolve_new_partners
                    partner = new_partners[partner][0]
                links.append(ActionPartner(partner=partner, role=role, sort_order=order))
            plan.children["partner_links"] = links
        if plan.entities is not None:
            plan.children["entity_links"] = [
                ActionEntity(entity=entity, sort_order=order) for order, entity in enumerate(plan.entities)
            ]
        for name, children in plan.children.items():
            setattr(action, name, children)

        # What full_clean() would check again with a query, or a pass over the country list,
        # per row, and the import has already checked in bulk against the same data: the
        # foreign keys hold objects just loaded from the database (table, target) or values the
        # import does not touch (revisions, lock, authorisation document); the country codes
        # were matched against django-countries' own list; and the ID was looked up among the
        # existing records, and the file's rows, to choose between creating and updating.
        exclude = {*FOREIGN_KEYS, "countries"}
        if action.date_identified:
            action.year = action.compute_year()
        else:
            exclude.add("year")  # derived from the dates, whose own error is reported
        try:
            validate_model(action, exclude=exclude, validate_unique=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                column_key = FIELD_COLUMNS.get(field_name)
                if column_key in plan.error_columns:
                    continue  # the column's own, clearer error is already there
                header = self.header(column_key) if column_key else gettext("(registro)")
                for message in messages:
                    if field_name not in (NON_FIELD_ERRORS,) and column_key is None:
                        message = f"{field_name}: {message}"
                    plan.result.errors.append(RowError(header, message))

        if result.errors:
            # In the order of the layout's columns; file-level and general errors last.
            order = {self.header(column.key): index for index, column in enumerate(COLUMNS)}
            result.errors.sort(key=lambda error: order.get(error.column, len(order)))
            result.outcome = REJECTED
            return
        result.outcome = outcome
        result.pk = action.pk
        if outcome == UPDATED and action.live and not self.publish:
            result.note = gettext(
                "Registro publicado: los cambios quedan en un borrador hasta que se publique."
            )
        plan.instance = action

    # Writing ------------------------------------------------------------------------------

    #: Write new records and unpublished drafts in bulk (see _write_drafts); False saves every
    #: record through the model's save() and save_revision(), as the publishing path does.
    bulk_drafts = True

    def _write(self, plans):
        total = len(plans)
        with (
            transaction.atomic(),
            search_indexing_deferred(CooperationAction, Partner),
            disable_reference_index_auto_update(),
            quiet_logger("wagtail"),
        ):
            partner_pks = []
            for partner in self.new_partner_objects.values():
                partner.save()
                self.lookups.add_partner(partner)
                partner_pks.append(partner.pk)

            drafts, others = [], []
            for plan in plans:
                is_draft = plan.result.outcome == CREATED or not plan.instance.live
                (drafts if self.bulk_drafts and is_draft and not self.publish else others).append(plan)

            done = 0
            for start in range(0, len(drafts), CHUNK):
                chunk = drafts[start : start + CHUNK]
                self._write_drafts(chunk)
                # The rows as written are in memory: index them from there.
                actions = [plan.instance for plan in chunk]
                replace_references(CooperationAction, actions)
                add_to_search_index(CooperationAction, actions)
                for plan in chunk:
                    self._done(plan)
                done += len(chunk)
                self.progress("write", done, total)
            rewritten = []
            for plan in others:
                if self._save(plan):
                    rewritten.append(plan.instance.pk)
                self._done(plan)
                done += 1
                if done % 50 == 0:
                    self.progress("write", done, total)
            self.progress("write", total, total)

            update_reference_index(Partner, partner_pks)
            update_search_index(Partner, partner_pks)
            # Records whose row was rewritten one by one (publishing); a published record that
            # only got a draft revision keeps its row, its references and its index entry.
            update_reference_index(CooperationAction, rewritten)
            update_search_index(CooperationAction, rewritten)

    @staticmethod
    def _done(plan):
        plan.result.pk = plan.instance.pk
        plan.instance = None  # let it go: memory matters on large files
        return plan.result.pk

    def _save(self, plan):
        """One record through the model's save(), save_revision() and, if asked, publish().

        Returns whether the record's row was written (and must be indexed again).
        """
        action = plan.instance
        created = plan.result.outcome == CREATED
        if created or (not action.live and not self.publish):
            # A new record, or a draft that was never published (its row is the draft).
            if created:
                action.live = False
            action.save()
            # Saving committed the children and forgot them; hand the same objects back so that
            # the revision is serialized from memory instead of being read back.
            for name, objects in {**plan.children, **plan.m2m}.items():
                setattr(action, name, objects)
            if created:
                action.indicators = []
                action.documents = []
        else:
            # A published record: its row changes only when a revision is published.
            action.compute_equivalents()
        revision = action.save_revision(
            user=self.user, clean=False, log_action="wagtail.create" if created else True
        )
        if self.publish:
            revision.publish(user=self.user)
        return created or self.publish or not action.live

    def _write_drafts(self, plans):
        """Records whose row is their draft (new ones, never-published ones), in bulk.

        The same rows, children, revisions and history entries as save() followed by
        save_revision(user, log_action=...) on each record, in a few statements per chunk instead
        of some twenty per record. Published records and --publish go through _save().
        """
        now = timezone.now()
        created = [plan for plan in plans if plan.result.outcome == CREATED]
        updated = [plan for plan in plans if plan.result.outcome == UPDATED]
        actions = [plan.instance for plan in plans]
        for action in actions:
            action.prepare_for_save()
        for plan in created:
            plan.instance.live = False
        CooperationAction.objects.bulk_create([plan.instance for plan in created])
        for plan in updated:
            # One UPDATE per record, of the columns that changed (bulk_update()'s CASE
            # expressions over fifty columns cost more).
            action = plan.instance
            action.updated_at = now
            original = action._import_original
            changed = {name: value for name, value in row_values(action).items() if value != original[name]}
            CooperationAction._base_manager.filter(pk=action.pk).update(**changed)

        # Children: the spreadsheet's lists replace the record's (only for the columns present).
        updated_pks = {plan.instance.pk for plan in updated}
        for name in ("partner_links", "entity_links"):
            relation = CooperationAction._meta.get_field(name)
            owners = [plan for plan in plans if name in plan.children]
            stale = [plan.instance.pk for plan in owners if plan.instance.pk in updated_pks]
            if stale:
                relation.related_model.objects.filter(action_id__in=stale).delete()
            relation.related_model.objects.bulk_create(
                [child for plan in owners for child in plan.children[name]]
            )
        for name in M2M_FIELDS:
            m2m = CooperationAction._meta.get_field(name)
            through = m2m.remote_field.through
            source = through._meta.get_field(m2m.m2m_field_name()).attname
            target = through._meta.get_field(m2m.m2m_reverse_field_name()).attname
            owners = [plan for plan in plans if name in plan.m2m]
            stale = [plan.instance.pk for plan in owners if plan.instance.pk in updated_pks]
            if stale:
                through.objects.filter(**{f"{source}__in": stale}).delete()
            through.objects.bulk_create(
                [
                    through(**{source: plan.instance.pk, target: related.pk})
                    for plan in owners
                    for related in plan.m2m[name]
                ]
            )

        # Revisions, as save_revision() makes them: serialized before the record points at them.
        content_type = ContentType.objects.get_for_model(CooperationAction, for_concrete_model=False)
        base_content_type = CooperationAction().get_base_content_type()
        revisions = []
        for plan in plans:
            action = plan.instance
            if plan.result.outcome == CREATED:
                action.indicators = []
                action.documents = []
            revisions.append(
                Revision(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=str(action.pk),
                    user=self.user,
                    approved_go_live_at=None,
                    content=action.serializable_data(),
                    object_str=str(action),
                    created_at=now,
                )
            )
        Revision.objects.bulk_create(revisions)
        # Each record points at its newest revision, the one just made (bulk_update()'s CASE
        # expressions are slower than this one statement).
        newest = (
            Revision.objects.filter(
                base_content_type=base_content_type, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        CooperationAction._base_manager.filter(pk__in=[action.pk for action in actions]).update(
            latest_revision=Subquery(newest), has_unpublished_changes=True
        )
        for action, revision in zip(actions, revisions, strict=True):
            action.latest_revision = revision
            action.has_unpublished_changes = True

        # History, as save_revision(log_action=...) writes it through wagtail.log_actions.log().
        log_model = log_registry.get_log_model_for_model(CooperationAction)
        context = get_active_log_context()
        logged = log_model.objects.bulk_create(
            [
                log_model(
                    content_type=content_type,
                    label=str(action) or f"{type(action).__name__} object ({action.pk})",
                    action="wagtail.create" if plan.result.outcome == CREATED else "wagtail.edit",
                    timestamp=now,
                    data={},
                    user=self.user or context.user,
                    uuid=context.uuid,
                    object_id=str(action.pk),
                    revision=revision,
                    content_changed=True,
                )
                for plan, action, revision in zip(plans, actions, revisions, strict=True)
            ]
        )
        # bulk_create() sends no post_save: the entities are kept here, as the signal would.
        record_entities(logged)


def import_actions(path, **options):
    """Validate and (unless dry_run, or rows were rejected without accept_partial) import a file.

    Options: dry_run, accept_partial, publish, user, progress (a callable taking the phase
    "read", "parse", "validate" or "write", the rows done and the total, None while reading),
    filename (for the report) and max_rows (refuse files with more rows that are not blank).
    Raises ImportFileError when the file cannot be read at all.
    """
    return ActionImporter(path, **options).run()


# --- Validation and indexes in bulk ----------------------------------------------------------


def validate_model(instance, exclude=(), validate_unique=True):
    """`instance.full_clean()`, with the check constraints evaluated in Python when possible.

    Django checks each CheckConstraint with a query that carries every field of the model as an
    annotation (some fifty here): about a millisecond per constraint and record. The register's
    constraints are plain comparisons, which `evaluate_condition` computes with SQL's
    three-valued logic; anything it does not know goes to Django's query. As in full_clean(), a
    constraint that reads a field with errors, or an excluded one, is skipped.
    """
    model = type(instance)
    exclude = set(exclude)
    errors = {}
    try:
        instance.full_clean(exclude=exclude, validate_unique=validate_unique, validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    skip = exclude | {name for name in errors if name != NON_FIELD_ERRORS}
    for constraint in model._meta.constraints:
        try:
            if isinstance(constraint, CheckConstraint):
                fields = {reference[0] for reference in model._get_expr_references(constraint.condition)}
                if fields & skip:
                    continue
                try:
                    satisfied = evaluate_condition(constraint.condition, instance)
                except UnsupportedCondition:
                    constraint.validate(model, instance, exclude=skip)
                    continue
                if satisfied is False:
                    raise ValidationError(
                        constraint.get_violation_error_message(), code=constraint.violation_error_code
                    )
            else:
                constraint.validate(model, instance, exclude=skip)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


class UnsupportedCondition(Exception):
    pass


COMPARISONS = {
    "exact": lambda left, right: left == right,
    "lt": lambda left, right: left < right,
    "lte": lambda left, right: left <= right,
    "gt": lambda left, right: left > right,
    "gte": lambda left, right: left >= right,
}


def _field_value(instance, name):
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist as error:
        raise UnsupportedCondition(name) from error
    if not field.concrete or field.many_to_many:
        raise UnsupportedCondition(name)
    return getattr(instance, field.attname)


def evaluate_condition(condition, instance):
    """True, False or None (SQL's unknown) for a Q of field comparisons; None passes a CHECK."""
    if isinstance(condition, Q):
        results = [evaluate_condition(child, instance) for child in condition.children]
        if condition.connector == Q.AND:
            value = False if False in results else (None if None in results else True)
        elif condition.connector == Q.OR:
            value = True if True in results else (None if None in results else False)
        else:
            raise UnsupportedCondition(condition.connector)
        if condition.negated and value is not None:
            value = not value
        return value
    if not isinstance(condition, tuple):
        raise UnsupportedCondition(condition)
    lookup, right = condition
    name, _sep, operator = lookup.partition("__")
    operator = operator or "exact"
    left = _field_value(instance, name)
    if operator == "isnull":
        if not isinstance(right, bool):
            raise UnsupportedCondition(lookup)
        return (left is None) == right
    if operator not in COMPARISONS:
        raise UnsupportedCondition(lookup)
    if isinstance(right, F):
        right = _field_value(instance, right.name)
    elif hasattr(right, "resolve_expression"):
        raise UnsupportedCondition(right)
    if left is None or right is None:
        return None
    return COMPARISONS[operator](left, right)


def _reference_content_types(model):
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in [model, *model._meta.get_parent_list()]
    ]
    return content_types[0], content_types[-1], content_types


def replace_references(model, objects):
    """Wagtail's reference index ("usage") for these saved objects, in bulk.

    The same entries as ReferenceIndex.create_or_update_for_object() on each object (the
    references come from Wagtail's own extractor, which reads the children from memory when they
    are there), replaced with one delete and one insert per call instead of three statements per
    object.
    """
    if not objects or not ReferenceIndex.is_indexed(model):
        return
    content_type, base_content_type, content_types = _reference_content_types(model)
    ReferenceIndex.objects.filter(
        base_content_type=base_content_type,
        object_id__in=[str(obj.pk) for obj in objects],
        content_type__in=content_types,
    ).delete()
    entries = []
    for obj in objects:
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            entries.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=obj.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    options = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(entries, **options)


def update_reference_index(model, pks):
    """replace_references() for objects read back from the database, children prefetched."""
    pks = list(pks)
    if not pks or not ReferenceIndex.is_indexed(model):
        return
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    for start in range(0, len(pks), CHUNK):
        objects = model.objects.filter(pk__in=pks[start : start + CHUNK]).prefetch_related(*relations)
        replace_references(model, list(objects))


@contextmanager
def quiet_logger(name):
    """Drop this thread's INFO records of a logger: Wagtail logs a line per revision saved."""
    importing_thread = threading.get_ident()

    def keep(record):
        return record.levelno >= logging.WARNING or record.thread != importing_thread

    target = logging.getLogger(name)
    target.addFilter(keep)
    try:
        yield
    finally:
        target.removeFilter(keep)


# --- Search index -----------------------------------------------------------------------------


@contextmanager
def search_indexing_deferred(*models):
    """Skip the per-save search indexing of `models` in this thread; other threads index as usual.

    Wagtail 8 indexes through `modelsearch`: a post_save handler enqueues a task per saved object
    (run at once by the default immediate task backend). The caller indexes in bulk instead, with
    `update_search_index`.
    """
    importing_thread = threading.get_ident()

    def forward_other_threads(sender, instance, **kwargs):
        if threading.get_ident() != importing_thread:
            post_save_signal_handler(sender=sender, instance=instance, **kwargs)

    replaced = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    for model in replaced:
        post_save.connect(forward_other_threads, sender=model, weak=False)
    try:
        yield
    finally:
        for model in replaced:
            post_save.disconnect(forward_other_threads, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)


def add_to_search_index(model, objects):
    """Index these saved objects, as they are in memory, in every auto-updated search backend."""
    if not objects:
        return
    for backend_name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            logger.exception("Could not index %s objects in the '%s' search backend", model, backend_name)
            if not backend.catch_indexing_errors:
                raise


def update_search_index(model, pks):
    """Index the objects with these pks, read back from the database, in bulk."""
    pks = list(pks)
    for start in range(0, len(pks), CHUNK):
        add_to_search_index(
            model, list(model.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK]))
        )
