from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .reference import DistrictEntity


class EntityLiaison(models.Model):
    """Which district entity a liaison (enlace) acts for: what scopes their work in the register."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="entity_liaison",
    )
    entity = models.ForeignKey(
        DistrictEntity, verbose_name=_("entidad"), on_delete=models.PROTECT, related_name="liaisons"
    )

    panels = [FieldPanel("user"), FieldPanel("entity")]

    class Meta:
        verbose_name = _("enlace de entidad")
        verbose_name_plural = _("enlaces de entidades")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} — {self.entity}"


def entity_of(user):
    """The entity a user acts for as liaison, or None for the office's own staff."""
    try:
        return user.entity_liaison.entity
    except (EntityLiaison.DoesNotExist, AttributeError):
        return None
