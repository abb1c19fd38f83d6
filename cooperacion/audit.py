"""Which district entities each change in Wagtail's log involved: for "Cambios por entidad".

A model whose changes belong to district entities names the lookup that reaches them in
`entity_lookup` (CooperationAction, ResultPage, GoodPracticePage). When a log entry about one of
them is written, the entities the object has at that moment are kept beside it (LoggedEntity):
a deletion is logged before the object goes, so its entities stay in the report.
"""

from collections import defaultdict
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.models import PageLogEntry

from .models import LoggedEntity


@cache
def entity_scoped_models():
    return tuple(model for model in apps.get_models() if getattr(model, "entity_lookup", None))


def entity_scoped_content_types():
    return ContentType.objects.get_for_models(*entity_scoped_models(), for_concrete_models=False)


def record_entities(log_entries):
    """Write the LoggedEntity rows of these log entries: one query per model, one insert."""
    entries_by_model = defaultdict(lambda: defaultdict(list))
    for entry in log_entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        if model in entity_scoped_models():
            object_id = entry.page_id if isinstance(entry, PageLogEntry) else entry.object_id
            entries_by_model[model][model._meta.pk.to_python(object_id)].append(entry)
    rows = []
    for model, entries in entries_by_model.items():
        pairs = model._base_manager.filter(pk__in=entries).values_list("pk", model.entity_lookup)
        for pk, entity_id in pairs:
            if entity_id is None:
                continue
            for entry in entries[pk]:
                link = "page_log_entry" if isinstance(entry, PageLogEntry) else "model_log_entry"
                rows.append(LoggedEntity(**{link: entry, "entity_id": entity_id}))
    LoggedEntity.objects.bulk_create(rows)


def record_entities_of_new_entry(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_entities([instance])
