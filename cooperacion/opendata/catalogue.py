"""The dataset described for machines: its distributions, the schema.org `Dataset` of the dataset
page, and the DCAT catalogue (`/data.json`, DCAT-US 1.1 JSON, what CKAN's harvesters read)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from ..models import CooperationAction, DatasetPage
from .columns import COLUMNS

# The IATI activity file of the public records, for any filter of the search (the IATI export of
# issue 6 serves it).
IATI_PATH = "/datos/iati/actividades.xml"
IATI_STANDARD = "https://iatistandard.org/en/iati-standard/203/"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCHEMA_MEDIA_TYPE = "application/schema+json"
SPATIAL = "Bogotá D.C., Colombia"


def origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def office_name() -> str:
    return _("Oficina Consejería Distrital de Relaciones Internacionales")


@dataclass(frozen=True)
class Distribution:
    key: str
    title: str
    format: str
    media_type: str
    url: str
    # The JSON Schema that describes the columns; the IATI file follows its standard instead.
    described_by: str = ""
    conforms_to: str = ""


def distributions(request, query: QueryDict | None = None) -> list[Distribution]:
    """Every way to download the dataset; with `query`, the downloads of those search filters."""
    base = origin(request)
    schema = base + reverse("opendata_schema")

    def url(path, **extra):
        params = query.copy() if query is not None else QueryDict(mutable=True)
        for key, value in extra.items():
            params[key] = value
        return base + path + ("?" + params.urlencode() if params else "")

    return [
        Distribution(
            "csv",
            _("CSV para hojas de cálculo en español (separador «;», coma decimal)"),
            "CSV",
            "text/csv",
            url(reverse("opendata_csv")),
            described_by=schema,
        ),
        Distribution(
            "csv_rfc4180",
            _("CSV para programas (RFC 4180: separador «,», punto decimal)"),
            "CSV",
            "text/csv",
            url(reverse("opendata_csv"), formato="rfc4180"),
            described_by=schema,
        ),
        Distribution(
            "xlsx", _("Libro de Excel (XLSX)"), "XLSX", XLSX_MEDIA_TYPE, url(reverse("opendata_xlsx")), schema
        ),
        Distribution("json", _("JSON"), "JSON", "application/json", url(reverse("opendata_json")), schema),
        Distribution(
            "iati",
            _("IATI 2.03 (XML de actividades)"),
            "XML",
            "application/xml",
            url(IATI_PATH),
            conforms_to=IATI_STANDARD,
        ),
    ]


@dataclass(frozen=True)
class DatasetFacts:
    count: int
    modified: date | None
    first_year: int | None
    last_year: int | None

    @property
    def temporal(self) -> str:
        """The years the records cover, as an ISO 8601 interval."""
        if self.first_year is None:
            return ""
        return f"{self.first_year}-01-01/{self.last_year}-12-31"


def dataset_facts(request=None) -> DatasetFacts:
    """How many public records, the latest change among them and the years they cover: one query
    (kept on the request, which asks for it twice: the page and its JSON-LD)."""
    cached = getattr(request, "_dataset_facts", None)
    if cached is not None:
        return cached
    found = CooperationAction.objects.public().aggregate(
        count=Count("pk"), modified=Max("updated_at"), first_year=Min("year"), last_year=Max("year")
    )
    facts = DatasetFacts(
        count=found["count"],
        modified=timezone.localdate(found["modified"]) if found["modified"] else None,
        first_year=found["first_year"],
        last_year=found["last_year"],
    )
    if request is not None:
        request._dataset_facts = facts
    return facts


def current_licence_url() -> str:
    """The licence the dataset page states (in the default language), or the default one."""
    page = (
        DatasetPage.objects.live()
        .filter(locale__language_code=Locale.get_default().language_code)
        .only("licence")
        .first()
    )
    return (page or DatasetPage()).licence_url


def _modified(page, facts) -> date:
    return facts.modified or timezone.localdate(page.last_published_at or timezone.now())


def _organisation():
    return {
        "@type": "GovernmentOrganization",
        "name": office_name(),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": "Alcaldía Mayor de Bogotá D.C."},
        "areaServed": {"@type": "City", "name": "Bogotá D.C."},
    }


def schema_org_dataset(page, request) -> dict:
    """The page's schema.org `Dataset` (Google Dataset Search reads it)."""
    facts = dataset_facts(request)
    organisation = _organisation()
    data = {
        "@type": "Dataset",
        "name": page.title,
        "description": page.introduction,
        "url": page.get_full_url(request),
        "license": page.licence_url,
        "isAccessibleForFree": True,
        "inLanguage": ["es", "en"],
        "creator": organisation,
        "publisher": organisation,
        "dateModified": _modified(page, facts).isoformat(),
        "spatialCoverage": {"@type": "Place", "name": SPATIAL},
        "keywords": page.keyword_list,
        "variableMeasured": [
            {"@type": "PropertyValue", "name": column.name, "description": str(column.description)}
            for column in COLUMNS
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": distribution.title,
                "encodingFormat": distribution.media_type,
                "contentUrl": distribution.url,
            }
            for distribution in distributions(request)
        ],
        "includedInDataCatalog": {"@type": "DataCatalog", "url": origin(request) + reverse("dcat_catalogue")},
    }
    if facts.temporal:
        data["temporalCoverage"] = facts.temporal
    return data


# DCAT-US 1.1 -----------------------------------------------------------------------------------

DCAT_US_CONTEXT = "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"
DCAT_US_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
DCAT_US_CATALOG_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema/catalog.json"


def dcat_dataset(page, request, facts: DatasetFacts) -> dict:
    dataset = {
        "@type": "dcat:Dataset",
        "title": page.title,
        "description": page.introduction,
        "keyword": page.keyword_list or [page.title],
        "modified": _modified(page, facts).isoformat(),
        "publisher": {
            "@type": "org:Organization",
            "name": office_name(),
            "subOrganizationOf": {"@type": "org:Organization", "name": "Alcaldía Mayor de Bogotá D.C."},
        },
        "contactPoint": {
            "@type": "vcard:Contact",
            "fn": page.contact_name,
            "hasEmail": f"mailto:{page.contact_email}",
        },
        "identifier": page.get_full_url(request),
        "accessLevel": "public",
        "license": page.licence_url,
        "spatial": SPATIAL,
        "accrualPeriodicity": page.accrual_periodicity,
        "landingPage": page.get_full_url(request),
        "language": ["es", "en"],
        "theme": [_("Relaciones internacionales"), _("Cooperación internacional")],
        "describedBy": origin(request) + reverse("opendata_schema"),
        "describedByType": SCHEMA_MEDIA_TYPE,
        "distribution": [],
    }
    if facts.temporal:
        dataset["temporal"] = facts.temporal
    for distribution in distributions(request):
        entry = {
            "@type": "dcat:Distribution",
            "title": distribution.title,
            "downloadURL": distribution.url,
            "mediaType": distribution.media_type,
            "format": distribution.format,
        }
        if distribution.described_by:
            entry["describedBy"] = distribution.described_by
            entry["describedByType"] = SCHEMA_MEDIA_TYPE
        if distribution.conforms_to:
            entry["conformsTo"] = distribution.conforms_to
        dataset["distribution"].append(entry)
    return dataset


def dcat_catalogue(request) -> dict:
    """One dataset per live dataset page, described by its version in the default language (its
    translations are the same dataset)."""
    default_language = Locale.get_default().language_code
    chosen = {}
    for page in DatasetPage.objects.live().public().select_related("locale").order_by("path"):
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == default_language:
            chosen[page.translation_key] = page
    facts = dataset_facts(request)
    datasets = []
    for page in chosen.values():
        with translation.override(page.locale.language_code):
            datasets.append(dcat_dataset(page, request, facts))
    return {
        "@context": DCAT_US_CONTEXT,
        "@id": origin(request) + reverse("dcat_catalogue"),
        "@type": "dcat:Catalog",
        "conformsTo": DCAT_US_SCHEMA,
        "describedBy": DCAT_US_CATALOG_SCHEMA,
        "dataset": datasets,
    }
