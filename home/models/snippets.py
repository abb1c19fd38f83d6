from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin

from home.cache import cached_fragment


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

    @classmethod
    def of_locale(cls, request, locale_id):
        """The footer of a language, shared by every page's structured data for the generation."""
        return cached_fragment(
            request, "footer-of", [locale_id], lambda: cls.objects.filter(locale_id=locale_id).first()
        )

    def policy_links(self):
        pages = [self.privacy_page, self.terms_page, self.accessibility_page]
        return [page.localized for page in pages if page is not None and page.live]
