from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.apps import apps

import pytest

from cooperacion.models import (
    ActionType,
    AuthorisationScope,
    DevelopmentPlanTarget,
    DistrictEntity,
    Partner,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
)
from cooperacion.models.reference import sync_fixed_data
from cooperacion.reference_data import load_demo_partners, load_reference_data
from cooperacion.roles import sync_roles
from search.indexing import rebuild
from tests.cooperacion.factories import CooperationActionFactory


@pytest.fixture
def register_data(db):
    """SDGs, localities, roles, the district's reference lists and the demo partners."""
    sync_fixed_data(apps)
    sync_roles()
    load_reference_data()
    load_demo_partners()


# A marker planted in every private record and the partner only they have: never on a public surface.
PRIVATE_MARKER = "MARCADOR-PRIVADO-7Q"


@dataclass
class FiguresWorld:
    records: dict
    partners: dict
    entities: dict
    sectors: dict
    tables: dict
    targets: dict


@pytest.fixture
def figures_world(db):
    """Four public records whose figures are counted by hand in tests/cooperacion/test_figures.py,
    a draft and an unauthorised record that must never count, all in the search index."""
    sync_fixed_data(apps)
    sectors = {
        key: Sector.objects.create(name=name) for key, name in [("mov", "Movilidad"), ("amb", "Ambiente")]
    }
    entities = {
        key: DistrictEntity.objects.create(name=name, acronym=acronym, sector=sectors[sector])
        for key, name, acronym, sector in [
            ("smp", "Secretaría de Movilidad", "SDM", "mov"),
            ("tm", "Transmilenio", "TMSA", "mov"),
            ("sap", "Secretaría de Ambiente", "SDA", "amb"),
        ]
    }
    partners = {
        key: Partner.objects.create(name=name, partner_type=partner_type, country=country)
        for key, name, partner_type, country in [
            ("afd", "Agencia Francesa de Desarrollo", PartnerType.FOREIGN_GOVERNMENT, "FR"),
            ("giz", "Cooperación Alemana", PartnerType.FOREIGN_GOVERNMENT, "DE"),
            ("c40", "Red C40", PartnerType.NETWORK_MULTILATERAL, "GB"),
            ("uni", "Universidad Nacional", PartnerType.ACADEMIA, "CO"),
            ("secret", f"Aliado {PRIVATE_MARKER}", PartnerType.NON_PROFIT, "JP"),
        ]
    }
    tables = {
        key: ThematicTable.objects.create(name=name) for key, name in [("t1", "Mesa uno"), ("t2", "Mesa dos")]
    }
    targets = {
        "t1": DevelopmentPlanTarget.objects.create(
            code="PDD-T1",
            programme="Puertas abiertas al mundo",
            target="Gestionar alianzas de cooperación.",
            indicator="Alianzas formalizadas",
            indicator_en="Formalised partnerships",
            goal=4,
        ),
        "t2": DevelopmentPlanTarget.objects.create(
            code="PDD-T2", programme="Puertas abiertas al mundo", target="Posicionar a Bogotá."
        ),
    }

    def record(sdgs=(), **fields):
        action = CooperationActionFactory(**fields)
        action.sdgs.set(sdgs)
        return action

    rated = {"exchange_rate_date": date(2024, 1, 15)}
    records = {
        "A": record(
            title="Buses eléctricos con Francia y Alemania",
            action_type=ActionType.ALLIANCE,
            status=Status.IN_EXECUTION,
            date_identified=date(2023, 1, 10),
            start_date=date(2024, 2, 1),
            thematic_table=tables["t1"],
            development_plan_target=targets["t1"],
            amount=Decimal("500000000"),
            currency="COP",
            usd_rate_cop=Decimal("4000"),
            **rated,
            partners=[partners["afd"], partners["giz"]],
            entities=[entities["smp"], entities["tm"]],
            sdgs=[11, 13],
        ),
        "B": record(
            title="Red de ciudades por el clima",
            action_type=ActionType.ALLIANCE,
            status=Status.COMPLETED,
            date_identified=date(2022, 3, 1),
            start_date=date(2022, 4, 1),
            end_date=date(2022, 12, 1),
            thematic_table=tables["t2"],
            development_plan_target=targets["t1"],
            amount=Decimal("10000"),
            currency="USD",
            exchange_rate_cop=Decimal("4000"),
            **rated,
            authorisation_scope=AuthorisationScope.WITHOUT_AMOUNTS,
            countries=["GB", "BR"],
            partners=[partners["c40"]],
            entities=[entities["sap"]],
            sdgs=[13],
        ),
        "C": record(
            title="Curso de gestión ambiental",
            action_type=ActionType.TRAINING,
            status=Status.IDENTIFIED,
            date_identified=date(2024, 6, 1),
            development_plan_target=targets["t2"],
            amount=Decimal("20000000"),
            currency="COP",
            partners=[partners["uni"]],
            entities=[entities["sap"]],
            sdgs=[4],
        ),
        "D": record(
            title="Intercambio sobre movilidad",
            action_type=ActionType.KNOWLEDGE_EXCHANGE,
            status=Status.NEGOTIATION,
            date_identified=date(2025, 1, 15),
            countries=["FR"],
            entities=[entities["smp"]],
        ),
    }
    private = {
        "draft": {"live": False},
        "unauthorised": {
            "publication_authorised": False,
            "authorisation_date": None,
            "authorisation_scope": "",
        },
    }
    for key, fields in private.items():
        records[key] = record(
            title=f"Acción {PRIVATE_MARKER}",
            summary=f"Resumen {PRIVATE_MARKER}",
            internal_notes=PRIVATE_MARKER,
            action_type=ActionType.AWARD,
            status=Status.IN_EXECUTION,
            date_identified=date(2019, 5, 1),
            start_date=date(2019, 6, 1),
            development_plan_target=targets["t1"],
            amount=Decimal("999999999"),
            currency="COP",
            countries=["JP"],
            partners=[partners["secret"], partners["afd"]],
            entities=[entities["tm"]],
            sdgs=[17],
            **fields,
        )
    rebuild()
    return FiguresWorld(records, partners, entities, sectors, tables, targets)
