"""The demo loader's news, events and publications."""

from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup

from home.models import EventPage, NewsIndexPage, NewsPage, PublicationPage

MODELS = (NewsIndexPage, NewsPage, EventPage, PublicationPage)


def load():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def counts():
    per_language = {
        (model.__name__, language): model.objects.filter(locale__language_code=language).live().count()
        for model in MODELS
        for language in ("es", "en")
    }
    return {
        **per_language,
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


@pytest.mark.django_db
class TestNewsDemo:
    def test_each_language_gets_its_section_and_items(self, client):
        load()
        for language in ("es", "en"):
            assert counts()[("NewsIndexPage", language)] == 1
            assert counts()[("NewsPage", language)] == 4
            assert counts()[("EventPage", language)] == 3
            assert counts()[("PublicationPage", language)] == 3
        now = timezone.now()
        spanish_events = EventPage.objects.filter(locale__language_code="es")
        assert spanish_events.filter(start_at__gt=now).count() >= 1
        assert spanish_events.filter(end_at__lt=now).count() >= 1
        for publication in PublicationPage.objects.all():
            assert publication.document.file_extension == "pdf"
            assert publication.document.file.read(5) == b"%PDF-"
            assert publication.image is not None and publication.image_alt

        for url in ("/es/noticias/", "/en/news/"):
            response = client.get(url)
            assert response.status_code == 200
            cards = BeautifulSoup(response.content, "html.parser").select(".news-list .news-card")
            assert len(cards) == 10
            for feed in ("rss/", "atom/", "calendario/"):
                assert client.get(url + feed).status_code == 200
        english = EventPage.objects.get(slug="internationalisation-board-session")
        assert english.get_parent().slug == "news"
        assert english.start_at == EventPage.objects.get(slug="sesion-mesa-internacionalizacion").start_at

    def test_running_twice_creates_nothing(self):
        load()
        before = counts()
        load()
        assert counts() == before
