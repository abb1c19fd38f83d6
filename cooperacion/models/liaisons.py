"""The liaison directory: who acts for each district entity, and when (personal data, staff only).

An entry is one period of one person as an entity's liaison. Ended periods are kept: they are the
history of the entity's liaisons. An entry linked to a user account scopes that user's work in the
register while its period is current (`entity_of`). See docs/personal-data.md.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import ModelLogEntry

from .reference import DistrictEntity

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{7,20}( ?(ext\.?|extensión) ?[0-9]{1,6})?$",
    _("Escriba un teléfono con dígitos, espacios, guiones y, si aplica, la extensión (ext. 1234)."),
)


class EntityLiaisonQuerySet(models.QuerySet):
    def current(self, on=None):
        """Entries whose period includes the day `on` (today by default); the end date counts."""
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)

    def past(self, on=None):
        return self.filter(end_date__lt=on or timezone.localdate())

    def upcoming(self, on=None):
        return self.filter(start_date__gt=on or timezone.localdate())

    def overlapping(self, start, end):
        """Entries whose period shares at least one day with start..end (end None: open)."""
        overlapping = self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        return overlapping if end is None else overlapping.filter(start_date__lte=end)


class EntityLiaison(models.Model):
    """One period of one person as the liaison (enlace) of a district entity."""

    full_name = models.CharField(_("nombre completo"), max_length=200)
    position = models.CharField(_("cargo"), max_length=200)
    entity = models.ForeignKey(
        DistrictEntity, verbose_name=_("entidad"), on_delete=models.PROTECT, related_name="liaisons"
    )
    email = models.EmailField(_("correo electrónico institucional"))
    phone = models.CharField(_("teléfono"), max_length=40, blank=True, validators=[phone_validator])
    start_date = models.DateField(_("desde"), default=timezone.localdate)
    end_date = models.DateField(
        _("hasta"), null=True, blank=True, help_text=_("Vacío mientras sea el enlace vigente.")
    )
    # The account stays optional: a directory entry may describe someone who never logs in.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta de usuario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="liaison_entries",
        help_text=_(
            "Mientras el periodo esté vigente, esta cuenta solo trabaja en los registros y páginas "
            "de la entidad."
        ),
    )

    objects = EntityLiaisonQuerySet.as_manager()

    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("entity"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])], heading=_("Periodo")
        ),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("enlace de entidad")
        verbose_name_plural = _("directorio de enlaces")
        ordering = ["entity__name", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="liaison_period_ends_after_start",
                violation_error_message=_("La fecha final no puede ser anterior a la inicial."),
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(end_date__isnull=True),
                name="liaison_one_open_period_per_user",
                violation_error_message=_("Esta cuenta ya tiene un periodo de enlace sin fecha final."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} — {self.entity}"

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fecha final no puede ser anterior a la inicial.")})
        if self.user_id and self.start_date:
            # At most one current entry per account on any day: its periods never overlap.
            clash = (
                EntityLiaison.objects.filter(user_id=self.user_id)
                .exclude(pk=self.pk)
                .overlapping(self.start_date, self.end_date)
                .select_related("entity")
                .first()
            )
            if clash is not None:
                raise ValidationError(
                    {
                        "user": _(
                            "Esta cuenta ya es enlace de %(entity)s desde el %(start)s en un periodo que "
                            "se cruza con este: cierre ese periodo antes o cambie las fechas."
                        )
                        % {"entity": clash.entity, "start": date_format(clash.start_date)}
                    }
                )


def forget_logged_names(sender, instance, **kwargs):
    """A deleted entry's history keeps who did what and when, but no longer its person's name
    (Wagtail's log labels each change with the entry as text)."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(EntityLiaison), object_id=str(instance.pk)
    ).update(label=gettext("Entrada %(pk)s del directorio de enlaces (eliminada)") % {"pk": instance.pk})


def entity_of(user):
    """The entity a user currently acts for as liaison, or None for the office's own staff.

    Read once per user object (as the one-to-one accessor it replaces was): a request's user.
    """
    try:
        return user._current_liaison_entity
    except AttributeError:
        pass
    if not getattr(user, "pk", None):
        return None
    entry = EntityLiaison.objects.current().filter(user=user).select_related("entity").first()
    user._current_liaison_entity = entry.entity if entry else None
    return user._current_liaison_entity
