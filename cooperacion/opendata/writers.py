"""The register's downloads written as streams: CSV, XLSX and JSON, from the columns of `columns`.

Each writer is a generator of bytes that reads the records `CHUNK_SIZE` at a time
(`columns.export_records`: one streamed query, and a constant number of queries per chunk) and
yields each chunk's bytes as soon as they are written, so the memory a download takes does not
grow with the number of records (measured: bench/run_exports.py).

How each format writes a value (`None` is an empty value):

| value | CSV | XLSX | JSON |
|---|---|---|---|
| None | empty field | no cell | null |
| text | as is | inline string | string |
| list | items joined by " | " | the same, as text | array of strings (empty: []) |
| integer, decimal | digits, decimal mark of the dialect, no thousands separator | number | number |
| date | YYYY-MM-DD | date serial with the format yyyy-mm-dd | "YYYY-MM-DD" |
| boolean | true / false | boolean | true / false |
"""

import csv
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import timezone, translation

from .columns import COLUMN_NAMES, LIST_SEPARATOR, export_records, read_row

CHUNK_SIZE = 500


def row_chunks(queryset, origin: str) -> Iterator[list[list]]:
    """The rows of the records of `queryset`, `CHUNK_SIZE` records at a time, in the order of their ids."""
    # One dataset whatever the visitor's language: record URLs are the Spanish ones.
    with translation.override("es"):
        for records in export_records(queryset, CHUNK_SIZE):
            yield [read_row(record, origin) for record in records]


# CSV -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvDialect:
    key: str
    delimiter: str
    decimal_mark: str
    # Spreadsheet software reads UTF-8 only when the file starts with a byte order mark.
    byte_order_mark: bool
    # A spreadsheet runs a cell that starts with = + - @ as a formula: text written by an editor must
    # not become one on a visitor's computer (OWASP's CSV injection), so it is shown as text.
    neutralise_formulas: bool


CSV_DIALECTS = {
    # Spanish-locale Excel and LibreOffice: ";" separates fields, "," is the decimal mark.
    "es": CsvDialect("es", ";", ",", True, True),
    # For programs (RFC 4180): "," separates fields, "." is the decimal mark, no byte order mark.
    "rfc4180": CsvDialect("rfc4180", ",", ".", False, False),
}
DEFAULT_CSV_DIALECT = "es"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file whose write() returns what it is given: csv.writer formats, the caller yields."""

    def write(self, value):
        return value


def csv_text(value, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", dialect.decimal_mark)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
    if dialect.neutralise_formulas and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_stream(queryset, origin: str, dialect: CsvDialect) -> Iterator[bytes]:
    """RFC 4180 quoting (fields with the delimiter, quotes or line breaks are quoted, quotes
    doubled), CRLF line ends, UTF-8."""
    writer = csv.writer(_Echo(), delimiter=dialect.delimiter, lineterminator="\r\n")
    header = writer.writerow(COLUMN_NAMES)
    yield (("\ufeff" if dialect.byte_order_mark else "") + header).encode("utf-8")
    for chunk in row_chunks(queryset, origin):
        yield "".join(writer.writerow([csv_text(value, dialect) for value in row]) for row in chunk).encode(
            "utf-8"
        )


# XLSX ------------------------------------------------------------------------------------------

# Excel's limits: rows per sheet (the header takes one) and characters per cell.
XLSX_MAX_RECORDS = 1_048_575
XLSX_MAX_CELL_CHARACTERS = 32_767
# Deflate level 1: measured on the synthetic register, the sheet comes out about a third larger
# than at zlib's default level 6, and the whole download about a third faster.
XLSX_COMPRESSION = 1
# A sheet part over 2 GiB needs Zip64 headers, which must be chosen before writing it; some Excel
# versions reject them when they are not needed, so they are used only past this many records
# (rows measure about 3 KB of sheet XML, 2 GiB would be some 700,000: see bench/RESULTS.md).
XLSX_ZIP64_FROM_RECORDS = 250_000

_EXCEL_EPOCH = date(1899, 12, 30)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell styles (indexes into cellXfs of styles.xml).
_DATE_STYLE, _HEADER_STYLE = 1, 2


def _column_letters(count: int) -> list[str]:
    letters = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, remainder = divmod(number - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


def _xml_text(text: str) -> str:
    # Carriage returns as a reference: a literal one would be read back as a line feed.
    return escape(_NOT_XML.sub("", text[:XLSX_MAX_CELL_CHARACTERS])).replace("\r", "&#13;")


def _string_cell(reference: str, text: str, style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    return (
        f'<c r="{reference}"{styled} t="inlineStr"><is><t xml:space="preserve">{_xml_text(text)}</t></is></c>'
    )


def xlsx_cell(reference: str, value) -> str:
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | Decimal):
        return f'<c r="{reference}"><v>{format(value, "f") if isinstance(value, Decimal) else value}</v></c>'
    if isinstance(value, date):
        return f'<c r="{reference}" s="{_DATE_STYLE}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    return _string_cell(reference, LIST_SEPARATOR.join(value) if isinstance(value, list) else value)


def _xlsx_row(number: int, row: list, letters: list[str]) -> str:
    cells = "".join(xlsx_cell(f"{letter}{number}", value) for letter, value in zip(letters, row, strict=True))
    return f'<row r="{number}">{cells}</row>'


def _package_parts(title: str, sheet: str) -> list[tuple[str, str]]:
    created = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return [
        (
            "[Content_Types].xml",
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_type}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{sheet_type}.styles+xml"/>'
            f'<Override PartName="/docProps/core.xml" '
            f'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
        ),
        (
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PACKAGE_RELATIONSHIPS}/metadata/core-properties" '
            f'Target="docProps/core.xml"/></Relationships>',
        ),
        (
            "docProps/core.xml",
            f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:language>es</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>',
        ),
        (
            "xl/workbook.xml",
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        (
            "xl/_rels/workbook.xml.rels",
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>',
        ),
        (
            "xl/styles.xml",
            f'{_XML}<styleSheet xmlns="{_MAIN}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>",
        ),
    ]


_SHEET_HEAD = (
    f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
    # The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    "<sheetData>"
)
_SHEET_TAIL = "</sheetData></worksheet>"


class _Sink:
    """A write-only, unseekable file: ZipFile writes into it (with data descriptors, since it
    cannot go back to fill in sizes) and the response takes out what was written so far."""

    def __init__(self):
        self._chunks = []

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def xlsx_stream(queryset, origin: str, *, title: str, zip64: bool) -> Iterator[bytes]:
    """The register's download as a workbook."""
    return xlsx_table_stream(
        COLUMN_NAMES, row_chunks(queryset, origin), title=title, sheet="registro", zip64=zip64
    )


def xlsx_table_stream(
    header: list[str], chunks: Iterator[list[list]], *, title: str, sheet: str, zip64: bool = False
) -> Iterator[bytes]:
    """A one-sheet workbook (SpreadsheetML) of `header` and the rows of `chunks`: a bold, frozen
    header row; inline strings, so nothing is held for a shared-strings table; numbers, dates and
    booleans typed."""
    letters = _column_letters(len(header))
    sink = _Sink()
    with zipfile.ZipFile(
        sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=XLSX_COMPRESSION
    ) as archive:
        for name, content in _package_parts(title, sheet):
            archive.writestr(name, content)
        yield sink.drain()
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=zip64) as sheet_file:
            cells = "".join(
                _string_cell(f"{letter}1", str(name), _HEADER_STYLE)
                for letter, name in zip(letters, header, strict=True)
            )
            sheet_file.write(f'{_SHEET_HEAD}<row r="1">{cells}</row>'.encode())
            number = 1
            for chunk in chunks:
                rows = []
                for row in chunk:
                    number += 1
                    rows.append(_xlsx_row(number, row, letters))
                sheet_file.write("".join(rows).encode("utf-8"))
                written = sink.drain()
                if written:
                    yield written
            sheet_file.write(_SHEET_TAIL.encode())
    yield sink.drain()


# JSON ------------------------------------------------------------------------------------------

_JSON_KEYS = [json.dumps(name) + ": " for name in COLUMN_NAMES]


def json_value(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # Written as the exact number: a float could not hold every amount's digits.
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    return json.dumps(value, ensure_ascii=False)


def _json_record(row: list) -> str:
    return "{" + ", ".join(key + json_value(value) for key, value in zip(_JSON_KEYS, row, strict=True)) + "}"


def json_stream(queryset, origin: str, metadata: dict) -> Iterator[bytes]:
    """`{"metadata": {...}, "records": [...]}`, one record per line."""
    yield ('{"metadata": ' + json.dumps(metadata, ensure_ascii=False) + ', "records": [').encode("utf-8")
    separator = "\n"
    for chunk in row_chunks(queryset, origin):
        yield (separator + ",\n".join(_json_record(row) for row in chunk)).encode("utf-8")
        separator = ",\n"
    yield b"\n]}\n"
