"""Demo content of the entities' desk: priorities plans of a few sectors for this year and the
last, and some twenty technical-assistance requests across modalities, entities and states (some
overdue, some answered late), a few with their survey answered. Everything is fictitious: the
requesters are "Persona solicitante N" at example.org. Nothing is created twice."""

import random
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from cooperacion.models import (
    CooperationAction,
    DevelopmentPlanTarget,
    DistrictEntity,
    PartnerType,
    Sector,
    ThematicTable,
)

from .models import (
    AssistanceRequest,
    Decision,
    Modality,
    PlanStatus,
    PrioritiesPlan,
    Priority,
    SatisfactionSurvey,
)
from .models.surveys import token_hash
from .working_days import add_working_days, reception_day

SEED = 2026
PLAN_SECTORS = ["Educación", "Salud", "Movilidad", "Ambiente", "Desarrollo Económico, Industria y Turismo"]
NEEDS = [
    "Intercambiar experiencias con ciudades que hayan implementado programas similares.",
    "Identificar cooperantes que financien un piloto con enfoque territorial.",
    "Formar a los equipos de la entidad en formulación de proyectos para convocatorias internacionales.",
    "Posicionar en redes de ciudades los resultados del programa bandera del sector.",
    "Recibir asistencia técnica para la medición de resultados con indicadores comparables.",
]
TOPICS = {
    Modality.WRITTEN_CONCEPT: "Concepto sobre la conveniencia de adherir a una red de ciudades",
    Modality.VISIT: "Visita de acompañamiento a la preparación de una misión técnica",
    Modality.PROMOTION: "Jornada sobre la estrategia de internacionalización para el equipo directivo",
    Modality.INSTRUMENT: "Revisión de un borrador de memorando de entendimiento",
    Modality.ADVICE: "Orientación para postular a una convocatoria de cooperación",
}
REQUEST_ENTITIES = ["SED", "SDS", "SDA", "SDM", "SDDE", "IDT", "SCRD", "SDIS", "SDP"]
REQUESTS = 20


def load(command):
    rng = random.Random(SEED)
    if not PrioritiesPlan.objects.exists():
        created = load_plans(rng)
        command.created(f"{created} planes de prioridades")
    if not AssistanceRequest.objects.exists():
        created = load_requests(rng)
        command.created(f"{created} solicitudes de asistencia técnica")


def load_plans(rng):
    themes = list(ThematicTable.objects.all())
    targets = list(DevelopmentPlanTarget.objects.all()[:6])
    if not themes:
        return 0
    this_year = timezone.localdate().year
    created = 0
    for sector in Sector.objects.filter(name__in=PLAN_SECTORS):
        for year, status in [(this_year - 1, PlanStatus.ANALYSED), (this_year, PlanStatus.SUBMITTED)]:
            plan = PrioritiesPlan.objects.create(
                sector=sector,
                year=year,
                status=status,
                analysis_notes="Notas internas de análisis (ficticias)."
                if status == PlanStatus.ANALYSED
                else "",
            )
            actions = list(
                CooperationAction.objects.filter(entity_links__entity__sector=sector).distinct()[:2]
            )
            for position, need in enumerate(rng.sample(NEEDS, 3)):
                priority = Priority.objects.create(
                    plan=plan,
                    sort_order=position,
                    need=need,
                    theme=rng.choice(themes),
                    partner_types=rng.sample(PartnerType.values, 2),
                    **analysed(rng, status),
                )
                priority.targets.set(rng.sample(targets, min(2, len(targets))))
                priority.sdgs.set(rng.sample(range(1, 18), 2))
                if priority.decision == Decision.PRIORITISED:
                    priority.actions.set(actions[:1])
            created += 1
    return created


def analysed(rng, status):
    if status != PlanStatus.ANALYSED:
        return {}
    if rng.random() < 0.7:
        return {
            "decision": Decision.PRIORITISED,
            "decision_reason": "Alto potencial de alianzas y alineado con el Plan.",
        }
    return {
        "decision": Decision.NOT_PRIORITISED,
        "decision_reason": "Se atenderá con la oferta de formación del año.",
    }


def load_requests(rng):
    """Requests received from about three months ago until today, first come first served: the
    oldest are closed (a few answered late), the recent ones open (some already overdue)."""
    today = timezone.localdate()
    entities = list(DistrictEntity.objects.filter(acronym__in=REQUEST_ENTITIES))
    staff = list(get_user_model().objects.filter(username__in=["editora", "moderador"]))
    if not entities:
        return 0
    for number in range(REQUESTS):
        received = today - timedelta(days=90 - number * 4 - rng.randint(0, 3))
        modality = rng.choice(Modality.values)
        request = AssistanceRequest(
            entity=rng.choice(entities),
            modality=modality,
            topic=TOPICS[modality],
            description="Solicitud de demostración: la entidad describe su necesidad y adjunta sus soportes.",
            requester_name=f"Persona solicitante {number + 1}",
            requester_email=f"solicitante{number + 1}@example.org",
            received_on=received,
        )
        step = number % 5
        if number < 13:  # answered: most within the term, one in four late
            late = rng.random() < 0.25
            answered = add_working_days(
                reception_day(received), rng.randint(11, 16) if late else rng.randint(1, 9)
            )
            if answered <= today:
                request.assignee = rng.choice(staff) if staff else None
                request.answer = "Respuesta de demostración de la Consejería."
                request.answered_on = answered
                if step != 4:
                    request.closed_on = min(answered + timedelta(days=1), today)
        elif staff and step % 2 == 0:
            request.assignee = rng.choice(staff)
        request.save()
        if request.closed_on and rng.random() < 0.75:
            SatisfactionSurvey.objects.create(
                request=request,
                token_hash=token_hash(secrets.token_urlsafe(32)),  # no one holds the link
                expires_at=timezone.now() + timedelta(days=30),
                answered_at=timezone.now(),
                rating=rng.choice([3, 4, 4, 5, 5, 2]),
                comment="Comentario de demostración.",
            )
    return REQUESTS
