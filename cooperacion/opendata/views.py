"""The open-data URLs: the downloads of the public records for any search filter, their JSON
Schema and the DCAT catalogue. Invalid parameters answer 400 with a JSON body
`{"detail": ..., "errors": {parameter: [{"message": ..., "code": ...}]}}`."""

from django import forms
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from home.throttling import rate_limited
from search.filters import every_public_match, valid_filters

from .catalogue import XLSX_MEDIA_TYPE, current_licence_url, dcat_catalogue, origin
from .schema import record_schema
from .writers import (
    CSV_DIALECTS,
    DEFAULT_CSV_DIALECT,
    XLSX_MAX_RECORDS,
    XLSX_ZIP64_FROM_RECORDS,
    csv_stream,
    json_stream,
    xlsx_stream,
)

FILE_STEM = "registro-cooperacion-bogota"


def dataset_title() -> str:
    with translation.override("es"):
        return _("Registro de cooperación internacional de Bogotá")


class CsvOptionsForm(forms.Form):
    formato = forms.ChoiceField(
        label=gettext_lazy("Formato del CSV"),
        required=False,
        choices=[
            ("es", gettext_lazy("Hojas de cálculo en español: separador «;», coma decimal")),
            ("rfc4180", gettext_lazy("RFC 4180: separador «,», punto decimal")),
        ],
    )


def bad_request(*forms_with_errors, detail=None) -> JsonResponse:
    errors = {}
    for form in forms_with_errors:
        errors.update(form.errors.get_json_data())
    return JsonResponse(
        {"detail": detail or _("Parámetros no válidos."), "errors": errors},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def public_file(response):
    """A file of public data: browsers and shared caches may keep it a while."""
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    return response


def streamed_file(request, stream, content_type: str, filename: str, *, attachment=True):
    """A whole-register file streamed as `stream` writes it (downloads here, the IATI file)."""
    # The stream's first query runs once the 200 is on its way: a database that cannot be reached
    # must show now, as a 503 (home.outage), not as a truncated file.
    connection.ensure_connection()
    if request.method == "HEAD":
        # The headers alone: a harvester checking the link does not run the export.
        stream.close()
        response = HttpResponse(content_type=content_type)
    else:
        response = StreamingHttpResponse(stream, content_type=content_type)
    response.headers["Content-Disposition"] = content_disposition_header(attachment, filename)
    return public_file(response)


def _download(request, stream, content_type: str, extension: str):
    filename = f"{FILE_STEM}-{timezone.localdate():%Y-%m-%d}.{extension}"
    return streamed_file(request, stream, content_type, filename)


@require_safe
@rate_limited
def csv_download(request):
    """`?formato=rfc4180` for programs; by default, the CSV Spanish-locale spreadsheets open."""
    filterset, options = every_public_match(request.GET), CsvOptionsForm(request.GET)
    if not (filterset.is_valid() & options.is_valid()):
        return bad_request(filterset.form, options)
    dialect = CSV_DIALECTS[options.cleaned_data["formato"] or DEFAULT_CSV_DIALECT]
    return _download(
        request,
        csv_stream(filterset.qs, origin(request), dialect),
        "text/csv; charset=utf-8; header=present",
        "csv",
    )


@require_safe
@rate_limited
def xlsx_download(request):
    filterset = every_public_match(request.GET)
    if not filterset.is_valid():
        return bad_request(filterset.form)
    count = filterset.qs.count()
    if count > XLSX_MAX_RECORDS:
        return bad_request(
            detail=_(
                "Una hoja de cálculo admite %(limit)s registros y estos filtros dan %(count)s: afine "
                "la búsqueda o descargue el CSV o el JSON."
            )
            % {"limit": XLSX_MAX_RECORDS, "count": count}
        )
    stream = xlsx_stream(
        filterset.qs, origin(request), title=dataset_title(), zip64=count > XLSX_ZIP64_FROM_RECORDS
    )
    return _download(request, stream, XLSX_MEDIA_TYPE, "xlsx")


@require_safe
@rate_limited
def json_download(request):
    filterset = every_public_match(request.GET)
    if not filterset.is_valid():
        return bad_request(filterset.form)
    metadata = {
        "titulo": dataset_title(),
        "fuente": request.build_absolute_uri(),
        "generado": timezone.localtime().isoformat(timespec="seconds"),
        "licencia": current_licence_url(),
        "esquema": origin(request) + reverse("opendata_schema"),
        "filtros": dict(valid_filters(filterset).lists()),
    }
    return _download(
        request, json_stream(filterset.qs, origin(request), metadata), "application/json", "json"
    )


@require_safe
def json_schema(request):
    return public_file(
        JsonResponse(
            record_schema(origin(request)),
            content_type="application/schema+json",
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    )


@require_safe
def dcat_catalogue_view(request):
    """`/data.json`: the DCAT-US 1.1 catalogue the city's CKAN portal harvests."""
    return public_file(
        JsonResponse(dcat_catalogue(request), json_dumps_params={"ensure_ascii": False, "indent": 2})
    )
