"""The priorities plan (plan de prioridades de internacionalización): in the first quarter of every
year each sector of the district administration tells the office what it needs; the office analyses
each priority, decides whether it is prioritised and why, and links the records that came of it."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from cooperacion.models import (
    CooperationAction,
    DevelopmentPlanTarget,
    PartnerType,
    Sector,
    SustainableDevelopmentGoal,
    ThematicTable,
)

from .codelists import ChoiceListField, Decision, PlanStatus

FIRST_YEAR = 2020


def current_year():
    return timezone.localdate().year


class PrioritiesPlanQuerySet(models.QuerySet):
    def for_year(self, year):
        return self.filter(year=year)


class PrioritiesPlan(ClusterableModel):
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="priorities_plans"
    )
    year = models.PositiveSmallIntegerField(
        _("año"),
        default=current_year,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    analysis_notes = models.TextField(
        _("análisis de la Consejería"),
        blank=True,
        help_text=_("Notas internas del enlace de la Consejería sobre el sector. Nunca se publican."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A plan belongs to every entity of its sector: their liaisons fill it in (cooperacion.models.scoping).
    entity_lookup = "sector__entities"

    objects = PrioritiesPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "sector__name"]
        verbose_name = _("plan de prioridades")
        verbose_name_plural = _("planes de prioridades")
        permissions = [("analyse_prioritiesplan", "Can analyse priorities plans")]
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "year"],
                name="desk_one_plan_per_sector_and_year",
                violation_error_message=_("Este sector ya tiene un plan de prioridades para ese año."),
            )
        ]

    @property
    def editable_by_entity(self):
        """The sector's liaisons change their plan until the office has analysed it."""
        return self.status != PlanStatus.ANALYSED

    def __str__(self):
        return _("Plan de prioridades %(year)s — %(sector)s") % {"year": self.year, "sector": self.sector}


class Priority(Orderable):
    plan = ParentalKey(PrioritiesPlan, on_delete=models.CASCADE, related_name="priorities")
    need = models.TextField(_("necesidad priorizada por el sector"))
    theme = models.ForeignKey(
        ThematicTable,
        verbose_name=_("tema (mesa temática)"),
        on_delete=models.PROTECT,
        related_name="priorities",
    )
    partner_types = ChoiceListField(
        _("tipos de aliado deseados"), blank=True, choices_list=PartnerType.choices
    )
    targets = ParentalManyToManyField(
        DevelopmentPlanTarget, verbose_name=_("metas del Plan de Desarrollo"), blank=True, related_name="+"
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal, verbose_name=_("ODS"), blank=True, related_name="+"
    )
    # The office's analysis.
    decision = models.CharField(
        _("decisión de la Consejería"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decision_reason = models.TextField(_("razón de la decisión"), blank=True)
    actions = ParentalManyToManyField(
        CooperationAction,
        verbose_name=_("acciones de cooperación resultantes"),
        blank=True,
        related_name="priorities",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("prioridad")
        verbose_name_plural = _("prioridades")

    def __str__(self):
        return self.need[:80]

    def clean(self):
        super().clean()
        if self.decision != Decision.PENDING and not self.decision_reason.strip():
            raise ValidationError({"decision_reason": _("Explique la decisión: el sector la leerá.")})

    def partner_type_labels(self):
        labels = dict(PartnerType.choices)
        return [labels[value] for value in self.partner_types if value in labels]
