"""The register's published pages: the internationalisation strategy and the alliances' results."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import KeyFigureBlock
from home.models import BasePage, ImageWithAltText

from ..blocks import GalleryBlock, RegisterBodyBlock, StrategicAxisBlock
from ..serializers import NamedReferenceSerializer, RecordLinkSerializer, SustainableDevelopmentGoalSerializer
from .actions import CooperationAction
from .reference import (
    DevelopmentPlanTarget,
    DistrictEntity,
    SustainableDevelopmentGoal,
    ThematicTable,
    TransversalAxis,
)

RICH_TEXT = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
RESULTS_PER_PAGE = 12


class StrategyPage(RoutablePageMixin, BasePage):
    """The city's internationalisation strategy. Every published version is kept: earlier ones
    stay readable at `versiones/<version>/`, marked as archived."""

    version = models.CharField(
        _("versión"), max_length=20, help_text=_("Por ejemplo: 2025-1. Cámbiela con cada actualización.")
    )
    effective_date = models.DateField(_("vigente desde"))
    introduction = models.TextField(_("introducción"), max_length=800)
    vision = RichTextField(_("visión"), features=RICH_TEXT)
    strategic_axes = StreamField(
        [("axis", StrategicAxisBlock())], verbose_name=_("ejes estratégicos"), blank=True
    )
    relationship_plan = RichTextField(_("plan de relacionamiento"), features=RICH_TEXT)
    positioning_plan = RichTextField(_("plan de posicionamiento"), features=RICH_TEXT)
    board_introduction = RichTextField(
        _("la Mesa para la Internacionalización"),
        features=RICH_TEXT,
        blank=True,
        help_text=_(
            "Las mesas temáticas y los ejes transversales, con sus entidades líderes, se listan solos."
        ),
    )
    agenda_2030 = RichTextField(_("alineación con la Agenda 2030"), features=RICH_TEXT, blank=True)
    new_urban_agenda = RichTextField(
        _("alineación con la Nueva Agenda Urbana"), features=RICH_TEXT, blank=True
    )
    paris_agreement = RichTextField(_("alineación con el Acuerdo de París"), features=RICH_TEXT, blank=True)
    development_plan = RichTextField(_("programa del Plan de Desarrollo"), features=RICH_TEXT, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento de la estrategia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(RegisterBodyBlock(), verbose_name=_("contenido adicional"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("version"), FieldPanel("effective_date"), FieldPanel("document")],
            heading=_("Versión vigente"),
        ),
        FieldPanel("introduction"),
        FieldPanel("vision"),
        FieldPanel("strategic_axes"),
        FieldPanel("relationship_plan"),
        FieldPanel("positioning_plan"),
        FieldPanel("board_introduction"),
        MultiFieldPanel(
            [
                FieldPanel("agenda_2030"),
                FieldPanel("new_urban_agenda"),
                FieldPanel("paris_agreement"),
                FieldPanel("development_plan"),
            ],
            heading=_("Alineación"),
        ),
        FieldPanel("body"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("version"),
        APIField("effective_date"),
        APIField("document"),
        APIField("introduction"),
        APIField("vision"),
        APIField("strategic_axes"),
        APIField("relationship_plan"),
        APIField("positioning_plan"),
        APIField("board_introduction"),
        APIField("agenda_2030"),
        APIField("new_urban_agenda"),
        APIField("paris_agreement"),
        APIField("development_plan"),
        APIField("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("vision"),
        index.SearchField("relationship_plan"),
        index.SearchField("positioning_plan"),
        index.SearchField("strategic_axes"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "La estrategia de internacionalización de la ciudad; al publicar una versión nueva, la anterior queda archivada."
    )

    class Meta:
        verbose_name = _("estrategia de internacionalización")
        verbose_name_plural = _("estrategias de internacionalización")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["thematic_tables"] = ThematicTable.objects.select_related("leading_entity")
        context["transversal_axes"] = TransversalAxis.objects.select_related("leading_entity")
        context["plan_targets"] = DevelopmentPlanTarget.objects.all()
        context["archived_versions"] = self.versions.exclude(version=self.version)
        return context

    @path("")
    def current(self, request):
        return self.render(request)

    @path(_("versiones/<str:version>/"), name="version")
    def archived(self, request, version):
        archived = get_object_or_404(self.versions.exclude(version=self.version), version=version)
        snapshot = self.with_content_json(archived.content)
        context = snapshot.get_context(request)
        context.update(page=snapshot, self=snapshot, archived=archived, current_url=self.url)
        response = TemplateResponse(request, self.get_template(request), context)
        response["X-Robots-Tag"] = "noindex"
        return response

    def archive_published_version(self):
        """Record what is live now as the snapshot of its version (called when it is published)."""
        revision = self.live_revision
        StrategyVersion.objects.update_or_create(
            page=self,
            version=self.version,
            defaults={
                "effective_date": self.effective_date,
                "content": revision.content,
                "revision_id": revision.pk,
            },
        )

    def structured_data(self, request):
        return {
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.introduction,
            "url": self.get_full_url(request),
            "version": self.version,
            "datePublished": self.effective_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "publisher": {"@type": "GovernmentOrganization", "name": "Alcaldía Mayor de Bogotá D.C."},
        }


class StrategyVersion(models.Model):
    """A published version of the strategy, kept so that it stays readable once superseded."""

    page = models.ForeignKey(StrategyPage, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("versión"), max_length=20)
    effective_date = models.DateField(_("vigente desde"))
    content = models.JSONField(encoder=DjangoJSONEncoder)
    revision_id = models.PositiveIntegerField(null=True)
    archived_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-effective_date"]
        verbose_name = _("versión de la estrategia")
        verbose_name_plural = _("versiones de la estrategia")
        constraints = [models.UniqueConstraint(fields=["page", "version"], name="strategy_version_once")]

    def __str__(self):
        return f"{self.page.title} — {self.version}"

    def get_url(self):
        return self.page.url + self.page.reverse_subpage("version", kwargs={"version": self.version})


class ResultsIndexPage(BasePage):
    introduction = models.TextField(_("introducción"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cooperacion.ResultPage"]
    page_description = _("El listado de los logros de las alianzas, con filtros.")

    class Meta:
        verbose_name = _("índice de resultados")
        verbose_name_plural = _("índices de resultados")

    def results(self):
        return (
            ResultPage.objects.live()
            .public()
            .child_of(self)
            .select_related("thematic_table", "image")
            .prefetch_related("sdgs")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from ..filters import ResultFilterSet

        context = super().get_context(request, *args, **kwargs)
        filterset = ResultFilterSet(request.GET, queryset=self.results())
        results = filterset.qs if filterset.is_valid() else self.results()
        context["filterset"] = filterset
        context["results"] = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class ResultPageForm(WagtailAdminPageForm):
    # The buttons that make a page public, now or through moderation.
    PUBLISHING = ("action-publish", "action-submit", "action-workflow-action")

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("linked_records")
        rows = [
            form
            for form in (formset.forms if formset is not None else [])
            if form.has_changed() or form.instance.pk
        ]
        # Raw values: the formset's own uniqueness check drops a repeated value from cleaned_data.
        chosen = [
            str(form["action"].value()) for form in rows if form["action"].value() and not _deleted(form)
        ]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(
                _("El mismo registro está dos veces: deje una sola fila para cada registro.")
            )
        if any(action in self.data for action in self.PUBLISHING):
            hidden = CooperationAction.objects.filter(
                pk__in=[key for key in chosen if key.isdigit()]
            ).exclude(pk__in=CooperationAction.objects.public())
            if hidden:
                raise ValidationError(
                    _(
                        "No se puede publicar: estos registros no están publicados con autorización del aliado: "
                        "%(records)s. Quítelos o pida la autorización antes de publicar."
                    )
                    % {"records": "; ".join(action.title for action in hidden)}
                )
        return cleaned


def _deleted(form):
    return form.prefix and form.data.get(f"{form.prefix}-DELETE") in ("1", "on", "true", "True")


class ResultPage(ImageWithAltText, BasePage):
    """An achievement of the district's alliances, linked to the records of the register."""

    date = models.DateField(_("fecha del logro"))
    summary = models.TextField(_("resumen"), max_length=600)
    achievements = RichTextField(_("qué se logró"), features=RICH_TEXT)
    figures = StreamField([("figure", KeyFigureBlock())], verbose_name=_("cifras"), blank=True, max_num=6)
    thematic_table = models.ForeignKey(
        ThematicTable,
        verbose_name=_("tema (mesa temática)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal, verbose_name=_("ODS"), blank=True, related_name="+"
    )
    # Whose achievement it is: scopes which liaisons may draft it (cooperacion.permissions).
    entities = ParentalManyToManyField(
        DistrictEntity,
        verbose_name=_("entidades distritales"),
        blank=True,
        related_name="result_pages",
        help_text=_("Las entidades del Distrito que lograron el resultado."),
    )
    gallery = StreamField(GalleryBlock(), verbose_name=_("galería"), blank=True)
    body = StreamField(RegisterBodyBlock(), verbose_name=_("contenido adicional"), blank=True)

    entity_lookup = "entities"
    base_form_class = ResultPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("achievements"),
        FieldPanel("figures"),
        InlinePanel(
            "linked_records",
            label=_("registros de cooperación"),
            heading=_("Registros de cooperación"),
            help_text=_("Solo se puede publicar si el aliado autorizó publicar cada registro."),
        ),
        MultiFieldPanel(
            [FieldPanel("entities"), FieldPanel("thematic_table"), FieldPanel("sdgs")],
            heading=_("Clasificación"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Imagen")),
        FieldPanel("gallery"),
        FieldPanel("body"),
    ]
    api_fields = (
        BasePage.api_fields
        + [
            APIField("date"),
            APIField("summary"),
            APIField("achievements"),
            APIField("figures"),
            # Only the linked records anyone may see, never the links themselves.
            APIField("records", serializer=RecordLinkSerializer(source="public_records", many=True)),
            APIField("entities", serializer=NamedReferenceSerializer(many=True)),
            APIField("thematic_table", serializer=NamedReferenceSerializer()),
            APIField("sdgs", serializer=SustainableDevelopmentGoalSerializer(many=True)),
        ]
        + ImageWithAltText.image_api_fields
        + [APIField("gallery"), APIField("body")]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("achievements"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cooperacion.ResultsIndexPage"]
    subpage_types = []
    page_description = _(
        "Un logro de las alianzas internacionales, con los registros y aliados que lo hicieron posible."
    )

    class Meta:
        verbose_name = _("resultado")
        verbose_name_plural = _("resultados")

    def public_records(self):
        """The linked records anyone may see, with their partners."""
        return (
            CooperationAction.objects.public()
            .filter(result_links__page=self)
            .prefetch_related("partner_links__partner")
            .order_by("result_links__sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        records = list(self.public_records())
        partners = {}
        for record in records:
            for link in record.partner_links.all():
                partners.setdefault(link.partner.pk, link.partner)
        context["records"] = records
        context["partners"] = sorted(partners.values(), key=lambda partner: partner.name)
        return context

    def structured_data(self, request):
        return {
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "publisher": {"@type": "GovernmentOrganization", "name": "Alcaldía Mayor de Bogotá D.C."},
        }


class ResultRecord(Orderable):
    page = ParentalKey(ResultPage, on_delete=models.CASCADE, related_name="linked_records")
    action = models.ForeignKey(
        CooperationAction,
        verbose_name=_("registro de cooperación"),
        on_delete=models.CASCADE,
        related_name="result_links",
    )

    panels = [FieldPanel("action")]

    class Meta(Orderable.Meta):
        verbose_name = _("registro del resultado")
        verbose_name_plural = _("registros del resultado")
        constraints = [models.UniqueConstraint(fields=["page", "action"], name="record_once_per_result")]
