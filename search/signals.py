"""What moves a record in or out of the public search index.

Publication and unpublication (Wagtail's signals, sent for the live version only: saving a
draft changes nothing public) and deletion. Authorisation is a field of the record, so granting
or withdrawing it takes effect when that version is published. Renaming a partner or an entity
is caught by the admin hooks in wagtail_hooks.py.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import published, unpublished

from cooperacion.models import CooperationAction

from .indexing import index_records, remove_records


@receiver(published, sender=CooperationAction)
@receiver(unpublished, sender=CooperationAction)
def reindex_record(sender, instance, **kwargs):
    index_records([instance.pk])


@receiver(post_delete, sender=CooperationAction)
def unindex_deleted_record(sender, instance, **kwargs):
    remove_records([instance.pk])
