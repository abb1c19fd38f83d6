"""News, events and publications: where they go, how they read in each language, what they check."""

import json
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from home.models import EventPage, HomePage, NewsIndexPage, NewsPage, PublicationPage, StandardPage
from tests.conftest import publish, translate
from tests.home.factories import (
    DocumentFactory,
    EventPageFactory,
    FooterFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationPageFactory,
    bogota,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def structured_data(response):
    script = soup(response).find("script", type="application/ld+json")
    assert script is not None, "the page has no JSON-LD"
    return json.loads(script.string)


@pytest.fixture
def news_index(bilingual_site):
    index = publish(NewsIndexPageFactory(parent=bilingual_site.home))
    index_en = translate(
        index, bilingual_site.english, title="News, events and publications", slug="news", introduction=""
    )
    return index, index_en


class TestCreationRules(WagtailPageTestCase):
    def test_the_index_goes_under_a_language_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)

    def test_the_index_holds_news_events_and_publications(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, EventPage, PublicationPage})

    def test_items_live_only_in_the_index_and_have_no_children(self):
        for model in (NewsPage, EventPage, PublicationPage):
            self.assertAllowedParentPageTypes(model, {NewsIndexPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(StandardPage, model)


@pytest.mark.django_db
class TestNewsPage:
    def test_reads_in_spanish_and_in_english(self, client, news_index, bilingual_site):
        index, _ = news_index
        image = ImageFactory()
        news = publish(
            NewsPageFactory(
                parent=index,
                title="La Mesa se reúne",
                slug="la-mesa-se-reune",
                date=date(2026, 3, 2),
                introduction="Sesión trimestral de la Mesa.",
                image=image,
                image_alt="Sala de reuniones con los integrantes de la Mesa.",
            )
        )
        translate(
            news,
            bilingual_site.english,
            title="The Board meets",
            slug="the-board-meets",
            introduction="The Board's quarterly session.",
            image_alt="Meeting room with the Board's members.",
        )

        spanish = soup(client.get("/es/noticias/la-mesa-se-reune/"))
        assert spanish.html["lang"] == "es"
        assert spanish.h1.get_text(strip=True) == "La Mesa se reúne"
        when = spanish.find("time")
        assert when["datetime"] == "2026-03-02"
        assert when.get_text(strip=True) == "2 de marzo de 2026"
        assert spanish.find("p", class_="lead").get_text(strip=True) == "Sesión trimestral de la Mesa."
        assert spanish.find("img", alt="Sala de reuniones con los integrantes de la Mesa.")
        assert "Texto de la noticia." in spanish.get_text()

        english = soup(client.get("/en/news/the-board-meets/"))
        assert english.html["lang"] == "en"
        assert english.h1.get_text(strip=True) == "The Board meets"
        assert english.find("time").get_text(strip=True) == "March 2, 2026"
        assert english.find("img", alt="Meeting room with the Board's members.")
        assert english.find("nav", class_="language-switcher").find("a", hreflang="es")["href"] == (
            "/es/noticias/la-mesa-se-reune/"
        )

    def test_an_image_needs_its_alternative_text(self, news_index):
        index, _ = news_index
        with pytest.raises(ValidationError) as error:
            NewsPageFactory(parent=index, image=ImageFactory(), image_alt=" ")
        assert "image_alt" in error.value.message_dict

    def test_structured_data_is_a_news_article_by_the_office(self, client, news_index, bilingual_site):
        index, _ = news_index
        FooterFactory(locale=bilingual_site.spanish)
        publish(
            NewsPageFactory(
                parent=index,
                title="Bogotá se suma a una red de ciudades",
                slug="red",
                date=date(2026, 2, 1),
                image=ImageFactory(),
                image_alt="Logotipo de la red.",
            )
        )
        data = structured_data(client.get("/es/noticias/red/"))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Bogotá se suma a una red de ciudades"
        assert data["datePublished"] == "2026-02-01"
        assert data["dateModified"].endswith("-05:00")
        assert data["inLanguage"] == "es"
        assert data["image"][0].startswith("http://testserver/")
        for role in ("author", "publisher"):
            assert data[role]["@type"] == "GovernmentOrganization"
            assert data[role]["name"] == "Oficina Consejería Distrital de Relaciones Internacionales"
            assert data[role]["url"] == "http://testserver/es/"


@pytest.mark.django_db
class TestEventPage:
    def test_times_are_stored_in_utc_and_shown_in_bogota(self, client, news_index, bilingual_site):
        index, _ = news_index
        event = publish(
            EventPageFactory(
                parent=index,
                title="Jornada de promoción",
                slug="jornada",
                start_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
                end_at=datetime(2026, 3, 10, 17, 30, tzinfo=UTC),
            )
        )
        assert event.start_at == bogota(date(2026, 3, 10), 10)
        translate(event, bilingual_site.english, title="Promotion session", slug="promotion-session")

        spanish = soup(client.get("/es/noticias/jornada/"))
        start, end = spanish.find("dl", class_="event-facts").find_all("time")
        assert start["datetime"] == "2026-03-10T10:00:00-05:00"
        assert start.get_text(strip=True) == "10 de marzo de 2026, 10:00"
        assert end["datetime"] == "2026-03-10T12:30:00-05:00"
        assert end.get_text(strip=True) == "12:30"
        english = soup(client.get("/en/news/promotion-session/"))
        start, end = english.find("dl", class_="event-facts").find_all("time")
        assert start["datetime"] == "2026-03-10T10:00:00-05:00"
        assert start.get_text(strip=True) == "March 10, 2026, 10 a.m."
        assert end.get_text(strip=True) == "12:30 p.m."

    def test_times_entered_in_the_admin_are_bogota_time(self, client, news_index, django_user_model):
        index, _ = news_index
        client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))
        response = client.post(
            f"/admin/pages/add/home/eventpage/{index.pk}/",
            {
                "title": "Taller para enlaces",
                "slug": "taller",
                "start_at": "2026-04-20 08:00",
                "end_at": "2026-04-20 11:00",
                "introduction": "Un taller práctico.",
                "place": "Sede de la Secretaría General",
                "body-count": "0",
                "action-publish": "publish",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        event = EventPage.objects.get(slug="taller")
        assert event.start_at == datetime(2026, 4, 20, 13, 0, tzinfo=UTC)
        assert event.live

    def test_an_event_ends_after_it_starts(self, client, news_index, django_user_model):
        index, _ = news_index
        start = bogota(date(2026, 5, 4), 9)
        for end in (start, start - timedelta(hours=1)):
            with pytest.raises(ValidationError) as error:
                EventPageFactory(parent=index, start_at=start, end_at=end)
            assert error.value.message_dict["end_at"] == ["El evento debe terminar después de empezar."]

        client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))
        response = client.post(
            f"/admin/pages/add/home/eventpage/{index.pk}/",
            {
                "title": "Al revés",
                "slug": "al-reves",
                "start_at": "2026-04-20 11:00",
                "end_at": "2026-04-20 08:00",
                "introduction": "x",
                "place": "Sede",
                "body-count": "0",
            },
        )
        assert response.status_code == 200
        assert response.context["form"].errors["end_at"] == ["El evento debe terminar después de empezar."]
        assert not EventPage.objects.filter(slug="al-reves").exists()

    def test_an_event_says_where_it_is(self, news_index):
        index, _ = news_index
        with pytest.raises(ValidationError) as error:
            EventPageFactory(parent=index, place="", address="", online_url="")
        assert "place" in error.value.message_dict
        online = EventPageFactory(parent=index, place="", online_url="https://example.org/directo")
        assert online.get_attendance_mode_display() == "Virtual"

    def test_past_events_say_so_and_stop_offering_registration(self, client, news_index):
        index, _ = news_index
        yesterday = timezone.localdate() - timedelta(days=1)
        publish(
            EventPageFactory(
                parent=index,
                slug="pasado",
                start_at=bogota(yesterday, 9),
                end_at=bogota(yesterday, 11),
                registration_url="https://example.org/inscripcion",
            )
        )
        html = soup(client.get("/es/noticias/pasado/"))
        assert "Este evento ya se realizó." in html.get_text()
        assert not html.find("a", href="https://example.org/inscripcion")

    @pytest.mark.parametrize(
        ("place", "online_url", "mode", "locations"),
        [
            ("Auditorio", "", "https://schema.org/OfflineEventAttendanceMode", ["Place"]),
            (
                "",
                "https://example.org/directo",
                "https://schema.org/OnlineEventAttendanceMode",
                ["VirtualLocation"],
            ),
            (
                "Auditorio",
                "https://example.org/directo",
                "https://schema.org/MixedEventAttendanceMode",
                ["Place", "VirtualLocation"],
            ),
        ],
    )
    def test_structured_data_is_an_event(self, client, news_index, place, online_url, mode, locations):
        index, _ = news_index
        publish(
            EventPageFactory(
                parent=index,
                title="Sesión de la Mesa",
                slug="sesion",
                start_at=bogota(date(2026, 6, 1), 9),
                end_at=bogota(date(2026, 6, 1), 12),
                place=place,
                online_url=online_url,
            )
        )
        data = structured_data(client.get("/es/noticias/sesion/"))
        assert data["@type"] == "Event"
        assert data["name"] == "Sesión de la Mesa"
        assert data["startDate"] == "2026-06-01T09:00:00-05:00"
        assert data["endDate"] == "2026-06-01T12:00:00-05:00"
        assert data["eventAttendanceMode"] == mode
        location = data["location"] if isinstance(data["location"], list) else [data["location"]]
        assert [item["@type"] for item in location] == locations
        if online_url:
            assert location[-1]["url"] == online_url
        assert data["organizer"]["@type"] == "GovernmentOrganization"

    def test_offers_the_event_as_a_calendar_file(self, client, news_index):
        index, _ = news_index
        publish(EventPageFactory(parent=index, slug="sesion"))
        link = soup(client.get("/es/noticias/sesion/")).find("a", type="text/calendar")
        assert link["href"] == "/es/noticias/sesion/calendario/"
        response = client.get(link["href"])
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="sesion.ics"'


@pytest.mark.django_db
class TestPublicationPage:
    def test_offers_its_document_and_says_its_language(self, client, news_index, bilingual_site):
        index, _ = news_index
        document = DocumentFactory(title="Lineamiento")
        publication = publish(
            PublicationPageFactory(
                parent=index,
                title="Lineamiento de asistencia técnica",
                slug="lineamiento",
                document=document,
                year=2025,
                publication_language="es",
                image=ImageFactory(),
                image_alt="Portada roja del lineamiento.",
            )
        )
        translate(
            publication, bilingual_site.english, title="Technical assistance guidelines", slug="guidelines"
        )

        spanish = soup(client.get("/es/noticias/lineamiento/"))
        assert spanish.h1.get_text(strip=True) == "Lineamiento de asistencia técnica"
        download = spanish.find("a", href=document.url)
        assert download is not None and download.has_attr("download")
        facts = spanish.find("dl", class_="event-facts").get_text(" ", strip=True)
        assert "2025" in facts and "Español" in facts
        assert spanish.find("img", alt="Portada roja del lineamiento.")
        assert client.get(document.url).status_code == 200

        english = soup(client.get("/en/news/guidelines/"))
        assert english.h1.get_text(strip=True) == "Technical assistance guidelines"
        assert english.find("a", href=document.url)

    def test_structured_data_is_a_creative_work_with_its_file(self, client, news_index):
        index, _ = news_index
        document = DocumentFactory()
        publish(
            PublicationPageFactory(
                parent=index, title="Informe anual", slug="informe", document=document, year=2024
            )
        )
        data = structured_data(client.get("/es/noticias/informe/"))
        assert data["@type"] == "CreativeWork"
        assert data["name"] == "Informe anual"
        assert data["datePublished"] == "2024"
        assert data["inLanguage"] == "es"
        assert data["encoding"]["contentUrl"] == f"http://testserver{document.url}"
        assert data["publisher"]["@type"] == "GovernmentOrganization"

    def test_year_must_be_plausible(self, news_index):
        index, _ = news_index
        with pytest.raises(ValidationError) as error:
            PublicationPageFactory(parent=index, year=1800)
        assert "year" in error.value.message_dict


class TestPreview(WagtailPageTestCase):
    @pytest.fixture(autouse=True)
    def _pages(self, news_index):
        index, _ = news_index
        self.index = index
        self.news = publish(NewsPageFactory(parent=index))
        self.event = publish(EventPageFactory(parent=index))
        self.publication = publish(PublicationPageFactory(parent=index))

    def test_every_kind_is_renderable_and_previewable(self):
        common = {"title": "Vista previa", "slug": "vista-previa"}
        cases = [
            (self.index, {"introduction": "Intro"}),
            (self.news, {"date": "2026-03-02", "introduction": "Intro", "body": streamfield([])}),
            (
                self.event,
                {
                    "start_at": "2026-03-10 10:00",
                    "end_at": "2026-03-10 12:00",
                    "introduction": "Intro",
                    "place": "Auditorio",
                    "body": streamfield([]),
                },
            ),
            (
                self.publication,
                {
                    "summary": "Resumen",
                    "year": "2025",
                    "publication_language": "es",
                    "document": str(self.publication.document_id),
                },
            ),
        ]
        for page, fields in cases:
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page, post_data=nested_form_data({**common, **fields}))
