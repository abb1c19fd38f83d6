"""The register search's world: five public records whose facets are counted by hand below, and
two private ones (a draft, an unauthorised record) that must never surface.

Every behavioural test takes `engine` and runs once per engine: the database engine, and
Elasticsearch against a real OpenSearch-compatible server process (osmem-server, a fresh clone per
test). If that server cannot start, those tests error: they are never skipped.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from cooperacion.models import (
    ActionType,
    AuthorisationScope,
    DistrictEntity,
    Partner,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
)
from search.indexing import rebuild
from search.records import _elasticsearch_engine
from tests.cooperacion.factories import CooperationActionFactory

PUBLIC_KEYS = ("R1", "R2", "R3", "R4", "R5")


def record_search_settings(url=None):
    return {"URL": url, "INDEX_PREFIX": "test", "OPENSEARCH_COMPATIBLE": True, "TIMEOUT": 5}


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    url = request.getfixturevalue("osmem_clone").url if request.param == "elasticsearch" else None
    settings.RECORD_SEARCH = record_search_settings(url)
    _elasticsearch_engine.cache_clear()
    yield request.param
    _elasticsearch_engine.cache_clear()


@dataclass
class World:
    engine: str
    records: dict
    partners: dict
    entities: dict
    sectors: dict
    tables: dict

    def title_of(self, pk):
        return next(key for key, record in self.records.items() if record.pk == pk)


@pytest.fixture
def world(db, engine):
    sectors = {
        key: Sector.objects.create(name=name)
        for key, name in [
            ("mov", "Movilidad de prueba"),
            ("amb", "Ambiente de prueba"),
            ("edu", "Educación de prueba"),
        ]
    }
    entities = {
        key: DistrictEntity.objects.create(name=name, acronym=acronym, sector=sectors[key])
        for key, name, acronym in [
            ("mov", "Secretaría de Movilidad de prueba", "SMP"),
            ("amb", "Secretaría de Ambiente de prueba", "SAP"),
            ("edu", "Secretaría de Educación de prueba", "SEP"),
        ]
    }
    partners = {
        "afd": Partner.objects.create(
            name="Agencia Francesa de Desarrollo",
            acronym="AFD",
            partner_type=PartnerType.FOREIGN_GOVERNMENT,
            country="FR",
        ),
        "c40": Partner.objects.create(
            name="Red C40", acronym="C40", partner_type=PartnerType.NETWORK_MULTILATERAL, country="GB"
        ),
        "madrid": Partner.objects.create(
            name="Ayuntamiento de Madrid", partner_type=PartnerType.SUBNATIONAL_GOVERNMENT, country="ES"
        ),
        "uni": Partner.objects.create(
            name="Universidad Nacional de prueba", partner_type=PartnerType.ACADEMIA, country="CO"
        ),
    }
    tables = {
        key: ThematicTable.objects.create(name=name)
        for key, name in [("t1", "Mesa uno de prueba"), ("t2", "Mesa dos de prueba")]
    }

    def record(key, sdgs=(), **fields):
        action = CooperationActionFactory(**fields)
        action.sdgs.set(sdgs)
        return key, action

    records = dict(
        [
            record(
                "R1",
                title="Cooperación técnica con la AFD para la movilidad eléctrica",
                title_en="Technical cooperation with AFD on electric mobility",
                summary="Asistencia técnica de la AFD para que la ciudad adopte buses eléctricos.",
                summary_en="AFD technical assistance so the city adopts electric buses.",
                action_type=ActionType.TECHNICAL_ASSISTANCE,
                status=Status.IN_EXECUTION,
                date_identified=date(2023, 11, 1),
                start_date=date(2024, 2, 1),
                thematic_table=tables["t1"],
                amount=Decimal("500000000"),
                currency="COP",
                partners=[partners["afd"]],
                entities=[entities["mov"]],
                sdgs=[11, 13],
            ),
            record(
                "R2",
                title="Alianzas entre ciudades por el clima",
                title_en="City partnerships for climate",
                summary="Bogotá se suma a una red de ciudades que comparten metas climáticas.",
                summary_en="Bogotá joins a network of cities sharing climate targets.",
                action_type=ActionType.ALLIANCE,
                status=Status.IDENTIFIED,
                date_identified=date(2023, 5, 10),
                thematic_table=tables["t2"],
                partners=[partners["c40"], partners["madrid"]],
                entities=[entities["amb"]],
                sdgs=[13],
            ),
            record(
                "R3",
                title="Alianza educativa con la Universidad Nacional",
                title_en="Education partnership with the National University",
                summary="Formación de docentes con apoyo académico.",
                summary_en="Teacher training with academic support.",
                action_type=ActionType.ALLIANCE,
                status=Status.COMPLETED,
                date_identified=date(2021, 12, 1),
                start_date=date(2022, 1, 10),
                end_date=date(2022, 12, 1),
                thematic_table=tables["t1"],
                amount=Decimal("200000000"),
                currency="COP",
                authorisation_scope=AuthorisationScope.WITHOUT_AMOUNTS,
                partners=[partners["uni"]],
                entities=[entities["edu"]],
                sdgs=[4],
            ),
            record(
                "R4",
                title="Intercambio de buenas prácticas con Madrid",
                title_en="Good practice exchange with Madrid",
                summary="Intercambio sobre movilidad sostenible y espacio público.",
                summary_en="Exchange on sustainable mobility and public space.",
                action_type=ActionType.KNOWLEDGE_EXCHANGE,
                status=Status.IDENTIFIED,
                date_identified=date(2024, 6, 1),
                amount=Decimal("900000000"),
                currency="COP",
                partners=[partners["madrid"]],
                entities=[entities["mov"], entities["amb"]],
                sdgs=[11],
            ),
            record(
                "R5",
                title="Curso de gestión del riesgo",
                title_en="Risk management course",
                summary="Curso para equipos distritales sobre gestión del riesgo de desastres.",
                summary_en="Course for district teams on disaster risk management.",
                action_type=ActionType.TRAINING,
                status=Status.IDENTIFIED,
                date_identified=date(2025, 1, 15),
                thematic_table=tables["t2"],
                amount=Decimal("50000000"),
                currency="COP",
                partners=[partners["afd"], partners["uni"]],
                entities=[entities["amb"]],
                sdgs=[13, 11],
            ),
            record(
                "draft",
                title="Cooperación secreta en borrador",
                summary="Un borrador que nadie debe ver.",
                live=False,
                partners=[partners["afd"]],
                entities=[entities["mov"]],
                sdgs=[11],
            ),
            record(
                "unauthorised",
                title="Cooperación no autorizada",
                summary="El aliado no autorizó publicarla.",
                publication_authorised=False,
                authorisation_date=None,
                authorisation_scope="",
                partners=[partners["afd"]],
                entities=[entities["mov"]],
                sdgs=[11],
            ),
        ]
    )
    rebuild()
    return World(engine, records, partners, entities, sectors, tables)
