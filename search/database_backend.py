"""Wagtail's database search backend, with the title weighted in SQLite's ranking.

modelsearch ranks SQLite FTS5 matches with `bm25()` over an entry's columns alike, so a page that
repeats the words in its body outranks the page that bears them as its title (searching the title
of a page listed it tenth). Here the title column counts TITLE_WEIGHT times; PostgreSQL already
weights titles, and other databases are left as Wagtail chooses.
"""

from wagtail.search.backends import database

from modelsearch.backends.database.sqlite.query import BM25, SQLiteFTSIndexEntry
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.query import Not, Phrase, PlainText

TITLE_WEIGHT = 10.0


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        # The weights follow the FTS table's columns: autocomplete, body, title.
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, {TITLE_WEIGHT})", []


class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            return TitleWeightedBM25() * boost if boost != 1.0 else TitleWeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedQueryCompiler


def SearchBackend(params):  # noqa: N802 (Wagtail looks a backend module's SearchBackend up by name)
    backend = database.SearchBackend(params)
    if type(backend) is SQLiteSearchBackend:
        return TitleWeightedSQLiteSearchBackend(params)
    return backend
