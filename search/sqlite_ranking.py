"""SQLite FTS5 ranking with the title weighted (see search.database_backend). Imported only on
SQLite: modelsearch defines its FTS model on that database alone."""

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
