"""The scale-out engine: Elasticsearch (or an OpenSearch-compatible cluster) through elasticsearch-dsl.

Public search reads an alias; a rebuild fills a new index and moves the alias in one atomic call,
so visitors never see a half-built index. Spanish fields use the built-in `spanish` analyzer
(stopwords, plurals) with a `folded` sub-field (accents folded explicitly, which the built-in
analyzer does not promise); English fields use `english`, with the same sub-field.
"""

import logging
from datetime import UTC, datetime

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch_dsl import (
    A,
    Date,
    Document,
    Double,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
)

from search.analysis import FRAGMENT_LENGTH
from search.documents import FACETS, RecordDocument

from .base import FACET_SIZE, EngineHit, EngineResult, SearchRequest, SearchUnavailable

logger = logging.getLogger(__name__)

# Bulk work outlasts the short timeout that protects visitors' searches.
REBUILD_TIMEOUT = 120
folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
HIGHLIGHTED = ("title", "title_en", "summary", "summary_en")


def spanish_text(**kwargs):
    return Text(analyzer="spanish", fields={"folded": Text(analyzer=folded)}, **kwargs)


def english_text(**kwargs):
    return Text(analyzer="english", fields={"folded": Text(analyzer=folded)}, **kwargs)


class RecordIndexDocument(Document):
    id = Integer()
    title = spanish_text()
    title_en = english_text()
    summary = spanish_text()
    summary_en = english_text()
    # Everything searchable, per language: the query needs every word somewhere in one of them.
    text = spanish_text()
    text_en = english_text()
    external_id = Keyword()
    suggest = SearchAsYouType(analyzer=folded)
    year = Integer()
    date = Date()
    amount_cop = Double()
    facet_type = Keyword()
    facet_partner_type = Keyword()
    facet_partner = Keyword()
    facet_country = Keyword()
    facet_entity = Keyword()
    facet_sector = Keyword()
    facet_sdg = Keyword()
    facet_thematic_table = Keyword()
    facet_status = Keyword()
    facet_year = Keyword()

    @classmethod
    def from_record(cls, document: RecordDocument):
        spanish = [document.title, document.summary, document.results, document.names, document.external_id]
        english = [document.title_en, document.summary_en, document.results_en, document.names]
        return cls(
            meta={"id": document.id},
            id=document.id,
            title=document.title,
            title_en=document.title_en,
            summary=document.summary,
            summary_en=document.summary_en,
            text=" \n".join(filter(None, spanish)),
            text_en=" \n".join(filter(None, english)),
            external_id=document.external_id or None,
            suggest=[title for title in (document.title, document.title_en) if title],
            year=document.year,
            date=document.date,
            amount_cop=float(document.amount_cop) if document.amount_cop is not None else None,
            **{f"facet_{facet}": values for facet, values in document.facets.items()},
        )


def _unavailable(error):
    return SearchUnavailable(f"{type(error).__name__}: {error}")


class ElasticsearchEngine:
    name = "elasticsearch"
    # Set by search.records after a failure: until then, searches skip the cluster.
    resting_until = 0.0

    def __init__(self, client: Elasticsearch, alias: str):
        self.client = client
        self.alias = alias

    # The index ----------------------------------------------------------------------------------

    def _new_index(self, client) -> Index:
        index = Index(f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}", using=client)
        index.settings(number_of_shards=1, max_result_window=10_000)
        index.document(RecordIndexDocument)
        index.create()
        return index

    def _bulk(self, client, index_name, documents, refresh=False):
        actions = (
            RecordIndexDocument.from_record(document).to_dict(include_meta=True) | {"_index": index_name}
            for document in documents
        )
        helpers.bulk(client, actions, chunk_size=1000, refresh=refresh)

    def _require_index(self):
        # Writing to a missing alias would create a nearly empty index that searches then trust.
        if not self.client.indices.exists_alias(name=self.alias):
            raise SearchUnavailable(f"There is no index behind {self.alias}: run rebuild_search_index.")

    def index(self, documents: list[RecordDocument]):
        if not documents:
            return
        try:
            self._require_index()
            self._bulk(self.client, self.alias, documents, refresh=True)
        except (TransportError, ApiError, helpers.BulkIndexError) as error:
            raise _unavailable(error) from error

    def remove(self, ids):
        if not ids:
            return
        try:
            self._require_index()
            # Deleting a record the index never had is not an error.
            helpers.bulk(
                self.client,
                ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in ids),
                raise_on_error=False,
                refresh=True,
            )
        except (TransportError, ApiError) as error:
            raise _unavailable(error) from error

    def rebuild(self, documents, on_batch=None):
        """Fill a new index from `documents` (an iterable), then point the alias at it atomically."""
        client = self.client.options(request_timeout=REBUILD_TIMEOUT)
        try:
            index = self._new_index(client)
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) == 1000:
                    self._bulk(client, index._name, batch)
                    if on_batch:
                        on_batch(len(batch))
                    batch = []
            if batch:
                self._bulk(client, index._name, batch)
                if on_batch:
                    on_batch(len(batch))
            index.refresh()
            previous = (
                list(client.indices.get_alias(name=self.alias))
                if client.indices.exists_alias(name=self.alias)
                else []
            )
            if not previous and client.indices.exists(index=self.alias):
                client.indices.delete(index=self.alias)
            client.indices.update_aliases(
                actions=[{"remove": {"index": name, "alias": self.alias}} for name in previous]
                + [{"add": {"index": index._name, "alias": self.alias}}]
            )
            for name in previous:
                client.indices.delete(index=name)
        except (TransportError, ApiError, helpers.BulkIndexError) as error:
            raise _unavailable(error) from error

    def indexed_ids(self):
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                return set()
            return {
                int(hit["_id"])
                for hit in helpers.scan(
                    self.client.options(request_timeout=REBUILD_TIMEOUT),
                    index=self.alias,
                    query={"_source": False},
                )
            }
        except (TransportError, ApiError) as error:
            raise _unavailable(error) from error

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except (TransportError, ApiError):
            return False

    # Searching ----------------------------------------------------------------------------------

    @staticmethod
    def _text_query(query):
        required = Q(
            "bool",
            should=[
                Q("match", **{field: {"query": query, "operator": "and"}})
                for field in ("text", "text.folded", "text_en", "text_en.folded")
            ],
            minimum_should_match=1,
        )
        title_boost = [
            Q("match", **{field: {"query": query, "boost": 3}})
            for field in ("title", "title.folded", "title_en", "title_en.folded")
        ]
        return Q("bool", must=[required], should=title_boost)

    @staticmethod
    def _facet_filter(filters):
        return [Q("terms", **{f"facet_{facet}": list(values)}) for facet, values in filters.items() if values]

    def search(self, request: SearchRequest) -> EngineResult:
        search = Search(using=self.client, index=self.alias).extra(track_total_hits=True)
        scope = []
        if request.query:
            scope.append(self._text_query(request.query))
        if request.year_from is not None or request.year_to is not None:
            bounds = {"gte": request.year_from, "lte": request.year_to}
            scope.append(Q("range", year={key: value for key, value in bounds.items() if value is not None}))
        search = search.query(Q("bool", must=scope) if scope else Q("match_all"))
        selected = self._facet_filter(request.filters)
        if selected:
            search = search.post_filter(Q("bool", filter=selected))
        for facet in FACETS:
            others = self._facet_filter(request.without(facet))
            aggregation = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            aggregation.bucket("values", "terms", field=f"facet_{facet}", size=FACET_SIZE)
            search.aggs.bucket(facet, aggregation)

        sort = request.effective_sort
        if sort == "relevance":
            search = search.sort("_score", {"date": "desc"}, {"id": "desc"})
        elif sort == "amount":
            search = search.sort(
                {"amount_cop": {"order": "desc", "missing": "_last"}}, {"date": "desc"}, {"id": "desc"}
            )
        else:
            search = search.sort({"date": "desc"}, {"id": "desc"})
        search = search.source(False).highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], require_field_match=False
        )
        for field in HIGHLIGHTED:
            # A title is highlighted whole; a summary gives its best fragment.
            options = (
                {"number_of_fragments": 0}
                if field.startswith("title")
                else {"number_of_fragments": 1, "fragment_size": FRAGMENT_LENGTH}
            )
            search = search.highlight(field, f"{field}.folded", **options)
        search = search[request.offset : request.offset + request.page_size]

        try:
            response = search.execute()
        except (TransportError, ApiError) as error:
            raise _unavailable(error) from error
        hits = []
        for hit in response.hits:
            found = hit.meta.to_dict().get("highlight", {})
            highlights = {
                field: (found.get(field) or found.get(f"{field}.folded"))[0]
                for field in HIGHLIGHTED
                if found.get(field) or found.get(f"{field}.folded")
            }
            hits.append(EngineHit(id=int(hit.meta.id), highlights=highlights))
        facets = {
            facet: {
                str(bucket["key"]): bucket["doc_count"]
                for bucket in response.aggregations[facet]["values"]["buckets"]
            }
            for facet in FACETS
        }
        return EngineResult(total=response.hits.total.value, hits=hits, facets=facets)

    def suggest(self, prefix_text: str, limit: int) -> list[int]:
        search = (
            Search(using=self.client, index=self.alias)
            .query(
                "multi_match",
                query=prefix_text,
                type="bool_prefix",
                operator="and",
                fields=["suggest", "suggest._2gram", "suggest._3gram"],
            )
            .source(False)[:limit]
        )
        try:
            return [int(hit.meta.id) for hit in search.execute().hits]
        except (TransportError, ApiError) as error:
            raise _unavailable(error) from error
