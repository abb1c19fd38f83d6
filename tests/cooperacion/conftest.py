from django.apps import apps

import pytest

from cooperacion.models.reference import sync_fixed_data
from cooperacion.reference_data import load_demo_partners, load_reference_data
from cooperacion.roles import sync_roles


@pytest.fixture
def register_data(db):
    """SDGs, localities, roles, the district's reference lists and the demo partners."""
    sync_fixed_data(apps)
    sync_roles()
    load_reference_data()
    load_demo_partners()
