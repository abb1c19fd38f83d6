from operator import attrgetter

from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, HighlightBlock
from home.cache import cached_fragment
from home.serializers import PageImageField

from .snippets import Footer


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
    # Wagtail's API v2 (/api/v2/pages/): every page type adds its own fields to these.
    api_fields = [
        APIField(
            "social_image",
            serializer=PageImageField("fill-1200x630", alt=lambda page: page.seo_title or page.title),
        )
    ]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        filterset = getattr(response, "context_data", {}).get("filterset")
        if filterset is not None and filterset.errors:
            # A listing asked for with invalid filters: the page explains them, as a 400.
            response.status_code = 400
        return response


class ImageWithAltText(models.Model):
    """A page's listing image and the text that describes it, required whenever there is an image."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("texto alternativo de la imagen"),
        max_length=250,
        blank=True,
        help_text=_("Describa lo que muestra la imagen para quien no puede verla (obligatorio con imagen)."),
    )

    image_api_fields = [
        APIField("image", serializer=PageImageField("width-1200", alt=attrgetter("image_alt")))
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Escriba el texto alternativo: describe la imagen para quien no la ve.")}
            )


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
    api_fields = BasePage.api_fields + [
        APIField("hero_title"),
        APIField("hero_text"),
        # Decorative behind the hero's title, as on the page.
        APIField("hero_image", serializer=PageImageField("fill-1600x600", alt=lambda page: "")),
        APIField("hero_link"),
        APIField("hero_link_label"),
        APIField("highlights"),
        APIField("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "cooperacion.StrategyPage",
        "cooperacion.ResultsIndexPage",
        "buenas_practicas.GoodPracticeIndexPage",
        "home.NewsIndexPage",
        "home.TransparencyIndexPage",
        "cooperacion.DashboardPage",
        "cooperacion.DatasetPage",
    ]
    page_description = _("La portada del portal en un idioma.")

    class Meta:
        verbose_name = _("portada")
        verbose_name_plural = _("portadas")

    def structured_data(self, request):
        """The office as a schema.org GovernmentOrganization, part of the Mayor's Office."""
        footer = Footer.of_locale(request, self.locale_id)
        data = {
            "@type": "GovernmentOrganization",
            "name": footer.heading if footer else self.title,
            "url": self.get_full_url(request),
            "logo": request.build_absolute_uri(static("img/logo.svg")),
            "parentOrganization": {
                "@type": "GovernmentOrganization",
                "name": "Alcaldía Mayor de Bogotá D.C.",
            },
            "areaServed": {"@type": "City", "name": "Bogotá D.C."},
        }
        if footer:
            contact = {"email": footer.email, "telephone": footer.phone}
            if any(contact.values()):
                data["contactPoint"] = {
                    "@type": "ContactPoint",
                    "contactType": "customer service",
                    **{key: value for key, value in contact.items() if value},
                }
            if footer.address:
                data["address"] = {
                    "@type": "PostalAddress",
                    "streetAddress": footer.address,
                    "addressLocality": "Bogotá",
                }
        return data

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
        # The same for every visitor until something is published: kept for the generation.
        context["latest_pages"] = cached_fragment(
            request, "latest", [self.pk], lambda: list(self.latest_pages())
        )
        return context


class StandardPage(BasePage):
    introduction = models.TextField(_("introducción"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("body")]
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
