"""What an uploaded document may be: its extension (WAGTAILDOCS_EXTENSIONS, checked by Wagtail)
and contents that match it. Wagtail itself checks images' formats and WAGTAILIMAGES_* limits."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)
# How each accepted kind of file starts; text formats (None) must only not look like a program or a
# web page.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".pptx": ZIP,
    ".odt": ZIP,
    ".ods": ZIP,
    ".zip": ZIP,
    ".csv": None,
    ".txt": None,
}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body", b"<iframe")
SNIFF_BYTES = 1024


def sniff_error(upload):
    """Why the upload's contents do not match its extension, or None."""
    extension = Path(upload.name).suffix.lower()
    if extension not in SIGNATURES:
        return None  # an extension added to WAGTAILDOCS_EXTENSIONS without a signature here
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    signatures = SIGNATURES[extension]
    if signatures:
        if not head.startswith(signatures):
            return _("El contenido del archivo no corresponde a un %(extension)s.") % {"extension": extension}
        return None
    if b"\x00" in head or head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS):
        return _("Un archivo %(extension)s debe ser texto simple, no una página web ni un programa.") % {
            "extension": extension
        }
    return None


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            error = sniff_error(upload)
            if error:
                raise forms.ValidationError(error, code="file_type_mismatch")
        return upload
