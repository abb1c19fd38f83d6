"""Cache headers of the news section, and what publishing purges from a frontend cache."""

import pytest

from tests.conftest import publish
from tests.home.factories import EventPageFactory, NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def news_index(bilingual_site):
    return publish(NewsIndexPageFactory(parent=bilingual_site.home))


@pytest.mark.django_db
def test_visitors_may_cache_the_section_and_its_feeds_but_not_errors(client, news_index):
    event = publish(EventPageFactory(parent=news_index, slug="evento"))
    for url in (
        "/es/noticias/",
        "/es/noticias/rss/",
        "/es/noticias/atom/",
        "/es/noticias/calendario/",
        event.url,
        event.url + "calendario/",
    ):
        assert "public" in client.get(url)["Cache-Control"], url
    assert "public" not in client.get("/es/noticias/?year=abc")["Cache-Control"]


@pytest.mark.django_db
def test_publishing_news_purges_the_section_and_its_feeds(news_index, settings, purge_server):
    url, purged = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    }
    purged.clear()
    publish(NewsPageFactory(parent=news_index, slug="nueva"))
    assert {
        "/es/noticias/nueva/",
        "/es/noticias/",
        "/es/noticias/rss/",
        "/es/noticias/atom/",
        "/es/noticias/calendario/",
    } <= set(purged)
