"""A technical-assistance request (solicitud de asistencia técnica por demanda): an entity asks, the
office answers within ten working days, first come first served."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from cooperacion.models import DistrictEntity

from ..working_days import add_working_days, answer_time, due_date
from .codelists import Modality, RequestStatus

# An open request whose deadline is at most this many working days away is flagged "due soon".
DUE_SOON_WORKING_DAYS = 2


class Flag(models.TextChoices):
    OVERDUE = "vencida", _("Vencida")
    DUE_SOON = "por_vencer", _("Vence pronto")


class AssistanceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=RequestStatus.open())

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_soon(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(
            due_on__gte=today, due_on__lte=add_working_days(today, DUE_SOON_WORKING_DAYS)
        )

    def flagged(self, flag, today=None):
        return self.overdue(today) if flag == Flag.OVERDUE else self.due_soon(today)

    def first_come_first_served(self):
        """Open requests first, the oldest reception first; then the rest, oldest first."""
        waiting = Case(When(status__in=RequestStatus.open(), then=Value(0)), default=Value(1))
        return self.alias(waiting=waiting).order_by("waiting", "received_on", "pk")


class AssistanceRequest(ClusterableModel):
    entity = models.ForeignKey(
        DistrictEntity,
        verbose_name=_("entidad que solicita"),
        on_delete=models.PROTECT,
        related_name="assistance_requests",
    )
    modality = models.CharField(_("modalidad"), max_length=20, choices=Modality.choices)
    topic = models.CharField(_("tema"), max_length=255)
    description = models.TextField(_("descripción de la solicitud"))
    # Personal data (docs/personal-data.md): who asked, to send them the answer and the survey.
    requester_name = models.CharField(_("nombre de quien solicita"), max_length=200)
    requester_email = models.EmailField(_("correo de quien solicita"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_on = models.DateField(
        _("fecha de recepción"),
        default=timezone.localdate,
        help_text=_("Recibida un día no hábil, cuenta desde el siguiente día hábil."),
    )
    due_on = models.DateField(_("fecha límite de respuesta"), editable=False)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
        editable=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignada a"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_assistance_requests",
    )
    answer = models.TextField(_("respuesta"), blank=True)
    answered_on = models.DateField(_("fecha de respuesta"), null=True, blank=True)
    closed_on = models.DateField(
        _("fecha de cierre"),
        null=True,
        blank=True,
        help_text=_("Al cerrarla se envía a quien solicitó la encuesta de satisfacción."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    entity_lookup = "entity"

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name = _("solicitud de asistencia técnica")
        verbose_name_plural = _("solicitudes de asistencia técnica")
        permissions = [("manage_assistancerequest", "Can assign, answer and close requests")]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("received_on")),
                name="desk_answer_after_reception",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(answered_on__isnull=False),
                name="desk_closed_only_when_answered",
            ),
        ]

    def __str__(self):
        return f"{self.entity.acronym or self.entity} — {self.topic}"

    # The office's steps as they were when loaded: desk.progress logs what a save changed.
    TRACKED = ("assignee_id", "answered_on", "closed_on")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.loaded = {name: getattr(instance, name, None) for name in cls.TRACKED}
        return instance

    def changed(self, name):
        """Whether a tracked field differs from its value when loaded (a new request had none)."""
        return getattr(self, name) != getattr(self, "loaded", {}).get(name)

    def save(self, *args, **kwargs):
        self.due_on = due_date(self.received_on)
        self.status = self.derived_status()
        super().save(*args, **kwargs)

    def derived_status(self):
        if self.closed_on:
            return RequestStatus.CLOSED
        if self.answered_on:
            return RequestStatus.ANSWERED
        if self.assignee_id:
            return RequestStatus.ASSIGNED
        return RequestStatus.RECEIVED

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.received_on and self.received_on > today:
            errors["received_on"] = _("La fecha de recepción no puede ser futura.")
        if self.answered_on:
            if not self.answer.strip():
                errors["answer"] = _("Escriba la respuesta antes de darle fecha.")
            if self.received_on and self.answered_on < self.received_on:
                errors["answered_on"] = _("La respuesta no puede ser anterior a la recepción.")
            elif self.answered_on > today:
                errors["answered_on"] = _("La fecha de respuesta no puede ser futura.")
        if self.closed_on:
            if not self.answered_on:
                errors["closed_on"] = _("Solo se cierra una solicitud ya respondida.")
            elif self.closed_on < self.answered_on:
                errors["closed_on"] = _("El cierre no puede ser anterior a la respuesta.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return self.status in RequestStatus.open()

    @property
    def editable_by_entity(self):
        """The entity's liaisons change their request until the office answers it."""
        return self.is_open

    def flag(self, today=None):
        """Overdue or due soon, for an open request; None otherwise."""
        today = today or timezone.localdate()
        if not self.is_open:
            return None
        if self.due_on < today:
            return Flag.OVERDUE
        if self.due_on <= add_working_days(today, DUE_SOON_WORKING_DAYS):
            return Flag.DUE_SOON
        return None

    @property
    def answer_working_days(self):
        return answer_time(self.received_on, self.answered_on) if self.answered_on else None


class RequestAttachment(Orderable):
    """A document sent with the request, or with the office's answer (`from_office`). Documents stay
    private: no public page shows them, so /documents/ never serves them to a visitor."""

    request = ParentalKey(AssistanceRequest, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("documento"), on_delete=models.CASCADE, related_name="+"
    )
    from_office = models.BooleanField(_("parte de la respuesta de la Consejería"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")
