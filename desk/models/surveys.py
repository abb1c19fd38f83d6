"""The satisfaction survey (encuesta de satisfacción) sent when a request is closed: a link with a
one-time token, answered without logging in. Only the token's hash is stored."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import AssistanceRequest

RATINGS = range(1, 6)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SurveyQuerySet(models.QuerySet):
    def answered(self):
        return self.filter(rating__isnull=False)

    def by_token(self, token):
        return self.filter(token_hash=token_hash(token)).select_related("request").first()


class SatisfactionSurvey(models.Model):
    request = models.OneToOneField(
        AssistanceRequest, verbose_name=_("solicitud"), on_delete=models.CASCADE, related_name="survey"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("enviada"), default=timezone.now)
    expires_at = models.DateTimeField(_("vence"))
    answered_at = models.DateTimeField(_("respondida"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("calificación"),
        null=True,
        blank=True,
        validators=[MinValueValidator(RATINGS[0]), MaxValueValidator(RATINGS[-1])],
    )
    # Internal: read by the office only, never published nor shown to the entity's liaisons.
    comment = models.TextField(_("comentario"), blank=True, max_length=2000)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("encuesta de satisfacción")
        verbose_name_plural = _("encuestas de satisfacción")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="desk_rating_one_to_five",
            )
        ]

    def __str__(self):
        return str(self.request)

    @classmethod
    def issue(cls, request):
        """A new survey for `request` (replacing an unanswered one) and its token, shown only once."""
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        cls.objects.filter(request=request, answered_at__isnull=True).delete()
        survey = cls.objects.create(
            request=request,
            token_hash=token_hash(token),
            sent_at=now,
            expires_at=now + timedelta(days=settings.DESK_SURVEY_VALID_DAYS),
        )
        return survey, token

    @property
    def is_used(self):
        return self.answered_at is not None

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at
