"""The open-data page (downloads, data dictionary, JSON-LD) and the DCAT catalogue `/data.json`."""

import json
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import (
    ActionType,
    CooperationAction,
    DatasetLicence,
    DatasetPage,
    UpdateFrequency,
)
from cooperacion.opendata.columns import COLUMN_NAMES
from home.models import HomePage
from tests.conftest import publish, translate
from tests.cooperacion.opendata_records import MARKER, build_world

IATI_URL = "http://testserver/datos/iati/actividades.xml"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


class TestCreationRules(WagtailPageTestCase):
    def test_one_dataset_page_under_a_home_page(self):
        self.assertAllowedParentPageTypes(DatasetPage, {HomePage})
        self.assertAllowedSubpageTypes(DatasetPage, {})
        self.assertEqual(DatasetPage.max_count_per_parent, 1)
        self.assertCanNotCreateAt(Page, DatasetPage)

    def test_defaults_to_cc_by_4_and_declares_its_api_fields(self):
        page = DatasetPage()
        self.assertEqual(page.licence, DatasetLicence.CC_BY_4)
        self.assertEqual(page.licence_url, "https://creativecommons.org/licenses/by/4.0/")
        for field in DatasetPage.api_fields:
            self.assertTrue(hasattr(page, field.name), field.name)


@pytest.fixture
def dataset(bilingual_site):
    world = build_world()
    page = DatasetPage(
        title="Datos abiertos del registro",
        slug="datos-abiertos",
        introduction="Las acciones de cooperación que los aliados autorizaron publicar, como datos.",
        update_frequency=UpdateFrequency.MONTHLY,
        contact_name="Equipo de datos de la Consejería",
        contact_email="datos@consejeria.example",
        keywords="cooperación, aliados, ODS",
    )
    bilingual_site.home.add_child(instance=page)
    publish(page)
    english = translate(page, bilingual_site.english, title="Register open data", slug="open-data")
    return world, page, english


class TestDatasetPage:
    def test_figures_terms_and_contact(self, client, dataset):
        world, page, _english = dataset
        response = client.get("/es/datos-abiertos/")
        assert response.status_code == 200
        facts = {
            item.dt.get_text(strip=True): item.dd for item in soup(response).select(".dataset__facts > div")
        }
        assert facts["Registros publicados"].get_text(strip=True) == "3"
        latest = max(timezone.localdate(record.updated_at) for record in world.public)
        assert facts["Última actualización"].time["datetime"] == latest.isoformat()
        assert facts["Frecuencia de actualización"].get_text(strip=True) == "Mensual"
        assert facts["Años que cubre"].get_text(strip=True) == "2022–2025"
        licence = facts["Licencia"].a
        assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/" and licence["rel"] == [
            "license"
        ]
        assert facts["Contacto"].a["href"] == "mailto:datos@consejeria.example"

    def test_the_latest_update_ignores_private_records(self, client, dataset):
        world, _page, _english = dataset
        CooperationAction.objects.filter(pk=world.full.pk).update(
            updated_at=timezone.now().replace(year=2020)
        )
        CooperationAction.objects.filter(pk=world.draft.pk).update(
            updated_at=timezone.now().replace(year=2030)
        )
        ld = json_ld(client.get("/es/datos-abiertos/"))
        others = [world.without_amounts, world.record_only]
        assert (
            ld["dateModified"] == max(timezone.localdate(record.updated_at) for record in others).isoformat()
        )

    def test_a_download_button_per_format(self, client, dataset):
        page = soup(client.get("/es/datos-abiertos/"))
        links = [a["href"] for a in page.select(".dataset__formats a")]
        assert links == [
            "http://testserver/datos/registro.csv",
            "http://testserver/datos/registro.csv?formato=rfc4180",
            "http://testserver/datos/registro.xlsx",
            "http://testserver/datos/registro.json",
            IATI_URL,
        ]
        for href in links[:4]:
            assert client.get(href).status_code == 200, href

    def test_downloads_carry_the_filters_with_a_summary(self, client, dataset):
        world, _page, _english = dataset
        response = client.get(f"/es/datos-abiertos/?type=alianza&type=curso&partner={world.city.pk}&page=3")
        page = soup(response)
        links = [a["href"] for a in page.select(".dataset__formats a")]
        for href in links:
            params = parse_qs(urlsplit(href).query)
            assert params["type"] == ["alianza", "curso"] and params["partner"] == [str(world.city.pk)], href
            assert "page" not in params
        assert parse_qs(urlsplit(links[1]).query)["formato"] == ["rfc4180"]
        summary = page.select_one(".dataset__filters")
        assert summary.select_one("[role=status]").get_text(strip=True) == "Con estos filtros: 1 registro."
        items = [item.get_text(" ", strip=True) for item in summary.select("li")]
        assert items == ["Tipo de acción: Alianza, Curso / capacitación", "Aliado: Ciudad de Quito"]
        refine = summary.find("a", string=re.compile("Cambiar los filtros"))["href"]
        assert refine.startswith("/es/cooperacion/buscar/?") and "type=alianza" in refine
        downloaded = client.get(links[3]).streaming_content
        assert [record["id"] for record in json.loads(b"".join(downloaded))["records"]] == [
            world.without_amounts.pk
        ]

    def test_invalid_filters_answer_400_and_the_buttons_keep_the_valid_ones(self, client, dataset):
        response = client.get("/es/datos-abiertos/?type=alianza&year_from=dosmil")
        assert response.status_code == 400
        page = soup(response)
        assert page.select_one(".error-summary") is not None
        for href in [a["href"] for a in page.select(".dataset__formats a")]:
            assert "type=alianza" in href and "year_from" not in href

    def test_the_dictionary_lists_every_column_with_its_codelist(self, client, dataset):
        page = soup(client.get("/es/datos-abiertos/"))
        rows = page.select(".dataset__table > tbody > tr")
        assert [row.th.get_text(strip=True) for row in rows] == COLUMN_NAMES
        by_name = {row.th.get_text(strip=True): row for row in rows}
        assert by_name["valor"].find_all("td")[0].get_text(strip=True) == "Número decimal"
        types = by_name["tipo"].find("details")
        codes = {
            row.find("code").get_text(): row.find_all("td")[1].get_text()
            for row in types.select(":scope tbody tr")
        }
        assert codes == {value: str(label) for value, label in ActionType.choices}
        assert "(10)" in types.summary.get_text()
        partners = [
            row.find("code").get_text() for row in by_name["aliados"].select(":scope details tbody tr")
        ]
        assert partners == ["Agencia Francesa de Desarrollo, AFD", "Ciudad de Quito"]
        assert by_name["paises"].a["href"].startswith("https://www.iso.org/")
        assert by_name["id"].find_all("td")[-1].get_text(strip=True) == "—"

    def test_nothing_private_on_the_page(self, client, dataset):
        for url in ("/es/datos-abiertos/", "/en/open-data/"):
            response = client.get(url)
            assert response.status_code == 200 and MARKER not in response.content.decode(), url

    def test_the_register_search_links_to_its_results_downloads(self, client, dataset):
        page = soup(client.get("/es/cooperacion/buscar/?type=alianza"))
        links = [a["href"] for a in page.select(".record-results__downloads a")]
        assert links == [
            "/datos/registro.csv?type=alianza",
            "/datos/registro.xlsx?type=alianza",
            "/datos/registro.json?type=alianza",
        ]


class TestStructuredData:
    def test_schema_org_dataset(self, client, dataset):
        world, page, _english = dataset
        data = json_ld(client.get("/es/datos-abiertos/"))
        assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
        assert data["name"] == page.title and data["description"] == page.introduction
        assert data["url"] == "http://testserver/es/datos-abiertos/"
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
        for role in ("creator", "publisher"):
            assert data[role]["@type"] == "GovernmentOrganization"
        assert data["temporalCoverage"] == "2022-01-01/2025-12-31"
        assert data["spatialCoverage"]["name"] == "Bogotá D.C., Colombia"
        assert data["keywords"] == ["cooperación", "aliados", "ODS"]
        assert [variable["name"] for variable in data["variableMeasured"]] == COLUMN_NAMES
        date.fromisoformat(data["dateModified"])
        formats = {(item["encodingFormat"], item["contentUrl"]) for item in data["distribution"]}
        assert formats == {
            ("text/csv", "http://testserver/datos/registro.csv"),
            ("text/csv", "http://testserver/datos/registro.csv?formato=rfc4180"),
            (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "http://testserver/datos/registro.xlsx",
            ),
            ("application/json", "http://testserver/datos/registro.json"),
            ("application/xml", IATI_URL),
        }
        assert all(item["@type"] == "DataDownload" for item in data["distribution"])


DCAT_US_DATASET_REQUIRED = [
    "title",
    "description",
    "keyword",
    "modified",
    "publisher",
    "contactPoint",
    "identifier",
    "accessLevel",
]
ISO_8601_REPEAT = re.compile(r"^R/P(T\d+[HMS]|\d+[DWMY])$")


class TestDcatCatalogue:
    def test_catalogue_follows_dcat_us_1_1(self, client, dataset):
        _world, page, _english = dataset
        response = client.get("/data.json")
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        catalogue = response.json()
        assert catalogue["@context"] == "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"
        assert catalogue["@type"] == "dcat:Catalog"
        assert catalogue["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
        assert catalogue["describedBy"].startswith("https://project-open-data.cio.gov/v1.1/schema/")
        # The page and its translation are one dataset, described in the default language.
        assert len(catalogue["dataset"]) == 1
        dataset = catalogue["dataset"][0]
        for field in DCAT_US_DATASET_REQUIRED:
            assert dataset[field], field
        assert dataset["@type"] == "dcat:Dataset" and dataset["title"] == page.title
        assert isinstance(dataset["keyword"], list) and all(
            isinstance(word, str) for word in dataset["keyword"]
        )
        date.fromisoformat(dataset["modified"])
        assert dataset["publisher"]["@type"] == "org:Organization" and dataset["publisher"]["name"]
        assert dataset["contactPoint"] == {
            "@type": "vcard:Contact",
            "fn": "Equipo de datos de la Consejería",
            "hasEmail": "mailto:datos@consejeria.example",
        }
        assert dataset["identifier"] == dataset["landingPage"] == "http://testserver/es/datos-abiertos/"
        assert dataset["accessLevel"] == "public"
        assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert dataset["accrualPeriodicity"] == "R/P1M" and ISO_8601_REPEAT.match(
            dataset["accrualPeriodicity"]
        )
        assert dataset["temporal"] == "2022-01-01/2025-12-31"
        assert dataset["spatial"] and dataset["theme"]
        assert dataset["language"] == ["es", "en"]
        assert dataset["describedBy"] == "http://testserver/datos/registro.schema.json"

    def test_distributions_have_what_harvesters_need(self, client, dataset):
        distributions = client.get("/data.json").json()["dataset"][0]["distribution"]
        by_url = {item["downloadURL"]: item for item in distributions}
        assert set(by_url) == {
            "http://testserver/datos/registro.csv",
            "http://testserver/datos/registro.csv?formato=rfc4180",
            "http://testserver/datos/registro.xlsx",
            "http://testserver/datos/registro.json",
            IATI_URL,
        }
        for url, item in by_url.items():
            assert item["@type"] == "dcat:Distribution" and item["title"] and item["format"], url
            assert re.match(r"^[-\w]+/[-\w.+]+$", item["mediaType"]), url
        for url in list(by_url)[:4]:
            assert by_url[url]["describedBy"] == "http://testserver/datos/registro.schema.json"
            assert by_url[url]["describedByType"] == "application/schema+json"
            assert client.get(url).status_code == 200, url
        assert by_url[IATI_URL]["conformsTo"] == "https://iatistandard.org/en/iati-standard/203/"

    def test_frequencies_map_to_iso_8601_and_dublin_core(self):
        for frequency in UpdateFrequency:
            page = DatasetPage(update_frequency=frequency)
            assert ISO_8601_REPEAT.match(page.accrual_periodicity), frequency
            assert page.frequency_uri.startswith("http://purl.org/cld/freq/"), frequency

    def test_only_live_pages_and_an_empty_catalogue_without_them(self, client, dataset):
        _world, page, english = dataset
        page.unpublish()
        english.unpublish()
        catalogue = client.get("/data.json").json()
        assert catalogue["dataset"] == []


@pytest.mark.django_db
def test_demo_publishes_the_dataset_page_in_both_languages(client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    spanish = DatasetPage.objects.live().get(locale__language_code="es")
    english = DatasetPage.objects.live().get(locale__language_code="en")
    assert (spanish.slug, english.slug) == ("datos-abiertos", "open-data")
    assert spanish.translation_key == english.translation_key
    assert spanish.contact_email.endswith(".example") and english.contact_email.endswith(".example")
    assert english.introduction != spanish.introduction
    for url in ("/es/datos-abiertos/", "/en/open-data/"):
        assert client.get(url).status_code == 200, url
    catalogue = client.get("/data.json").json()
    assert [dataset["landingPage"] for dataset in catalogue["dataset"]] == [
        "http://testserver/es/datos-abiertos/"
    ]
