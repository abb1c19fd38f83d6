"""The demo loader: an index and six sheets in each language, linked to public records, once."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest
from bs4 import BeautifulSoup

from buenas_practicas.models import GoodPracticeIndexPage, GoodPracticePage, GoodPracticeRecord
from cooperacion.models import CooperationAction

TEXT_FIELDS = [
    "title",
    "responsible_office",
    "process",
    "team",
    "adapted_from_entity",
    "description",
    "baseline",
    "target_population",
    "scope",
    "contribution",
    "dissemination",
    "other_aspects",
    "future_challenges",
    "sustainability",
    "conclusions",
]


def load():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "sheets": GoodPracticePage.objects.count(),
        "indexes": GoodPracticeIndexPage.objects.count(),
        "records": GoodPracticeRecord.objects.count(),
    }


@pytest.mark.django_db
class TestDemoContent:
    # Each load builds the whole demo site (300 register records included): the tests load sparingly.

    def test_builds_six_sheets_in_each_language_served_listed_and_related(self, client):
        load()
        for language, index_url in (("es", "/es/buenas-practicas/"), ("en", "/en/good-practices/")):
            sheets = GoodPracticePage.objects.live().filter(locale__language_code=language)
            assert sheets.count() == 6, language
            listing = BeautifulSoup(client.get(index_url).content, "html.parser")
            assert len(listing.select(".good-practice-card")) == 6
            for sheet in sheets:
                assert client.get(sheet.url).status_code == 200, sheet.url
                assert sheet.sdgs.exists(), sheet.title
                assert sheet.mipg_policies.exists(), sheet.title
                text = " ".join(str(getattr(sheet, field)) for field in TEXT_FIELDS)
                assert "@" not in text and not re.search(r"\d{7,}", text), sheet.title

        globo = GoodPracticePage.objects.get(slug="sistema-de-informacion-globo")
        english = globo.get_translation(Locale.objects.get(language_code="en")).specific
        assert english.title == "Bogotá Global Information System (GLOBO)"
        assert english.url == "/en/good-practices/globo-information-system/"

        linked = GoodPracticeRecord.objects.filter(page__locale__language_code="es")
        assert linked.exists()
        assert not linked.exclude(action__in=CooperationAction.objects.public()).exists()
        assert set(english.related_records.values_list("action", flat=True)) == set(
            globo.related_records.values_list("action", flat=True)
        )

    def test_running_again_creates_nothing_and_keeps_editors_changes(self):
        load()
        before = counts()
        sheet = GoodPracticePage.objects.get(slug="mesas-tematicas")
        sheet.title = "Las mesas temáticas de la Mesa"
        sheet.save_revision().publish()
        output = load()
        assert counts() == before
        assert "Buenas prácticas" not in output and "GLOBO" not in output
        assert GoodPracticePage.objects.get(slug="mesas-tematicas").title == "Las mesas temáticas de la Mesa"
