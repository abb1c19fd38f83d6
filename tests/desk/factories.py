from datetime import date

import factory

from cooperacion.models import DistrictEntity, ThematicTable
from desk.models import AssistanceRequest, Modality, PrioritiesPlan, Priority


class AssistanceRequestFactory(factory.django.DjangoModelFactory):
    """A request received on a fixed working day; pass entity=… (default: SED)."""

    entity = factory.LazyFunction(lambda: DistrictEntity.objects.get(acronym="SED"))
    modality = Modality.WRITTEN_CONCEPT
    topic = factory.Sequence(lambda n: f"Tema de la solicitud {n}")
    description = "Necesitamos orientación para un memorando con una ciudad aliada."
    requester_name = "Persona de prueba"
    requester_email = "solicitante@example.org"
    received_on = date(2026, 3, 2)

    class Meta:
        model = AssistanceRequest
        skip_postgeneration_save = True


class PrioritiesPlanFactory(factory.django.DjangoModelFactory):
    year = 2026

    class Meta:
        model = PrioritiesPlan


class PriorityFactory(factory.django.DjangoModelFactory):
    need = factory.Sequence(lambda n: f"Necesidad del sector {n}")
    theme = factory.LazyFunction(lambda: ThematicTable.objects.order_by("pk").first())

    class Meta:
        model = Priority
