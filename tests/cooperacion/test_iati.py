"""The IATI 2.03 activity XML, validated against the vendored official schema, and the crosswalk page."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from cooperacion.iati import crosswalk, export
from cooperacion.models import (
    ActionPartner,
    ActionType,
    AuthorisationScope,
    DistrictEntity,
    Partner,
    PartnerRole,
    PartnerType,
    Sector,
    Status,
    SupportingDocument,
)
from cooperacion.models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS
from search.indexing import rebuild
from tests.cooperacion.factories import CooperationActionFactory
from tests.home.factories import DocumentFactory

SCHEMA = etree.XMLSchema(etree.parse(str(export.SCHEMA)))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALL = "/datos/iati/actividades.xml"
MARKER = "MARCA-PRIVADA-IATI"
REF = "XM-TEST-77"


def one(pk):
    return f"/datos/iati/actividades/{pk}.xml"


def parse(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    root = etree.fromstring(content)
    SCHEMA.assertValid(root)
    return root


def activity_of(root, pk):
    (activity,) = root.xpath("iati-activity[iati-identifier=$id]", id=f"{REF}-{pk}")
    return activity


def identifiers(root):
    return {int(text.rsplit("-", 1)[1]) for text in root.xpath("iati-activity/iati-identifier/text()")}


def narratives(element):
    return {narrative.get(XML_LANG): narrative.text for narrative in element.findall("narrative")}


def participants(activity):
    return {
        (org.get("role"), org.get("type"), org.get("ref"), org.findtext("narrative"))
        for org in activity.findall("participating-org")
    }


@dataclass
class World:
    full: object
    minimal: object
    without_amounts: object
    record_only: object
    draft: object
    unauthorised: object
    partners: dict
    entity: DistrictEntity
    public_document: object
    private_document: object


def link_partners(action, roles):
    for order, (partner, role) in enumerate(roles):
        ActionPartner.objects.create(action=action, partner=partner, role=role, sort_order=order)


def attach(action, document, public):
    SupportingDocument.objects.create(action=action, document=document, public=public)


@pytest.fixture
def iati(db, settings):
    settings.IATI_REPORTING_ORG_REF = REF
    sector = Sector.objects.create(name="Educación de prueba", name_en="Education test")
    entity = DistrictEntity.objects.create(
        name="Secretaría de Educación de prueba",
        name_en="Education Secretariat test",
        acronym="SEP",
        sector=sector,
    )
    partners = {
        "afd": Partner.objects.create(
            name="Agencia Francesa de Desarrollo", partner_type=PartnerType.FOREIGN_GOVERNMENT, country="FR"
        ),
        "c40": Partner.objects.create(
            name="Red C40", partner_type=PartnerType.NETWORK_MULTILATERAL, country="GB"
        ),
        "ngo_co": Partner.objects.create(
            name="Fundación Bogotana de prueba", partner_type=PartnerType.NON_PROFIT, country="CO"
        ),
        "ngo_abroad": Partner.objects.create(
            name="Global Cities Trust", partner_type=PartnerType.NON_PROFIT, country="US"
        ),
        "uni": Partner.objects.create(
            name="Universidad de prueba", partner_type=PartnerType.ACADEMIA, country="CO"
        ),
    }
    public_document = DocumentFactory(title="Informe final público")
    private_document = DocumentFactory(title=f"Acta {MARKER}")
    full = CooperationActionFactory(
        external_id="GLOBO-77",
        title="Convenio de educación con la AFD",
        title_en="Education agreement with AFD",
        summary="Resumen del convenio.",
        summary_en="Summary of the agreement.",
        description="Descripción larga del convenio.",
        description_en="Long description of the agreement.",
        results="Se formaron 300 docentes.",
        results_en="300 teachers were trained.",
        action_type=ActionType.COOPERATION_AGREEMENT,
        status=Status.COMPLETED,
        date_identified=date(2023, 1, 10),
        date_signed=date(2023, 2, 1),
        start_date=date(2023, 3, 1),
        end_date=date(2023, 12, 15),
        amount=Decimal("250000"),
        currency="EUR",
        exchange_rate_cop=Decimal("4500"),
        usd_rate_cop=Decimal("4000"),
        exchange_rate_date=date(2023, 2, 1),
        countries=["FR", "CO"],
        internal_notes=MARKER,
        authorisation_evidence=DocumentFactory(title=f"Autorización {MARKER}"),
        entities=[entity],
    )
    full.sdgs.set([4, 11])
    link_partners(
        full,
        [
            (partners["afd"], PartnerRole.FUNDER),
            (partners["ngo_co"], PartnerRole.IMPLEMENTER),
            (partners["c40"], PartnerRole.COUNTERPART),
            (partners["ngo_abroad"], PartnerRole.TECHNICAL_PARTNER),
            (partners["uni"], PartnerRole.CO_ORGANISER),
        ],
    )
    attach(full, public_document, public=True)
    attach(full, private_document, public=False)

    minimal = CooperationActionFactory(title="Acción mínima", summary="Solo lo indispensable.")
    without_amounts = CooperationActionFactory(
        title="Alianza sin montos publicables",
        action_type=ActionType.ALLIANCE,
        status=Status.IN_EXECUTION,
        date_signed=date(2024, 5, 1),
        amount=Decimal("90000000"),
        currency="COP",
        results="Resultados que sí se publican.",
        authorisation_scope=AuthorisationScope.WITHOUT_AMOUNTS,
        partners=[partners["uni"]],
    )
    record_only = CooperationActionFactory(
        title="Curso solo con el registro",
        action_type=ActionType.TRAINING,
        results=f"Resultados {MARKER}",
        authorisation_scope=AuthorisationScope.RECORD_ONLY,
    )
    attach(record_only, DocumentFactory(title=f"Soporte {MARKER}"), public=True)
    draft = CooperationActionFactory(title=f"Borrador {MARKER}", live=False, partners=[partners["afd"]])
    unauthorised = CooperationActionFactory(
        title=f"No autorizada {MARKER}",
        publication_authorised=False,
        authorisation_date=None,
        authorisation_scope="",
    )
    rebuild()
    return World(
        full=full,
        minimal=minimal,
        without_amounts=without_amounts,
        record_only=record_only,
        draft=draft,
        unauthorised=unauthorised,
        partners=partners,
        entity=entity,
        public_document=public_document,
        private_document=private_document,
    )


class TestOneRecordWithEverything:
    @pytest.fixture
    def activity(self, client, iati):
        response = client.get(one(iati.full.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/xml; charset=utf-8"
        root = parse(response)
        assert root.get("version") == "2.03" and root.get("generated-datetime")
        return activity_of(root, iati.full.pk)

    def test_identity_and_texts_in_both_languages(self, activity, iati):
        assert activity.get(XML_LANG) == "es" and activity.get("last-updated-datetime")
        reporting = activity.find("reporting-org")
        assert (reporting.get("ref"), reporting.get("type")) == (REF, "11")
        assert set(narratives(reporting)) == {"es", "en"}
        assert narratives(activity.find("title")) == {
            "es": "Convenio de educación con la AFD",
            "en": "Education agreement with AFD",
        }
        general, results = activity.findall("description")
        assert general.get("type") == "1"
        assert narratives(general) == {
            "es": "Resumen del convenio.\n\nDescripción larga del convenio.",
            "en": "Summary of the agreement.\n\nLong description of the agreement.",
        }
        assert results.get("type") == "4"
        assert narratives(results) == {"es": "Se formaron 300 docentes.", "en": "300 teachers were trained."}
        other = activity.find("other-identifier")
        assert (other.get("ref"), other.get("type")) == ("GLOBO-77", "A1")

    def test_partners_the_district_and_its_entities_with_mapped_roles_and_types(self, activity):
        assert participants(activity) == {
            ("1", "10", None, "Agencia Francesa de Desarrollo"),
            ("4", "24", None, "Fundación Bogotana de prueba"),
            ("2", "40", None, "Red C40"),
            ("4", "21", None, "Global Cities Trust"),
            ("4", "80", None, "Universidad de prueba"),
            ("2", "11", REF, "Secretaría General de la Alcaldía Mayor de Bogotá D.C."),
            ("4", "11", None, "Secretaría de Educación de prueba"),
        }
        entity = activity.xpath("participating-org[not(@ref) and @type='11']")[0]
        assert narratives(entity) == {
            "es": "Secretaría de Educación de prueba",
            "en": "Education Secretariat test",
        }

    def test_status_dates_territory_and_classifications(self, activity):
        assert activity.find("activity-status").get("code") == "4"
        dates = {(item.get("type"), item.get("iso-date")) for item in activity.findall("activity-date")}
        assert dates == {("2", "2023-03-01"), ("4", "2023-12-15")}
        assert activity.find("activity-scope").get("code") == "6"
        assert [country.get("code") for country in activity.findall("recipient-country")] == ["CO"]
        assert activity.xpath("tag[@vocabulary='2']/@code") == ["4", "11"]
        (own,) = activity.xpath("tag[@vocabulary='99']")
        assert own.get("code") == "convenio"
        assert own.get("vocabulary-uri") == "http://testserver/es/datos-abiertos/iati/#tipo-de-accion"
        assert narratives(own)["es"] == "Convenio de cooperación"
        aid_type = activity.find("default-aid-type")
        assert (aid_type.get("code"), aid_type.get("vocabulary")) == ("C01", "1")

    def test_budget_and_commitment_with_the_rates_date(self, activity):
        assert activity.get("default-currency") == "EUR"
        (budget,) = activity.findall("budget")
        assert (budget.get("type"), budget.get("status")) == ("1", "2")
        assert budget.find("period-start").get("iso-date") == "2023-03-01"
        assert budget.find("period-end").get("iso-date") == "2023-12-15"
        assert (budget.findtext("value"), budget.find("value").get("value-date")) == (
            "250000.00",
            "2023-02-01",
        )
        (transaction,) = activity.findall("transaction")
        assert transaction.find("transaction-type").get("code") == "11"
        assert transaction.find("transaction-date").get("iso-date") == "2023-02-01"
        assert transaction.findtext("value") == "250000.00"
        provider = transaction.find("provider-org")
        assert (provider.get("type"), provider.findtext("narrative")) == (
            "10",
            "Agencia Francesa de Desarrollo",
        )
        assert transaction.find("receiver-org").get("ref") == REF

    def test_public_documents_and_the_record_sheet_only(self, activity, iati):
        links = {link.get("url"): link for link in activity.findall("document-link")}
        document = f"http://testserver{iati.public_document.url}"
        with translation.override("en"):
            sheet_en = f"http://testserver{iati.full.get_absolute_url()}"
        assert set(links) == {
            document,
            f"http://testserver/es/cooperacion/registro/{iati.full.pk}/",
            sheet_en,
        }
        assert links[document].get("format") == "application/pdf"
        assert links[document].find("category").get("code") == "A08"
        assert links[document].findtext("title/narrative") == "Informe final público"
        assert {
            links[sheet_en].find("category").get("code"),
            links[sheet_en].find("language").get("code"),
        } == {
            "A12",
            "en",
        }
        assert f"http://testserver{iati.private_document.url}" not in links

    def test_nothing_private(self, client, iati):
        assert MARKER.encode() not in client.get(one(iati.full.pk)).content


class TestOtherRecords:
    def test_a_minimal_record_validates(self, client, iati):
        activity = activity_of(parse(client.get(one(iati.minimal.pk))), iati.minimal.pk)
        assert activity.find("activity-status").get("code") == "1"
        (start,) = activity.findall("activity-date")
        assert (start.get("type"), start.get("iso-date")) == ("1", "2025-03-01")
        assert narratives(start)["es"].startswith("Fecha de identificación")
        assert participants(activity) == {
            ("2", "11", REF, "Secretaría General de la Alcaldía Mayor de Bogotá D.C.")
        }
        assert activity.find("default-aid-type").get("code") == "D02"
        assert activity.get("default-currency") is None
        assert not activity.findall("budget") and not activity.findall("transaction")
        assert [item.get("type") for item in activity.findall("description")] == ["1"]
        assert narratives(activity.find("title")) == {"es": "Acción mínima"}

    def test_amounts_only_with_the_full_scope(self, client, iati):
        activity = activity_of(parse(client.get(one(iati.without_amounts.pk))), iati.without_amounts.pk)
        assert activity.get("default-currency") is None
        assert not activity.findall("budget") and not activity.findall("transaction")
        assert activity.xpath("description[@type='4']/narrative/text()") == ["Resultados que sí se publican."]
        assert b"90000000" not in client.get(one(iati.without_amounts.pk)).content
        assert activity.find("default-aid-type") is None
        assert activity.xpath("tag[@vocabulary='99']/@code") == ["alianza"]

    def test_results_and_documents_only_when_the_scope_allows_them(self, client, iati):
        response = client.get(one(iati.record_only.pk))
        activity = activity_of(parse(response), iati.record_only.pk)
        assert [item.get("type") for item in activity.findall("description")] == ["1"]
        assert {link.find("category").get("code") for link in activity.findall("document-link")} == {"A12"}
        assert MARKER.encode() not in response.content

    @pytest.mark.parametrize(
        ("status", "dates", "transaction_type"),
        [
            (Status.IDENTIFIED, {"start_date": date(2025, 6, 1), "end_date": date(2025, 12, 1)}, "13"),
            (Status.NEGOTIATION, {}, "13"),
            (Status.IN_EXECUTION, {"date_signed": date(2025, 4, 1)}, "11"),
            (Status.NOT_MATERIALISED, {}, None),
        ],
    )
    def test_the_transaction_follows_the_status(self, client, iati, status, dates, transaction_type):
        in_kind = status == Status.IN_EXECUTION
        action = CooperationActionFactory(
            status=status, amount=Decimal("1000"), currency="USD", in_kind=in_kind, **dates
        )
        activity = activity_of(parse(client.get(one(action.pk))), action.pk)
        assert activity.find("activity-status").get("code") == crosswalk.ACTIVITY_STATUS[status].code
        assert activity.xpath("transaction/transaction-type/@code") == (
            [transaction_type] if transaction_type else []
        )
        if status == Status.IDENTIFIED:
            assert activity.xpath("budget/@status") == ["1"]
            planned = {(item.get("type"), item.get("iso-date")) for item in activity.findall("activity-date")}
            assert planned == {("1", "2025-06-01"), ("3", "2025-12-01")}
        if status == Status.IN_EXECUTION:
            signed = activity.find("activity-date")
            assert (signed.get("type"), signed.get("iso-date")) == ("2", "2025-04-01")
            assert narratives(signed)["es"].startswith("Fecha de firma")
            assert activity.findtext("transaction/description/narrative").startswith("Aporte en especie")

    def test_no_budget_for_an_action_longer_than_a_year(self, client, iati):
        action = CooperationActionFactory(
            status=Status.COMPLETED,
            date_identified=date(2021, 1, 1),
            start_date=date(2021, 2, 1),
            end_date=date(2023, 2, 1),
            amount=Decimal("5"),
            currency="COP",
        )
        activity = activity_of(parse(client.get(one(action.pk))), action.pk)
        assert not activity.findall("budget")
        assert activity.xpath("transaction/transaction-date/@iso-date") == ["2021-02-01"]

    def test_characters_xml_cannot_carry_are_left_out(self, client, iati):
        action = CooperationActionFactory(title="Título\x0b con\x01 control", summary="Resumen\x1f.")
        activity = activity_of(parse(client.get(one(action.pk))), action.pk)
        assert narratives(activity.find("title")) == {"es": "Título con control"}

    @pytest.mark.parametrize("key", ["draft", "unauthorised"])
    def test_private_records_are_not_found(self, client, iati, key):
        assert client.get(one(getattr(iati, key).pk)).status_code == 404

    def test_an_unknown_record_is_not_found(self, client, iati):
        assert client.get(one(999_999)).status_code == 404


class TestFilteredExport:
    def test_every_public_record_streamed_and_nothing_private(self, client, iati):
        response = client.get(ALL)
        assert response.status_code == 200 and isinstance(response, StreamingHttpResponse)
        assert response["Content-Type"] == "application/xml; charset=utf-8"
        content = b"".join(response.streaming_content)
        root = etree.fromstring(content)
        SCHEMA.assertValid(root)
        public = {iati.full.pk, iati.minimal.pk, iati.without_amounts.pk, iati.record_only.pk}
        assert identifiers(root) == public
        assert MARKER.encode() not in content

    def test_head_answers_the_headers_without_writing_the_file(self, client, iati):
        response = client.head(ALL)
        assert response.status_code == 200 and not response.streaming
        assert response["Content-Type"] == "application/xml; charset=utf-8"
        assert "public" in response["Cache-Control"]
        assert "public" in client.get(one(iati.full.pk))["Cache-Control"]

    def test_past_the_download_allowance_a_429_with_retry_after(self, client, iati, settings):
        settings.DOWNLOAD_THROTTLE_RATE = "2/min"
        cache.clear()
        assert client.get(one(iati.full.pk)).status_code == 200
        assert client.get(ALL).status_code == 200
        response = client.get(ALL)
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 60
        assert response.json()["detail"].startswith("Demasiadas solicitudes desde su dirección.")
        assert client.get("/datos/registro.csv").status_code == 429
        assert client.get("/api/v1/records/").status_code == 200
        cache.clear()

    def test_a_filter_selects_the_records(self, client, iati):
        root = parse(client.get(ALL, {"type": ["convenio", "alianza"], "partner": iati.partners["uni"].pk}))
        assert identifiers(root) == {iati.full.pk, iati.without_amounts.pk}
        root = parse(client.get(ALL, {"sdg": "4"}))
        assert identifiers(root) == {iati.full.pk}

    def test_paging_and_sorting_are_ignored(self, client, iati):
        root = parse(client.get(ALL, {"status": "finalizada", "page": "abc", "page_size": "1", "sort": "x"}))
        assert identifiers(root) == {iati.full.pk}

    @pytest.mark.parametrize(
        ("params", "field"), [({"sdg": "99"}, "sdg"), ({"year_from": "año"}, "year_from")]
    )
    def test_invalid_parameters_are_a_400_with_the_reason(self, client, iati, params, field):
        response = client.get(ALL, params)
        assert response.status_code == 400
        body = response.json()
        assert body["detail"] and body["errors"][field][0]["message"]

    def test_a_filter_matching_nothing_is_a_404(self, client, iati):
        response = client.get(ALL, {"q": "inexistente"})
        assert response.status_code == 404 and response.json()["detail"]

    def test_queries_do_not_grow_with_the_records(self, client, iati, django_assert_max_num_queries):
        def export_all():
            response = client.get(ALL)
            return identifiers(etree.fromstring(b"".join(response.streaming_content)))

        with django_assert_max_num_queries(6):
            assert len(export_all()) == 4
        for number in range(40):
            action = CooperationActionFactory(
                amount=Decimal(number),
                currency="COP",
                partners=[iati.partners["afd"]],
                entities=[iati.entity],
            )
            action.sdgs.set([number % 17 + 1])
            attach(action, DocumentFactory(), public=True)
        rebuild()
        with django_assert_max_num_queries(6):
            assert len(export_all()) == 44


class TestCrosswalkPage:
    CODELISTS = {
        "estado": Status,
        "rol-del-aliado": PartnerRole,
        "tipo-de-aliado": PartnerType,
        "tipo-de-accion": ActionType,
    }

    def test_every_codelist_value_has_a_mapping(self):
        assert set(crosswalk.ACTIVITY_STATUS) == set(Status.values)
        assert set(crosswalk.ORGANISATION_ROLE) == set(PartnerRole.values)
        assert set(crosswalk.ORGANISATION_TYPE) == set(PartnerType.values)
        assert set(crosswalk.ACTION_TYPE) == set(ActionType.values)
        assert set(crosswalk.SDG) == set(SUSTAINABLE_DEVELOPMENT_GOALS)

    def test_lists_every_value_of_every_mapped_codelist(self, client, iati):
        response = client.get("/es/datos-abiertos/iati/")
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        mappings = {table.key: {row.value: row.mapping for row in table.rows} for table in crosswalk.tables()}
        for key, codelist in self.CODELISTS.items():
            rows = {row["data-value"]: row for row in page.select(f"section#{key} tr[data-value]")}
            assert set(rows) == set(codelist.values), key
            for value in codelist.values:
                shown = {code.get_text() for code in rows[value].select("td code")}
                assert shown == {code.code for code in mappings[key][value].codes}, value
        sdgs = [row["data-value"] for row in page.select("section#ods tr[data-value]")]
        assert sdgs == [str(number) for number in SUSTAINABLE_DEVELOPMENT_GOALS]
        assert [row["data-value"] for row in page.select("section#documentos tr[data-value]")] == [
            "documento_soporte",
            "ficha",
        ]

    def test_says_who_publishes_and_links_the_downloads(self, client, iati):
        response = client.get("/es/datos-abiertos/iati/")
        text = response.content.decode()
        assert REF in text and f"{REF}-{iati.full.pk}" in text
        links = {a["href"] for a in BeautifulSoup(response.content, "html.parser").select("a[href]")}
        assert reverse("iati_activities") in links
        assert one(iati.full.pk) in links

    def test_in_english(self, client, iati):
        with translation.override("en"):
            url = reverse("iati_crosswalk")
        response = client.get(url)
        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").html["lang"] == "en"
