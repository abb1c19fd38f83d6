"""The cooperation register's record: one cooperation, relationship or positioning action."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from django_countries.fields import CountryField

from .codelists import (
    ActionType,
    AuthorisationScope,
    Dimension,
    InstrumentKind,
    LineOfAction,
    PartnerRole,
    Status,
    validate_currency,
)
from .reference import (
    DevelopmentPlanTarget,
    DistrictEntity,
    Locality,
    Partner,
    SustainableDevelopmentGoal,
    ThematicTable,
    TransversalAxis,
)

CENTS = Decimal("0.01")


class CooperationActionQuerySet(models.QuerySet):
    def public(self):
        """The one visibility rule: published, and the partner authorised its publication.

        Every public surface (search, pages, exports, APIs, feeds, sitemaps) reads through this.
        """
        return self.filter(live=True, publication_authorised=True)

    def for_entity(self, entity):
        return self.filter(entity_links__entity=entity).distinct()


class CooperationAction(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    external_id = models.CharField(
        _("identificador externo"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("El código del registro anterior (hojas de cálculo, GLOBO). Lo usa la importación."),
    )
    title = models.CharField(_("título"), max_length=255)
    title_en = models.CharField(_("título en inglés"), max_length=255, blank=True)
    summary = models.TextField(_("resumen"), max_length=1000)
    summary_en = models.TextField(_("resumen en inglés"), max_length=1000, blank=True)
    description = models.TextField(_("descripción"), blank=True)
    description_en = models.TextField(_("descripción en inglés"), blank=True)

    action_type = models.CharField(_("tipo de acción"), max_length=30, choices=ActionType.choices)
    instrument_kind = models.CharField(
        _("tipo de instrumento"),
        max_length=30,
        choices=InstrumentKind.choices,
        blank=True,
        help_text=_("Solo para instrumentos de cooperación internacional."),
    )
    line_of_action = models.CharField(_("línea de acción"), max_length=30, choices=LineOfAction.choices)
    dimension = models.CharField(_("dimensión"), max_length=20, choices=Dimension.choices)
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.IDENTIFIED)

    date_identified = models.DateField(_("fecha de identificación"))
    date_signed = models.DateField(_("fecha de firma"), null=True, blank=True)
    start_date = models.DateField(_("fecha de inicio"), null=True, blank=True)
    end_date = models.DateField(_("fecha de finalización"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("año"),
        editable=False,
        db_index=True,
        help_text=_("El año de inicio, o de firma, o de identificación: el que se usa en los filtros."),
    )

    thematic_table = models.ForeignKey(
        ThematicTable,
        verbose_name=_("mesa temática"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    transversal_axes = ParentalManyToManyField(
        TransversalAxis, verbose_name=_("ejes transversales"), blank=True, related_name="actions"
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal, verbose_name=_("ODS"), blank=True, related_name="actions"
    )
    development_plan_target = models.ForeignKey(
        DevelopmentPlanTarget,
        verbose_name=_("meta del Plan de Desarrollo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )

    amount = models.DecimalField(_("valor"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        _("moneda"),
        max_length=3,
        blank=True,
        validators=[validate_currency],
        help_text=_("Código ISO 4217: COP, USD, EUR…"),
    )
    exchange_rate_cop = models.DecimalField(
        _("tasa a pesos"),
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Pesos colombianos por una unidad de la moneda."),
    )
    usd_rate_cop = models.DecimalField(
        _("TRM (pesos por dólar)"), max_digits=18, decimal_places=6, null=True, blank=True
    )
    exchange_rate_date = models.DateField(_("fecha de las tasas"), null=True, blank=True)
    amount_cop = models.DecimalField(
        _("valor en pesos"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Se calcula con la tasa a pesos; escríbalo solo si no hay tasa."),
    )
    amount_usd = models.DecimalField(
        _("valor en dólares"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Se calcula con la TRM; escríbalo solo si no hay TRM."),
    )
    in_kind = models.BooleanField(_("en especie"), default=False)

    citywide = models.BooleanField(_("todo el Distrito"), default=True)
    localities = ParentalManyToManyField(
        Locality, verbose_name=_("localidades"), blank=True, related_name="actions"
    )
    countries = CountryField(_("países involucrados"), multiple=True, blank=True)

    results = models.TextField(_("resultados alcanzados"), blank=True)
    results_en = models.TextField(_("resultados en inglés"), blank=True)

    publication_authorised = models.BooleanField(
        _("el aliado autoriza publicar"),
        default=False,
        help_text=_("Sin esta autorización el registro no aparece en ninguna superficie pública."),
    )
    authorisation_date = models.DateField(_("fecha de la autorización"), null=True, blank=True)
    authorisation_evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("soporte de la autorización"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    authorisation_scope = models.CharField(
        _("alcance de la autorización"), max_length=20, choices=AuthorisationScope.choices, blank=True
    )

    internal_notes = models.TextField(
        _("observaciones internas"), blank=True, help_text=_("Nunca se publican.")
    )
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizado"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cooperationaction")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="cooperationaction",
        for_concrete_model=False,
    )

    objects = CooperationActionQuerySet.as_manager()
    # The entities a record involves: what scopes a liaison's work (cooperacion.models.scoping).
    entity_lookup = "entity_links__entity"

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("title_en", boost=3),
        index.SearchField("summary"),
        index.SearchField("summary_en"),
        index.SearchField("external_id"),
        index.AutocompleteField("title"),
        index.FilterField("action_type"),
        index.FilterField("status"),
        index.FilterField("year"),
        index.FilterField("live"),
        index.FilterField("publication_authorised"),
    ]

    class Meta:
        ordering = ["-year", "-date_identified", "-pk"]
        verbose_name = _("acción de cooperación")
        verbose_name_plural = _("acciones de cooperación")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="action_starts_before_it_ends",
            ),
            models.CheckConstraint(
                condition=(Q(amount__isnull=True) | Q(amount__gte=0))
                & (Q(amount_cop__isnull=True) | Q(amount_cop__gte=0))
                & (Q(amount_usd__isnull=True) | Q(amount_usd__gte=0)),
                name="action_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(publication_authorised=False) | Q(authorisation_date__isnull=False),
                name="action_authorisation_has_a_date",
            ),
        ]
        indexes = [
            models.Index(fields=["live", "publication_authorised"], name="action_public_idx"),
            # The APIs' Last-Modified: the newest change of a public record, read from the end of it.
            models.Index(fields=["updated_at"], name="action_updated_idx"),
        ]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("record_detail", kwargs={"pk": self.pk})

    @property
    def revisions(self):
        return self._revisions

    def language_of(self, field):
        """The language `localized(field)` is written in: English only when the visitor reads
        English and the record has that text in English."""
        return "en" if get_language() == "en" and getattr(self, f"{field}_en", "") else "es"

    def localized(self, field):
        """The English version of a text field when the visitor reads English and it exists."""
        return getattr(self, f"{field}_en" if self.language_of(field) == "en" else field)

    @property
    def display_title(self):
        return self.localized("title")

    @property
    def display_title_lang(self):
        """The language of `display_title`, for its element's `lang` (a record without an English
        title shows the Spanish one on English pages)."""
        return self.language_of("title")

    @property
    def sectors(self):
        return {link.entity.sector for link in self.entity_links.all()}

    def compute_year(self):
        return (self.start_date or self.date_signed or self.date_identified).year

    def compute_equivalents(self):
        """The COP and USD equivalents follow the value and the rates whenever the rates are known;
        without a rate, an equivalent typed in (or imported) is kept as given."""
        if self.amount is None or not self.currency:
            return
        currency = self.currency.upper()
        rate = Decimal(1) if currency == "COP" else self.exchange_rate_cop
        if rate is not None:
            self.amount_cop = (self.amount * rate).quantize(CENTS, ROUND_HALF_UP)
        if currency == "USD":
            self.amount_usd = self.amount
        elif self.amount_cop is not None and self.usd_rate_cop:
            self.amount_usd = (self.amount_cop / self.usd_rate_cop).quantize(CENTS, ROUND_HALF_UP)

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()

        if self.action_type == ActionType.INSTRUMENT and not self.instrument_kind:
            errors["instrument_kind"] = _("Indique qué instrumento de cooperación internacional es.")
        if self.action_type != ActionType.INSTRUMENT and self.instrument_kind:
            errors["instrument_kind"] = _(
                "Solo los instrumentos de cooperación internacional tienen tipo de instrumento."
            )

        ordered = [
            ("date_identified", _("la identificación")),
            ("date_signed", _("la firma")),
            ("start_date", _("el inicio")),
            ("end_date", _("la finalización")),
        ]
        for position, (earlier, earlier_label) in enumerate(ordered):
            for later, later_label in ordered[position + 1 :]:
                first, second = getattr(self, earlier), getattr(self, later)
                if first and second and first > second and later not in errors:
                    errors[later] = _("La fecha de %(later)s no puede ser anterior a la de %(earlier)s.") % {
                        "later": later_label,
                        "earlier": earlier_label,
                    }
        if self.date_identified and self.date_identified > today:
            errors["date_identified"] = _("La fecha de identificación no puede estar en el futuro.")

        if self.status == Status.IN_EXECUTION and not (self.date_signed or self.start_date):
            errors["start_date"] = _(
                "Una acción formalizada o en ejecución necesita fecha de firma o de inicio."
            )
        if self.status == Status.COMPLETED:
            if not self.end_date:
                errors["end_date"] = _("Una acción finalizada necesita fecha de finalización.")
            elif self.end_date > today:
                errors["end_date"] = _("Una acción finalizada no puede terminar en el futuro.")

        if self.currency:
            self.currency = self.currency.upper()
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Indique la moneda del valor.")
        if self.currency and self.amount is None:
            errors["amount"] = _("Indique el valor en esa moneda.")
        for field in ("amount", "amount_cop", "amount_usd", "exchange_rate_cop", "usd_rate_cop"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("El valor no puede ser negativo.")
        if self.amount is not None and self.currency and self.currency != "COP":
            if self.amount_cop is None and self.exchange_rate_cop is None:
                errors["exchange_rate_cop"] = _("Indique la tasa a pesos o el valor en pesos.")
        if (self.exchange_rate_cop or self.usd_rate_cop) and not self.exchange_rate_date:
            errors["exchange_rate_date"] = _("Indique la fecha de las tasas de cambio.")
        if not errors.keys() & {"amount", "currency", "exchange_rate_cop", "usd_rate_cop"}:
            self.compute_equivalents()
            for field in ("amount_cop", "amount_usd"):
                if not self._fits(field):
                    errors["amount"] = _(
                        "El valor, convertido con estas tasas, es demasiado grande para registrarse."
                    )

        if self.citywide and list(self.localities.all()):
            errors["citywide"] = _("Una acción de todo el Distrito no se limita a localidades.")

        if self.publication_authorised:
            if not self.authorisation_date:
                errors["authorisation_date"] = _("Indique cuándo autorizó el aliado la publicación.")
            elif self.authorisation_date > today:
                errors["authorisation_date"] = _("La fecha de autorización no puede estar en el futuro.")
            if not self.authorisation_scope:
                errors["authorisation_scope"] = _("Indique qué autorizó publicar el aliado.")

        if errors:
            raise ValidationError(errors)

    def prepare_for_save(self):
        """What every write derives from the record: save() and the bulk writers call it."""
        if self.currency:
            self.currency = self.currency.upper()
        self.compute_equivalents()
        if self.date_identified:
            self.year = self.compute_year()

    def _fits(self, field):
        """Whether a computed value fits its column (a rate typed by mistake can overflow it)."""
        value = getattr(self, field)
        model_field = self._meta.get_field(field)
        return value is None or abs(value) < Decimal(10) ** (
            model_field.max_digits - model_field.decimal_places
        )

    def save(self, *args, **kwargs):
        self.prepare_for_save()
        super().save(*args, **kwargs)

    @property
    def shows_amounts(self):
        return self.authorisation_scope == AuthorisationScope.FULL

    @property
    def shows_results(self):
        return self.authorisation_scope in AuthorisationScope.with_results()


class ActionPartner(Orderable):
    action = ParentalKey(CooperationAction, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        Partner, verbose_name=_("aliado"), on_delete=models.PROTECT, related_name="action_links"
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.COUNTERPART
    )

    class Meta(Orderable.Meta):
        verbose_name = _("aliado de la acción")
        verbose_name_plural = _("aliados de la acción")
        constraints = [models.UniqueConstraint(fields=["action", "partner"], name="partner_once_per_action")]


class ActionEntity(Orderable):
    action = ParentalKey(CooperationAction, on_delete=models.CASCADE, related_name="entity_links")
    entity = models.ForeignKey(
        DistrictEntity, verbose_name=_("entidad"), on_delete=models.PROTECT, related_name="action_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("entidad de la acción")
        verbose_name_plural = _("entidades de la acción")
        constraints = [models.UniqueConstraint(fields=["action", "entity"], name="entity_once_per_action")]


class ResultIndicator(Orderable):
    action = ParentalKey(CooperationAction, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicador"), max_length=255)
    name_en = models.CharField(_("indicador en inglés"), max_length=255, blank=True)
    value = models.DecimalField(_("valor"), max_digits=18, decimal_places=2)
    unit = models.CharField(_("unidad"), max_length=60, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("indicador de resultado")
        verbose_name_plural = _("indicadores de resultado")

    @property
    def display_name(self):
        return self.name_en if get_language() == "en" and self.name_en else self.name


class SupportingDocumentQuerySet(models.QuerySet):
    def published(self):
        """What anyone may download: documents marked public on a public record whose results the
        partner authorised. Authorisation evidence is never a supporting document."""
        return self.filter(
            public=True,
            action__in=CooperationAction.objects.public(),
            action__authorisation_scope__in=AuthorisationScope.with_results(),
        )


class SupportingDocument(Orderable):
    action = ParentalKey(CooperationAction, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("documento"), on_delete=models.PROTECT, related_name="+"
    )
    public = models.BooleanField(
        _("público"),
        default=False,
        help_text=_("Solo los documentos públicos se muestran con el registro autorizado."),
    )

    objects = SupportingDocumentQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("documento de soporte")
        verbose_name_plural = _("documentos de soporte")
