"""Fixtures shared by every app's tests: two locales and a bilingual site built from factories."""

import io
import os
from dataclasses import dataclass

from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Locale, Page, Site

import hypothesis
import pytest

from tests.home.factories import HomePageFactory

# Property-based tests (hypothesis): a fixed, moderate run by default, the same examples on every
# run; `HYPOTHESIS_PROFILE=fuzz` (make fuzz) searches longer with fresh random examples.
_FUZZ_HEALTH = [
    hypothesis.HealthCheck.function_scoped_fixture,
    hypothesis.HealthCheck.too_slow,
    hypothesis.HealthCheck.data_too_large,
]
hypothesis.settings.register_profile(
    "portal",
    max_examples=100,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=_FUZZ_HEALTH,
)
hypothesis.settings.register_profile(
    "fuzz", max_examples=1500, deadline=None, suppress_health_check=_FUZZ_HEALTH
)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "portal"))


@dataclass
class BilingualSite:
    spanish: Locale
    english: Locale
    home: Page
    home_en: Page
    site: Site


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """The page's translation in `locale`, as the editor's "Translate" action makes it, published."""
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


@pytest.fixture
def bilingual_site(db):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=spanish)
    # Start from an empty tree whatever the migrations left (Wagtail's stub "Welcome" page).
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, locale=spanish)
    publish(home)
    home_en = translate(
        home,
        english,
        title="Bogotá International",
        slug="home",
        hero_title="Bogotá cooperates with the world",
    )
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Bogotá Internacional"
    )
    return BilingualSite(spanish, english, home, home_en, site)


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("es")


@pytest.fixture(autouse=True)
def _empty_caches():
    """Ids are reused after a test's rollback, so what an earlier test cached (an image's
    renditions, a rate-limit count) would belong to another object: every test starts empty."""
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="module")
def demo_site_for_module(django_db_setup, django_db_blocker):
    """The demo site, built once for a whole test module inside a transaction that is rolled back
    at its end: for tests that read many URLs (fuzzing) and change nothing. Its tests still ask
    for `db` (each one's changes roll back to this state)."""
    # Sixty synthetic records instead of the demo's hundreds: every facet has values, pages answer fast.
    with django_db_blocker.unblock(), transaction.atomic(), pytest.MonkeyPatch.context() as patch:
        patch.setattr("cooperacion.demo.DEMO_RECORDS", 60)
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
