"""The server's page cache for anonymous visitors (home.cache.PageCacheMiddleware)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from home.cache import current_generation
from tests.conftest import publish
from tests.cooperacion.factories import CooperationActionFactory
from tests.home.factories import StandardPageFactory


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def section(bilingual_site):
    return publish(StandardPageFactory(parent=bilingual_site.home, title="Alianzas", slug="alianzas"))


def test_the_second_visitor_gets_the_stored_copy_with_every_header(client, section, page_cache):
    first = client.get("/es/alianzas/")
    second = client.get("/es/alianzas/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    for header in ("Content-Type", "Content-Language", "Cache-Control", "X-Frame-Options"):
        assert second[header] == first[header]
    # Added around the cache on every response, stored or not.
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]
    assert second["X-Content-Type-Options"] == "nosniff"
    assert "public" in second["Cache-Control"]


def test_turned_off_with_zero_seconds(client, section, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/es/alianzas/")
    assert "X-Page-Cache" not in client.get("/es/alianzas/")


def test_editors_always_get_the_live_answer(client, section, page_cache):
    client.get("/es/alianzas/")
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "x"))
    response = client.get("/es/alianzas/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_publishing_a_page_shows_it_at_once(client, section, page_cache):
    client.get("/es/alianzas/")
    section.title = "Alianzas internacionales"
    publish(section)
    response = client.get("/es/alianzas/")
    assert response["X-Page-Cache"] == "miss"
    assert "Alianzas internacionales" in response.content.decode()


def test_unpublishing_a_page_removes_it_at_once(client, section, page_cache):
    client.get("/es/alianzas/")
    section.unpublish()
    assert client.get("/es/alianzas/").status_code == 404


def test_a_record_unpublished_or_edited_is_never_served_stale(client, bilingual_site, page_cache):
    record = CooperationActionFactory(title="Buses eléctricos")
    url = reverse("record_detail", args=[record.pk])
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    record.title = "Buses eléctricos para el sur"
    record.save()
    assert "Buses eléctricos para el sur" in client.get(url).content.decode()
    record.unpublish()
    assert client.get(url).status_code == 404


def test_each_language_and_query_string_has_its_copy(client, section, bilingual_site, page_cache):
    spanish, english = client.get("/es/"), client.get("/en/")
    assert (spanish["X-Page-Cache"], english["X-Page-Cache"]) == ("miss", "miss")
    assert client.get("/en/")["Content-Language"] == "en"
    assert client.get("/es/")["Content-Language"] == "es"
    assert client.get("/es/?a=1")["X-Page-Cache"] == "miss"


def test_the_api_keeps_one_copy_per_language(client, bilingual_site, page_cache):
    CooperationActionFactory()
    client.get("/api/v1/records/", HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/api/v1/records/", HTTP_ACCEPT_LANGUAGE="es")
    assert (response["X-Page-Cache"], response["Content-Language"]) == ("miss", "es")
    assert client.get("/api/v1/records/", HTTP_ACCEPT_LANGUAGE="en")["X-Page-Cache"] == "hit"


def test_errors_and_limits_are_never_stored(client, bilingual_site, page_cache, settings):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/es/no-existe/")
        assert "X-Page-Cache" not in client.get("/es/cooperacion/buscar/?year_from=abc")
    settings.SEARCH_THROTTLE_RATE = "1/min"
    client.get("/es/cooperacion/buscar/?q=agua")
    refused = client.get("/es/cooperacion/buscar/?q=agua2")
    assert refused.status_code == 429
    assert "X-Page-Cache" not in refused


def test_responses_that_set_a_cookie_or_forbid_sharing_are_never_stored(client, section, page_cache):
    # The site search is never_cache (private, no-store) for browsers and CDNs: the server too.
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/es/buscar/?q=alianzas")
    client.get("/es/alianzas/")
    assert client.get("/es/alianzas/")["X-Page-Cache"] == "hit"


def test_a_page_that_sets_a_cookie_is_not_stored(client, section, page_cache):
    # A password-protected page answers its form, with a CSRF cookie: each visitor their own.
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="clave")
    for _ in range(2):
        response = client.get("/es/alianzas/")
        assert response.status_code == 200 and "csrftoken" in response.cookies
        assert "X-Page-Cache" not in response


def test_public_visits_change_nothing_that_invalidates(client, section, page_cache):
    client.get("/es/alianzas/")
    before = current_generation()
    client.get("/es/")
    client.get("/es/alianzas/")
    client.get("/en/")
    assert current_generation() == before
