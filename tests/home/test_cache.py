"""Cache headers of public pages and purging a frontend cache when content is published."""

from django.contrib.auth import get_user_model

from tests.conftest import publish
from tests.home.factories import StandardPageFactory


def test_visitors_get_pages_a_cdn_may_keep(client, bilingual_site, settings):
    settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_SHARED_MAX_AGE = 120, 900
    response = client.get("/es/")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=120", "s-maxage=900"}


def test_editors_and_missing_pages_are_never_cached(client, bilingual_site):
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "x"))
    assert "private" in client.get("/es/")["Cache-Control"]
    client.logout()
    assert "public" not in client.get("/es/no-existe/").get("Cache-Control", "")


def test_publishing_purges_the_page_and_the_listings_above_it(bilingual_site, settings, purge_server):
    url, purged = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    }
    section = publish(StandardPageFactory(parent=bilingual_site.home, title="Sección", slug="seccion"))
    purged.clear()
    page = StandardPageFactory(parent=section, title="Noticia", slug="noticia")
    publish(page)
    assert {"/es/seccion/noticia/", "/es/seccion/", "/es/"} <= set(purged)
