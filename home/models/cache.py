from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A counter of the changes to what the public sees (home.cache): every publication,
    unpublication, deletion or edit of a page, snippet, register record, image or document adds
    one. Cached pages and fragments are stored under the number they were made with, so a change
    makes every process read fresh copies at once, whichever cache backend holds them."""

    value = models.PositiveBigIntegerField(_("generación"), default=0)

    class Meta:
        verbose_name = _("generación del contenido público")
        verbose_name_plural = _("generaciones del contenido público")

    def __str__(self):
        return str(self.value)
