"""The admin screen that imports the legacy register: upload → preview (a dry run) → confirm.

The uploaded file waits between the preview and the confirmation in a private temporary directory
outside MEDIA_ROOT, under a random name that only the uploader's session knows.
"""

import logging
import re
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ActionImportForm
from .importer import SUPPORTED_EXTENSIONS, ImportFileError, import_actions
from .models.scoping import is_liaison

logger = logging.getLogger(__name__)

SESSION_KEY = "cooperacion_import"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
STALE_AFTER = 24 * 60 * 60  # seconds an abandoned upload is kept


def can_import(user):
    """The office's staff who add and change records, and superusers; never an entity liaison."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        not is_liaison(user)
        and user.has_perm("cooperacion.add_cooperationaction")
        and user.has_perm("cooperacion.change_cooperationaction")
    )


def can_publish(user):
    return user.is_superuser or user.has_perm("cooperacion.publish_cooperationaction")


def upload_dir():
    """Private (0700) and outside MEDIA_ROOT; COOPERACION_IMPORT_DIR overrides the location."""
    configured = getattr(settings, "COOPERACION_IMPORT_DIR", None)
    directory = Path(configured) if configured else Path(tempfile.gettempdir()) / "cooperacion-import"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def stored_path(token, extension):
    if not TOKEN_PATTERN.match(token or "") or extension not in SUPPORTED_EXTENSIONS:
        return None
    return upload_dir() / f"{token}{extension}"


def store_upload(upload):
    """Write the upload to the private directory; returns (token, extension, path)."""
    directory = upload_dir()
    _purge_stale(directory)
    token = secrets.token_urlsafe(32)
    extension = Path(upload.name).suffix.lower()
    path = directory / f"{token}{extension}"
    with open(path, "xb") as destination:
        for chunk in upload.chunks():
            destination.write(chunk)
    path.chmod(0o600)
    return token, extension, path


def discard(path):
    if path is not None:
        path.unlink(missing_ok=True)


def _purge_stale(directory):
    """Abandoned uploads (only this screen's: named by a token) older than STALE_AFTER."""
    limit = time.time() - STALE_AFTER
    for path in directory.iterdir():
        if not TOKEN_PATTERN.match(path.stem) or path.suffix not in SUPPORTED_EXTENSIONS:
            continue  # not an upload of this screen: never ours to delete
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


class ImportBaseView(WagtailAdminTemplateMixin, View):
    page_title = _("Importar hoja de cálculo")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_cooperacion_cooperationaction:list"), "label": _("Acciones")},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, **context):
        return self.render_to_response(self.get_context_data(**context))


class ImportUploadView(ImportBaseView):
    template_name = "cooperacion/admin/import_form.html"
    preview_template_name = "cooperacion/admin/import_preview.html"

    def get_form(self, data=None, files=None):
        return ActionImportForm(data, files, can_publish=can_publish(self.request.user))

    def get(self, request):
        return self.render(form=self.get_form())

    def post(self, request):
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        accept_partial = form.cleaned_data["accept_partial"]
        publish = form.cleaned_data.get("publish", False)
        token, extension, path = store_upload(upload)
        try:
            report = import_actions(
                path,
                dry_run=True,
                accept_partial=accept_partial,
                publish=publish,
                user=request.user,
                filename=upload.name,
                max_rows=ActionImportForm.MAX_ROWS,
            )
        except ImportFileError as error:
            discard(path)
            form.add_error("file", str(error))
            return self.render(form=form)
        except Exception:
            discard(path)
            logger.exception("Could not read the uploaded register file %r", upload.name)
            form.add_error(
                "file", gettext("No se pudo leer el archivo. Revise que sea un .xlsx o un .csv válido.")
            )
            return self.render(form=form)
        if report.file_errors:
            discard(path)
            for error in report.file_errors:
                form.add_error("file", f"{error.column}: {error.message}")
            return self.render(form=form)
        if not report.total:
            discard(path)
            form.add_error("file", gettext("El archivo no tiene filas de datos debajo del encabezado."))
            return self.render(form=form)
        self.template_name = self.preview_template_name
        if not report.can_write:
            # Nothing to confirm: the file is not kept (an earlier preview stays confirmable).
            discard(path)
            return self.render(report=report)

        previous = request.session.get(SESSION_KEY)
        if previous:
            discard(stored_path(previous.get("token"), previous.get("extension")))
        request.session[SESSION_KEY] = {
            "token": token,
            "extension": extension,
            "filename": upload.name,
            "accept_partial": accept_partial,
            "publish": publish,
        }
        return self.render(report=report, token=token, confirm_url=reverse("cooperacion_import_confirm"))


class ImportConfirmView(ImportBaseView):
    template_name = "cooperacion/admin/import_result.html"

    def get(self, request):
        return redirect("cooperacion_import")

    def post(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        token = request.POST.get("token", "")
        path = stored_path(pending.get("token"), pending.get("extension"))
        if not pending or not constant_time_compare(token, pending.get("token", "")) or path is None:
            messages.error(request, gettext("La vista previa ya no es válida: suba el archivo de nuevo."))
            return redirect("cooperacion_import")
        if not path.exists():
            del request.session[SESSION_KEY]
            messages.error(request, gettext("El archivo de la vista previa ya no está: súbalo de nuevo."))
            return redirect("cooperacion_import")
        try:
            report = import_actions(
                path,
                accept_partial=pending["accept_partial"],
                publish=pending["publish"] and can_publish(request.user),
                user=request.user,
                filename=pending["filename"],
                max_rows=ActionImportForm.MAX_ROWS,
            )
        except ImportFileError as error:
            messages.error(request, str(error))
            return redirect("cooperacion_import")
        except Exception:
            # The import's transaction rolled back.
            logger.exception("The import of %r failed", pending["filename"])
            messages.error(request, gettext("La importación se interrumpió y no se guardó nada."))
            return redirect("cooperacion_import")
        finally:
            discard(path)
            request.session.pop(SESSION_KEY, None)
        if report.written:
            messages.success(
                request,
                gettext("Importación guardada: %(created)s creadas y %(updated)s actualizadas.")
                % {"created": report.created, "updated": report.updated},
            )
        else:
            messages.error(request, gettext("No se guardó nada: revise las filas rechazadas."))
        return self.render(
            report=report, actions_url=reverse("wagtailsnippets_cooperacion_cooperationaction:list")
        )
