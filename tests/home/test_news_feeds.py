"""RSS, Atom and iCalendar feeds: parsed back, per language, without drafts or private pages."""

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from home.ical import escape_text, fold
from tests.conftest import publish, translate
from tests.home.factories import EventPageFactory, NewsIndexPageFactory, NewsPageFactory, bogota

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(bilingual_site):
    index = publish(NewsIndexPageFactory(parent=bilingual_site.home))
    index_en = translate(index, bilingual_site.english, title="News, events and publications", slug="news")
    return index, index_en


@pytest.fixture
def news(news_index, bilingual_site):
    """Two published news items in Spanish (one translated), a draft, a private one and an event."""
    index, _ = news_index
    older = publish(
        NewsPageFactory(parent=index, title="Noticia anterior", slug="anterior", date=date(2026, 1, 5))
    )
    newer = publish(
        NewsPageFactory(
            parent=index,
            title="Bogotá & sus aliados",
            slug="aliados",
            date=date(2026, 2, 1),
            introduction="La Mesa <b>revisa</b> sus avances.",
        )
    )
    translate(newer, bilingual_site.english, title="Bogotá & its partners", slug="partners")
    NewsPageFactory(parent=index, title="Borrador", live=False)
    private = publish(NewsPageFactory(parent=index, title="Privada"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    publish(EventPageFactory(parent=index, title="Un evento, no una noticia"))
    return older, newer


def parse_calendar(content):
    """Unfold the lines (RFC 5545 §3.1) and read each VEVENT as {name: (parameters, value)}."""
    text = content.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines = text.replace("\r\n ", "").split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events, current = [], None
    for line in lines:
        name, value = line.split(":", 1)
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return lines, events


def unescape(value):
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


@pytest.mark.django_db
class TestNewsFeeds:
    def test_rss_has_the_languages_live_public_news_newest_first(self, client, news):
        response = client.get("/es/noticias/rss/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("language") == "es"
        assert channel.findtext("title") == "Noticias, eventos y publicaciones · Bogotá Internacional"
        items = channel.findall("item")
        assert [item.findtext("title") for item in items] == ["Bogotá & sus aliados", "Noticia anterior"]
        first = items[0]
        assert first.findtext("link") == "http://testserver/es/noticias/aliados/"
        assert first.findtext("description") == "La Mesa <b>revisa</b> sus avances."
        assert first.findtext("pubDate").startswith("Sun, 01 Feb 2026 00:00:00 -0500")
        assert first.find("guid").get("isPermaLink") == "false"

    def test_atom_in_english_has_only_english_news(self, client, news):
        response = client.get("/en/news/atom/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Bogotá & its partners"]
        assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/en/news/partners/"
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/en/news/atom/"

    def test_entries_keep_their_id_when_edited_and_differ_per_language(self, client, news):
        _, newer = news

        def ids(url):
            return [
                entry.findtext(f"{ATOM}id")
                for entry in ET.fromstring(client.get(url).content).iter(f"{ATOM}entry")
            ]

        before = ids("/es/noticias/atom/")[0]
        newer.title, newer.slug = "Otro título", "otro-titulo"
        publish(newer)
        assert ids("/es/noticias/atom/")[0] == before
        assert before.startswith("urn:uuid:")
        assert ids("/en/news/atom/")[0] != before

    def test_the_index_links_its_feeds(self, client, news):
        html = BeautifulSoup(client.get("/es/noticias/").content, "html.parser")
        alternates = {link["type"]: link["href"] for link in html.find_all("link", rel="alternate")}
        assert alternates == {
            "application/rss+xml": "/es/noticias/rss/",
            "application/atom+xml": "/es/noticias/atom/",
            "text/calendar": "/es/noticias/calendario/",
        }
        for url in alternates.values():
            assert client.get(url).status_code == 200


@pytest.fixture
def events(news_index, bilingual_site):
    index, _ = news_index
    session = publish(
        EventPageFactory(
            parent=index,
            title="Sesión de la Mesa: avances, retos; próximos pasos",
            slug="sesion",
            start_at=bogota(date(2026, 3, 10), 10),
            end_at=bogota(date(2026, 3, 10), 12, 30),
            introduction="Primera línea.\nSegunda línea, con coma; y punto y coma.",
            place="Auditorio, Secretaría General",
            address="Carrera 8 n.º 10-65",
            online_url="https://example.org/directo",
        )
    )
    translate(
        session, bilingual_site.english, title="Board session", slug="session", introduction="In English."
    )
    EventPageFactory(parent=index, title="Evento en borrador", live=False)
    private = publish(EventPageFactory(parent=index, title="Evento privado"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return session


@pytest.mark.django_db
class TestCalendar:
    def test_the_calendar_lists_the_languages_live_public_events(self, client, events):
        response = client.get("/es/noticias/calendario/")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        lines, vevents = parse_calendar(response.content)
        assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
        assert len(vevents) == 1
        event = vevents[0]
        assert unescape(event["SUMMARY"]) == "Sesión de la Mesa: avances, retos; próximos pasos"
        assert event["DTSTART"] == "20260310T150000Z"
        assert event["DTEND"] == "20260310T173000Z"
        assert datetime.strptime(event["DTSTAMP"], "%Y%m%dT%H%M%SZ")
        assert unescape(event["LOCATION"]) == "Auditorio, Secretaría General, Carrera 8 n.º 10-65"
        assert event["URL"] == "http://testserver/es/noticias/sesion/"
        description = unescape(event["DESCRIPTION"])
        assert description.startswith("Primera línea.\nSegunda línea, con coma; y punto y coma.")
        assert "https://example.org/directo" in description
        # Commas, semicolons and newlines are escaped in the raw text.
        assert "avances\\, retos\\; próximos" in event["SUMMARY"]
        assert "\\n" in event["DESCRIPTION"]

        _, english = parse_calendar(client.get("/en/news/calendario/").content)
        assert [unescape(event["SUMMARY"]) for event in english] == ["Board session"]
        assert english[0]["UID"] != event["UID"]

    def test_uid_is_stable_across_edits_and_shared_with_the_single_download(self, client, events):
        uid = parse_calendar(client.get("/es/noticias/calendario/").content)[1][0]["UID"]
        events.title = "Sesión aplazada"
        events.start_at = datetime(2026, 3, 17, 15, 0, tzinfo=UTC)
        events.end_at = datetime(2026, 3, 17, 17, 0, tzinfo=UTC)
        publish(events)
        _, after = parse_calendar(client.get("/es/noticias/calendario/").content)
        assert after[0]["UID"] == uid
        assert after[0]["DTSTART"] == "20260317T150000Z"
        single = client.get("/es/noticias/sesion/calendario/")
        assert single["Content-Disposition"] == 'attachment; filename="sesion.ics"'
        _, (only,) = parse_calendar(single.content)
        assert only["UID"] == uid and unescape(only["SUMMARY"]) == "Sesión aplazada"

    def test_drafts_and_private_events_offer_no_calendar_file(self, client, events, news_index):
        index, _ = news_index
        draft = index.get_children().get(title="Evento en borrador")
        assert client.get(draft.url + "calendario/").status_code == 404
        private = index.get_children().get(title="Evento privado")
        response = client.get(private.url + "calendario/")
        assert response.status_code == 200 and b"BEGIN:VCALENDAR" not in response.content


class TestCalendarText:
    def test_escaping(self):
        assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"

    def test_short_lines_are_left_alone(self):
        assert fold("SUMMARY:Hola") == "SUMMARY:Hola"

    def test_long_lines_fold_at_75_octets_without_splitting_characters(self):
        line = "SUMMARY:" + "Cooperación internacional en Bogotá, " * 6
        folded = fold(line)
        physical = folded.split("\r\n")
        assert len(physical) > 1
        assert all(len(part.encode("utf-8")) <= 75 for part in physical)
        assert all(part.startswith(" ") for part in physical[1:])
        assert folded.replace("\r\n ", "") == line
