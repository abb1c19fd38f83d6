from datetime import date

from django.apps import apps

import factory
import wagtail_factories

from buenas_practicas.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticeRecord,
    MipgPolicy,
    MipgPolicyCode,
    sync_mipg_policies,
)
from cooperacion.models import SustainableDevelopmentGoal
from cooperacion.models.reference import sync_fixed_data


class GoodPracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Buenas prácticas"
    slug = "buenas-practicas"
    introduction = "Prácticas de gestión pública que otras entidades pueden replicar."

    class Meta:
        model = GoodPracticeIndexPage


class GoodPracticePageFactory(wagtail_factories.PageFactory):
    """A published sheet; pass policies=[codes], sdgs=[numbers] and records=[actions] to relate it."""

    title = factory.Sequence(lambda n: f"Buena práctica {n}")
    responsible_office = "Oficina Consejería Distrital de Relaciones Internacionales"
    process = "Gestión de alianzas e internacionalización de Bogotá"
    team = "Equipo de información y seguimiento"
    start_date = date(2024, 7, 14)
    description = "<p>Un sistema que reúne la información de la acción internacional del Distrito.</p>"
    baseline = "<p>La información se llevaba en hojas de cálculo dispersas.</p>"
    target_population = "Las secretarías y entidades del Distrito."
    scope = "<p>Consolidar los datos para decidir con evidencia.</p>"
    contribution = "<p>Menos duplicidades y reportes más rápidos.</p>"
    future_challenges = "<p>Integrar nuevas fuentes de datos.</p>"
    sustainability = "<p>Forma parte del plan de acción de la dependencia.</p>"
    conclusions = "<p>Una herramienta estable y replicable.</p>"

    class Meta:
        model = GoodPracticePage
        skip_postgeneration_save = True

    @factory.post_generation
    def policies(self, create, extracted, **kwargs):
        sync_mipg_policies(apps)
        codes = extracted if extracted is not None else [MipgPolicyCode.KNOWLEDGE_AND_INNOVATION]
        self.mipg_policies.set(MipgPolicy.objects.filter(code__in=codes))

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if extracted:
            sync_fixed_data(apps)
            self.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=extracted))

    @factory.post_generation
    def records(self, create, extracted, **kwargs):
        for action in extracted or []:
            self.related_records.add(GoodPracticeRecord(action=action))

    @factory.post_generation
    def save_relations(self, create, extracted, **kwargs):
        if create:
            self.save()
