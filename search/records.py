"""The public search of the cooperation register: one service, two engines.

`search_records()` asks the configured engine (Elasticsearch when ELASTICSEARCH_URL is set, the
database otherwise). When Elasticsearch cannot answer, that request falls back to the database
engine, which every write keeps up to date too; the result says so (`degraded`).
"""

import logging
import time
from dataclasses import dataclass, replace
from functools import cache

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cooperacion.models import (
    ActionType,
    CooperationAction,
    DistrictEntity,
    Partner,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
)
from cooperacion.models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS

from .analysis import FRAGMENT_LENGTH, highlight, words
from .documents import FACETS
from .engines.base import SearchRequest, SearchUnavailable
from .engines.database import DatabaseEngine

logger = logging.getLogger(__name__)

FACET_LABELS = {
    "type": _("Tipo de acción"),
    "partner_type": _("Tipo de aliado"),
    "partner": _("Aliado"),
    "country": _("País"),
    "entity": _("Entidad distrital"),
    "sector": _("Sector"),
    "sdg": _("Objetivo de Desarrollo Sostenible"),
    "thematic_table": _("Mesa temática"),
    "status": _("Estado"),
    "year": _("Año"),
}
# After Elasticsearch fails to answer, searches go straight to the database for this long.
RETRY_AFTER_SECONDS = 30
# How many values a facet lists; selected values are always listed as well.
FACET_DISPLAY_LIMIT = 40


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    buckets: list[Bucket]

    @property
    def selected(self):
        return [bucket for bucket in self.buckets if bucket.selected]


@dataclass
class RecordHit:
    action: CooperationAction
    title_html: str
    summary_html: str
    title_lang: str
    summary_lang: str


@dataclass
class RecordSearchResult:
    request: SearchRequest
    total: int
    hits: list[RecordHit]
    facets: list[Facet]
    engine: str
    degraded: bool

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.request.page_size))


def elasticsearch_configured() -> bool:
    return bool(settings.RECORD_SEARCH.get("URL"))


def configured_engine():
    config = settings.RECORD_SEARCH
    if not config.get("URL"):
        return DatabaseEngine()
    return _elasticsearch_engine(
        config["URL"], config["INDEX_PREFIX"], config["OPENSEARCH_COMPATIBLE"], config["TIMEOUT"]
    )


@cache
def _elasticsearch_engine(url, index_prefix, opensearch_compatible, timeout):
    from elasticsearch import Elasticsearch

    from .engines.elasticsearch import ElasticsearchEngine

    options = {}
    if opensearch_compatible:
        from .transport import OpenSearchCompatibleNode

        options["node_class"] = OpenSearchCompatibleNode
    # A short timeout and no retries: a visitor waits for the fallback, not for a dead cluster.
    client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False, **options)
    return ElasticsearchEngine(client, alias=f"{index_prefix}_cooperation_records")


def search_records(request: SearchRequest) -> RecordSearchResult:
    if request.query and not words(request.query):
        # Only function words or symbols ("de", "%"): nothing to match, so no text condition.
        request = replace(request, query="")
    (engine_name, degraded), found = _answer("search", lambda engine: engine.search(request))
    return RecordSearchResult(
        request=request,
        total=found.total,
        hits=_hydrate(found.hits, request.query),
        facets=_label_facets(found.facets, request) if request.labelled_facets else [],
        engine=engine_name,
        degraded=degraded,
    )


def suggest_records(text: str, limit: int = 8) -> list[CooperationAction]:
    _engine, ids = _answer("suggestions", lambda engine: engine.suggest(text, limit))
    actions = CooperationAction.objects.public().in_bulk(ids)
    return [actions[pk] for pk in ids if pk in actions]


def _answer(what, ask):
    """Ask the configured engine; if it cannot answer, or has not received every change yet, ask
    the database engine, and leave a failing cluster alone for a while so that visitors do not
    each wait for its timeout."""
    engine = configured_engine()
    if isinstance(engine, DatabaseEngine):
        return (engine.name, False), ask(engine)
    if engine.resting_until <= time.monotonic():
        try:
            if not _in_step():
                raise SearchUnavailable("it has not received every change yet")
            return (engine.name, False), ask(engine)
        except SearchUnavailable as error:
            logger.warning("Record %s fell back to the database engine: %s", what, error)
            engine.resting_until = time.monotonic() + RETRY_AFTER_SECONDS
    fallback = DatabaseEngine()
    return (fallback.name, True), ask(fallback)


def _in_step():
    """Whether Elasticsearch has every change; tries to send it what it misses."""
    from .indexing import sync_pending
    from .models import PendingChange

    return not PendingChange.objects.exists() or sync_pending()


def _hydrate(hits, query) -> list[RecordHit]:
    """The public records behind the hits, re-checked against the visibility rule."""
    # What result cards and the API show of a record besides its texts: its partners.
    actions = (
        CooperationAction.objects.public()
        .prefetch_related("partner_links__partner")
        .in_bulk([hit.id for hit in hits])
    )
    records = []
    for hit in hits:
        action = actions.get(hit.id)
        if action is not None:
            title, title_lang = _marked(action, "title", hit.highlights, query)
            summary, summary_lang = _marked(action, "summary", hit.highlights, query)
            records.append(RecordHit(action, title, summary, title_lang, summary_lang))
    return records


def _marked(action, field, highlights, query):
    """The field in the reader's language (English when there is an English text), highlighted
    by the engine or, when it leaves that to us, here; with the language it is written in."""
    language = action.language_of(field)
    name = field if language == "es" else f"{field}_en"
    text = getattr(action, name)
    if highlights is None:
        length = len(text) if field == "title" else FRAGMENT_LENGTH
        return highlight(text, query, length=length), language
    return highlights.get(name) or escape(text), language


def _label_facets(counts: dict[str, dict[str, int]], request: SearchRequest) -> list[Facet]:
    shown = {}
    for facet in FACETS:
        selected = set(request.filters.get(facet, ()))
        values = counts.get(facet, {})
        if facet in ("year", "sdg"):
            ordered = sorted(set(values) | selected, key=lambda value: int(value) if value.isdigit() else 0)
            if facet == "year":
                ordered.reverse()
        else:
            ordered = sorted(set(values) | selected, key=lambda value: (-values.get(value, 0), value))
        top = ordered[:FACET_DISPLAY_LIMIT]
        shown[facet] = top + [value for value in ordered[FACET_DISPLAY_LIMIT:] if value in selected]
    labels = _labels(shown)
    return [
        Facet(
            facet,
            FACET_LABELS[facet],
            [
                Bucket(
                    value,
                    labels[facet][value],
                    counts.get(facet, {}).get(value, 0),
                    value in request.filters.get(facet, ()),
                )
                for value in shown[facet]
                if value in labels[facet]
            ],
        )
        for facet in FACETS
    ]


def _labels(wanted: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """A label for every known value; unknown ones (a deleted partner still in a URL) are dropped."""

    def ids(facet):
        return [int(value) for value in wanted[facet] if value.isdigit()]

    return {
        "type": {value: str(label) for value, label in ActionType.choices},
        "partner_type": {value: str(label) for value, label in PartnerType.choices},
        "status": {value: str(label) for value, label in Status.choices},
        "country": {code: str(countries.name(code)) for code in wanted["country"] if countries.name(code)},
        "sdg": {str(number): f"{number}. {name}" for number, name in SUSTAINABLE_DEVELOPMENT_GOALS.items()},
        "year": {value: value for value in wanted["year"] if value.isdigit()},
        "partner": {str(item.pk): str(item) for item in Partner.objects.filter(pk__in=ids("partner"))},
        "entity": {str(item.pk): str(item) for item in DistrictEntity.objects.filter(pk__in=ids("entity"))},
        "sector": {str(item.pk): item.display_name for item in Sector.objects.filter(pk__in=ids("sector"))},
        "thematic_table": {
            str(item.pk): item.display_name
            for item in ThematicTable.objects.filter(pk__in=ids("thematic_table"))
        },
    }
