"""schemathesis against the register API's own OpenAPI schema (what /api/v1/schema/ serves),
in-process over the WSGI application: generated requests, valid and invalid, to every operation;
no answer may be a server error, invalid input must be refused, and every answer must match the
schema (status code, content type, headers, body). The demo site is built once for the module."""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

# The schema view's own generator, at collection time (it reads no data).
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()


@pytest.fixture
def register_api(demo_site_for_module, db):
    # As Django's test client does: the request signals would close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(settings.default)  # the suite's profile (tests/conftest.py)
def test_the_register_api_keeps_its_schema_and_never_fails(register_api, case):
    # Every check but "schema-valid data is accepted": the filters take ids of partners, entities,
    # sectors and tables that public records use, a set the schema cannot list, and `q` must hold a
    # word; such requests are refused with 400 and the reason, as they should be.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
