from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import ModelLogEntry, PageLogEntry

from .reference import DistrictEntity


class LoggedEntity(models.Model):
    """A district entity that a change in Wagtail's log involved, as it was when it was logged.

    Written with the log entry (cooperacion.audit), so a deleted record or page keeps its entities
    in the "Cambios por entidad" report. Exactly one of the two log entries is set.
    """

    page_log_entry = models.ForeignKey(
        PageLogEntry, null=True, on_delete=models.CASCADE, related_name="district_entities"
    )
    model_log_entry = models.ForeignKey(
        ModelLogEntry, null=True, on_delete=models.CASCADE, related_name="district_entities"
    )
    entity = models.ForeignKey(
        DistrictEntity, verbose_name=_("entidad"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("entidad de un cambio registrado")
        verbose_name_plural = _("entidades de los cambios registrados")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page_log_entry__isnull=True) ^ models.Q(model_log_entry__isnull=True),
                name="logged_entity_one_log_entry",
            )
        ]

    def __str__(self):
        return str(self.entity)
