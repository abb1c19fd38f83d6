from wagtail import hooks

from cooperacion.models import CooperationAction, DistrictEntity, Partner

from .indexing import index_records


@hooks.register("after_edit_snippet")
def reindex_records_naming(request, instance):
    """A renamed partner or entity is found under its new name in every public record it is in."""
    if isinstance(instance, Partner):
        records = CooperationAction.objects.public().filter(partner_links__partner=instance)
    elif isinstance(instance, DistrictEntity):
        records = CooperationAction.objects.public().filter(entity_links__entity=instance)
    else:
        return
    index_records(records.values_list("pk", flat=True))
