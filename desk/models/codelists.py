"""The desk's closed lists: the modalities of technical assistance (Secretaría General's guideline
on technical assistance, sections 4 and 8) and the states of requests, plans and priorities."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Modality(models.TextChoices):
    WRITTEN_CONCEPT = "concepto", _("Concepto escrito")
    VISIT = "visita", _("Visita de asistencia técnica")
    PROMOTION = "jornada", _("Jornada de promoción y gestión")
    INSTRUMENT = (
        "instrumento",
        _("Asesoría sobre un instrumento internacional (memorando, carta de intención, acuerdo, red)"),
    )
    ADVICE = "asesoria", _("Asesoría por demanda")


class RequestStatus(models.TextChoices):
    RECEIVED = "recibida", _("Recibida")
    ASSIGNED = "asignada", _("Asignada")
    ANSWERED = "respondida", _("Respondida")
    CLOSED = "cerrada", _("Cerrada")

    @classmethod
    def open(cls):
        """Waiting for the office's answer: what the term and the flags apply to."""
        return [cls.RECEIVED, cls.ASSIGNED]


class PlanStatus(models.TextChoices):
    DRAFT = "borrador", _("En elaboración")
    SUBMITTED = "enviado", _("Enviado a la Consejería")
    ANALYSED = "analizado", _("Analizado")


class Decision(models.TextChoices):
    PENDING = "pendiente", _("Sin analizar")
    PRIORITISED = "priorizada", _("Priorizada")
    NOT_PRIORITISED = "no_priorizada", _("No priorizada")


class ChoiceListField(models.JSONField):
    """Several values of a closed list, stored as a JSON list and edited as checkboxes."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = choices_list  # only the form's: not part of the migration state
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
