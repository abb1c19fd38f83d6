from django.apps import apps

import pytest

from buenas_practicas.models import MipgPolicyCode, sync_mipg_policies
from cooperacion.models.reference import sync_fixed_data
from tests.buenas_practicas.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.conftest import publish, translate


@pytest.fixture
def fixed_data(db):
    """The MIPG policies and the SDGs, whatever the migrations left."""
    sync_mipg_policies(apps)
    sync_fixed_data(apps)


@pytest.fixture
def index(bilingual_site, fixed_data):
    """The good-practice index in Spanish and its English translation."""
    page = publish(GoodPracticeIndexPageFactory(parent=bilingual_site.home))
    page_en = translate(
        page,
        bilingual_site.english,
        title="Good practices",
        slug="good-practices",
        introduction="Public-management practices others can reuse.",
    )
    return page, page_en


@pytest.fixture
def make_sheet(index):
    """A published Spanish sheet under the index; extra keyword arguments go to the factory."""

    def make(**fields):
        fields.setdefault("policies", [MipgPolicyCode.KNOWLEDGE_AND_INNOVATION])
        return publish(GoodPracticePageFactory(parent=index[0], **fields))

    return make
