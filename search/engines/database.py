"""The embedded engine: the register's index in the database itself (SQLite FTS5 or PostgreSQL).

Filters and facet counts run on `RecordFacet`; words on the vendor's full-text index (see
search/migrations/0003). A request costs a constant number of queries whatever it asks for: the
text match (kept for the request on SQLite), the facet counts (which also give the total), one
more count per facet with a selection (its counts ignore its own selection, so the other choices
keep theirs), and the page of hits. Highlighting is left to the service, which has the texts.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, F
from django.db.models.expressions import RawSQL

from search.analysis import index_terms, query_stems, words
from search.documents import FACETS, RecordDocument
from search.models import RecordEntry, RecordFacet

from .base import EngineHit, EngineResult, SearchRequest

WRITE_BATCH = 1000


class SQLiteText:
    # Counting one facet for a set of records: look each record's rows up, rather than walk every
    # row of that facet, which is what SQLite's planner picks without the hint (twice as slow).
    facet_index_hint = "INDEXED BY facet_values_by_entry_idx"
    match_ids = "SELECT rowid FROM search_recordentry_fts WHERE search_recordentry_fts MATCH %s"
    ranked_page = (
        "SELECT search_recordentry.action_id FROM search_recordentry_fts "
        "JOIN search_recordentry ON search_recordentry.action_id = search_recordentry_fts.rowid "
        "WHERE search_recordentry_fts MATCH %s AND search_recordentry.action_id IN ({filtered}) "
        "ORDER BY bm25(search_recordentry_fts, 1.0, 3.0), search_recordentry.date DESC, "
        "search_recordentry.action_id DESC LIMIT %s OFFSET %s"
    )
    prefix_ids = (
        "SELECT rowid FROM search_recordentry_fts WHERE search_recordentry_fts MATCH %s "
        "ORDER BY bm25(search_recordentry_fts, 1.0, 3.0) LIMIT %s"
    )

    @staticmethod
    def expression(stems: list[set[str]]) -> str:
        return " AND ".join("(" + " OR ".join(f'"{stem}"' for stem in sorted(alts)) + ")" for alts in stems)

    @classmethod
    def materialised_ids(cls, expression):
        """The matches kept in a temporary table of this connection, so that the request's several
        statements (count, page, facet counts) read them instead of each re-running the match."""
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS search_matched (id INTEGER PRIMARY KEY)")
            cursor.execute("DELETE FROM search_matched")
            cursor.execute(f"INSERT OR IGNORE INTO search_matched {cls.match_ids}", [expression])
        return RawSQL("SELECT id FROM search_matched", [])

    @staticmethod
    def prefix_expression(prefixes: list[str]) -> str:
        return "{title_words} : (" + " AND ".join(f'"{prefix}"*' for prefix in prefixes) + ")"


class PostgresText:
    facet_index_hint = ""
    match_ids = "SELECT action_id FROM search_recordentry WHERE terms_vector @@ to_tsquery('simple', %s)"
    ranked_page = (
        "SELECT action_id FROM search_recordentry, to_tsquery('simple', %s) AS query "
        "WHERE terms_vector @@ query AND action_id IN ({filtered}) "
        "ORDER BY ts_rank(terms_vector, query) + 3 * ts_rank(title_vector, query) DESC, "
        "date DESC, action_id DESC LIMIT %s OFFSET %s"
    )
    prefix_ids = (
        "SELECT action_id FROM search_recordentry, to_tsquery('simple', %s) AS query "
        "WHERE title_vector @@ query ORDER BY ts_rank(title_vector, query) DESC, date DESC LIMIT %s"
    )

    @staticmethod
    def expression(stems: list[set[str]]) -> str:
        return " & ".join("(" + " | ".join(f"'{stem}'" for stem in sorted(alts)) + ")" for alts in stems)

    @classmethod
    def materialised_ids(cls, expression):
        # PostgreSQL plans the match once per statement with its GIN index: nothing to keep.
        return RawSQL(cls.match_ids, [expression])

    @staticmethod
    def prefix_expression(prefixes: list[str]) -> str:
        return " & ".join(f"'{prefix}':*" for prefix in prefixes)


def _text():
    return PostgresText if connection.vendor == "postgresql" else SQLiteText


class DatabaseEngine:
    name = "database"

    # Writing -----------------------------------------------------------------------------------

    @transaction.atomic
    def index(self, documents: list[RecordDocument]):
        for start in range(0, len(documents), WRITE_BATCH):
            batch = documents[start : start + WRITE_BATCH]
            RecordEntry.objects.filter(pk__in=[document.id for document in batch]).delete()
            RecordEntry.objects.bulk_create(
                RecordEntry(
                    action_id=document.id,
                    terms=index_terms(
                        *document.spanish_text, *document.english_text, document.names, document.external_id
                    ),
                    title_words=" ".join(
                        dict.fromkeys(
                            [*words(document.title), *words(document.title_en)]
                            + index_terms(document.title, document.title_en).split()
                        )
                    ),
                    year=document.year,
                    date=document.date,
                    amount_cop=document.amount_cop,
                )
                for document in batch
            )
            RecordFacet.objects.bulk_create(
                RecordFacet(entry_id=document.id, facet=facet, value=value)
                for document in batch
                for facet, values in document.facets.items()
                for value in values
            )

    def remove(self, ids):
        RecordEntry.objects.filter(pk__in=list(ids)).delete()

    def clear(self):
        RecordFacet.objects.all().delete()
        RecordEntry.objects.all().delete()

    def indexed_ids(self):
        return set(RecordEntry.objects.values_list("pk", flat=True))

    # Reading -----------------------------------------------------------------------------------

    def entries(self, request: SearchRequest, except_facet: str | None = None, matches=None):
        """The index entries matching the request (all its filters but `except_facet`'s).

        `matches` is the request's text match already computed (see `search`); without it the
        queryset stands alone, for callers that evaluate it later.
        """
        entries = RecordEntry.objects.all()
        stems = query_stems(request.query)
        if stems:
            text = _text()
            entries = entries.filter(pk__in=matches or RawSQL(text.match_ids, [text.expression(stems)]))
        if request.year_from is not None:
            entries = entries.filter(year__gte=request.year_from)
        if request.year_to is not None:
            entries = entries.filter(year__lte=request.year_to)
        for facet, values in request.without(except_facet).items():
            entries = entries.filter(
                pk__in=RecordFacet.objects.filter(facet=facet, value__in=values).values("entry_id")
            )
        return entries

    def search(self, request: SearchRequest) -> EngineResult:
        stems = query_stems(request.query)
        matches = _text().materialised_ids(_text().expression(stems)) if stems else None
        entries = self.entries(request, matches=matches)
        facets = self._facet_counts(request, entries, matches)
        # Every record has exactly one type: the matching records' type counts add up to the total.
        total = sum(self._type_counts_of_matches(request, entries, facets).values())
        ids = self._page_ids(request, entries) if total > request.offset else []
        return EngineResult(
            total=total, hits=[EngineHit(id=pk, highlights=None) for pk in ids], facets=facets
        )

    def _type_counts_of_matches(self, request, entries, facets):
        if not request.filters.get("type"):
            return facets["type"]
        # The type facet's counts ignore the type selection: count the selected types only.
        return {value: count for value, count in facets["type"].items() if value in request.filters["type"]}

    def _page_ids(self, request, entries):
        sort = request.effective_sort
        if sort == "relevance":
            filtered_sql, filtered_params = entries.values("pk").query.sql_with_params()
            text = _text()
            with connection.cursor() as cursor:
                cursor.execute(
                    text.ranked_page.format(filtered=filtered_sql),
                    [
                        text.expression(query_stems(request.query)),
                        *filtered_params,
                        request.page_size,
                        request.offset,
                    ],
                )
                return [row[0] for row in cursor.fetchall()]
        if sort == "amount":
            ordering = [F("amount_cop").desc(nulls_last=True), "-date", "-pk"]
        else:
            ordering = ["-date", "-pk"]
        page = entries.order_by(*ordering)[request.offset : request.offset + request.page_size]
        return list(page.values_list("pk", flat=True))

    def _facet_counts(self, request, entries, matches):
        everything = not (request.query or request.filters or request.year_from or request.year_to)
        # No condition on `facet` here: with one, SQLite walks those facets' rows for every value
        # instead of looking up the matching records' rows. With no condition at all, reading the
        # whole table beats looking every record up.
        rows = (
            RecordFacet.objects.all()
            if everything
            else RecordFacet.objects.filter(entry__in=entries.values("pk"))
        )
        counts = defaultdict(dict)
        for facet, value, count in rows.order_by().values_list("facet", "value").annotate(count=Count("pk")):
            counts[facet][value] = count
        for facet in FACETS:
            if request.filters.get(facet):
                counts[facet] = self._one_facet_counts(
                    facet, self.entries(request, except_facet=facet, matches=matches)
                )
        return {facet: counts.get(facet, {}) for facet in FACETS}

    def _one_facet_counts(self, facet, matching):
        subquery, params = matching.values("pk").query.sql_with_params()
        sql = (
            f"SELECT value, COUNT(*) FROM search_recordfacet {_text().facet_index_hint} "
            f"WHERE facet = %s AND entry_id IN ({subquery}) GROUP BY value"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [facet, *params])
            return dict(cursor.fetchall())

    def matching_ids(self, request: SearchRequest):
        """A subquery of the matching record ids, for surfaces that read the records themselves."""
        return self.entries(request).values("pk")

    def suggest(self, prefix_text: str, limit: int) -> list[int]:
        prefixes = words(prefix_text)[:6]
        if not prefixes:
            return []
        text = _text()
        with connection.cursor() as cursor:
            cursor.execute(text.prefix_ids, [text.prefix_expression(prefixes), limit])
            return [row[0] for row in cursor.fetchall()]
