from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BodyBlock, HighlightBlock


class BasePage(Page):
    """Fields every public page shares: a social image next to Wagtail's SEO title and description."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen para redes sociales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Se muestra cuando la página se comparte. 1200×630 píxeles."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Promoción")),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_title = models.CharField(_("título principal"), max_length=120)
    hero_text = models.TextField(_("texto principal"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("enlace principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("texto del enlace principal"), max_length=60, blank=True)
    highlights = StreamField(
        [("highlight", HighlightBlock())],
        verbose_name=_("destacados"),
        blank=True,
        max_num=6,
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Portada"),
        ),
        FieldPanel("highlights"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage"]
    page_description = _("La portada del portal en un idioma.")

    class Meta:
        verbose_name = _("portada")
        verbose_name_plural = _("portadas")

    def latest_pages(self, limit=6):
        """The most recently published pages of this language's site, newest first."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .exclude(last_published_at__isnull=True)
            .order_by("-last_published_at")
            .specific(defer=True)[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_pages"] = self.latest_pages()
        return context


class StandardPage(BasePage):
    introduction = models.TextField(_("introducción"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    page_description = _(
        "Una página institucional: el sistema distrital de cooperación, sus instancias, políticas."
    )

    class Meta:
        verbose_name = _("página institucional")
        verbose_name_plural = _("páginas institucionales")


class Footer(TranslatableMixin, models.Model):
    """The footer's contact channels and policy links, one per language."""

    heading = models.CharField(_("nombre de la dependencia"), max_length=160)
    address = models.CharField(_("dirección"), max_length=200, blank=True)
    phone = models.CharField(_("teléfono institucional"), max_length=60, blank=True)
    email = models.EmailField(_("correo institucional"), blank=True)
    office_hours = models.CharField(_("horario de atención"), max_length=160, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("política de privacidad y datos personales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("términos y condiciones"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("declaración de accesibilidad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("heading"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("office_hours")],
            heading=_("Canales de contacto"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("terms_page"), FieldPanel("accessibility_page")],
            heading=_("Políticas"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pie de página")
        verbose_name_plural = _("pies de página")

    def __str__(self):
        return f"{self.heading} ({self.locale.language_code})"

    def policy_links(self):
        pages = [self.privacy_page, self.terms_page, self.accessibility_page]
        return [page.localized for page in pages if page is not None and page.live]
