"""What records point at: partners, district entities and sectors, the board's tables and axes,
Development Plan targets, and the fixed SDGs and localities."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from django_countries.fields import CountryField

from .codelists import SUSTAINABLE_DEVELOPMENT_GOALS, BogotaLocality, PartnerType


def normalize_name(text: str) -> str:
    """The key that makes "Agencia Francesa de Desarrollo" and "agencia  francesa de DESARROLLO" one."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.sub(r"[^\w]+", " ", without_accents.casefold())
    return " ".join(words.split())


class BilingualNameMixin(models.Model):
    """A Spanish name with an optional English one; `display_name` follows the active language."""

    name = models.CharField(_("nombre"), max_length=255)
    name_en = models.CharField(_("nombre en inglés"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class NormalizedNameMixin(models.Model):
    """A unique, accent- and case-folded copy of `name`: the old spreadsheets' duplicates stop here."""

    normalized_name = models.CharField(max_length=255, unique=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        key = normalize_name(self.name)
        clash = type(self).objects.filter(normalized_name=key).exclude(pk=self.pk).first()
        if clash is not None:
            raise ValidationError(
                {"name": _("Ya existe «%(name)s», escrito de otra forma.") % {"name": clash.name}}
            )


class Sector(NormalizedNameMixin, BilingualNameMixin, index.Indexed):
    """A sector of the district administration (Gestión Pública, Educación, Salud…)."""

    panels = [FieldPanel("name"), FieldPanel("name_en")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectores")


class DistrictEntity(NormalizedNameMixin, BilingualNameMixin, index.Indexed):
    acronym = models.CharField(_("sigla"), max_length=30, blank=True)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="entities"
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("acronym"), FieldPanel("sector")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.AutocompleteField("acronym"),
        index.FilterField("sector"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("entidad distrital")
        verbose_name_plural = _("entidades distritales")

    def __str__(self):
        return f"{self.display_name} ({self.acronym})" if self.acronym else self.display_name


class Partner(NormalizedNameMixin, index.Indexed, models.Model):
    """An ally: a government, network, organisation, company or university the district works with."""

    name = models.CharField(_("nombre"), max_length=255)
    acronym = models.CharField(_("sigla"), max_length=30, blank=True)
    partner_type = models.CharField(_("tipo de aliado"), max_length=30, choices=PartnerType.choices)
    country = CountryField(_("país"), blank=True)
    website = models.URLField(_("sitio web"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("partner_type"),
        FieldPanel("country"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.AutocompleteField("acronym"),
        index.FilterField("partner_type"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("aliado")
        verbose_name_plural = _("aliados")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class BoardBody(NormalizedNameMixin, BilingualNameMixin):
    """A body of the Internationalisation Board, led at district level by one entity."""

    leading_entity = models.ForeignKey(
        DistrictEntity,
        verbose_name=_("entidad líder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("leading_entity")]

    class Meta:
        abstract = True
        ordering = ["name"]


class ThematicTable(BoardBody):
    """One of the six thematic tables of the Bogotá Internationalisation Board."""

    class Meta(BoardBody.Meta):
        verbose_name = _("mesa temática")
        verbose_name_plural = _("mesas temáticas")


class TransversalAxis(BoardBody):
    """One of the board's three transversal axes."""

    class Meta(BoardBody.Meta):
        verbose_name = _("eje transversal")
        verbose_name_plural = _("ejes transversales")


class DevelopmentPlanTarget(models.Model):
    """A target of the District Development Plan 2024-2027, the programme it belongs to, and how
    the register measures it: an indicator counted in actions and the goal for the four years."""

    code = models.CharField(_("código"), max_length=30, unique=True)
    programme = models.CharField(_("programa"), max_length=255)
    programme_en = models.CharField(_("programa en inglés"), max_length=255, blank=True)
    target = models.TextField(_("meta"))
    target_en = models.TextField(_("meta en inglés"), blank=True)
    indicator = models.CharField(
        _("indicador"),
        max_length=255,
        blank=True,
        help_text=_(
            "Lo que se cuenta, en acciones del registro. Por ejemplo: alianzas de cooperación gestionadas."
        ),
    )
    indicator_en = models.CharField(_("indicador en inglés"), max_length=255, blank=True)
    goal = models.PositiveIntegerField(
        _("meta del cuatrienio"),
        null=True,
        blank=True,
        help_text=_(
            "Cuántas acciones formalizadas, en ejecución o finalizadas espera el Plan para 2024-2027. "
            "Sin meta, el tablero muestra las acciones sin porcentaje de avance."
        ),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("programme"),
        FieldPanel("programme_en"),
        FieldPanel("target"),
        FieldPanel("target_en"),
        FieldPanel("indicator"),
        FieldPanel("indicator_en"),
        FieldPanel("goal"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("meta del Plan de Desarrollo")
        verbose_name_plural = _("metas del Plan de Desarrollo")

    def __str__(self):
        return f"{self.code} — {self.display_target}"

    @property
    def display_programme(self):
        return self.programme_en if get_language() == "en" and self.programme_en else self.programme

    @property
    def display_target(self):
        return self.target_en if get_language() == "en" and self.target_en else self.target

    @property
    def display_indicator(self):
        return self.indicator_en if get_language() == "en" and self.indicator_en else self.indicator


class SustainableDevelopmentGoal(models.Model):
    """The seventeen SDGs: fixed data, named in the code so both languages come from gettext."""

    number = models.PositiveSmallIntegerField(_("número"), primary_key=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("Objetivo de Desarrollo Sostenible")
        verbose_name_plural = _("Objetivos de Desarrollo Sostenible")

    def __str__(self):
        return _("ODS %(number)s: %(name)s") % {"number": self.number, "name": self.name}

    @property
    def name(self):
        return SUSTAINABLE_DEVELOPMENT_GOALS[self.number]


class Locality(models.Model):
    """Bogotá's twenty localities: fixed data."""

    code = models.CharField(_("código"), max_length=2, primary_key=True, choices=BogotaLocality.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("localidad")
        verbose_name_plural = _("localidades")

    def __str__(self):
        return self.get_code_display()


def sync_fixed_data(apps):
    """Create the SDGs and localities that are missing; used by the data migration and the tests."""
    goal_model = apps.get_model("cooperacion", "SustainableDevelopmentGoal")
    locality_model = apps.get_model("cooperacion", "Locality")
    for number in SUSTAINABLE_DEVELOPMENT_GOALS:
        goal_model.objects.get_or_create(number=number)
    for code, _label in BogotaLocality.choices:
        locality_model.objects.get_or_create(code=code)
