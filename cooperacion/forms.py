import zipfile
from pathlib import Path

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .importer import SUPPORTED_EXTENSIONS
from .models.scoping import require_own_entity


class CooperationActionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if "localities" in cleaned_data:
            # The model's territory rule must judge what was submitted; ClusterForm would only
            # assign the localities when saving, after validation.
            self.instance.localities = cleaned_data["localities"]
        chosen = {
            form.cleaned_data.get("entity")
            for form in self.formsets["entity_links"].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        }
        require_own_entity(
            self,
            chosen,
            None,
            _(
                "Como enlace de %(entity)s, solo puede registrar acciones en las que participe su entidad: agréguela en «Entidades»."
            ),
        )
        return cleaned_data


class ActionImportForm(forms.Form):
    """The spreadsheet of the legacy register and how to import it (see cooperacion.admin_views)."""

    MAX_SIZE = 20 * 1024 * 1024
    # What a small file can unpack to, and the rows it can hold: a dense or crafted .xlsx (a "zip
    # bomb") or .csv of a few MB would otherwise cost minutes and gigabytes within the request.
    # Larger registers go through the command, which has no limits.
    MAX_UNPACKED_SIZE = 200 * 1024 * 1024
    MAX_ROWS = 10_000

    file = forms.FileField(
        label=_("Hoja de cálculo"),
        help_text=_(
            "Un archivo .xlsx (se lee la primera hoja) o .csv en UTF-8, de hasta 20 MB, con el "
            "formato del registro anterior."
        ),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    accept_partial = forms.BooleanField(
        label=_("Importar las filas válidas aunque haya filas rechazadas"),
        required=False,
        help_text=_("Sin esta opción, si alguna fila se rechaza no se guarda nada."),
    )
    publish = forms.BooleanField(
        label=_("Publicar los registros importados"),
        required=False,
        help_text=_("Sin esta opción quedan como borradores, para revisarlos y publicarlos después."),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish:
            # Only those who may publish records may publish them by importing.
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUPPORTED_EXTENSIONS:
            raise forms.ValidationError(_("El archivo debe ser una hoja de cálculo .xlsx o un archivo .csv."))
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError(
                _("El archivo pesa %(size)s; el máximo es %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(self.MAX_SIZE)}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("El archivo está vacío."))
        if Path(upload.name).suffix.lower() == ".xlsx":
            self.check_unpacked_size(upload)
        return upload

    def check_unpacked_size(self, upload):
        """Refuse an .xlsx whose parts unpack to more than MAX_UNPACKED_SIZE, reading only its index.

        Python's zipfile never inflates a part beyond the size the index declares for it.
        """
        try:
            with zipfile.ZipFile(upload) as archive:
                unpacked = sum(part.file_size for part in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return  # not a readable .xlsx: the import says so
        finally:
            upload.seek(0)
        if unpacked > self.MAX_UNPACKED_SIZE:
            raise forms.ValidationError(
                _("El archivo ocupa %(size)s descomprimido; el máximo es %(max)s.")
                % {"size": filesizeformat(unpacked), "max": filesizeformat(self.MAX_UNPACKED_SIZE)}
            )
