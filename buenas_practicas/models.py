"""Good-practice sheets: the district's documentation of good public-management practices
(form 4202000-FT-1311), published as pages under one index per language."""

import re
from html import unescape

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from rest_framework import serializers

from cooperacion.models import CooperationAction, DistrictEntity, SustainableDevelopmentGoal
from cooperacion.serializers import (
    NamedReferenceSerializer,
    RecordLinkSerializer,
    SustainableDevelopmentGoalSerializer,
)
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage

from .serializers import MipgPolicySerializer

SHEETS_PER_PAGE = 12
SUMMARY_WORDS = 40
FIRST_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.DOTALL)
BLOCK_END = re.compile(r"</(?:p|li|h\d)>|<br\s*/?>")
MAYORS_OFFICE = "Alcaldía Mayor de Bogotá D.C."


class MipgPolicyCode(models.TextChoices):
    """The management and performance policies of the Integrated Planning and Management Model
    (MIPG, Decree 1499 of 2017 and its updates), in the order of DAFP's operating manual."""

    HUMAN_TALENT = "talento_humano", _("Gestión estratégica del talento humano")
    INTEGRITY = "integridad", _("Integridad")
    INSTITUTIONAL_PLANNING = "planeacion_institucional", _("Planeación institucional")
    BUDGET = "gestion_presupuestal", _("Gestión presupuestal y eficiencia del gasto público")
    PROCUREMENT = "compras_contratacion", _("Compras y contratación pública")
    ORGANISATIONAL_STRENGTHENING = (
        "fortalecimiento_organizacional",
        _("Fortalecimiento organizacional y simplificación de procesos"),
    )
    DIGITAL_GOVERNMENT = "gobierno_digital", _("Gobierno digital")
    DIGITAL_SECURITY = "seguridad_digital", _("Seguridad digital")
    LEGAL_DEFENCE = "defensa_juridica", _("Defensa jurídica")
    REGULATORY_IMPROVEMENT = "mejora_normativa", _("Mejora normativa")
    CITIZEN_SERVICE = "servicio_ciudadano", _("Servicio al ciudadano")
    RED_TAPE_REDUCTION = "racionalizacion_tramites", _("Racionalización de trámites")
    CITIZEN_PARTICIPATION = "participacion_ciudadana", _("Participación ciudadana en la gestión pública")
    PERFORMANCE_MONITORING = (
        "seguimiento_desempeno",
        _("Seguimiento y evaluación del desempeño institucional"),
    )
    TRANSPARENCY = (
        "transparencia",
        _("Transparencia, acceso a la información pública y lucha contra la corrupción"),
    )
    RECORDS_MANAGEMENT = "gestion_documental", _("Gestión documental")
    STATISTICS = "informacion_estadistica", _("Gestión de la información estadística")
    KNOWLEDGE_AND_INNOVATION = "conocimiento_innovacion", _("Gestión del conocimiento y la innovación")
    INTERNAL_CONTROL = "control_interno", _("Control interno")


class MipgPolicy(models.Model):
    """One MIPG policy: fixed data, named in the code so both languages come from gettext."""

    code = models.CharField(_("código"), max_length=40, primary_key=True, choices=MipgPolicyCode.choices)
    position = models.PositiveSmallIntegerField(_("posición"), default=0, editable=False)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("política de MIPG")
        verbose_name_plural = _("políticas de MIPG")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return MipgPolicyCode(self.code).label


def sync_mipg_policies(apps):
    """Create the MIPG policies that are missing; used by the data migration, the demo and the tests."""
    model = apps.get_model("buenas_practicas", "MipgPolicy")
    model.objects.bulk_create(
        [model(code=code, position=position) for position, code in enumerate(MipgPolicyCode.values, 1)],
        ignore_conflicts=True,
    )


class GoodPracticeIndexPage(BasePage):
    """The list of a language's good-practice sheets, with filters."""

    introduction = models.TextField(_("introducción"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["buenas_practicas.GoodPracticePage"]
    max_count_per_parent = 1
    page_description = _("El listado de las fichas de buenas prácticas de gestión pública, con filtros.")

    class Meta:
        verbose_name = _("índice de buenas prácticas")
        verbose_name_plural = _("índices de buenas prácticas")

    def sheets(self):
        """The published sheets under this index, newest practice first."""
        return GoodPracticePage.objects.live().public().child_of(self).order_by("-start_date", "title", "pk")

    def get_context(self, request, *args, **kwargs):
        from .filters import GoodPracticeFilterSet

        context = super().get_context(request, *args, **kwargs)
        filterset = GoodPracticeFilterSet(request.GET, queryset=self.sheets())
        # Invalid parameters are reported on the page; the valid ones still filter.
        sheets = filterset.qs.prefetch_related("mipg_policies", "sdgs")
        context["filterset"] = filterset
        context["sheets"] = Paginator(sheets, SHEETS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class GoodPracticePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].required = True

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("related_records")
        if formset is not None:
            # The rows as typed: the formset's own duplicate check names only columns, and it
            # removes the repeated value from the row it flags.
            chosen = [
                str(form["action"].data)
                for form in formset.forms
                if form["action"].data and not (formset.can_delete and form["DELETE"].data)
            ]
            if len(chosen) != len(set(chosen)):
                raise ValidationError(
                    _("El mismo registro está dos veces: deje una sola fila para cada registro.")
                )
        return cleaned


class GoodPracticePage(BasePage):
    """One documented good practice, with the sections of the district's documentation form."""

    # 1. General information (the practice's name is the page title).
    # Whose practice it is: scopes which liaisons may draft it (cooperacion.permissions). Empty
    # only in sheets written before entities were recorded; the admin form requires it.
    entity = models.ForeignKey(
        DistrictEntity,
        verbose_name=_("entidad distrital"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practices",
        help_text=_("La entidad del Distrito a la que pertenece la buena práctica."),
    )
    responsible_office = models.CharField(
        _("dependencia responsable"),
        max_length=255,
        help_text=_("La dependencia o entidad que lidera la buena práctica."),
    )
    process = models.CharField(
        _("proceso"), max_length=255, help_text=_("El proceso del sistema de gestión al que pertenece.")
    )
    mipg_policies = ParentalManyToManyField(
        MipgPolicy,
        verbose_name=_("políticas de MIPG a las que aporta"),
        related_name="good_practices",
    )
    team = models.CharField(
        _("equipo o grupo interno de trabajo"),
        max_length=255,
        blank=True,
        help_text=_("El equipo donde se identificó la práctica. No escriba nombres de personas."),
    )
    start_date = models.DateField(_("fecha de inicio"))

    # 2. Identification.
    adapted_from_other_entity = models.BooleanField(
        _("es una adaptación de la práctica de otra entidad"), default=False
    )
    adapted_from_entity = models.CharField(
        _("entidad de la que se adaptó"),
        max_length=255,
        blank=True,
        help_text=_("Obligatorio si la práctica es una adaptación."),
    )
    description = RichTextField(
        _("descripción"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "La necesidad o brecha que atiende, sus acciones principales y a quién beneficia. "
            "El primer párrafo sirve de resumen en el listado."
        ),
    )
    baseline = RichTextField(
        _("línea base"),
        features=RICH_TEXT_FEATURES,
        help_text=_("El punto de partida y las soluciones o acciones de mejora que se aplicaron."),
    )
    target_population = models.TextField(
        _("población objetivo"), help_text=_("Los grupos de valor a los que se dirige.")
    )
    scope = RichTextField(
        _("alcance"), features=RICH_TEXT_FEATURES, help_text=_("Sus objetivos y el tiempo de desarrollo.")
    )

    # 3. Contribution.
    contribution = RichTextField(
        _("aporte"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Por qué funciona y qué resultados y beneficios produjo."),
    )
    dissemination = RichTextField(
        _("difusión"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Cómo se dio a conocer y con qué recursos."),
    )
    other_aspects = RichTextField(_("otros aspectos"), features=RICH_TEXT_FEATURES, blank=True)

    # 4. Sustainability and 5. conclusions.
    future_challenges = RichTextField(
        _("retos a futuro"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Los desafíos o amenazas que puede enfrentar."),
    )
    sustainability = RichTextField(
        _("estabilidad de la buena práctica"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Los cambios duraderos que dejó y los medios que garantizan su continuidad."),
    )
    conclusions = RichTextField(_("conclusiones"), features=RICH_TEXT_FEATURES)

    # 6. Annexes and relations (annexes and related records are child objects below).
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal,
        verbose_name=_("Objetivos de Desarrollo Sostenible"),
        blank=True,
        related_name="good_practices",
    )

    entity_lookup = "entity"
    base_form_class = GoodPracticePageForm
    general_panels = [
        TitleFieldPanel("title", heading=_("Nombre de la buena práctica")),
        FieldPanel("entity"),
        FieldRowPanel([FieldPanel("responsible_office"), FieldPanel("process")]),
        FieldRowPanel([FieldPanel("team"), FieldPanel("start_date")]),
        FieldPanel("mipg_policies", widget=forms.CheckboxSelectMultiple),
    ]
    identification_panels = [
        MultiFieldPanel(
            [FieldPanel("adapted_from_other_entity"), FieldPanel("adapted_from_entity")],
            heading=_("Adaptación"),
        ),
        FieldPanel("description"),
        FieldPanel("baseline"),
        FieldPanel("target_population"),
        FieldPanel("scope"),
    ]
    results_panels = [
        MultiFieldPanel(
            [FieldPanel("contribution"), FieldPanel("dissemination"), FieldPanel("other_aspects")],
            heading=_("Contribución"),
        ),
        MultiFieldPanel(
            [FieldPanel("future_challenges"), FieldPanel("sustainability")],
            heading=_("Sostenibilidad"),
        ),
        FieldPanel("conclusions"),
    ]
    relations_panels = [
        InlinePanel("annexes", label=_("anexo"), heading=_("Anexos")),
        InlinePanel(
            "related_records",
            label=_("registro de cooperación"),
            heading=_("Registros de cooperación relacionados"),
            help_text=_(
                "La ficha pública muestra solo los registros publicados con autorización del aliado."
            ),
        ),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(general_panels, heading=_("Información general")),
            ObjectList(identification_panels, heading=_("Identificación de la buena práctica")),
            ObjectList(results_panels, heading=_("Resultados y sostenibilidad")),
            ObjectList(relations_panels, heading=_("Anexos y relaciones")),
            ObjectList(BasePage.promote_panels, heading=_("Promoción")),
            ObjectList(Page.settings_panels, heading=_("Configuración")),
        ]
    )

    api_fields = BasePage.api_fields + [
        APIField("entity", serializer=NamedReferenceSerializer()),
        APIField("responsible_office"),
        APIField("process"),
        APIField("mipg_policies", serializer=MipgPolicySerializer(many=True)),
        APIField("team"),
        APIField("start_date"),
        APIField("adapted_from_other_entity"),
        APIField("adapted_from_entity"),
        APIField("summary"),
        APIField("description"),
        APIField("baseline"),
        APIField("target_population"),
        APIField("scope"),
        APIField("contribution"),
        APIField("dissemination"),
        APIField("other_aspects"),
        APIField("future_challenges"),
        APIField("sustainability"),
        APIField("conclusions"),
        APIField("sdgs", serializer=SustainableDevelopmentGoalSerializer(many=True)),
        APIField("annexes"),
        # Only the related records anyone may see, never the links themselves.
        APIField("records", serializer=RecordLinkSerializer(source="public_records", many=True)),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("responsible_office"),
        index.SearchField("process"),
        index.SearchField("description"),
        index.SearchField("baseline"),
        index.SearchField("target_population"),
        index.SearchField("scope"),
        index.SearchField("contribution"),
        index.SearchField("conclusions"),
        index.FilterField("start_date"),
        index.FilterField("responsible_office"),
    ]

    parent_page_types = ["buenas_practicas.GoodPracticeIndexPage"]
    subpage_types = []
    page_description = _(
        "Una ficha de buena práctica de gestión pública: qué resolvió, sus resultados y cómo se sostiene."
    )

    class Meta:
        verbose_name = _("buena práctica")
        verbose_name_plural = _("buenas prácticas")
        constraints = [
            # An adaptation names the entity it came from, and only an adaptation does.
            models.CheckConstraint(
                condition=(Q(adapted_from_other_entity=True) & ~Q(adapted_from_entity=""))
                | Q(adapted_from_other_entity=False, adapted_from_entity=""),
                name="good_practice_adaptation_names_entity",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        self.adapted_from_entity = (self.adapted_from_entity or "").strip()
        if self.adapted_from_other_entity and not self.adapted_from_entity:
            errors["adapted_from_entity"] = _("Indique de qué entidad se adaptó la buena práctica.")
        elif self.adapted_from_entity and not self.adapted_from_other_entity:
            errors["adapted_from_entity"] = _(
                "Marque «es una adaptación de la práctica de otra entidad» o deje este campo vacío."
            )
        if self.start_date and self.start_date > timezone.localdate():
            errors["start_date"] = _(
                "La fecha de inicio no puede estar en el futuro: la ficha documenta una práctica en marcha."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def summary(self):
        """What the listing, the search description and the JSON-LD say about the practice."""
        if self.search_description:
            return self.search_description
        first = FIRST_PARAGRAPH.search(self.description or "")
        text = first.group(1) if first else BLOCK_END.sub(" ", self.description or "")
        text = " ".join(unescape(strip_tags(text)).split())
        return Truncator(text).words(SUMMARY_WORDS)

    def public_records(self):
        """The related register records anyone may see, in the editor's order.

        Read through the register's one visibility rule (published and authorised by the partner),
        so a record that is a draft or lacks the partner's authorisation never shows here.
        """
        order = {link.action_id: position for position, link in enumerate(self.related_records.all())}
        records = CooperationAction.objects.public().filter(pk__in=order)
        return sorted(records, key=lambda record: order[record.pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["records"] = self.public_records()
        context["annexes"] = [annex for annex in self.annexes.select_related("document") if annex.document]
        context["print_layout"] = request.GET.get("print") == "1"
        return context

    def structured_data(self, request):
        """The sheet as a schema.org CreativeWork by its responsible office."""
        office = {
            "@type": "GovernmentOrganization",
            "name": self.responsible_office,
            "parentOrganization": {"@type": "GovernmentOrganization", "name": MAYORS_OFFICE},
        }
        data = {
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "dateCreated": self.start_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "genre": str(_("Buena práctica de gestión pública")),
            "author": office,
            "publisher": office,
        }
        policies = [str(policy) for policy in self.mipg_policies.all()]
        if policies:
            data["keywords"] = policies
        goals = [{"@type": "Thing", "name": str(goal)} for goal in self.sdgs.all()]
        if goals:
            data["about"] = goals
        return data


class GoodPracticeAnnex(Orderable):
    """A document that supports the practice's implementation."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="annexes")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("documento"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("título"), max_length=255, blank=True, help_text=_("Si se deja vacío se usa el del documento.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [
        APIField("title", serializer=serializers.CharField(source="display_title")),
        APIField("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("anexo")
        verbose_name_plural = _("anexos")

    @property
    def display_title(self):
        return self.title or self.document.title


class GoodPracticeRecord(Orderable):
    """A register record the practice is related to; shown publicly only if the record is public."""

    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="related_records")
    action = models.ForeignKey(
        CooperationAction,
        verbose_name=_("registro de cooperación"),
        on_delete=models.CASCADE,
        related_name="good_practice_links",
    )

    panels = [FieldPanel("action")]

    class Meta(Orderable.Meta):
        verbose_name = _("registro relacionado")
        verbose_name_plural = _("registros relacionados")
        constraints = [
            models.UniqueConstraint(fields=["page", "action"], name="record_once_per_good_practice")
        ]
