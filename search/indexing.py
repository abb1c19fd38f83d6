"""Keeping the register's public search index in step with the register.

The database engine's index is written in the caller's transaction, so it commits or rolls back
with the change. For Elasticsearch the change is marked pending in that same transaction and
sent after the commit (`sync_pending`), from the records' state at that moment; a mark is only
cleared once Elasticsearch has it. While marks remain (the cluster was down, say), searches are
answered by the database engine, and every search retries the sync.
"""

import logging
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.utils import timezone

from cooperacion.models import CooperationAction

from .documents import document_for, indexable_actions
from .engines.base import SearchUnavailable
from .engines.database import DatabaseEngine
from .models import PendingChange
from .records import configured_engine, elasticsearch_configured

logger = logging.getLogger(__name__)
SYNC_BATCH = 500


def index_records(ids: Iterable[int]):
    """Index the records among `ids` that are public and drop the others from the index."""
    ids = set(ids)
    if not ids:
        return
    documents = [document_for(action) for action in indexable_actions().filter(pk__in=ids)]
    database = DatabaseEngine()
    database.index(documents)
    database.remove(ids - {document.id for document in documents})
    _mark_pending(ids)


def remove_records(ids: Iterable[int]):
    ids = set(ids)
    DatabaseEngine().remove(ids)
    _mark_pending(ids)


def _mark_pending(ids):
    if not elasticsearch_configured():
        return
    # Touching an existing mark waits for a sync that holds it, so syncs follow the changes' order.
    touched = set(PendingChange.objects.filter(action_id__in=ids).values_list("action_id", flat=True))
    PendingChange.objects.filter(action_id__in=touched).update(since=timezone.now())
    PendingChange.objects.bulk_create(
        [PendingChange(action_id=pk) for pk in ids - touched], ignore_conflicts=True
    )
    transaction.on_commit(sync_pending)


def sync_pending() -> bool:
    """Send Elasticsearch the current state of pending records; True when none remain.

    Runs after commits and before searches: it logs a failure rather than raising it.
    """
    engine = configured_engine()
    try:
        while _sync_batch(engine):
            pass
    except SearchUnavailable as error:
        logger.error("Elasticsearch has not taken the pending record changes: %s", error)
        return False
    return True


def _sync_batch(engine, limit: int = SYNC_BATCH) -> bool:
    """Sync the oldest pending records; says whether there were any."""
    lock = {"skip_locked": True} if connection.features.has_select_for_update_skip_locked else {}
    with transaction.atomic():
        ids = set(
            PendingChange.objects.select_for_update(**lock)
            .order_by("since")
            .values_list("action_id", flat=True)[:limit]
        )
        if not ids:
            return False
        documents = [document_for(action) for action in indexable_actions().filter(pk__in=ids)]
        engine.index(documents)
        engine.remove(ids - {document.id for document in documents})
        PendingChange.objects.filter(action_id__in=ids).delete()
    return True


def public_documents(chunk_size=1000):
    for action in indexable_actions().iterator(chunk_size=chunk_size):
        yield document_for(action)


def rebuild(engines=None, progress: Callable[[int], object] | None = None) -> dict[str, int]:
    """Rebuild the database index (in one transaction) and, if configured, Elasticsearch's (into a
    new index behind the alias). Returns how many records each engine holds."""
    engines = engines or (["database", "elasticsearch"] if elasticsearch_configured() else ["database"])
    counts = {}
    if "database" in engines:
        database = DatabaseEngine()
        with transaction.atomic():
            database.clear()
            batch = []
            for document in public_documents():
                batch.append(document)
                if len(batch) == 1000:
                    database.index(batch)
                    _report(progress, batch)
                    batch = []
            database.index(batch)
            _report(progress, batch)
        counts["database"] = len(database.indexed_ids())
    if "elasticsearch" in engines:
        engine = configured_engine()
        started = timezone.now()
        engine.rebuild(public_documents(), on_batch=progress)
        _reconcile(engine, started)
        counts["elasticsearch"] = len(engine.indexed_ids())
    return counts


def _reconcile(engine, started):
    """Changes committed while the new index was filled went to the old one: apply them again."""
    public = set(CooperationAction.objects.public().values_list("pk", flat=True))
    changed = set(CooperationAction.objects.filter(updated_at__gte=started).values_list("pk", flat=True))
    stale = engine.indexed_ids() - public
    PendingChange.objects.filter(since__lt=started).delete()
    PendingChange.objects.bulk_create(
        [PendingChange(action_id=pk) for pk in changed | stale], ignore_conflicts=True
    )
    while _sync_batch(engine):
        pass


def _report(progress, batch):
    if progress and batch:
        progress(len(batch))
