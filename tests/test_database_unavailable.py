"""The database cannot be reached: every public address answers a friendly 503 (HTML, or JSON on
/api/ and /datos/) with Retry-After, and /healthz says so; a bug that merely involves the database
is still a 500.

The outage is real: the connection is opened against a database file in a folder that does not
exist (SQLite) or a port where nothing listens (PostgreSQL), and the driver's own error is what the
portal sees.
"""

import socket

from django.db import OperationalError, ProgrammingError, connections

import pytest


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_down(django_db_blocker, monkeypatch, tmp_path):
    connection = connections["default"]
    connect = connection.get_new_connection

    def connect_to_nothing(params):
        if connection.vendor == "sqlite":
            return connect({**params, "database": str(tmp_path / "missing" / "db.sqlite3")})
        return connect({**params, "host": "127.0.0.1", "port": closed_port()})

    with django_db_blocker.unblock():
        # The suite's open connection is set aside (an in-memory test database dies when closed).
        suite_connection, connection.connection = connection.connection, None
        monkeypatch.setattr(connection, "get_new_connection", connect_to_nothing)
        try:
            yield
        finally:
            monkeypatch.undo()
            connection.connection = suite_connection


@pytest.mark.parametrize("path", ["/es/", "/en/", "/es/cooperacion/buscar/?q=agua", "/es/noticias/"])
def test_pages_answer_a_static_bilingual_503(client, database_down, path):
    response = client.get(path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert "El portal no está disponible en este momento" in body
    assert "The portal is unavailable right now" in body


@pytest.mark.parametrize(
    "path", ["/api/v1/records/", "/api/v1/records/1/", "/api/v2/pages/", "/datos/registro.csv"]
)
def test_apis_and_downloads_answer_503_json(client, database_down, path):
    response = client.get(path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response.json()["detail"].startswith("El portal no puede consultar sus datos")


def test_healthz_reports_the_outage(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["status"] == "error"


@pytest.mark.django_db
class TestBugsAreNotOutages:
    def test_a_programming_error_is_still_a_500(self, client, bilingual_site, monkeypatch):
        monkeypatch.setattr(
            "cooperacion.public_views.search_records", _raise(ProgrammingError("column does not exist"))
        )
        client.raise_request_exception = False
        assert client.get("/es/cooperacion/buscar/").status_code == 500

    def test_an_operational_error_with_the_database_up_is_still_a_500(
        self, client, bilingual_site, monkeypatch
    ):
        monkeypatch.setattr(
            "cooperacion.public_views.search_records", _raise(OperationalError("no such table: x"))
        )
        client.raise_request_exception = False
        assert client.get("/es/cooperacion/buscar/").status_code == 500


def _raise(error):
    def fail(*args, **kwargs):
        raise error

    return fail
