"""The register API's OpenAPI schema (drf-spectacular): what it covers and how it reads our types.

It describes `/api/v1/` only: Wagtail's API v2 answers in its own way (docs/api.md). Imported when
the app is ready, so that the extensions below are registered before any schema is generated.
"""

import django_filters
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerFieldExtension


def register_api_only(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class CodelistFieldExtension(OpenApiSerializerFieldExtension):
    """A codelist value: `{"code", "label"}`, with the codes as an enum."""

    target_class = "search.serializers.CodelistField"

    def map_serializer_field(self, auto_schema, direction):
        schema = {
            "type": "object",
            "properties": {
                "code": {"type": "string", "enum": list(self.target.choices)},
                "label": {"type": "string"},
            },
            "required": ["code", "label"],
        }
        if self.target.allow_null:
            schema["nullable"] = True
        return schema


class RecordSearchFilterExtension(DjangoFilterExtension):
    """The search's numbers (years, page, page size) as integers with their bounds; a single-valued
    parameter left empty (as an HTML form sends an untouched field) counts as not given."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        from .filters import IntegerFilter

        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        if not isinstance(filter_field, django_filters.MultipleChoiceFilter):
            for parameter in parameters:
                parameter["allowEmptyValue"] = True
        if isinstance(filter_field, IntegerFilter):
            bounds = {
                "minimum": filter_field.extra.get("min_value"),
                "maximum": filter_field.extra.get("max_value"),
            }
            for parameter in parameters:
                parameter["schema"] = {
                    "type": "integer",
                    **{key: value for key, value in bounds.items() if value is not None},
                }
        return parameters
