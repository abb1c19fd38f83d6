"""Records for the open-data tests: three public ones, one per authorisation scope, with texts that
test every CSV rule; and private data marked with `MARKER` wherever it must never leave."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from wagtail.documents import get_document_model

from cooperacion.models import (
    ActionPartner,
    ActionType,
    AuthorisationScope,
    DevelopmentPlanTarget,
    DistrictEntity,
    EntityLiaison,
    Partner,
    PartnerRole,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
    TransversalAxis,
)
from search.indexing import rebuild
from tests.cooperacion.factories import CooperationActionFactory

MARKER = "ZZPRIVADOZZ"
TRICKY_TITLE = 'Cooperación técnica: "movilidad"; buses, rutas y año de la niñez'
TRICKY_SUMMARY = 'Asistencia de la AFD; con comas, "comillas" y punto y coma.\nSegunda línea: ñandú, acción.'


@dataclass
class OpenDataWorld:
    full: object
    without_amounts: object
    record_only: object
    draft: object
    unauthorised: object
    afd: Partner
    city: Partner
    hidden_partner: Partner
    entity: DistrictEntity
    other_entity: DistrictEntity
    table: ThematicTable
    axis: TransversalAxis
    target: DevelopmentPlanTarget

    @property
    def public(self):
        return [self.full, self.without_amounts, self.record_only]


def build_world() -> OpenDataWorld:
    mobility = Sector.objects.create(name="Movilidad de prueba", name_en="Mobility test")
    environment = Sector.objects.create(name="Ambiente de prueba")
    entity = DistrictEntity.objects.create(
        name="Secretaría de Movilidad de prueba", acronym="SMP", sector=mobility
    )
    other_entity = DistrictEntity.objects.create(
        name="Secretaría de Ambiente de prueba", acronym="SAP", sector=environment
    )
    afd = Partner.objects.create(
        name="Agencia Francesa de Desarrollo, AFD",
        acronym="AFD",
        partner_type=PartnerType.FOREIGN_GOVERNMENT,
        country="FR",
    )
    city = Partner.objects.create(name="Ciudad de Quito", partner_type=PartnerType.SUBNATIONAL_GOVERNMENT)
    hidden_partner = Partner.objects.create(
        name=f"Aliado {MARKER} solo en borradores", partner_type=PartnerType.PRIVATE_COMPANY, country="US"
    )
    table = ThematicTable.objects.create(name="Mesa de movilidad de prueba")
    axis = TransversalAxis.objects.create(name="Eje de género de prueba")
    target = DevelopmentPlanTarget.objects.create(
        code="PDD-9.9", programme="Bogotá abierta al mundo", target="Movilizar recursos de cooperación."
    )
    evidence = get_document_model().objects.create(title=f"Autorización {MARKER}", file="autorizacion.pdf")

    full = CooperationActionFactory(
        title=TRICKY_TITLE,
        title_en="Technical cooperation on mobility",
        summary=TRICKY_SUMMARY,
        summary_en="AFD assistance, with commas; and semicolons.",
        description=f"Descripción larga {MARKER}",
        internal_notes=f"Nota interna {MARKER}",
        authorisation_evidence=evidence,
        action_type=ActionType.COOPERATION_AGREEMENT,
        status=Status.IN_EXECUTION,
        date_identified=date(2023, 11, 1),
        date_signed=date(2024, 1, 15),
        start_date=date(2024, 2, 1),
        thematic_table=table,
        development_plan_target=target,
        amount=Decimal("1234567.89"),
        currency="EUR",
        exchange_rate_cop=Decimal("4500"),
        usd_rate_cop=Decimal("4000"),
        exchange_rate_date=date(2024, 1, 15),
        in_kind=False,
        citywide=False,
        countries=["FR", "CO"],
        results="Se adoptó un plan de buses eléctricos; 120 unidades.",
        results_en="An electric bus plan was adopted.",
        entities=[entity, other_entity],
    )
    ActionPartner.objects.create(action=full, partner=afd, role=PartnerRole.FUNDER)
    ActionPartner.objects.create(action=full, partner=city, role=PartnerRole.COUNTERPART)
    full.sdgs.set([11, 13])
    full.localities.set(["08", "11"])
    full.transversal_axes.set([axis])
    full.save()

    without_amounts = CooperationActionFactory(
        title="Alianza por el clima",
        action_type=ActionType.ALLIANCE,
        date_identified=date(2022, 5, 10),
        amount=Decimal("200000000"),
        currency="COP",
        in_kind=True,
        results="Resultados visibles",
        authorisation_scope=AuthorisationScope.WITHOUT_AMOUNTS,
        partners=[city],
        entities=[other_entity],
    )
    without_amounts.sdgs.set([13])
    without_amounts.save()

    record_only = CooperationActionFactory(
        title="Curso de gestión del riesgo",
        action_type=ActionType.TRAINING,
        date_identified=date(2025, 1, 15),
        amount=Decimal("50000000"),
        currency="COP",
        results=f"Resultados {MARKER} no autorizados",
        results_en=f"Results {MARKER}",
        authorisation_scope=AuthorisationScope.RECORD_ONLY,
        partners=[afd],
    )

    draft = CooperationActionFactory(
        title=f"Borrador {MARKER}", summary=f"Resumen {MARKER}", live=False, partners=[hidden_partner]
    )
    unauthorised = CooperationActionFactory(
        title=f"No autorizada {MARKER}",
        summary=f"Resumen {MARKER}",
        publication_authorised=False,
        authorisation_date=None,
        authorisation_scope="",
        partners=[hidden_partner],
    )
    liaison = get_user_model().objects.create_user(
        username="enlace-prueba", email=f"{MARKER.lower()}@example.org", first_name=MARKER
    )
    EntityLiaison.objects.create(user=liaison, entity=entity)
    rebuild()
    return OpenDataWorld(
        full,
        without_amounts,
        record_only,
        draft,
        unauthorised,
        afd,
        city,
        hidden_partner,
        entity,
        other_entity,
        table,
        axis,
        target,
    )
