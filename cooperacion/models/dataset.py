"""The open-data page of the register: what the dataset is, its licence, how often it changes, who
answers for it, its downloads and its data dictionary (see cooperacion.opendata)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from home.models import BasePage


class DatasetLicence(models.TextChoices):
    CC_BY_4 = "cc-by-4.0", _("Creative Commons Atribución 4.0 Internacional (CC BY 4.0)")
    CC_BY_SA_4 = (
        "cc-by-sa-4.0",
        _("Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)"),
    )
    CC0 = "cc0-1.0", _("Creative Commons Cero 1.0 Universal (CC0 1.0): dominio público")


LICENCE_URLS = {
    DatasetLicence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    DatasetLicence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    DatasetLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class UpdateFrequency(models.TextChoices):
    CONTINUOUS = "continua", _("Continua: con cada registro que se publica o cambia")
    DAILY = "diaria", _("Diaria")
    WEEKLY = "semanal", _("Semanal")
    MONTHLY = "mensual", _("Mensual")
    QUARTERLY = "trimestral", _("Trimestral")
    SEMIANNUAL = "semestral", _("Semestral")
    ANNUAL = "anual", _("Anual")


# Each frequency as DCAT-US writes it (accrualPeriodicity, an ISO 8601 repeating duration) and as
# the Dublin Core Collection Description Frequency vocabulary names it (DCAT-AP, dct:accrualPeriodicity).
FREQUENCY_TERMS = {
    UpdateFrequency.CONTINUOUS: ("R/PT1S", "http://purl.org/cld/freq/continuous"),
    UpdateFrequency.DAILY: ("R/P1D", "http://purl.org/cld/freq/daily"),
    UpdateFrequency.WEEKLY: ("R/P1W", "http://purl.org/cld/freq/weekly"),
    UpdateFrequency.MONTHLY: ("R/P1M", "http://purl.org/cld/freq/monthly"),
    UpdateFrequency.QUARTERLY: ("R/P3M", "http://purl.org/cld/freq/quarterly"),
    UpdateFrequency.SEMIANNUAL: ("R/P6M", "http://purl.org/cld/freq/semiannual"),
    UpdateFrequency.ANNUAL: ("R/P1Y", "http://purl.org/cld/freq/annual"),
}


class DatasetPage(BasePage):
    """The register as an open dataset. The records, the dictionary, the downloads and the dates
    come from the register itself; editors write the description and the dataset's terms."""

    introduction = models.TextField(
        _("descripción del conjunto de datos"),
        max_length=1500,
        help_text=_(
            "Texto sin formato: se publica también en el catálogo DCAT y en los metadatos schema.org."
        ),
    )
    licence = models.CharField(
        _("licencia"), max_length=20, choices=DatasetLicence.choices, default=DatasetLicence.CC_BY_4
    )
    update_frequency = models.CharField(
        _("frecuencia de actualización"),
        max_length=20,
        choices=UpdateFrequency.choices,
        default=UpdateFrequency.CONTINUOUS,
    )
    contact_name = models.CharField(
        _("dependencia de contacto"),
        max_length=150,
        help_text=_("El nombre de la oficina o del equipo que responde por los datos, no el de una persona."),
    )
    contact_email = models.EmailField(
        _("correo institucional de contacto"), help_text=_("Un buzón institucional, no el de una persona.")
    )
    keywords = models.CharField(
        _("palabras clave"), max_length=255, blank=True, help_text=_("Separadas por comas.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("update_frequency"), FieldPanel("keywords")],
            heading=_("Condiciones del conjunto de datos"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Punto de contacto")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("keywords"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("update_frequency"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("keyword_list"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "El registro de cooperación como datos abiertos: descargas, diccionario de datos, licencia y catálogo DCAT."
    )

    class Meta:
        verbose_name = _("página de datos abiertos")
        verbose_name_plural = _("páginas de datos abiertos")

    @property
    def licence_url(self):
        return LICENCE_URLS[self.licence]

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    @property
    def accrual_periodicity(self):
        return FREQUENCY_TERMS[self.update_frequency][0]

    @property
    def frequency_uri(self):
        return FREQUENCY_TERMS[self.update_frequency][1]

    def get_context(self, request, *args, **kwargs):
        # The open-data package reads the register's models: imported when a page is served.
        from cooperacion.opendata.page import dataset_context

        context = super().get_context(request, *args, **kwargs)
        context.update(dataset_context(self, request))
        return context

    def structured_data(self, request):
        from cooperacion.opendata.catalogue import schema_org_dataset

        return schema_org_dataset(self, request)
