"""Wagtail's database search backend, with the title weighted in SQLite's ranking.

modelsearch ranks SQLite FTS5 matches with `bm25()` over an entry's columns alike, so a page that
repeats the words in its body outranks the page that bears them as its title (searching the title
of a page listed it tenth). On SQLite with FTS5 the title column counts ten times
(search.sqlite_ranking); PostgreSQL already weights titles, and other databases are left as
Wagtail chooses.
"""

from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 (Wagtail looks a backend module's SearchBackend up by name)
    backend = database.SearchBackend(params)
    if type(backend).__module__ == "modelsearch.backends.database.sqlite.sqlite":
        from .sqlite_ranking import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    return backend
