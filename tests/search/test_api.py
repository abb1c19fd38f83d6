"""The register API at /api/v1/: the public search as JSON (on both engines), each public record in
full, and what every answer shares: validation, cache validators, CORS, the rate limit, the schema."""

import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import (
    AuthorisationScope,
    CooperationAction,
    EntityLiaison,
    ResultIndicator,
    SupportingDocument,
)
from search.documents import FACETS
from search.filters import RecordSearchFilterSet
from tests.cooperacion.factories import CooperationActionFactory
from tests.home.factories import DocumentFactory

LIST = "/api/v1/records/"
SEARCH_PAGE = "/es/cooperacion/buscar/"
MARKER = "MARCA-PRIVADA-7f3a"


def detail_url(record):
    return f"{LIST}{record.pk}/"


def page_ids(client, params):
    """The records the public search page lists for these parameters, in its order."""
    page = BeautifulSoup(client.get(SEARCH_PAGE, params).content, "html.parser")
    return [int(re.search(r"/(\d+)/$", link["href"]).group(1)) for link in page.select(".record-card h3 a")]


def api_ids(client, params):
    response = client.get(LIST, params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def database_only(test):
    """Behaviour of the HTTP layer, the same whatever engine answers the search."""
    return pytest.mark.parametrize("engine", ["database"], indirect=True)(test)


class TestRecordList:
    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"q": "alianza"},
            {"q": "movilidad", "sort": "newest"},
            {"type": "alianza"},
            {"sdg": ["11", "13"]},
            {"partner_type": "gobierno_local", "year_from": "2023"},
            {"country": "FR"},
            {"status": "identificada", "sort": "amount"},
            {"year_from": "2022", "year_to": "2024"},
        ],
    )
    def test_lists_what_the_public_search_page_lists(self, client, world, params):
        listed = api_ids(client, params)
        assert listed == page_ids(client, params)
        # The FilterSet's own queryset (django-filter's path) agrees on the records.
        filterset = RecordSearchFilterSet(
            QueryDict(urlencode(params, doseq=True)), queryset=CooperationAction.objects.public()
        )
        assert set(listed) == set(filterset.qs.values_list("pk", flat=True))

    def test_filters_by_ids_of_partners_entities_sectors_and_tables(self, client, world):
        cases = [
            ({"partner": world.partners["afd"].pk}, {"R1", "R5"}),
            ({"entity": world.entities["mov"].pk}, {"R1", "R4"}),
            ({"sector": world.sectors["amb"].pk}, {"R2", "R4", "R5"}),
            ({"thematic_table": world.tables["t1"].pk}, {"R1", "R3"}),
        ]
        for params, expected in cases:
            listed = api_ids(client, params)
            assert {world.title_of(pk) for pk in listed} == expected
            assert listed == page_ids(client, params)

    def test_results_facets_and_pages(self, client, world):
        data = client.get(LIST, {"type": "alianza", "page_size": 1}).json()
        assert (data["count"], data["page"], data["page_size"], data["num_pages"]) == (2, 1, 1, 2)
        assert data["engine"] == world.engine and data["degraded"] is False
        assert set(data["facets"]) == set(FACETS)
        type_counts = {bucket["value"]: bucket["count"] for bucket in data["facets"]["type"]["buckets"]}
        assert type_counts == {"alianza": 2, "asistencia_tecnica": 1, "buenas_practicas": 1, "curso": 1}
        alliance = next(b for b in data["facets"]["type"]["buckets"] if b["value"] == "alianza")
        assert alliance == {"value": "alianza", "label": "Alianza", "count": 2, "selected": True}
        assert data["facets"]["type"]["label"] == "Tipo de acción"

        first = data["results"][0]
        record = CooperationAction.objects.get(pk=first["id"])
        assert first["url"] == f"http://testserver/api/v1/records/{record.pk}/"
        assert first["sheet_urls"] == {
            "es": f"http://testserver/es/cooperacion/registro/{record.pk}/",
            "en": f"http://testserver/en/cooperation/record/{record.pk}/",
        }
        assert first["type"] == {"code": "alianza", "label": "Alianza"}
        assert data["previous"] is None
        assert data["next"] == "http://testserver/api/v1/records/?type=alianza&page_size=1&page=2"

        second = client.get(data["next"]).json()
        assert second["next"] is None and second["previous"].endswith("page=1")
        both = [first["id"], second["results"][0]["id"]]
        assert both == api_ids(client, {"type": "alianza"})

    def test_words_are_marked_only_when_there_are_words(self, client, world):
        found = client.get(LIST, {"q": "cursos"}).json()["results"]
        assert [item["title"] for item in found] == ["Curso de gestión del riesgo"]
        assert found[0]["highlights"] == {
            "title": "<mark>Curso</mark> de gestión del riesgo",
            "summary": "<mark>Curso</mark> para equipos distritales sobre gestión del riesgo de desastres.",
        }
        assert all(item["highlights"] is None for item in client.get(LIST).json()["results"])

    def test_labels_follow_the_request_language(self, client, world):
        data = client.get(LIST, {"type": "alianza"}, HTTP_ACCEPT_LANGUAGE="en").json()
        assert data["results"][0]["type"] == {"code": "alianza", "label": "Alliance"}
        assert data["facets"]["type"]["label"] == "Action type"

    def test_private_records_are_never_listed(self, client, world):
        private = {world.records["draft"].pk, world.records["unauthorised"].pk}
        for params in ({}, {"q": "secreta"}, {"q": "autorizada"}, {"partner": world.partners["afd"].pk}):
            response = client.get(LIST, params)
            assert not private & {item["id"] for item in response.json()["results"]}
            assert "Cooperación secreta" not in response.content.decode()

    def test_a_partner_known_only_from_private_records_is_not_a_choice(self, client, world):
        from cooperacion.models import Partner

        secret = Partner.objects.create(name="Aliado Reservado SA", partner_type="empresa_privada")
        world.records["draft"].partner_links.create(partner=secret)
        response = client.get(LIST, {"partner": secret.pk})
        assert response.status_code == 400 and "Aliado Reservado" not in response.content.decode()

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"type": "no_existe"}, "type"),
            ({"year_from": "2030", "year_to": "2020"}, "year_to"),
            ({"page": "501", "page_size": "20"}, "page"),
            ({"page": "abc"}, "page"),
            ({"partner": str(2**63)}, "partner"),
            ({"entity": str(2**64)}, "entity"),
            ({"sdg": "99"}, "sdg"),
            ({"page_size": "101"}, "page_size"),
            ({"q": "x" * 10_000}, "q"),
            ({"sort": "oldest"}, "sort"),
        ],
    )
    def test_invalid_parameters_are_a_400_that_says_which(self, client, world, params, field):
        response = client.get(LIST, params)
        assert response.status_code == 400
        body = response.json()
        assert body["detail"] == "Parámetros no válidos."
        assert body["errors"][field][0]["message"]

    def test_a_page_past_the_last_is_empty_not_an_error(self, client, world):
        data = client.get(LIST, {"page": 9}).json()
        assert (data["count"], data["results"], data["next"]) == (5, [], None)

    def test_suggestions(self, client, world):
        data = client.get("/api/v1/records/suggest/", {"q": "curso"}).json()
        assert [item["title"] for item in data["suggestions"]] == ["Curso de gestión del riesgo"]
        assert client.get("/api/v1/records/suggest/").status_code == 400


@pytest.fixture
def register(db):
    """Records with every kind of data the sheet shows, and private data that must never leave."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    from cooperacion.models import (
        DevelopmentPlanTarget,
        DistrictEntity,
        Partner,
        Sector,
        ThematicTable,
        TransversalAxis,
    )
    from cooperacion.models.reference import sync_fixed_data

    sync_fixed_data(apps)
    sector = Sector.objects.create(name="Movilidad", name_en="Mobility")
    entity = DistrictEntity.objects.create(
        name="Secretaría de Movilidad", name_en="Mobility Secretariat", acronym="SDM", sector=sector
    )
    partner = Partner.objects.create(
        name="Agencia Francesa de Desarrollo",
        acronym="AFD",
        partner_type="gobierno_internacional",
        country="FR",
        website="https://www.afd.fr",
    )
    liaison = get_user_model().objects.create_user(
        "enlace-api", email=f"{MARKER}@example.org", first_name=MARKER, password="x" * 16
    )
    EntityLiaison.objects.create(user=liaison, entity=entity)
    table = ThematicTable.objects.create(name="Mesa de movilidad", name_en="Mobility table")
    axis = TransversalAxis.objects.create(name="Eje de género", name_en="Gender axis")
    target = DevelopmentPlanTarget.objects.create(code="M-1", programme="Programa uno", target="Meta uno")

    def record(scope, **fields):
        action = CooperationActionFactory(
            authorisation_scope=scope,
            internal_notes=MARKER,
            authorisation_evidence=DocumentFactory(title=f"Soporte {MARKER}"),
            amount=Decimal("1000.00"),
            currency="USD",
            exchange_rate_cop=Decimal("4000"),
            usd_rate_cop=Decimal("4000"),
            exchange_rate_date=datetime(2025, 3, 1).date(),
            results="Se formaron 40 personas.",
            results_en="40 people were trained.",
            thematic_table=table,
            development_plan_target=target,
            citywide=False,
            countries=["FR", "CO"],
            partners=[partner],
            entities=[entity],
            **fields,
        )
        action.sdgs.set([11, 13])
        action.transversal_axes.set([axis])
        action.localities.set(["01"])
        action.save()
        ResultIndicator.objects.create(action=action, name="Personas formadas", value=40, unit="personas")
        SupportingDocument.objects.create(
            action=action, document=DocumentFactory(title="Informe público"), public=True
        )
        SupportingDocument.objects.create(
            action=action, document=DocumentFactory(title=f"Borrador {MARKER}"), public=False
        )
        return action

    return {
        "full": record(AuthorisationScope.FULL, title="Cooperación completa", title_en="Full cooperation"),
        "without_amounts": record(AuthorisationScope.WITHOUT_AMOUNTS, title="Cooperación sin montos"),
        "record_only": record(AuthorisationScope.RECORD_ONLY, title="Cooperación solo registro"),
        "draft": record(AuthorisationScope.FULL, title="Cooperación en borrador", live=False),
        "unauthorised": record(
            "", title="Cooperación no autorizada", publication_authorised=False, authorisation_date=None
        ),
    }


class TestRecordDetail:
    def test_a_public_record_in_full(self, client, register):
        record = register["full"]
        response = client.get(detail_url(record))
        assert response.status_code == 200
        data = response.json()
        assert data["id"] == record.pk and data["url"] == f"http://testserver{detail_url(record)}"
        assert data["sheet_urls"]["en"] == f"http://testserver/en/cooperation/record/{record.pk}/"
        assert (data["title"], data["title_en"]) == ("Cooperación completa", "Full cooperation")
        assert data["type"] == {"code": "asistencia_tecnica", "label": "Asistencia técnica"}
        assert data["instrument_kind"] is None
        assert data["status"]["code"] == "identificada" and data["dimension"]["code"] == "cooperacion"
        assert (data["date_identified"], data["year"]) == ("2025-03-01", 2025)
        assert data["partners"] == [
            {
                "id": record.partner_links.get().partner_id,
                "name": "Agencia Francesa de Desarrollo",
                "acronym": "AFD",
                "type": {"code": "gobierno_internacional", "label": "Gobierno internacional"},
                "country": {"code": "FR", "name": "Francia"},
                "website": "https://www.afd.fr",
                "role": {"code": "contraparte", "label": "Contraparte"},
            }
        ]
        assert data["entities"][0]["acronym"] == "SDM"
        assert data["entities"][0]["sector"]["name_en"] == "Mobility"
        assert [sector["name"] for sector in data["sectors"]] == ["Movilidad"]
        assert [goal["number"] for goal in data["sdgs"]] == [11, 13]
        assert data["thematic_table"]["name_en"] == "Mobility table"
        assert data["transversal_axes"][0]["name"] == "Eje de género"
        assert data["development_plan_target"]["code"] == "M-1"
        assert data["localities"] == [{"code": "01", "name": "Usaquén"}]
        assert {country["code"] for country in data["countries"]} == {"FR", "CO"}
        assert data["amounts"]["amount"] == "1000.00" and data["amounts"]["currency"] == "USD"
        assert data["amounts"]["amount_cop"] == "4000000.00"
        assert data["results"]["text_en"] == "40 people were trained."
        assert data["results"]["indicators"][0]["name"] == "Personas formadas"
        assert [document["title"] for document in data["documents"]] == ["Informe público"]
        assert data["documents"][0]["url"].startswith("http://testserver/documents/")
        assert data["authorisation"] == {
            "date": "2025-04-01",
            "scope": {"code": "completa", "label": "El registro, sus montos y sus resultados"},
        }

    def test_nothing_private_leaves(self, client, register):
        response = client.get(detail_url(register["full"]))
        text = response.content.decode()
        assert MARKER not in text
        assert not {"internal_notes", "authorisation_evidence", "liaison", "publication_authorised"} & set(
            response.json()
        )

    def test_amounts_and_results_follow_the_authorisation(self, client, register):
        without_amounts = client.get(detail_url(register["without_amounts"])).json()
        assert without_amounts["amounts"] is None
        assert without_amounts["results"]["text"] == "Se formaron 40 personas."
        assert "1000" not in json.dumps(without_amounts)

        record_only = client.get(detail_url(register["record_only"])).json()
        assert (record_only["amounts"], record_only["results"], record_only["documents"]) == (None, None, [])
        assert "40" not in json.dumps(record_only["partners"])

    @pytest.mark.parametrize("key", ["draft", "unauthorised"])
    def test_private_records_are_a_json_404(self, client, register, key):
        response = client.get(detail_url(register[key]))
        assert response.status_code == 404
        assert response.json() == {"detail": "No encontrado."}

    @pytest.mark.parametrize("path", [str(2**63), str(2**64), "abc", "-1", "1.5"])
    def test_addresses_that_are_not_ids_are_a_json_404(self, client, register, path):
        response = client.get(f"{LIST}{path}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"

    def test_a_record_costs_the_same_queries_however_much_it_holds(self, client, register):
        from cooperacion.models import ActionEntity, ActionPartner, DistrictEntity, Partner

        record = register["full"]
        with CaptureQueriesContext(connection) as before:
            client.get(detail_url(record))
        for number in range(3):
            partner = Partner.objects.create(name=f"Aliado extra {number}", partner_type="academia")
            ActionPartner.objects.create(action=record, partner=partner)
            entity = DistrictEntity.objects.create(
                name=f"Entidad extra {number}", sector_id=record.sectors.pop().pk
            )
            ActionEntity.objects.create(action=record, entity=entity)
            ResultIndicator.objects.create(action=record, name=f"Indicador {number}", value=number)
            SupportingDocument.objects.create(action=record, document=DocumentFactory(), public=True)
        with CaptureQueriesContext(connection) as after:
            assert len(client.get(detail_url(record)).json()["partners"]) == 4
        assert len(before) == len(after)


@database_only
class TestHTTP:
    def test_cache_headers_and_etag(self, client, world, settings):
        settings.API_CACHE_MAX_AGE = 90
        response = client.get(LIST, {"type": "alianza"})
        assert response["Cache-Control"] == "public, max-age=90"
        assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
        assert "Accept-Language" in response["Vary"]
        again = client.get(LIST, {"type": "alianza"}, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == response["ETag"]
        other = client.get(LIST, {"type": "curso"}, HTTP_IF_NONE_MATCH=response["ETag"])
        assert other.status_code == 200
        english = client.get(LIST, {"type": "alianza"}, HTTP_ACCEPT_LANGUAGE="en")
        assert english["ETag"] != response["ETag"]

    def test_the_etag_changes_with_the_data(self, client, world):
        url = detail_url(world.records["R1"])
        first = client.get(url)
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        CooperationAction.objects.filter(pk=world.records["R1"].pk).update(title="Título corregido")
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

    def test_last_modified_is_the_latest_public_change(self, client, world):
        past = datetime(2024, 5, 1, 12, tzinfo=UTC)
        CooperationAction.objects.update(updated_at=past)
        response = client.get(LIST)
        assert response["Last-Modified"] == http_date(past.timestamp())
        unchanged = client.get(LIST, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert unchanged.status_code == 304
        assert (
            client.get(
                detail_url(world.records["R2"]), HTTP_IF_MODIFIED_SINCE=http_date(past.timestamp())
            ).status_code
            == 304
        )

        # Withdrawing a record changes the list though no public record changed: the history says so.
        world.records["R2"].unpublish()
        changed = client.get(LIST, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert changed.status_code == 200
        assert world.records["R2"].pk not in [item["id"] for item in changed.json()["results"]]

    def test_a_page_of_results_costs_the_same_queries_for_1_or_5_records(self, client, world):
        with CaptureQueriesContext(connection) as one:
            assert len(client.get(LIST, {"page_size": 1}).json()["results"]) == 1
        with CaptureQueriesContext(connection) as five:
            assert len(client.get(LIST, {"page_size": 5}).json()["results"]) == 5
        assert len(one) == len(five)

    def test_errors_are_not_cached(self, client, world):
        response = client.get(LIST, {"sdg": "99"})
        assert response.status_code == 400
        assert not response.has_header("ETag")
        assert "public" not in response.get("Cache-Control", "")

    def test_read_only(self, client, world):
        for method in (client.post, client.put, client.patch, client.delete):
            assert method(LIST).status_code == 405
        assert client.post(detail_url(world.records["R1"])).status_code == 405

    def test_cors_for_any_origin_read_only_without_credentials(self, client, world):
        origin = {"HTTP_ORIGIN": "https://datos.gov.co"}
        response = client.get(LIST, **origin)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert not response.has_header("Access-Control-Allow-Credentials")
        assert "ETag" in response["Access-Control-Expose-Headers"]

        preflight = client.options(LIST, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin)
        assert preflight.status_code == 200
        assert preflight["Access-Control-Allow-Origin"] == "*"
        assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"

        for path in ("/api/v2/pages/", "/datos/registro.csv", "/data.json", "/es/transparencia/items.json"):
            assert client.get(path, **origin)["Access-Control-Allow-Origin"] == "*"
        for path in ("/es/cooperacion/buscar/", "/healthz", "/datos.json", "/es/datos-abiertos/"):
            assert not client.get(path, **origin).has_header("Access-Control-Allow-Origin")

    def test_too_many_requests_is_a_429_with_retry_after(self, client, world, settings):
        settings.API_THROTTLE_RATE = "3/min"
        cache.clear()
        for _ in range(3):
            assert client.get("/api/v1/records/suggest/", {"q": "curso"}).status_code == 200
        response = client.get(LIST)
        assert response.status_code == 429
        seconds = int(response["Retry-After"])
        assert 0 < seconds <= 60
        assert response.json() == {
            "detail": "Demasiadas solicitudes desde su dirección. "
            f"Vuelva a intentarlo en {seconds} segundo{'s' if seconds != 1 else ''}."
        }
        # The client cannot choose another identity: the connection's address is what counts.
        assert client.get(LIST, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
        assert client.get("/api/v2/pages/").status_code == 429
        # Another address has its own allowance.
        assert client.get(LIST, REMOTE_ADDR="198.51.100.7").status_code == 200
        cache.clear()

    def test_behind_a_proxy_the_address_it_saw_counts(self, client, world, settings):
        settings.API_THROTTLE_RATE = "1/min"
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
        cache.clear()
        assert client.get(LIST, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200
        assert client.get(LIST, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
        assert client.get(LIST, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.10").status_code == 200
        cache.clear()


class TestSchemaAndDocs:
    def test_the_schema_is_valid_and_describes_the_register_api(self, tmp_path):
        target = tmp_path / "schema.json"
        call_command(
            "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", target
        )
        schema = json.loads(target.read_text())
        assert set(schema["paths"]) == {
            "/api/v1/records/",
            "/api/v1/records/{id}/",
            "/api/v1/records/figures/",
            "/api/v1/records/suggest/",
        }
        listing = schema["paths"]["/api/v1/records/"]["get"]
        parameters = {parameter["name"]: parameter for parameter in listing["parameters"]}
        assert set(parameters) == set(RecordSearchFilterSet.base_filters)
        assert parameters["type"]["schema"]["items"]["enum"]
        assert parameters["year_from"]["schema"] == {"type": "integer", "minimum": 1990, "maximum": 2100}
        assert parameters["partner"]["schema"]["items"]["type"] == "integer"
        assert parameters["country"]["description"].startswith("País de un aliado")
        assert set(listing["responses"]) == {"200", "400", "429"}
        detail = schema["paths"]["/api/v1/records/{id}/"]["get"]
        assert set(detail["responses"]) == {"200", "404", "429"}
        record = schema["components"]["schemas"]["Record"]["properties"]
        assert record["amounts"]["nullable"] is True
        assert not {"internal_notes", "authorisation_evidence"} & set(record)

    def test_the_schema_is_served(self, client, db):
        response = client.get("/api/v1/schema/", {"format": "json"})
        assert response.status_code == 200
        assert response.json()["info"]["title"] == "API del registro de cooperación de Bogotá"

    def test_the_docs_use_the_portals_own_static_files(self, client, db):
        response = client.get("/api/v1/docs/")
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        assert page.html["lang"] == "es"
        assets = [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href]")]
        assert len(assets) == 6
        assert "/static/css/api-docs.css" in assets  # Swagger UI's colours, darkened to AA contrast
        for asset in assets:
            assert not asset.startswith(("http:", "https:", "//")), asset
        assert not page.select("script:not([src]), style")
        for asset in assets[:-1]:
            if asset.startswith("/static/"):
                assert finders.find(asset.removeprefix("/static/")), asset
        script = client.get(page.select("script[src]")[-1]["src"])
        assert script.status_code == 200 and b"/api/v1/schema/" in script.content
