"""Wagtail's API v2 at /api/v2/ for headless use: every page type with its own fields, only live and
public pages, only the images and documents such pages use, and the register's records only
through its public rule."""

import json
from datetime import date

from django.apps import apps

from wagtail.models import Page, PageViewRestriction, get_page_models

import pytest

from buenas_practicas.models import (
    GoodPracticeAnnex,
    GoodPracticeIndexPage,
    GoodPracticePage,
    sync_mipg_policies,
)
from cooperacion.models import (
    DashboardPage,
    DatasetPage,
    ResultPage,
    ResultRecord,
    ResultsIndexPage,
    StrategyPage,
    SupportingDocument,
)
from cooperacion.models.reference import sync_fixed_data
from home.models import (
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicationPage,
    StandardPage,
    TransparencyCategoryPage,
    TransparencyIndexPage,
    TransparencyItemPage,
)
from search.indexing import rebuild
from tests.buenas_practicas.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.conftest import publish, translate
from tests.cooperacion.factories import CooperationActionFactory
from tests.home.factories import (
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationPageFactory,
    StandardPageFactory,
    TransparencyCategoryPageFactory,
    TransparencyIndexPageFactory,
    TransparencyItemPageFactory,
)

PAGES = "/api/v2/pages/"


@pytest.fixture(autouse=True)
def fixed_data(db):
    """The SDGs, localities and MIPG policies, whatever the migrations left."""
    sync_fixed_data(apps)
    sync_mipg_policies(apps)


def news_index(site):
    return publish(NewsIndexPageFactory(parent=site.home))


def results_index(site):
    index = ResultsIndexPage(title="Resultados", slug="resultados", introduction="Logros de las alianzas.")
    site.home.add_child(instance=index)
    return publish(index)


def result_page(index, records=(), **fields):
    page = ResultPage(
        title=fields.pop("title", "Logro de prueba"),
        slug=fields.pop("slug", "logro"),
        date=date(2025, 6, 1),
        summary="Un logro medible.",
        achievements="<p>Se logró algo medible.</p>",
        **fields,
    )
    index.add_child(instance=page)
    for record in records:
        ResultRecord.objects.create(page=page, action=record)
    return publish(page)


def strategy_page(site):
    page = StrategyPage(
        title="Estrategia",
        slug="estrategia",
        version="2025-1",
        effective_date=date(2025, 1, 1),
        introduction="Cómo se relaciona Bogotá con el mundo.",
        vision="<p>Una ciudad abierta.</p>",
        relationship_plan="<p>Plan de relacionamiento.</p>",
        positioning_plan="<p>Plan de posicionamiento.</p>",
    )
    site.home.add_child(instance=page)
    return publish(page)


def plain_page(site):
    return publish(site.home.add_child(instance=Page(title="Página genérica", slug="generica")))


def transparency_category(site):
    index = publish(TransparencyIndexPageFactory(parent=site.home))
    return publish(TransparencyCategoryPageFactory(parent=index, number="1"))


def good_practice_index(site):
    return publish(GoodPracticeIndexPageFactory(parent=site.home))


# One line per page type: how to build a published page of it under the bilingual site. A type
# missing here fails the test below; a helper adding a page type adds its line.
PAGE_FACTORIES = {
    Page: plain_page,
    HomePage: lambda site: site.home,
    StandardPage: lambda site: publish(StandardPageFactory(parent=site.home)),
    NewsIndexPage: news_index,
    NewsPage: lambda site: publish(NewsPageFactory(parent=news_index(site))),
    EventPage: lambda site: publish(EventPageFactory(parent=news_index(site))),
    PublicationPage: lambda site: publish(PublicationPageFactory(parent=news_index(site))),
    StrategyPage: strategy_page,
    ResultsIndexPage: results_index,
    ResultPage: lambda site: result_page(results_index(site)),
    GoodPracticeIndexPage: good_practice_index,
    GoodPracticePage: lambda site: publish(GoodPracticePageFactory(parent=good_practice_index(site))),
    DashboardPage: lambda site: publish(
        site.home.add_child(instance=DashboardPage(title="Cifras", slug="cifras", introduction="En números."))
    ),
    DatasetPage: lambda site: publish(
        site.home.add_child(
            instance=DatasetPage(
                title="Datos abiertos",
                slug="datos-abiertos",
                introduction="El registro como datos.",
                contact_name="Equipo de datos",
                contact_email="datos@consejeria.example",
            )
        )
    ),
    TransparencyIndexPage: lambda site: publish(TransparencyIndexPageFactory(parent=site.home)),
    TransparencyCategoryPage: transparency_category,
    TransparencyItemPage: lambda site: publish(
        TransparencyItemPageFactory(parent=transparency_category(site))
    ),
}


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model._meta.label)
def test_every_page_type_is_served_with_all_its_fields(client, bilingual_site, model):
    build = PAGE_FACTORIES.get(model)
    assert build is not None, f"Add a line for {model._meta.label} to PAGE_FACTORIES in {__file__}."
    page = build(bilingual_site)
    assert page.specific_class is model

    response = client.get(f"{PAGES}{page.pk}/", {"fields": "*"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["type"] == model._meta.label
    assert data["meta"]["html_url"] == page.full_url
    missing = {field.name for field in getattr(model, "api_fields", [])} - set(data)
    assert not missing, f"{model._meta.label} declares API fields the API does not give: {missing}"

    listing = client.get(PAGES, {"type": model._meta.label, "fields": "*"})
    assert listing.status_code == 200, listing.content
    assert page.pk in [item["id"] for item in listing.json()["items"]]


@pytest.fixture
def register_records(db):
    public = CooperationActionFactory(title="Registro público", title_en="Public record")
    hidden = CooperationActionFactory(
        title="Registro sin autorización",
        publication_authorised=False,
        authorisation_date=None,
        authorisation_scope="",
    )
    draft = CooperationActionFactory(title="Registro en borrador", live=False)
    rebuild()
    return public, hidden, draft


def listed(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


class TestPages:
    def test_only_live_public_pages_and_their_live_content(self, client, bilingual_site):
        home = bilingual_site.home
        live = publish(StandardPageFactory(parent=home, title="Versión publicada"))
        live.title = "Cambio sin publicar"
        live.save_revision()
        draft = StandardPageFactory(parent=home, title="Página en borrador", live=False)
        private = publish(StandardPageFactory(parent=home, title="Página con contraseña"))
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secreta123")

        pages = listed(client, "pages")
        assert live.pk in pages and bilingual_site.home_en.pk in pages
        assert not {draft.pk, private.pk} & pages
        assert client.get(f"{PAGES}{live.pk}/").json()["title"] == "Versión publicada"
        for hidden in (draft, private):
            assert client.get(f"{PAGES}{hidden.pk}/").status_code == 404
        text = client.get(PAGES, {"fields": "*", "limit": 100}).content.decode()
        assert "Cambio sin publicar" not in text and "Página en borrador" not in text

    def test_stream_fields_with_renditions_and_expanded_links(self, client, bilingual_site):
        home = bilingual_site.home
        target = publish(StandardPageFactory(parent=home, title="Destino", slug="destino"))
        photo = ImageFactory()
        body = [
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "Buses eléctricos", "caption": "En la 26"},
            },
            {"type": "paragraph", "value": f'<p>Vea <a linktype="page" id="{target.pk}">el destino</a>.</p>'},
        ]
        page = publish(StandardPageFactory(parent=home, body=json.dumps(body)))

        data = client.get(f"{PAGES}{page.pk}/").json()
        image = data["body"][0]["value"]["image"]
        assert image["id"] == photo.pk and image["alt"] == "Buses eléctricos"
        assert ".width-1200." in image["url"] and image["width"] == 800
        assert data["body"][0]["value"]["caption"] == "En la 26"
        assert data["body"][1]["value"] == '<p>Vea <a href="/es/destino/">el destino</a>.</p>'

    def test_news_items_with_their_image_alt_text_dates_and_document(self, client, bilingual_site):
        index = news_index(bilingual_site)
        photo = ImageFactory()
        news = publish(
            NewsPageFactory(parent=index, date=date(2025, 5, 2), image=photo, image_alt="Firma del acuerdo")
        )
        event = publish(EventPageFactory(parent=index, online_url="https://example.org/vivo"))
        publication = publish(PublicationPageFactory(parent=index, publication_language="en"))

        news_data = client.get(f"{PAGES}{news.pk}/").json()
        assert news_data["date"] == "2025-05-02"
        assert (
            news_data["image"]["alt"] == "Firma del acuerdo" and ".width-1200." in news_data["image"]["url"]
        )
        assert news_data["social_image"] is None

        event_data = client.get(f"{PAGES}{event.pk}/").json()
        assert event_data["start_at"].endswith("-05:00") and event_data["attendance_mode"] == "mixed"

        publication_data = client.get(f"{PAGES}{publication.pk}/").json()
        assert publication_data["publication_language"] == "en"
        assert publication_data["document"]["id"] == publication.document_id
        assert publication_data["document"]["meta"]["download_url"].startswith("http://testserver/documents/")

        index_data = client.get(f"{PAGES}{index.pk}/").json()
        assert index_data["feeds"]["rss"] == "http://testserver/es/noticias/rss/"

    def test_a_result_links_only_its_public_records(self, client, bilingual_site, register_records):
        public, hidden, draft = register_records
        index = results_index(bilingual_site)
        body = [{"type": "records", "value": {"title": "Registros", "words": "registro", "limit": 5}}]
        page = result_page(index, records=[public, hidden, draft], body=json.dumps(body))
        page.sdgs.set([11])
        publish(page)

        response = client.get(f"{PAGES}{page.pk}/")
        data = response.json()
        assert data["records"] == [
            {
                "id": public.pk,
                "title": "Registro público",
                "url": f"http://testserver/es/cooperacion/registro/{public.pk}/",
            }
        ]
        assert data["sdgs"] == [{"number": 11, "name": "Ciudades y comunidades sostenibles"}]
        block = data["body"][0]["value"]
        assert [record["id"] for record in block["records"]] == [public.pk]
        assert block["search_url"] == "http://testserver/es/cooperacion/buscar/?q=registro"
        text = response.content.decode()
        assert "sin autorización" not in text and "borrador" not in text
        everything = client.get(f"{PAGES}{page.pk}/", {"fields": "*"}).json()
        assert not {"linked_records", "owner", "locked_by", "latest_revision"} & set(everything)
        for private in ("linked_records", "owner", "live_revision"):
            assert client.get(f"{PAGES}{page.pk}/", {"fields": private}).status_code == 400

        english_index = translate(index, bilingual_site.english, slug="results")
        english = translate(page, bilingual_site.english, title="Achievement", slug="achievement")
        assert english_index.pk != english.pk
        english_data = client.get(f"{PAGES}{english.pk}/").json()
        assert english_data["records"] == [
            {
                "id": public.pk,
                "title": "Public record",
                "url": f"http://testserver/en/cooperation/record/{public.pk}/",
            }
        ]
        assert english_data["sdgs"][0]["name"] == "Sustainable cities and communities"

    def test_a_good_practice_with_its_annexes_policies_and_public_records(
        self, client, bilingual_site, register_records
    ):
        public, hidden, draft = register_records
        index = good_practice_index(bilingual_site)
        sheet = GoodPracticePageFactory(parent=index, sdgs=[4], records=[public, hidden, draft])
        annex = DocumentFactory(title="Manual de la práctica")
        GoodPracticeAnnex.objects.create(page=sheet, document=annex, title="")
        publish(sheet)

        data = client.get(f"{PAGES}{sheet.pk}/").json()
        assert [record["id"] for record in data["records"]] == [public.pk]
        assert client.get(f"{PAGES}{sheet.pk}/", {"fields": "related_records"}).status_code == 400
        assert data["mipg_policies"] == [
            {"code": "conocimiento_innovacion", "name": "Gestión del conocimiento y la innovación"}
        ]
        assert data["sdgs"][0]["number"] == 4
        assert data["annexes"][0]["title"] == "Manual de la práctica"
        assert data["annexes"][0]["document"]["id"] == annex.pk
        assert data["summary"].startswith("Un sistema que reúne")
        assert data["start_date"] == "2024-07-14"

    def test_ids_no_database_can_hold_are_a_404(self, client, bilingual_site):
        for endpoint in ("pages", "images", "documents"):
            assert client.get(f"/api/v2/{endpoint}/{2**63}/").status_code == 404

    def test_cache_validators(self, client, bilingual_site, settings):
        settings.API_CACHE_MAX_AGE = 30
        response = client.get(PAGES)
        assert response["Cache-Control"] == "public, max-age=30" and response.has_header("ETag")
        assert client.get(PAGES, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        publish(StandardPageFactory(parent=bilingual_site.home))
        assert client.get(PAGES, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200

    def test_read_only(self, client, bilingual_site):
        assert client.post(PAGES, {"title": "x"}).status_code == 405


class TestImagesAndDocuments:
    def test_only_what_published_pages_use(self, client, bilingual_site, register_records):
        home = bilingual_site.home
        shown, listing_image, drafted, unused = (ImageFactory() for _ in range(4))
        linked, attached, evidence, supporting, unlinked = (DocumentFactory() for _ in range(5))
        body = [
            {"type": "image", "value": {"image": shown.pk, "alt_text": "Una imagen"}},
            {"type": "paragraph", "value": f'<p><a linktype="document" id="{linked.pk}">Informe</a></p>'},
        ]
        publish(StandardPageFactory(parent=home, body=json.dumps(body)))
        publish(NewsPageFactory(parent=news_index(bilingual_site), image=listing_image, image_alt="Foto"))
        body = [{"type": "image", "value": {"image": drafted.pk, "alt_text": "Aún no"}}]
        StandardPageFactory(parent=home, body=json.dumps(body), live=False)
        sheet = GoodPracticePageFactory(parent=good_practice_index(bilingual_site))
        GoodPracticeAnnex.objects.create(page=sheet, document=attached)
        publish(sheet)
        public = register_records[0]
        public.authorisation_evidence = evidence
        public.save()
        SupportingDocument.objects.create(action=public, document=supporting, public=True)

        assert listed(client, "images") == {shown.pk, listing_image.pk}
        assert listed(client, "documents") == {linked.pk, attached.pk}
        assert client.get(f"/api/v2/images/{shown.pk}/").status_code == 200
        for endpoint, hidden in [
            ("images", drafted),
            ("images", unused),
            ("documents", evidence),
            ("documents", supporting),
            ("documents", unlinked),
        ]:
            assert client.get(f"/api/v2/{endpoint}/{hidden.pk}/").status_code == 404

    def test_an_image_leaves_with_the_page_that_used_it(self, client, bilingual_site):
        photo = ImageFactory()
        body = [{"type": "image", "value": {"image": photo.pk, "alt_text": "Una imagen"}}]
        page = publish(StandardPageFactory(parent=bilingual_site.home, body=json.dumps(body)))
        assert listed(client, "images") == {photo.pk}
        page.unpublish()
        assert listed(client, "images") == set()


@pytest.mark.parametrize(
    "endpoint", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"], ids=["pages", "images", "docs"]
)
@pytest.mark.parametrize(
    "query",
    [
        {"search": '"'},
        {"search": 'a"b', "search_operator": "or"},
        {"search": "x", "search_operator": "xx"},
        {"offset": "9" * 30},
        {"offset": "-1"},
        {"limit": "abc"},
        {"order": "nonexistent"},
        {"first_published_at": "abc"},
        {"child_of": "abc"},
    ],
    ids=lambda query: "&".join(f"{key}={value[:8]}" for key, value in query.items()),
)
def test_what_a_visitor_types_answers_400_or_200_never_500(client, bilingual_site, endpoint, query):
    response = client.get(endpoint, query)
    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    if response.status_code == 400:
        assert response.json()["message"]


def test_a_field_filter_with_an_impossible_date_is_refused_with_the_reason(client, bilingual_site):
    publish(TransparencyItemPageFactory(parent=transparency_category(bilingual_site)))
    response = client.get(PAGES, {"type": "home.TransparencyItemPage", "last_reviewed": "2024-13-45"})
    assert response.status_code == 400
    assert response.json()["message"]
