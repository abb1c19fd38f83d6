"""The JSON Schema (draft 2020-12) of the JSON download, generated from the data dictionary."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .columns import COLUMN_NAMES, COLUMNS, ColumnType

_SCALAR_TYPES = {
    ColumnType.TEXT: {"type": "string"},
    ColumnType.INTEGER: {"type": "integer"},
    ColumnType.DECIMAL: {"type": "number"},
    # "format" alone is only an annotation for most validators: the pattern is checked by all.
    ColumnType.DATE: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ColumnType.BOOLEAN: {"type": "boolean"},
}


def column_schema(column) -> dict:
    codes = column.codelist.codes() if column.codelist and column.codelist.closed else None
    if column.type == ColumnType.LIST:
        items = {"type": "string", **({"enum": codes} if codes else {})}
        schema = {"type": "array", "items": items}
    else:
        schema = dict(_SCALAR_TYPES[column.type])
        if codes:
            schema["enum"] = codes + ([] if column.required else [None])
        if not column.required:
            schema["type"] = [schema["type"], "null"]
    if column.codelist:
        schema["x-codelist"] = str(column.codelist.title)
    return {"title": column.name, "description": str(column.description), **schema}


def record_schema(origin: str) -> dict:
    """What `/datos/registro.json` answers, in Spanish (the dataset's language)."""
    with translation.override("es"):
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": origin + reverse("opendata_schema"),
            "title": _("Registro de cooperación internacional de Bogotá"),
            "description": _(
                "Las acciones de cooperación, relacionamiento y posicionamiento internacional del "
                "Distrito que los aliados autorizaron publicar."
            ),
            "type": "object",
            "required": ["metadata", "records"],
            "properties": {
                "metadata": {
                    "type": "object",
                    "description": _("Qué es el archivo, de dónde sale y con qué filtros."),
                    "required": ["titulo", "fuente", "generado", "licencia", "esquema", "filtros"],
                    "properties": {
                        "titulo": {"type": "string"},
                        "fuente": {
                            "type": "string",
                            "format": "uri",
                            "description": _("La dirección que produjo este archivo."),
                        },
                        "generado": {"type": "string", "format": "date-time"},
                        "licencia": {"type": "string", "format": "uri"},
                        "esquema": {"type": "string", "format": "uri"},
                        "filtros": {
                            "type": "object",
                            "description": _(
                                "Los parámetros de búsqueda aplicados, con sus valores; vacío: todos los registros."
                            ),
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
                "records": {"type": "array", "items": {"$ref": "#/$defs/registro"}},
            },
            "$defs": {
                "registro": {
                    "type": "object",
                    "required": COLUMN_NAMES,
                    "additionalProperties": False,
                    "properties": {column.name: column_schema(column) for column in COLUMNS},
                }
            },
        }
