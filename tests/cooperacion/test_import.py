"""Importing the legacy register from spreadsheets: the core, the command and the admin screen."""

import csv
import datetime
import os
import threading
import time
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q
from django.db.models.signals import post_save
from django.urls import reverse

from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend

import openpyxl
import pytest
from modelsearch import signal_handlers

from cooperacion import importer
from cooperacion.admin_views import SESSION_KEY
from cooperacion.forms import ActionImportForm
from cooperacion.importer import (
    COLUMNS,
    CellError,
    ImportFileError,
    evaluate_condition,
    import_actions,
    parse_date,
    parse_decimal,
)
from cooperacion.models import (
    ActionPartner,
    CooperationAction,
    DistrictEntity,
    EntityLiaison,
    Partner,
    PartnerType,
)
from cooperacion.roles import EDITORS, LIAISONS, MODERATORS

HEADERS = [column.header for column in COLUMNS]
PASSWORD = "una-clave-larga-de-prueba"


def good_row(**overrides):
    row = {
        "ID": "LEG-001",
        "Título": "Buses eléctricos con la AFD",
        "Título en inglés": "Electric buses with AFD",
        "Resumen": "Asistencia técnica para la flota eléctrica.",
        "Resumen en inglés": "Technical assistance for the electric fleet.",
        "Descripción": "Acompañamiento de dos años.",
        "Tipo de acción": "Asistencia técnica",
        "Tipo de instrumento": "",
        "Línea de acción": "Movilizar recursos técnicos y financieros",
        "Dimensión": "cooperacion",
        "Estado": "Formalizada / en ejecución",
        "Fecha de identificación": datetime.date(2024, 2, 1),
        "Fecha de firma": "15/03/2024",
        "Fecha de inicio": "2024-04-01",
        "Fecha de finalización": "",
        "Aliados": "AFD | | | financiador; Fundación Ejemplo | ESAL / ONG / fundación | Colombia",
        "Entidades": "SDM; Secretaría Distrital de Ambiente",
        "Mesa temática": "Mobility and sustainable urban development",
        "Ejes transversales": "equidad de genero e inclusion",
        "ODS": "11, 13",
        "Meta PDD": "pdd-57-1",
        "Valor": "1.234,50",
        "Moneda": "eur",
        "Tasa a pesos": "4500",
        "TRM": "4000",
        "Fecha de las tasas": "2024-03-15",
        "Valor en pesos": "",
        "Valor en dólares": "",
        "En especie": "No",
        "Cobertura": "Kennedy; 19",
        "Países": "FR; Colombia",
        "Resultados": "Dos rutas piloto.",
        "Resultados en inglés": "",
        "Autoriza publicar": "Sí",
        "Fecha de autorización": "2024-03-20",
        "Alcance de la autorización": "completa",
        "Observaciones internas": "Nota interna.",
    }
    row.update(overrides)
    return row


def second_row(**overrides):
    return good_row(
        **{
            "ID": "LEG-002",
            "Título": "Red de ciudades C40",
            "Título en inglés": "",
            "Resumen": "Adhesión a la red.",
            "Tipo de acción": "instrumento",
            "Tipo de instrumento": "Adhesión a una red de ciudades",
            "Línea de acción": "posicionar_bogota",
            "Dimensión": "Posicionamiento",
            "Estado": "identificada",
            "Fecha de identificación": "2024-05-02",
            "Fecha de firma": "",
            "Fecha de inicio": "",
            "Aliados": "c40 cities climate leadership group | | | socio técnico; fundacion  EJEMPLO",
            "Entidades": "sg",
            "Mesa temática": "",
            "Ejes transversales": "",
            "ODS": "17",
            "Meta PDD": "",
            "Valor": "",
            "Moneda": "",
            "Tasa a pesos": "",
            "TRM": "",
            "Fecha de las tasas": "",
            "En especie": "x",
            "Cobertura": "Distrital",
            "Países": "",
            "Autoriza publicar": "no",
            "Fecha de autorización": "",
            "Alcance de la autorización": "",
            **overrides,
        }
    )


def write_xlsx(path, rows, headers=HEADERS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header, "") for header in headers])
    workbook.save(path)
    return path


def write_csv(path, rows, headers=HEADERS, delimiter=",", bom=False, keys=None):
    keys = keys or headers
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        for row in rows:
            values = [row.get(key, "") for key in keys]
            writer.writerow([value.isoformat() if hasattr(value, "isoformat") else value for value in values])
    return path


def errors_of(report):
    return {(row.row, error.column) for row in report.rows for error in row.errors}


def make_user(django_user_model, username, group=None, entity=None, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if entity:
        EntityLiaison.objects.create(user=user, entity=entity)
    return user


# --- Parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1234.5", Decimal("1234.5")),
        ("1.234,50", Decimal("1234.50")),
        ("1234,5", Decimal("1234.5")),
        ("1,234.50", Decimal("1234.50")),
        ("1.234.567", Decimal("1234567")),
        (" 12 345,5 ", Decimal("12345.5")),
        ("0.253", Decimal("0.253")),
        (1234.5, Decimal("1234.5")),
        (10, Decimal("10")),
        ("", None),
        (None, None),
    ],
)
def test_numbers_in_every_usual_notation(value, expected):
    assert parse_decimal(value) == expected


@pytest.mark.parametrize("value", ["abc", "12a", "1.234", "150.000", "1,234", "--5", True])
def test_not_numbers_and_ambiguous_numbers_are_refused(value):
    with pytest.raises(CellError):
        parse_decimal(value)


@pytest.mark.parametrize(
    "value",
    ["2024-03-15", "15/03/2024", "5/3/2024", datetime.date(2024, 3, 15), datetime.datetime(2024, 3, 15)],
)
def test_dates_iso_day_first_and_excel(value):
    assert parse_date(value) in (datetime.date(2024, 3, 15), datetime.date(2024, 3, 5))


@pytest.mark.parametrize("value", ["2024/03/15", "15-03-2024", "31/02/2024", "marzo 2024", 45000])
def test_other_dates_are_refused_showing_the_value(value):
    with pytest.raises(CellError, match=str(value)):
        parse_date(value)


@pytest.mark.django_db
def test_python_constraint_check_agrees_with_the_database(register_data):
    """validate_model() evaluates the model's check constraints in Python: same answers as Django."""
    base = dict(
        title="t",
        summary="s",
        action_type="alianza",
        line_of_action="movilizar_recursos",
        dimension="cooperacion",
        date_identified=datetime.date(2024, 1, 1),
    )
    cases = [
        CooperationAction(**base),
        CooperationAction(**base, start_date=datetime.date(2024, 5, 1), end_date=datetime.date(2024, 4, 1)),
        CooperationAction(**base, start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2024, 5, 1)),
        CooperationAction(**base, amount=Decimal("-1"), currency="COP"),
        CooperationAction(**base, amount_usd=Decimal("-3")),
        CooperationAction(**base, publication_authorised=True),
        CooperationAction(**base, publication_authorised=True, authorisation_date=datetime.date(2024, 1, 2)),
    ]
    verdicts = []
    for action in cases:
        for constraint in CooperationAction._meta.constraints:
            in_python = evaluate_condition(constraint.condition, action) is not False
            against = action._get_field_expression_map(meta=CooperationAction._meta)
            in_database = Q(constraint.condition).check(against)
            assert in_python == in_database, (constraint.name, action.__dict__)
            verdicts.append(in_python)
    assert verdicts.count(False) == 4  # the four broken cases above, each breaking one constraint


# --- A good file ------------------------------------------------------------------------------


@pytest.mark.django_db
class TestGoodFile:
    def test_imports_records_with_every_value(self, register_data, tmp_path):
        partners_before = Partner.objects.count()
        rows = [good_row(**{"Columna extra": "se ignora"}), second_row()]
        path = write_xlsx(tmp_path / "registro.xlsx", rows, headers=[*HEADERS, "Columna extra"])

        report = import_actions(path)

        assert report.written and not report.file_errors
        assert [(row.row, row.outcome, row.errors) for row in report.rows] == [
            (2, "created", []),
            (3, "created", []),
        ]
        assert report.totals() == {
            "rows": 2,
            "created": 2,
            "updated": 0,
            "rejected": 0,
            "new_partners": 1,
            "blank_rows": 0,
        }

        action = CooperationAction.objects.get(external_id="LEG-001")
        assert action.title == "Buses eléctricos con la AFD"
        assert action.title_en == "Electric buses with AFD"
        assert (action.action_type, action.instrument_kind) == ("asistencia_tecnica", "")
        assert (action.line_of_action, action.dimension, action.status) == (
            "movilizar_recursos",
            "cooperacion",
            "en_ejecucion",
        )
        assert action.date_identified == datetime.date(2024, 2, 1)  # a real Excel date cell
        assert action.date_signed == datetime.date(2024, 3, 15)  # DD/MM/YYYY
        assert action.start_date == datetime.date(2024, 4, 1)  # ISO
        assert action.year == 2024
        assert action.amount == Decimal("1234.50")
        assert action.currency == "EUR"
        assert action.exchange_rate_cop == Decimal("4500")
        assert action.amount_cop == Decimal("5555250.00")  # computed by the model from the rate
        assert action.amount_usd == Decimal("1388.81")
        assert action.exchange_rate_date == datetime.date(2024, 3, 15)
        assert action.in_kind is False
        assert action.citywide is False
        assert sorted(action.localities.values_list("code", flat=True)) == ["08", "19"]
        assert sorted(country.code for country in action.countries) == ["CO", "FR"]
        assert action.thematic_table.name == "Movilidad y desarrollo urbano sostenible"
        assert [axis.name for axis in action.transversal_axes.all()] == ["Equidad de género e inclusión"]
        assert sorted(action.sdgs.values_list("number", flat=True)) == [11, 13]
        assert action.development_plan_target.code == "PDD-57-1"
        assert action.publication_authorised is True
        assert action.authorisation_scope == "completa"
        assert action.internal_notes == "Nota interna."
        assert [link.entity.acronym for link in action.entity_links.all()] == ["SDM", "SDA"]
        assert [
            (link.partner.acronym or link.partner.name, link.role) for link in action.partner_links.all()
        ] == [
            ("AFD", "financiador"),
            ("Fundación Ejemplo", "contraparte"),
        ]

        other = CooperationAction.objects.get(external_id="LEG-002")
        assert (other.action_type, other.instrument_kind) == ("instrumento", "red_ciudades")
        assert other.citywide is True and other.in_kind is True
        assert other.amount is None and other.currency == ""
        assert [link.entity.acronym for link in other.entity_links.all()] == ["SG"]
        assert [(link.partner.name, link.role) for link in other.partner_links.all()] == [
            ("C40 Cities Climate Leadership Group", "socio_tecnico"),
            ("Fundación Ejemplo", "contraparte"),
        ]

        # One new partner for two spellings, with the type and country of its definition.
        assert Partner.objects.count() == partners_before + 1
        new = Partner.objects.get(normalized_name="fundacion ejemplo")
        assert (new.name, new.partner_type, new.country.code) == ("Fundación Ejemplo", "esal_ong", "CO")
        assert [(p.name, p.partner_type, p.country, p.rows) for p in report.new_partners] == [
            ("Fundación Ejemplo", PartnerType.NON_PROFIT, "CO", [2, 3])
        ]

    def test_records_are_drafts_with_a_revision_history_and_indexes(
        self, register_data, tmp_path, django_user_model
    ):
        user = django_user_model.objects.create_user(username="importadora", password=PASSWORD)
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        import_actions(path, user=user)

        action = CooperationAction.objects.get(external_id="LEG-001")
        assert action.live is False and action.has_unpublished_changes is True
        assert action.revisions.count() == 1
        revision = action.latest_revision
        assert revision.user == user
        assert revision.content["title"] == action.title
        assert [link["partner"] for link in revision.content["partner_links"]] == [
            link.partner_id for link in action.partner_links.all()
        ]
        assert revision.as_object().entity_links.count() == 2
        entries = ModelLogEntry.objects.filter(object_id=str(action.pk))
        assert [(entry.action, entry.user, entry.revision) for entry in entries] == [
            ("wagtail.create", user, revision)
        ]
        # The admin's "usage" of a partner, and search.
        afd = Partner.objects.get(acronym="AFD")
        assert ReferenceIndex.get_references_to(afd).filter(object_id=str(action.pk)).exists()
        found = get_search_backend().search("eléctricos", CooperationAction)
        assert action in list(found)
        new_partner = Partner.objects.get(normalized_name="fundacion ejemplo")
        assert new_partner in list(get_search_backend().search("Ejemplo", Partner))

    def test_publish_makes_them_live(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        report = import_actions(path, publish=True)

        assert report.written and report.publish
        action = CooperationAction.objects.get(external_id="LEG-001")
        assert action.live and not action.has_unpublished_changes
        assert action.live_revision == action.latest_revision
        assert action.first_published_at is not None
        assert action.entity_links.count() == 2 and action.partner_links.count() == 2
        assert list(CooperationAction.objects.public().values_list("external_id", flat=True)) == ["LEG-001"]
        actions = set(ModelLogEntry.objects.filter(object_id=str(action.pk)).values_list("action", flat=True))
        assert actions == {"wagtail.create", "wagtail.publish"}
        assert action in list(get_search_backend().search("eléctricos", CooperationAction))

    def test_dry_run_writes_nothing(self, register_data, tmp_path):
        partners = Partner.objects.count()
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        report = import_actions(path, dry_run=True)

        assert report.dry_run and not report.written
        assert [row.outcome for row in report.rows] == ["created", "created"]
        assert [partner.name for partner in report.new_partners] == ["Fundación Ejemplo"]
        assert CooperationAction.objects.count() == 0
        assert Partner.objects.count() == partners
        assert Revision.objects.count() == 0

    def test_csv_with_semicolons_a_bom_and_loosely_written_headers(self, register_data, tmp_path):
        loose = [header.upper().replace("Í", "I").replace("ó", "o") for header in HEADERS]
        path = write_csv(
            tmp_path / "registro.csv",
            [good_row(), second_row()],
            headers=loose,
            keys=HEADERS,
            delimiter=";",
            bom=True,
        )
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")

        report = import_actions(path)

        assert [row.outcome for row in report.rows] == ["created", "created"], errors_of(report)
        action = CooperationAction.objects.get(external_id="LEG-001")
        assert action.amount == Decimal("1234.50")
        assert action.date_identified == datetime.date(2024, 2, 1)
        assert sorted(action.sdgs.values_list("number", flat=True)) == [11, 13]

    def test_csv_with_commas_and_no_bom(self, register_data, tmp_path):
        path = write_csv(tmp_path / "registro.csv", [good_row()], delimiter=",")

        report = import_actions(path)

        assert [row.outcome for row in report.rows] == ["created"], errors_of(report)
        assert CooperationAction.objects.get(external_id="LEG-001").amount == Decimal("1234.50")

    def test_blank_rows_are_skipped_and_counted(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), {}, second_row()])

        report = import_actions(path)

        assert [(row.row, row.outcome) for row in report.rows] == [(2, "created"), (4, "created")]
        assert report.blank_rows == 1


# --- Matching ---------------------------------------------------------------------------------


@pytest.mark.django_db
class TestMatching:
    @pytest.mark.parametrize(
        "spelling", ["Asistencia técnica", "asistencia tecnica", "asistencia_tecnica", "ASISTENCIA TÉCNICA"]
    )
    def test_codelists_by_value_or_label_without_case_or_accents(self, register_data, tmp_path, spelling):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(**{"Tipo de acción": spelling})])

        report = import_actions(path, dry_run=True)

        assert report.rows[0].outcome == "created", errors_of(report)

    def test_partners_by_name_or_acronym_without_case_or_accents(self, register_data, tmp_path):
        partners = Partner.objects.count()
        aliados = "agencia francesa de DESARROLLO; giz; Camara de Comercio de Bogota | | | ejecutor; uniandes"
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(Aliados=aliados)])

        report = import_actions(path)

        assert report.rows[0].outcome == "created", errors_of(report)
        assert Partner.objects.count() == partners
        assert report.new_partners == []
        action = CooperationAction.objects.get()
        assert [(link.partner.acronym, link.role) for link in action.partner_links.all()] == [
            ("AFD", "contraparte"),
            ("GIZ", "contraparte"),
            ("CCB", "ejecutor"),
            ("Uniandes", "contraparte"),
        ]

    def test_two_spellings_of_a_new_partner_make_one_partner(self, register_data, tmp_path):
        rows = [
            good_row(Aliados="Fundación Ejemplo | ESAL / ONG / fundación | CO"),
            second_row(Aliados="fundacion  EJEMPLO"),
            second_row(ID="LEG-003", Aliados="FUNDACIÓN ejemplo | esal_ong"),
        ]
        path = write_xlsx(tmp_path / "registro.xlsx", rows)

        report = import_actions(path)

        assert [row.outcome for row in report.rows] == ["created"] * 3, errors_of(report)
        assert len(report.new_partners) == 1
        assert report.new_partners[0].rows == [2, 3, 4]
        assert Partner.objects.filter(normalized_name="fundacion ejemplo").count() == 1
        assert ActionPartner.objects.filter(partner__normalized_name="fundacion ejemplo").count() == 3

    def test_a_new_partner_defined_further_down_the_file(self, register_data, tmp_path):
        rows = [good_row(Aliados="Fundación Tardía"), second_row(Aliados="Fundación Tardía | academia | PE")]
        path = write_xlsx(tmp_path / "registro.xlsx", rows)

        report = import_actions(path)

        assert [row.outcome for row in report.rows] == ["created", "created"], errors_of(report)
        partner = Partner.objects.get(name="Fundación Tardía")
        assert (partner.partner_type, partner.country.code) == ("academia", "PE")

    def test_entities_tables_axes_and_targets(self, register_data, tmp_path):
        row = good_row(
            Entidades="secretaria de educacion del distrito; IDU; District Health Secretariat",
            **{
                "Mesa temática": "educación, ciencia e innovación",
                "Ejes transversales": "Open government and digital transformation; integracion regional",
                "Meta PDD": "PDD-57-3",
            },
        )
        path = write_xlsx(tmp_path / "registro.xlsx", [row])

        report = import_actions(path)

        assert report.rows[0].outcome == "created", errors_of(report)
        action = CooperationAction.objects.get()
        assert [link.entity.acronym for link in action.entity_links.all()] == ["SED", "IDU", "SDS"]
        assert action.thematic_table.name == "Educación, ciencia e innovación"
        assert sorted(axis.name for axis in action.transversal_axes.all()) == [
            "Gobierno abierto y transformación digital",
            "Integración regional",
        ]
        assert action.development_plan_target.code == "PDD-57-3"


# --- Bad rows ---------------------------------------------------------------------------------


def every_kind_of_bad_row():
    return [
        good_row(),  # row 2: valid, but not written either
        good_row(ID="B-03", **{"Título": ""}),
        good_row(ID="B-04", **{"Tipo de acción": "Cooperación espacial"}),
        good_row(ID="B-05", **{"Fecha de identificación": "31/02/2024"}),
        good_row(ID="B-06", Moneda="ZZZ"),
        good_row(ID="B-07", Valor="abc"),
        good_row(ID="B-08", ODS="5; 18"),
        good_row(ID="B-09", Cobertura="Kennedy; Marte"),
        good_row(ID="B-10", **{"Países": "Narnia"}),
        good_row(ID="B-11", Entidades="SDM; Secretaría de Magia"),
        good_row(ID="B-12", Aliados="Aliado Desconocido"),
        good_row(),  # row 13: the ID of row 2 again
        good_row(ID="B-14", **{"Fecha de inicio": "2024-04-01", "Fecha de finalización": "2024-03-01"}),
        good_row(ID="B-15", **{"Tipo de acción": "instrumento"}),
        good_row(ID="B-16", **{"Fecha de autorización": ""}),
        good_row(ID="B-17", **{"En especie": "quizá"}),
        good_row(ID="B-18", Aliados="AFD | | | patrocinador"),
        good_row(
            ID="B-19",
            **{
                "Mesa temática": "Mesa inexistente",
                "Meta PDD": "PDD-99",
                "Ejes transversales": "Eje inexistente",
            },
        ),
        good_row(ID="B-20", **{"Tasa a pesos": "", "Valor en pesos": ""}),
        good_row(ID="B-21", **{"Estado": "finalizada"}),
        good_row(ID="B-22", **{"Tasa a pesos": "4.500", "Fecha de las tasas": "ayer"}),
        good_row(ID="B-23", Aliados="Otra Fundación | ESAL / ONG / fundación | Narnia"),
    ]


EVERY_KIND_OF_BAD_ROW_ERRORS = {
    (3, "Título"),
    (4, "Tipo de acción"),
    (5, "Fecha de identificación"),
    (6, "Moneda"),
    (7, "Valor"),
    (8, "ODS"),
    (9, "Cobertura"),
    (10, "Países"),
    (11, "Entidades"),
    (12, "Aliados"),
    (13, "ID"),
    (14, "Fecha de finalización"),
    (15, "Tipo de instrumento"),
    (16, "Fecha de autorización"),
    (17, "En especie"),
    (18, "Aliados"),
    (19, "Mesa temática"),
    (19, "Meta PDD"),
    (19, "Ejes transversales"),
    (20, "Tasa a pesos"),
    (21, "Fecha de finalización"),
    (22, "Tasa a pesos"),
    (22, "Fecha de las tasas"),
    (23, "Aliados"),
}


@pytest.mark.django_db
class TestBadRows:
    def test_every_kind_of_bad_row_is_reported_and_nothing_is_written(self, register_data, tmp_path):
        partners = Partner.objects.count()
        path = write_xlsx(tmp_path / "registro.xlsx", every_kind_of_bad_row())

        report = import_actions(path)

        assert not report.written
        assert errors_of(report) == EVERY_KIND_OF_BAD_ROW_ERRORS
        assert [row.row for row in report.rows if row.outcome != "rejected"] == [2]
        assert report.totals()["rejected"] == 21
        assert CooperationAction.objects.count() == 0
        assert Partner.objects.count() == partners
        assert Revision.objects.count() == 0 and ModelLogEntry.objects.count() == 0

        messages = {(row.row, error.column): error.message for row in report.rows for error in row.errors}
        assert messages[(3, "Título")] == "Es obligatoria y está vacía."
        assert "Cooperación espacial" in messages[(4, "Tipo de acción")]
        assert "Asistencia técnica" in messages[(4, "Tipo de acción")]  # the allowed values
        assert "31/02/2024" in messages[(5, "Fecha de identificación")]
        assert "ZZZ" in messages[(6, "Moneda")]
        assert "abc" in messages[(7, "Valor")]
        assert "18" in messages[(8, "ODS")]
        assert "Marte" in messages[(9, "Cobertura")]
        assert "Narnia" in messages[(10, "Países")]
        assert "Secretaría de Magia" in messages[(11, "Entidades")]
        assert "no crea entidades" in messages[(11, "Entidades")]
        assert "Aliado Desconocido" in messages[(12, "Aliados")] and "tipo" in messages[(12, "Aliados")]
        assert "fila 2" in messages[(13, "ID")]
        assert messages[(14, "Fecha de finalización")] == (
            "La fecha de la finalización no puede ser anterior a la de la firma."
        )
        assert (
            messages[(15, "Tipo de instrumento")]
            == "Indique qué instrumento de cooperación internacional es."
        )
        assert messages[(16, "Fecha de autorización")] == "Indique cuándo autorizó el aliado la publicación."
        assert "quizá" in messages[(17, "En especie")]
        assert "patrocinador" in messages[(18, "Aliados")]
        assert "PDD-99" in messages[(19, "Meta PDD")]
        assert messages[(20, "Tasa a pesos")] == "Indique la tasa a pesos o el valor en pesos."
        assert (
            messages[(21, "Fecha de finalización")] == "Una acción finalizada necesita fecha de finalización."
        )
        assert "ambiguo" in messages[(22, "Tasa a pesos")]
        assert "Narnia" in messages[(23, "Aliados")]

    def test_accept_partial_writes_only_the_valid_rows(self, register_data, tmp_path):
        partners = Partner.objects.count()
        path = write_xlsx(tmp_path / "registro.xlsx", every_kind_of_bad_row())

        report = import_actions(path, accept_partial=True)

        assert report.written
        assert errors_of(report) == EVERY_KIND_OF_BAD_ROW_ERRORS
        assert list(CooperationAction.objects.values_list("external_id", flat=True)) == ["LEG-001"]
        # Fundación Ejemplo: used by the valid row. Otra Fundación: only by a rejected one.
        assert Partner.objects.count() == partners + 1
        assert [partner.name for partner in report.new_partners] == ["Fundación Ejemplo"]
        assert report.rows[0].pk == CooperationAction.objects.get().pk

    def test_missing_required_columns_are_one_file_error(self, register_data, tmp_path):
        headers = [header for header in HEADERS if header not in ("Entidades", "Estado")]
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()], headers=headers)

        report = import_actions(path, accept_partial=True)

        assert [(error.column, error.message) for error in report.file_errors] == [
            ("Estado", "Falta esta columna obligatoria en el encabezado (fila 1)."),
            ("Entidades", "Falta esta columna obligatoria en el encabezado (fila 1)."),
        ]
        assert [(row.row, row.outcome) for row in report.rows] == [(2, "rejected"), (3, "rejected")]
        assert not report.written and CooperationAction.objects.count() == 0

    def test_conflicting_definitions_of_a_new_partner(self, register_data, tmp_path):
        rows = [
            good_row(Aliados="Fundación Ejemplo | ESAL / ONG / fundación | CO"),
            second_row(Aliados="Fundación Ejemplo | academia"),
        ]
        path = write_xlsx(tmp_path / "registro.xlsx", rows)

        report = import_actions(path)

        assert errors_of(report) == {(3, "Aliados")}
        assert "fila 2" in report.rows[1].errors[0].message

    @pytest.mark.parametrize(
        "content, name, message",
        [
            (b"not a zip", "registro.xlsx", "Excel"),
            ("Título;ID\nÁ;1".encode("latin-1"), "registro.csv", "UTF-8"),
            (b"", "registro.csv", "vacío"),
            (b"ID,Titulo", "registro.txt", ".xlsx"),
        ],
    )
    def test_unreadable_files_raise_a_clear_error(self, register_data, tmp_path, content, name, message):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ImportFileError, match=message):
            import_actions(path)


# --- Writing ----------------------------------------------------------------------------------


@pytest.mark.django_db
class TestWriting:
    def test_reimport_creates_nothing_and_updates_what_changed(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])
        import_actions(path)
        partners = Partner.objects.count()
        first = CooperationAction.objects.get(external_id="LEG-001")

        again = import_actions(path)

        assert [row.outcome for row in again.rows] == ["updated", "updated"]
        assert again.new_partners == []
        assert CooperationAction.objects.count() == 2
        assert Partner.objects.count() == partners
        assert ActionPartner.objects.count() == 4
        assert first.revisions.count() == 2

        changed = good_row(
            **{
                "Título": "Buses eléctricos, segunda fase",
                "Aliados": "GIZ | | | ejecutor",
                "ODS": "7",
                "Cobertura": "",
            }
        )
        write_xlsx(path, [changed, second_row()])
        report = import_actions(path)

        assert [row.outcome for row in report.rows] == ["updated", "updated"]
        assert report.rows[0].pk == first.pk
        first.refresh_from_db()
        assert first.title == "Buses eléctricos, segunda fase"
        assert [(link.partner.acronym, link.role) for link in first.partner_links.all()] == [
            ("GIZ", "ejecutor")
        ]
        assert list(first.sdgs.values_list("number", flat=True)) == [7]
        assert first.citywide is True and not first.localities.exists()
        assert first.entity_links.count() == 2
        assert first.revisions.count() == 3
        assert first.latest_revision.content["title"] == "Buses eléctricos, segunda fase"
        assert ModelLogEntry.objects.filter(object_id=str(first.pk), action="wagtail.edit").count() == 2
        afd, giz = Partner.objects.get(acronym="AFD"), Partner.objects.get(acronym="GIZ")
        assert not ReferenceIndex.get_references_to(afd).filter(object_id=str(first.pk)).exists()
        assert ReferenceIndex.get_references_to(giz).filter(object_id=str(first.pk)).exists()
        assert list(get_search_backend().search("segunda fase", CooperationAction)) == [first]

    def test_absent_optional_columns_leave_the_record_alone(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])
        import_actions(path)
        headers = [header for header in HEADERS if header not in ("Aliados", "ODS", "Observaciones internas")]
        write_xlsx(path, [good_row(**{"Título": "Nuevo título"})], headers=headers)

        report = import_actions(path)

        assert report.rows[0].outcome == "updated", errors_of(report)
        action = CooperationAction.objects.get()
        assert action.title == "Nuevo título"
        assert action.partner_links.count() == 2
        assert sorted(action.sdgs.values_list("number", flat=True)) == [11, 13]
        assert action.internal_notes == "Nota interna."
        assert [link["partner"] for link in action.latest_revision.content["partner_links"]] == [
            link.partner_id for link in action.partner_links.all()
        ]

    def test_a_published_record_gets_a_draft_unless_publishing(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])
        import_actions(path, publish=True)
        write_xlsx(path, [good_row(**{"Título": "Título del borrador", "Aliados": "GIZ"})])

        report = import_actions(path)

        assert report.rows[0].outcome == "updated"
        assert "borrador" in report.rows[0].note
        action = CooperationAction.objects.get()
        assert action.live and action.has_unpublished_changes
        assert action.title == "Buses eléctricos con la AFD"  # the published row is untouched
        assert action.partner_links.count() == 2
        assert action.latest_revision.content["title"] == "Título del borrador"
        assert action.latest_revision != action.live_revision

        import_actions(path, publish=True)

        action.refresh_from_db()
        assert action.title == "Título del borrador"
        assert [link.partner.acronym for link in action.partner_links.all()] == ["GIZ"]
        assert not action.has_unpublished_changes

    def test_publishing_drafts_that_were_imported_before(self, register_data, tmp_path):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])
        import_actions(path)
        write_xlsx(path, [good_row(**{"Aliados": "GIZ; AFD | | | ejecutor"}), second_row()])

        report = import_actions(path, publish=True)

        assert [row.outcome for row in report.rows] == ["updated", "updated"]
        action = CooperationAction.objects.get(external_id="LEG-001")
        assert action.live and action.live_revision == action.latest_revision
        assert [(link.partner.acronym, link.role) for link in action.partner_links.all()] == [
            ("GIZ", "contraparte"),
            ("AFD", "ejecutor"),
        ]
        assert ActionPartner.objects.count() == 4
        assert action.entity_links.count() == 2
        assert action.revisions.count() == 2

    def test_locked_records_are_left_alone(self, register_data, tmp_path, django_user_model):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])
        import_actions(path)
        someone = django_user_model.objects.create_user(username="editora", password=PASSWORD)
        CooperationAction.objects.update(locked=True, locked_by=someone)

        report = import_actions(path)

        assert errors_of(report) == {(2, "ID")}
        assert "bloqueado" in report.rows[0].errors[0].message

    def test_records_in_moderation_are_left_alone(self, register_data, tmp_path, django_user_model):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])
        import_actions(path)
        editor = make_user(django_user_model, "editora", EDITORS)
        action = CooperationAction.objects.get(external_id="LEG-002")
        action.get_workflow().start(action, editor)

        report = import_actions(path, publish=True)

        assert [(row.row, row.outcome) for row in report.rows] == [(2, "updated"), (3, "rejected")]
        assert errors_of(report) == {(3, "ID")}
        assert "moderación" in report.rows[1].errors[0].message
        assert not report.written
        assert not CooperationAction.objects.get(external_id="LEG-001").live

    def test_errors_are_listed_in_column_order(self, register_data, tmp_path):
        row = good_row(
            **{"Países": "Narnia", "Valor": "abc", "Título": "", "Fecha de identificación": "ayer"}
        )
        path = write_xlsx(tmp_path / "registro.xlsx", [row])

        report = import_actions(path)

        assert [error.column for error in report.rows[0].errors] == [
            "Título",
            "Fecha de identificación",
            "Valor",
            "Países",
        ]

    def test_bulk_and_one_by_one_writing_give_the_same_records(self, register_data, tmp_path, monkeypatch):
        """The bulk path for drafts writes what save() + save_revision() write for each record."""
        bulk = write_xlsx(tmp_path / "bulk.xlsx", [good_row(ID="A-1"), second_row(ID="A-2")])
        import_actions(bulk)
        monkeypatch.setattr(importer.ActionImporter, "bulk_drafts", False)
        single = write_xlsx(tmp_path / "single.xlsx", [good_row(ID="B-1"), second_row(ID="B-2")])
        import_actions(single)

        ignored = {"id", "pk", "external_id", "latest_revision", "created_at", "updated_at", "action"}

        def clean(value):
            if isinstance(value, dict):
                return {key: clean(item) for key, item in value.items() if key not in ignored}
            if isinstance(value, list):
                return [clean(item) for item in value]
            return value

        def snapshot(external_id):
            action = CooperationAction.objects.get(external_id=external_id)
            fields = {
                field.attname: getattr(action, field.attname)
                for field in CooperationAction._meta.concrete_fields
                if field.name not in ignored
            }
            references = sorted(
                ReferenceIndex.objects.filter(
                    base_content_type__model="cooperationaction", object_id=str(action.pk)
                ).values_list("to_content_type", "to_object_id", "model_path")
            )
            logs = [
                (
                    entry.action,
                    entry.label,
                    entry.content_changed,
                    entry.revision_id == action.latest_revision_id,
                )
                for entry in ModelLogEntry.objects.filter(object_id=str(action.pk))
            ]
            return {
                "fields": fields,
                "partners": [
                    (link.partner_id, link.role, link.sort_order) for link in action.partner_links.all()
                ],
                "entities": [(link.entity_id, link.sort_order) for link in action.entity_links.all()],
                "m2m": [
                    sorted(action.sdgs.values_list("pk", flat=True)),
                    sorted(action.localities.values_list("pk", flat=True)),
                    sorted(action.transversal_axes.values_list("pk", flat=True)),
                ],
                "revision": clean(action.latest_revision.content),
                # Every other column of the revision and of the history entries, so that a field
                # Wagtail adds to them and sets in save_revision() shows up here.
                "revision_row": {
                    field.attname: getattr(action.latest_revision, field.attname)
                    for field in Revision._meta.concrete_fields
                    if field.attname not in {"id", "object_id", "created_at", "content"}
                },
                "log_rows": [
                    {
                        field.attname: getattr(entry, field.attname)
                        for field in ModelLogEntry._meta.concrete_fields
                        if field.attname not in {"id", "object_id", "timestamp", "uuid", "revision_id"}
                    }
                    for entry in ModelLogEntry.objects.filter(object_id=str(action.pk))
                ],
                "revision_str": action.latest_revision.object_str,
                "revisions": action.revisions.count(),
                "references": references,
                "logs": logs,
                "indexed": action
                in list(get_search_backend().search(action.title.split()[0], CooperationAction)),
            }

        for bulk_id, single_id in (("A-1", "B-1"), ("A-2", "B-2")):
            assert snapshot(bulk_id) == snapshot(single_id)

    @pytest.mark.parametrize("publish", [False, True])
    def test_a_crash_midway_leaves_nothing_half_written(self, register_data, tmp_path, monkeypatch, publish):
        partners = Partner.objects.count()
        monkeypatch.setattr(importer, "CHUNK", 1)
        calls = []

        def crash_on_second(original):
            def wrapper(*args, **kwargs):
                calls.append(1)
                if len(calls) == 2:
                    raise RuntimeError("se cayó la conexión")
                return original(*args, **kwargs)

            return wrapper

        if publish:
            monkeypatch.setattr(Revision, "publish", crash_on_second(Revision.publish))
        else:
            monkeypatch.setattr(
                importer.ActionImporter,
                "_write_drafts",
                crash_on_second(importer.ActionImporter._write_drafts),
            )
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        with pytest.raises(RuntimeError):
            import_actions(path, publish=publish)

        assert len(calls) == 2
        assert CooperationAction.objects.count() == 0
        assert Partner.objects.count() == partners
        assert Revision.objects.count() == 0
        assert ModelLogEntry.objects.count() == 0
        assert not ReferenceIndex.objects.filter(base_content_type__model="cooperationaction").exists()


# --- The command ------------------------------------------------------------------------------


@pytest.mark.django_db
class TestCommand:
    def test_imports_and_reports(self, register_data, tmp_path, capsys):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        call_command("import_actions", str(path))

        out = capsys.readouterr().out
        assert "Aliados nuevos:" in out
        assert "Fundación Ejemplo · ESAL / ONG / fundación · Colombia (filas 2, 3)" in out
        assert "Totales: 2 filas · 2 creadas · 0 actualizadas · 0 rechazadas · 1 aliados nuevos" in out
        assert "Importación guardada: 2 creadas, 0 actualizadas, 1 aliados nuevos, como borradores." in out
        assert CooperationAction.objects.filter(live=False).count() == 2

    def test_publish_option(self, register_data, tmp_path, capsys):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])

        call_command("import_actions", str(path), "--publish")

        assert "publicadas" in capsys.readouterr().out
        assert CooperationAction.objects.get().live

    def test_rejected_rows_fail_with_nothing_written(self, register_data, tmp_path, capsys):
        path = write_xlsx(tmp_path / "registro.xlsx", every_kind_of_bad_row())

        with pytest.raises(CommandError, match="Se rechazaron 21 de 22 filas: no se guardó nada") as failure:
            call_command("import_actions", str(path))

        assert failure.value.returncode == 1
        out = capsys.readouterr().out
        assert "Filas rechazadas:" in out
        assert "  Fila 3 · Título: Es obligatoria y está vacía." in out
        assert "  Fila 13 · ID: El ID «LEG-001» ya aparece en la fila 2 del archivo." in out
        assert CooperationAction.objects.count() == 0

    def test_accept_partial_option(self, register_data, tmp_path, capsys):
        path = write_xlsx(tmp_path / "registro.xlsx", every_kind_of_bad_row())

        call_command("import_actions", str(path), "--accept-partial")

        assert "Importación guardada: 1 creadas" in capsys.readouterr().out
        assert CooperationAction.objects.count() == 1

        only_bad = write_xlsx(tmp_path / "malo.xlsx", every_kind_of_bad_row()[1:11])
        with pytest.raises(CommandError, match="Ninguna fila es válida"):
            call_command("import_actions", str(only_bad), "--accept-partial")
        assert CooperationAction.objects.count() == 1

    def test_dry_run_option(self, register_data, tmp_path, capsys):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])

        call_command("import_actions", str(path), "--dry-run")

        assert "Simulación (--dry-run): no se guardó nada." in capsys.readouterr().out
        assert CooperationAction.objects.count() == 0

        bad = write_xlsx(tmp_path / "malo.xlsx", every_kind_of_bad_row())
        with pytest.raises(CommandError, match="se rechazarían 21"):
            call_command("import_actions", str(bad), "--dry-run")

    def test_progress_bars_on_stderr_and_the_user_of_the_revisions(
        self, register_data, tmp_path, capsys, monkeypatch, django_user_model
    ):
        from cooperacion.management.commands import import_actions as command

        monkeypatch.setattr(command, "PROGRESS_THRESHOLD", 1)
        user = make_user(django_user_model, "importadora")
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])

        call_command("import_actions", str(path), "--user", "importadora")

        captured = capsys.readouterr()
        assert "Validando: 100%" in captured.err and "Guardando: 100%" in captured.err
        assert "Validando" not in captured.out
        assert CooperationAction.objects.get(external_id="LEG-001").latest_revision.user == user
        with pytest.raises(CommandError, match="No existe el usuario «nadie»"):
            call_command("import_actions", str(path), "--user", "nadie")

    def test_a_crash_is_a_clear_error_and_writes_nothing(self, register_data, tmp_path, monkeypatch):
        def crash(*args, **kwargs):
            raise RuntimeError("disco lleno")

        monkeypatch.setattr(importer, "update_search_index", crash)
        monkeypatch.setattr(importer, "add_to_search_index", crash)
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])

        with pytest.raises(CommandError, match="se interrumpió y no se guardó nada: disco lleno"):
            call_command("import_actions", str(path))

        assert CooperationAction.objects.count() == 0
        assert not Partner.objects.filter(normalized_name="fundacion ejemplo").exists()

    def test_unreadable_or_missing_files(self, register_data, tmp_path):
        with pytest.raises(CommandError, match="No se encontró"):
            call_command("import_actions", str(tmp_path / "no-existe.xlsx"))
        broken = tmp_path / "roto.xlsx"
        broken.write_bytes(b"no es un zip")
        with pytest.raises(CommandError, match="Excel"):
            call_command("import_actions", str(broken))
        headers = [header for header in HEADERS if header != "Título"]
        incomplete = write_xlsx(tmp_path / "incompleto.xlsx", [good_row()], headers=headers)
        with pytest.raises(CommandError, match="no tiene el formato"):
            call_command("import_actions", str(incomplete))


# --- The admin screen -------------------------------------------------------------------------


@pytest.fixture
def upload_dir(settings, tmp_path):
    directory = tmp_path / "subidas"
    settings.COOPERACION_IMPORT_DIR = str(directory)
    return directory


def xlsx_upload(tmp_path, rows, name="registro.xlsx", headers=HEADERS):
    path = write_xlsx(tmp_path / name, rows, headers=headers)
    return SimpleUploadedFile(name, path.read_bytes())


@pytest.mark.django_db
class TestAdminScreen:
    def test_upload_preview_then_confirm(
        self, register_data, tmp_path, upload_dir, client, django_user_model
    ):
        editor = make_user(django_user_model, "editora", EDITORS)
        client.force_login(editor)
        url = reverse("cooperacion_import")

        page = client.get(url)
        assert page.status_code == 200
        assert 'name="file"' in page.content.decode()
        assert 'name="publish"' not in page.content.decode()  # editors cannot publish

        preview = client.post(url, {"file": xlsx_upload(tmp_path, [good_row(), second_row()])})

        assert preview.status_code == 200
        body = preview.content.decode()
        assert "Confirmar importación" in body
        assert body.count('data-outcome="created"') == 2
        assert "Fundación Ejemplo" in body
        assert CooperationAction.objects.count() == 0
        pending = client.session[SESSION_KEY]
        stored = upload_dir / f"{pending['token']}.xlsx"
        assert stored.exists()
        assert oct(stored.stat().st_mode & 0o777) == "0o600"

        result = client.post(reverse("cooperacion_import_confirm"), {"token": pending["token"]})

        assert result.status_code == 200
        assert "Importación guardada" in result.content.decode()
        assert CooperationAction.objects.filter(live=False).count() == 2
        assert CooperationAction.objects.get(external_id="LEG-001").latest_revision.user == editor
        assert not stored.exists()
        assert SESSION_KEY not in client.session

    def test_preview_of_rejected_rows_offers_no_confirmation(
        self, register_data, tmp_path, upload_dir, client, admin_user
    ):
        client.force_login(admin_user)

        preview = client.post(
            reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, every_kind_of_bad_row())}
        )

        body = preview.content.decode()
        assert preview.status_code == 200
        assert "Confirmar importación" not in body
        assert body.count('data-outcome="rejected"') == 21
        assert "Es obligatoria y está vacía." in body
        assert CooperationAction.objects.count() == 0

    def test_accept_partial_and_publish_from_the_screen(
        self, register_data, tmp_path, upload_dir, client, admin_user
    ):
        client.force_login(admin_user)

        preview = client.post(
            reverse("cooperacion_import"),
            {"file": xlsx_upload(tmp_path, every_kind_of_bad_row()), "accept_partial": "on", "publish": "on"},
        )
        assert "Confirmar importación" in preview.content.decode()
        assert CooperationAction.objects.count() == 0
        token = client.session[SESSION_KEY]["token"]

        client.post(reverse("cooperacion_import_confirm"), {"token": token})

        assert list(CooperationAction.objects.values_list("external_id", "live")) == [("LEG-001", True)]

    def test_a_wrong_token_writes_nothing(self, register_data, tmp_path, upload_dir, client, admin_user):
        client.force_login(admin_user)
        client.post(reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, [good_row()])})

        response = client.post(reverse("cooperacion_import_confirm"), {"token": "x" * 43})

        assert response.status_code == 302
        assert response.url == reverse("cooperacion_import")
        assert CooperationAction.objects.count() == 0

    @pytest.mark.parametrize(
        "upload, message",
        [
            (
                SimpleUploadedFile("registro.txt", b"ID,Titulo\n1,2\n"),
                "debe ser una hoja de cálculo .xlsx o un archivo .csv",
            ),
            (
                SimpleUploadedFile("registro.xlsx", b"esto no es un xlsx"),
                "No se pudo leer el archivo como hoja de cálculo Excel",
            ),
            (SimpleUploadedFile("registro.csv", "ID;Título\nÁ;1\n".encode("latin-1")), "no está en UTF-8"),
            (
                SimpleUploadedFile("registro.csv", "ID;Título\n1;Uno\n".encode()),
                "Falta esta columna obligatoria",
            ),
            (SimpleUploadedFile("registro.csv", ";".join(HEADERS).encode()), "no tiene filas de datos"),
        ],
    )
    def test_bad_files_give_a_form_error(
        self, register_data, upload_dir, client, admin_user, upload, message
    ):
        client.force_login(admin_user)

        response = client.post(reverse("cooperacion_import"), {"file": upload})

        assert response.status_code == 200
        assert message in response.content.decode()
        assert "Confirmar importación" not in response.content.decode()
        assert SESSION_KEY not in client.session
        assert not upload_dir.exists() or not any(upload_dir.iterdir())

    def test_files_over_20_mb_are_refused(self, register_data, upload_dir, client, admin_user, monkeypatch):
        assert ActionImportForm.MAX_SIZE == 20 * 1024 * 1024
        monkeypatch.setattr(ActionImportForm, "MAX_SIZE", 1024)
        client.force_login(admin_user)
        big = SimpleUploadedFile("registro.csv", b"x" * 1025)

        response = client.post(reverse("cooperacion_import"), {"file": big})

        assert "El archivo pesa 1,0\xa0KB; el máximo es 1,0\xa0KB." in response.content.decode()
        assert SESSION_KEY not in client.session
        assert not upload_dir.exists() or not any(upload_dir.iterdir())

    def test_liaisons_and_users_without_permission_are_refused(
        self, register_data, client, django_user_model
    ):
        entity = DistrictEntity.objects.get(acronym="SED")
        liaison = make_user(django_user_model, "enlace", LIAISONS, entity)
        viewer = make_user(django_user_model, "mirona")
        viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
        upload = SimpleUploadedFile("registro.csv", ";".join(HEADERS).encode())
        for user in (liaison, viewer):
            client.force_login(user)
            for response in (
                client.get(reverse("cooperacion_import")),
                client.post(reverse("cooperacion_import"), {"file": upload}),
                client.post(reverse("cooperacion_import_confirm"), {"token": "x"}),
            ):
                # Wagtail's admin answers PermissionDenied with a redirect to its home page.
                assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
        client.logout()
        response = client.get(reverse("cooperacion_import"))
        assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))

    def test_menu_item_in_the_register_group(self, register_data, client, django_user_model, rf):
        moderator = make_user(django_user_model, "moderador", MODERATORS)
        liaison = make_user(django_user_model, "enlace", LIAISONS, DistrictEntity.objects.get(acronym="SED"))

        def register_menu(user):
            request = rf.get("/admin/")
            request.user = user
            (group,) = [
                item
                for item in admin_menu.menu_items_for_request(request)
                if item.name == "registro-de-cooperacion"
            ]
            return {item.name: item for item in group.menu.menu_items_for_request(request)}

        item = register_menu(moderator)["importar-hoja-de-calculo"]
        assert (str(item.label), item.url) == ("Importar hoja de cálculo", reverse("cooperacion_import"))
        assert "importar-hoja-de-calculo" not in register_menu(liaison)
        client.force_login(moderator)
        assert reverse("cooperacion_import") in client.get(reverse("wagtailadmin_home")).content.decode()
        assert 'name="publish"' in client.get(reverse("cooperacion_import")).content.decode()


# --- Limits, hostile files and guards on Wagtail internals -----------------------------------


@pytest.mark.django_db
class TestLimitsAndGuards:
    @pytest.mark.parametrize("name", ["registro.xlsx", "registro.csv"])
    def test_a_row_limit_refuses_the_file_while_reading_it(self, register_data, tmp_path, name):
        writer = write_xlsx if name.endswith(".xlsx") else write_csv
        rows = [good_row(ID="L-1"), {}, {}, good_row(ID="L-2"), good_row(ID="L-3")]
        path = writer(tmp_path / name, rows)

        with pytest.raises(ImportFileError, match="más de 2 filas de datos"):
            import_actions(path, dry_run=True, max_rows=2)
        # Blank rows do not count.
        assert import_actions(path, dry_run=True, max_rows=3).total == 3
        assert import_actions(path, dry_run=True).total == 3

    @pytest.mark.parametrize("coverage", ["Kennedy; ፩", "1" * 5000])
    def test_odd_digits_in_the_coverage_reject_the_row_not_the_file(self, register_data, tmp_path, coverage):
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(Cobertura=coverage), second_row()])

        report = import_actions(path, dry_run=True)

        assert [row.outcome for row in report.rows] == ["rejected", "created"]
        assert errors_of(report) == {(2, "Cobertura")}
        codes = write_xlsx(tmp_path / "codigos.xlsx", [good_row(Cobertura="007; 19")])
        assert import_actions(codes, dry_run=True).rejected == 0

    def test_an_unreadable_xlsx_names_the_error_even_without_a_message(
        self, register_data, tmp_path, monkeypatch
    ):
        def broken(*args, **kwargs):
            raise ValueError()

        monkeypatch.setattr(openpyxl, "load_workbook", broken)
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row()])

        with pytest.raises(ImportFileError, match=r"Excel \(\.xlsx\): ValueError$"):
            import_actions(path)

    def test_dry_runs_that_would_write_nothing_fail(self, register_data, tmp_path):
        header_only = write_csv(tmp_path / "encabezado.csv", [])
        with pytest.raises(CommandError, match="ninguna fila"):
            call_command("import_actions", str(header_only), "--dry-run")
        only_bad = write_xlsx(tmp_path / "malo.xlsx", every_kind_of_bad_row()[1:11])
        with pytest.raises(CommandError, match="ninguna fila"):
            call_command("import_actions", str(only_bad), "--dry-run", "--accept-partial")

    def test_the_reference_index_is_what_wagtail_itself_writes(self, register_data, tmp_path):
        """replace_references() uses ReferenceIndex's private extractor: compare with the public API."""
        path = write_xlsx(tmp_path / "registro.xlsx", [good_row(), second_row()])
        import_actions(path)
        import_actions(path, publish=True)  # the one-by-one path too
        fields = [field.attname for field in ReferenceIndex._meta.concrete_fields if not field.primary_key]
        entries = ReferenceIndex.objects.filter(base_content_type__model__in=["cooperationaction", "partner"])

        written = sorted(entries.values_list(*fields))
        entries.delete()
        for obj in [*CooperationAction.objects.all(), *Partner.objects.all()]:
            ReferenceIndex.create_or_update_for_object(obj)

        assert written and written == sorted(entries.values_list(*fields))

    def test_search_indexing_is_deferred_only_in_the_importing_thread(self, monkeypatch):
        enqueued = []
        # Only the search index is at stake here: no database for the page cache's generation.
        monkeypatch.setattr("home.cache.bump_generation", lambda: None)
        monkeypatch.setattr(
            signal_handlers,
            "insert_or_update_object_task",
            type("Task", (), {"enqueue": staticmethod(lambda *args: enqueued.append(args[2]))}),
        )
        action = CooperationAction(pk=7)

        def save_elsewhere():
            thread = threading.Thread(
                target=post_save.send, args=(CooperationAction,), kwargs={"instance": action}
            )
            thread.start()
            thread.join()

        with pytest.raises(RuntimeError), importer.search_indexing_deferred(CooperationAction):
            post_save.send(CooperationAction, instance=action)
            assert enqueued == []  # deferred here (fails if modelsearch renames its handler)
            save_elsewhere()
            assert enqueued == ["7"]  # other threads index as usual
            raise RuntimeError
        post_save.send(CooperationAction, instance=action)
        save_elsewhere()
        assert enqueued == ["7", "7", "7"]  # restored, once, after the exception


@pytest.mark.django_db
class TestAdminScreenLimits:
    def test_a_file_over_the_row_limit_is_refused(
        self, register_data, tmp_path, upload_dir, client, admin_user, monkeypatch
    ):
        monkeypatch.setattr(ActionImportForm, "MAX_ROWS", 1)
        client.force_login(admin_user)

        response = client.post(
            reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, [good_row(), second_row()])}
        )

        assert response.status_code == 200
        assert "más de 1 filas de datos" in response.content.decode()
        assert SESSION_KEY not in client.session
        assert not upload_dir.exists() or not any(upload_dir.iterdir())

    def test_an_xlsx_that_unpacks_too_large_is_refused_before_reading_it(
        self, register_data, tmp_path, upload_dir, client, admin_user, monkeypatch
    ):
        monkeypatch.setattr(ActionImportForm, "MAX_UNPACKED_SIZE", 10_000)
        client.force_login(admin_user)
        rows = [good_row(ID=f"U-{number}") for number in range(20)]

        response = client.post(reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, rows)})

        assert response.status_code == 200
        assert "descomprimido" in response.content.decode()
        assert SESSION_KEY not in client.session
        assert not upload_dir.exists() or not any(upload_dir.iterdir())
        monkeypatch.setattr(ActionImportForm, "MAX_UNPACKED_SIZE", 10_000_000)
        response = client.post(reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, rows)})
        assert "Confirmar importación" in response.content.decode()

    def test_a_preview_that_cannot_be_confirmed_keeps_no_file(
        self, register_data, tmp_path, upload_dir, client, admin_user
    ):
        client.force_login(admin_user)
        client.post(reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, [good_row()])})
        kept = client.session[SESSION_KEY]

        preview = client.post(
            reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, every_kind_of_bad_row())}
        )

        assert "Confirmar importación" not in preview.content.decode()
        # The rejected file is not kept; an earlier preview that can be confirmed still can.
        assert client.session[SESSION_KEY] == kept
        assert [path.name for path in upload_dir.iterdir()] == [f"{kept['token']}.xlsx"]

    def test_stale_uploads_are_purged_but_nothing_else(
        self, register_data, tmp_path, upload_dir, client, admin_user
    ):
        upload_dir.mkdir()
        stale = upload_dir / f"{'a' * 43}.csv"
        foreign = upload_dir / "notas.txt"
        for path in (stale, foreign):
            path.write_text("x")
            os.utime(path, (time.time() - 2 * 24 * 3600,) * 2)
        client.force_login(admin_user)

        client.post(reverse("cooperacion_import"), {"file": xlsx_upload(tmp_path, [good_row()])})

        assert not stale.exists()
        assert foreign.exists()
