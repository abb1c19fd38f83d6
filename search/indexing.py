"""Keeping the register's public search index in step with the register.

The database engine's index is written in the caller's transaction, so it commits or rolls back
with the change. Elasticsearch is written after the commit; if it is unreachable then, the change
is logged and `python manage.py rebuild_search_index` catches it up (meanwhile the visibility
rule, applied again to every hit, keeps anything unpublished off the results).
"""

import logging
from collections.abc import Callable, Iterable

from django.db import transaction

from .documents import document_for, indexable_actions
from .engines.base import SearchUnavailable
from .engines.database import DatabaseEngine
from .records import configured_engine, elasticsearch_configured

logger = logging.getLogger(__name__)


def index_records(ids: Iterable[int]):
    """Index the records among `ids` that are public and drop the others from the index."""
    ids = set(ids)
    if not ids:
        return
    documents = [document_for(action) for action in indexable_actions().filter(pk__in=ids)]
    hidden = ids - {document.id for document in documents}
    database = DatabaseEngine()
    database.index(documents)
    database.remove(hidden)
    if elasticsearch_configured():
        transaction.on_commit(lambda: _write_elasticsearch(documents, hidden))


def remove_records(ids: Iterable[int]):
    ids = set(ids)
    DatabaseEngine().remove(ids)
    if elasticsearch_configured():
        transaction.on_commit(lambda: _write_elasticsearch([], ids))


def _write_elasticsearch(documents, hidden):
    engine = configured_engine()
    try:
        if documents:
            engine.index(documents)
        if hidden:
            engine.remove(hidden)
    except SearchUnavailable as error:
        logger.error(
            "Elasticsearch missed %s record changes (%s); run rebuild_search_index.",
            len(documents) + len(hidden),
            error,
        )


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
        engine.rebuild(public_documents(), on_batch=progress)
        counts["elasticsearch"] = len(engine.indexed_ids())
    return counts


def _report(progress, batch):
    if progress and batch:
        progress(len(batch))
