"""The register's open-data downloads: each format parsed back, the privacy and scope rules, the
search's filters, the answers to bad parameters, and queries that do not grow with the rows."""

import csv
import io
import json
import struct
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import jsonschema
import openpyxl
import pytest

from cooperacion.opendata import writers
from cooperacion.opendata.columns import COLUMN_NAMES, COLUMNS, LINKS, ColumnType
from search.filters import RecordSearchFilterSet
from search.indexing import rebuild
from search.records import search_records
from tests.cooperacion.factories import CooperationActionFactory
from tests.cooperacion.opendata_records import MARKER, TRICKY_SUMMARY, TRICKY_TITLE, build_world

CSV_URL, XLSX_URL, JSON_URL = "/datos/registro.csv", "/datos/registro.xlsx", "/datos/registro.json"
SCHEMA_URL = "/datos/registro.schema.json"


@pytest.fixture
def world(db):
    return build_world()


def body(response) -> bytes:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def parse_csv(content: bytes, delimiter: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert rows[0] == COLUMN_NAMES
    assert all(len(row) == len(COLUMN_NAMES) for row in rows)
    return [dict(zip(COLUMN_NAMES, row, strict=True)) for row in rows[1:]]


def by_id(rows, key="id"):
    return {int(row[key]): row for row in rows}


def spreadsheet_csv(client, query=""):
    content = body(client.get(CSV_URL + query))
    return content, parse_csv(content, ";")


def machine_csv(client, query=""):
    separator = "&" if query else "?"
    content = body(client.get(CSV_URL + query + separator + "formato=rfc4180"))
    return content, parse_csv(content, ",")


def json_records(client, query=""):
    return json.loads(body(client.get(JSON_URL + query)))


class TestSpreadsheetCsv:
    """The default CSV: what Excel and LibreOffice open correctly with a Spanish locale."""

    def test_utf8_with_byte_order_mark_semicolons_and_crlf(self, client, world):
        response = client.get(CSV_URL)
        content = body(response)
        assert response["Content-Type"].startswith("text/csv; charset=utf-8")
        assert content.startswith(b"\xef\xbb\xbfid;url_ficha;titulo;")
        lines = content.split(b"\r\n")
        assert lines[-1] == b"" and all(not line.endswith(b"\r") for line in lines)
        # The only bare line feed is the one inside the tricky summary, which is quoted.
        assert content.count(b"\n") == content.count(b"\r\n") + 1

    def test_round_trip_keeps_accents_quotes_separators_and_line_breaks(self, client, world):
        content, rows = spreadsheet_csv(client)
        full = by_id(rows)[world.full.pk]
        assert full["titulo"] == TRICKY_TITLE
        assert full["resumen"] == TRICKY_SUMMARY
        assert full["titulo_en"] == "Technical cooperation on mobility"
        assert full["resumen_en"] == "AFD assistance, with commas; and semicolons."
        # Fields with ";", quotes or line breaks are quoted; quotes inside are doubled (RFC 4180).
        assert '"Cooperación técnica: ""movilidad""; buses, rutas y año de la niñez"'.encode() in content
        assert full["aliados"] == "Agencia Francesa de Desarrollo, AFD | Ciudad de Quito"

    def test_decimal_comma_and_iso_dates(self, client, world):
        _content, rows = spreadsheet_csv(client)
        full = by_id(rows)[world.full.pk]
        assert full["valor"] == "1234567,89"
        assert full["moneda"] == "EUR"
        assert full["valor_cop"] == "5555555505,00"
        assert full["valor_usd"] == "1388888,88"
        assert full["fecha_firma"] == "2024-01-15"
        assert full["fecha_finalizacion"] == ""
        assert full["anio"] == "2024"
        assert full["en_especie"] == "false" and full["todo_el_distrito"] == "false"

    def test_dated_attachment(self, client, world):
        response = client.get(CSV_URL)
        today = date.today().isoformat()
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="registro-cooperacion-bogota-{today}.csv"'
        )
        assert "public" in response["Cache-Control"]


class TestMachineCsv:
    def test_rfc4180_commas_decimal_point_no_byte_order_mark(self, client, world):
        content, rows = machine_csv(client)
        assert content.startswith(b"id,url_ficha,titulo,")
        full = by_id(rows)[world.full.pk]
        assert full["titulo"] == TRICKY_TITLE and full["resumen"] == TRICKY_SUMMARY
        assert full["valor"] == "1234567.89" and full["valor_cop"] == "5555555505.00"
        assert b'"Agencia Francesa de Desarrollo, AFD | Ciudad de Quito"' in content

    def test_both_dialects_hold_the_same_values(self, client, world):
        _content, spreadsheet = spreadsheet_csv(client)
        _content, machine = machine_csv(client)
        decimals = {column.name for column in COLUMNS if column.type == ColumnType.DECIMAL}
        for left, right in zip(spreadsheet, machine, strict=True):
            for name in COLUMN_NAMES:
                expected = right[name].replace(".", ",") if name in decimals else right[name]
                assert left[name] == expected, name

    def test_a_text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(self, client, world):
        formula = '=HYPERLINK("http://example.com/x";"clic")'
        record = CooperationActionFactory(title=formula, summary="-2+3", title_en="@SUM(A1)")
        rebuild()
        spreadsheet = by_id(spreadsheet_csv(client)[1])[record.pk]
        assert (spreadsheet["titulo"], spreadsheet["resumen"], spreadsheet["titulo_en"]) == (
            "'" + formula,
            "'-2+3",
            "'@SUM(A1)",
        )
        machine = by_id(machine_csv(client)[1])[record.pk]
        assert (machine["titulo"], machine["resumen"], machine["titulo_en"]) == (formula, "-2+3", "@SUM(A1)")


class TestColumns:
    def test_every_column_of_the_full_record(self, client, world):
        full = by_id(machine_csv(client)[1])[world.full.pk]
        assert full == {
            "id": str(world.full.pk),
            "url_ficha": f"http://testserver/es/cooperacion/registro/{world.full.pk}/",
            "titulo": TRICKY_TITLE,
            "titulo_en": "Technical cooperation on mobility",
            "resumen": TRICKY_SUMMARY,
            "resumen_en": "AFD assistance, with commas; and semicolons.",
            "tipo": "convenio",
            "tipo_instrumento": "",
            "linea_accion": "movilizar_recursos",
            "dimension": "cooperacion",
            "estado": "en_ejecucion",
            "fecha_identificacion": "2023-11-01",
            "fecha_firma": "2024-01-15",
            "fecha_inicio": "2024-02-01",
            "fecha_finalizacion": "",
            "anio": "2024",
            "aliados": "Agencia Francesa de Desarrollo, AFD | Ciudad de Quito",
            "aliados_tipos": "gobierno_internacional | gobierno_local",
            "aliados_paises": "FR | ",
            "aliados_roles": "financiador | contraparte",
            "entidades": "Secretaría de Movilidad de prueba | Secretaría de Ambiente de prueba",
            "sectores": "Movilidad de prueba | Ambiente de prueba",
            "mesa_tematica": "Mesa de movilidad de prueba",
            "ejes_transversales": "Eje de género de prueba",
            "ods": "11 | 13",
            "meta_pdd": "PDD-9.9",
            "paises": "CO | FR",
            "todo_el_distrito": "false",
            "localidades": "08 | 11",
            "valor": "1234567.89",
            "moneda": "EUR",
            "valor_cop": "5555555505.00",
            "valor_usd": "1388888.88",
            "en_especie": "false",
            "resultados": "Se adoptó un plan de buses eléctricos; 120 unidades.",
            "resultados_en": "An electric bus plan was adopted.",
            "alcance_autorizacion": "completa",
            "ultima_actualizacion": date.today().isoformat(),
        }

    def test_the_url_and_texts_do_not_follow_the_visitors_language(self, client, world):
        english = by_id(machine_csv(client)[1])
        client.cookies["django_language"] = "en"
        response = client.get(CSV_URL + "?formato=rfc4180", HTTP_ACCEPT_LANGUAGE="en")
        assert by_id(parse_csv(body(response), ",")) == english


class TestAuthorisationScope:
    def test_amounts_only_with_full_authorisation(self, client, world):
        for rows in (by_id(spreadsheet_csv(client)[1]), by_id(machine_csv(client)[1])):
            assert rows[world.full.pk]["valor"] != ""
            for record in (world.without_amounts, world.record_only):
                row = rows[record.pk]
                assert [
                    row[name] for name in ("valor", "moneda", "valor_cop", "valor_usd", "en_especie")
                ] == [""] * 5
        records = by_id(json_records(client)["records"])
        assert records[world.without_amounts.pk]["en_especie"] is None
        assert records[world.without_amounts.pk]["valor_cop"] is None

    def test_results_unless_the_record_alone_was_authorised(self, client, world):
        rows = by_id(machine_csv(client)[1])
        assert rows[world.without_amounts.pk]["resultados"] == "Resultados visibles"
        assert (
            rows[world.record_only.pk]["resultados"] == ""
            and rows[world.record_only.pk]["resultados_en"] == ""
        )


class TestPrivacy:
    URLS = [CSV_URL, CSV_URL + "?formato=rfc4180", XLSX_URL, JSON_URL, SCHEMA_URL, "/data.json"]

    def test_private_records_never_leave_in_any_format(self, client, world):
        for url in self.URLS:
            response = client.get(url)
            assert response.status_code == 200, url
            content = b"".join(response.streaming_content) if response.streaming else response.content
            if url == XLSX_URL:
                with zipfile.ZipFile(io.BytesIO(content)) as archive:
                    content = b"".join(archive.read(name) for name in archive.namelist())
            assert MARKER.encode() not in content, url
            assert MARKER.lower().encode() not in content, url

    def test_only_public_records_are_listed(self, client, world):
        expected = {record.pk for record in world.public}
        assert set(by_id(spreadsheet_csv(client)[1])) == expected
        assert set(by_id(machine_csv(client)[1])) == expected
        assert {record["id"] for record in json_records(client)["records"]} == expected
        sheet = openpyxl.load_workbook(io.BytesIO(body(client.get(XLSX_URL)))).active
        assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == expected

    def test_a_record_whose_authorisation_is_withdrawn_leaves_at_once(self, client, world):
        world.full.publication_authorised = False
        world.full.save()
        assert world.full.pk not in by_id(machine_csv(client)[1])


def xlsx_value_as_csv(value, column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, int | float):
        return str(Decimal(str(value)))
    return value


class TestXlsx:
    def test_opens_with_openpyxl_and_every_cell_equals_the_csv(self, client, world):
        response = client.get(XLSX_URL)
        content = body(response)
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert response["Content-Disposition"].endswith('.xlsx"')
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        sheet = workbook.active
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == COLUMN_NAMES
        expected = machine_csv(client)[1]
        assert len(rows) == len(expected) + 1
        for cells, csv_row in zip(rows[1:], expected, strict=True):
            for value, column in zip(cells, COLUMNS, strict=True):
                text = csv_row[column.name]
                if column.type == ColumnType.DECIMAL and text:
                    assert Decimal(str(value)) == Decimal(text), column.name
                else:
                    assert xlsx_value_as_csv(value, column) == text, column.name

    def test_typed_cells_bold_frozen_header(self, client, world):
        workbook = openpyxl.load_workbook(io.BytesIO(body(client.get(XLSX_URL))))
        sheet = workbook.active
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
        full = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == world.full.pk)
        cells = dict(zip(COLUMN_NAMES, full, strict=True))
        assert cells["id"].data_type == "n"
        assert cells["fecha_inicio"].is_date and cells["fecha_inicio"].value == datetime(2024, 2, 1)
        assert cells["fecha_inicio"].number_format == "yyyy-mm-dd"
        assert cells["valor"].value == pytest.approx(1234567.89)
        assert cells["todo_el_distrito"].value is False
        assert cells["titulo"].value == TRICKY_TITLE and cells["resumen"].value == TRICKY_SUMMARY

    def test_written_as_a_stream_with_inline_strings(self, client, world):
        content = body(client.get(XLSX_URL))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert "xl/sharedStrings.xml" not in archive.namelist()
            sheet = archive.getinfo("xl/worksheets/sheet1.xml")
            # Written without seeking back: sizes follow the data in a data descriptor.
            assert sheet.flag_bits & 0x08
            assert archive.testzip() is None

    def test_zip64_headers_past_the_threshold_still_open(self, client, world, monkeypatch):
        from cooperacion.opendata import views

        monkeypatch.setattr(views, "XLSX_ZIP64_FROM_RECORDS", 2)
        content = body(client.get(XLSX_URL))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            offset = archive.getinfo("xl/worksheets/sheet1.xml").header_offset
        # The sheet's local header: its extra field is the Zip64 one (header id 0x0001).
        name_length, extra_length = struct.unpack("<HH", content[offset + 26 : offset + 30])
        extra = content[offset + 30 + name_length : offset + 30 + name_length + extra_length]
        assert extra[:2] == b"\x01\x00"
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        assert sheet.max_row == len(world.public) + 1


class TestJson:
    def test_validates_against_the_schema_the_site_publishes(self, client, world):
        schema = client.get(SCHEMA_URL).json()
        document = json_records(client)
        jsonschema.validate(document, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        assert set(schema["$defs"]["registro"]["properties"]) == set(COLUMN_NAMES)

    def test_the_schema_rejects_what_the_dictionary_forbids(self, client, world):
        schema = client.get(SCHEMA_URL).json()
        document = json_records(client)
        record = document["records"][0]
        for change in ({"tipo": "inventado"}, {"ods": ["18"]}, {"fecha_inicio": "01/02/2024"}, {"extra": 1}):
            broken = {**document, "records": [{**record, **change}]}
            with pytest.raises(jsonschema.ValidationError):
                jsonschema.validate(broken, schema)

    def test_values_are_typed(self, client, world):
        document = json_records(client)
        full = by_id(document["records"])[world.full.pk]
        assert full["valor"] == 1234567.89 and full["valor_cop"] == 5555555505
        assert full["ods"] == ["11", "13"] and full["aliados_paises"] == ["FR", ""]
        assert full["fecha_finalizacion"] is None and full["tipo_instrumento"] is None
        assert full["todo_el_distrito"] is False and full["anio"] == 2024
        assert full["resumen"] == TRICKY_SUMMARY
        assert by_id(document["records"])[world.record_only.pk]["ejes_transversales"] == []

    def test_exact_decimals(self, client, world):
        raw = body(client.get(JSON_URL)).decode()
        assert '"valor": 1234567.89,' in raw and '"valor_cop": 5555555505.00,' in raw

    def test_metadata_says_what_the_file_is(self, client, world):
        metadata = json_records(client, "?type=convenio&type=alianza&q=")["metadata"]
        assert metadata["filtros"] == {"type": ["convenio", "alianza"]}
        assert metadata["licencia"] == "https://creativecommons.org/licenses/by/4.0/"
        assert metadata["esquema"] == "http://testserver" + SCHEMA_URL
        assert metadata["fuente"].startswith("http://testserver/datos/registro.json?")
        assert metadata["titulo"] == "Registro de cooperación internacional de Bogotá"


class TestFilters:
    """The downloads take the search's parameters and give the same records."""

    QUERIES = [
        {"type": ["alianza"]},
        {"type": ["convenio", "curso"]},
        {"q": ["movilidad"]},
        {"sdg": ["13"], "year_from": ["2022"]},
        {"year_to": ["2023"]},
        {"partner_type": ["gobierno_local"]},
        {"country": ["FR"]},
        {"status": ["en_ejecucion"]},
    ]

    def search_ids(self, params):
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for key, values in params.items():
            query.setlist(key, values)
        query["page_size"] = "100"
        filterset = RecordSearchFilterSet(query)
        assert filterset.is_valid()
        return {hit.action.pk for hit in search_records(filterset.search_request()).hits}

    def test_same_records_as_the_register_search(self, client, world):
        from urllib.parse import urlencode

        for params in [*self.QUERIES, {"partner": [str(world.afd.pk)]}, {"entity": [str(world.entity.pk)]}]:
            query = "?" + urlencode(params, doseq=True)
            expected = self.search_ids(params)
            assert expected, params
            assert {record["id"] for record in json_records(client, query)["records"]} == expected, params
            assert set(by_id(machine_csv(client, query)[1])) == expected, params
            sheet = openpyxl.load_workbook(io.BytesIO(body(client.get(XLSX_URL + query)))).active
            assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == expected, params

    def test_paging_and_order_are_ignored(self, client, world):
        rows = machine_csv(client, "?page=999&page_size=1&sort=amount")[1]
        assert [int(row["id"]) for row in rows] == sorted(record.pk for record in world.public)

    def test_a_filter_with_no_match_gives_the_header_alone(self, client, world):
        content, rows = machine_csv(client, "?year_from=2099")
        assert rows == [] and content == (",".join(COLUMN_NAMES) + "\r\n").encode()
        assert json_records(client, "?year_from=2099")["records"] == []
        sheet = openpyxl.load_workbook(io.BytesIO(body(client.get(XLSX_URL + "?year_from=2099")))).active
        assert sheet.max_row == 1


class TestBadParameters:
    BAD = [
        ("?year_from=dosmil", "year_from"),
        ("?year_from=2025&year_to=2020", "year_to"),
        ("?type=inventado", "type"),
        ("?partner=abc", "partner"),
        ("?partner=99999999999999999999999", "partner"),
        ("?sdg=18", "sdg"),
        ("?q=" + "x" * 201, "q"),
    ]

    def test_400_with_the_reason_in_json(self, client, world):
        for url in (CSV_URL, XLSX_URL, JSON_URL):
            for query, field in self.BAD:
                response = client.get(url + query)
                assert response.status_code == 400, (url, query)
                assert response["Content-Type"] == "application/json"
                answer = response.json()
                assert answer["detail"] and field in answer["errors"], (url, query)
                assert answer["errors"][field][0]["message"]

    def test_an_unknown_csv_format(self, client, world):
        response = client.get(CSV_URL + "?formato=excel&type=inventado")
        assert response.status_code == 400
        assert set(response.json()["errors"]) == {"formato", "type"}

    def test_a_partner_known_only_from_drafts_is_not_a_valid_choice(self, client, world):
        response = client.get(JSON_URL + f"?partner={world.hidden_partner.pk}")
        assert response.status_code == 400
        assert MARKER not in response.content.decode()

    def test_xlsx_refuses_more_rows_than_a_sheet_holds(self, client, world, monkeypatch):
        from cooperacion.opendata import views

        monkeypatch.setattr(views, "XLSX_MAX_RECORDS", 2)
        response = client.get(XLSX_URL)
        assert response.status_code == 400 and "CSV" in response.json()["detail"]
        assert client.get(XLSX_URL + "?type=convenio").status_code == 200

    def test_only_reading_methods(self, client, world):
        assert client.post(CSV_URL).status_code == 405
        head = client.head(XLSX_URL)
        assert head.status_code == 200 and head["Content-Disposition"].startswith("attachment")


class TestQueries:
    """Records are read CHUNK_SIZE at a time, with a constant number of queries per chunk."""

    def drain_queries(self, client, url):
        with CaptureQueriesContext(connection) as queries:
            body(client.get(url))
        return len(queries)

    @pytest.mark.parametrize("url", [CSV_URL, XLSX_URL, JSON_URL])
    def test_constant_per_chunk(self, client, world, monkeypatch, django_assert_max_num_queries, url):
        monkeypatch.setattr(writers, "CHUNK_SIZE", 10)
        few = self.drain_queries(client, url)  # 3 records: one chunk
        CooperationActionFactory.create_batch(
            7, partners=[world.afd, world.city], entities=[world.entity, world.other_entity]
        )
        rebuild()
        assert self.drain_queries(client, url) == few  # 10 records: still one chunk
        CooperationActionFactory.create_batch(
            30, partners=[world.afd, world.city], entities=[world.entity, world.other_entity]
        )
        rebuild()
        per_chunk = self.drain_queries(client, url) - few  # 40 records: three more chunks
        assert per_chunk == 3 * len(LINKS)
        monkeypatch.setattr(writers, "CHUNK_SIZE", 50)
        with django_assert_max_num_queries(few):
            body(client.get(url))  # 40 records in one chunk: as many queries as 3 records
