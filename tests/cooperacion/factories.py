from datetime import date

import factory

from cooperacion.models import (
    ActionEntity,
    ActionPartner,
    ActionType,
    AuthorisationScope,
    CooperationAction,
    Dimension,
    LineOfAction,
    Status,
)


class CooperationActionFactory(factory.django.DjangoModelFactory):
    """A published, partner-authorised record; pass entities=[…] and partners=[…] to link them."""

    title = factory.Sequence(lambda n: f"Acción de cooperación {n}")
    summary = "Acompañamiento técnico a una entidad del Distrito."
    action_type = ActionType.TECHNICAL_ASSISTANCE
    line_of_action = LineOfAction.MOBILISE_RESOURCES
    dimension = Dimension.COOPERATION
    status = Status.IDENTIFIED
    date_identified = date(2025, 3, 1)
    live = True
    publication_authorised = True
    authorisation_date = date(2025, 4, 1)
    authorisation_scope = AuthorisationScope.FULL

    class Meta:
        model = CooperationAction
        skip_postgeneration_save = True

    @factory.post_generation
    def entities(self, create, extracted, **kwargs):
        for entity in extracted or []:
            ActionEntity.objects.create(action=self, entity=entity)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        for partner in extracted or []:
            ActionPartner.objects.create(action=self, partner=partner)
