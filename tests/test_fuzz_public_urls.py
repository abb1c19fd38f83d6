"""Property-based: no visitor input makes a public URL answer 5xx.

Every public address that reads GET parameters is requested with hostile parameters (its own names
and unknown ones, with any text, huge numbers, control characters, repeated values) and with raw
query strings that are not valid UTF-8; addresses with a variable part get hostile path segments.
Where a filter set validates the parameters (the register search's, the news, results and
good-practice indexes'), invalid ones must answer 4xx.
The demo site is built once for the module (`demo_site_for_module`).
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from wagtail.models import Page

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buenas_practicas.filters import GoodPracticeFilterSet
from buenas_practicas.models import GoodPracticeIndexPage, GoodPracticePage
from cooperacion.filters import ResultFilterSet
from cooperacion.models import (
    CooperationAction,
    DashboardPage,
    DatasetPage,
    ResultsIndexPage,
    StrategyPage,
)
from home.filters import NewsItemFilterSet
from home.models import EventPage, NewsIndexPage, TransparencyIndexPage
from search.filters import RecordSearchFilterSet, every_public_match
from tests.hostile_input import PATH_SEGMENTS, RAW_QUERY_STRINGS, as_query_dict, examples, query_params

pytestmark = pytest.mark.django_db

SEARCH_NAMES = set(RecordSearchFilterSet.base_filters)
WAGTAIL_API_NAMES = {
    "type", "fields", "limit", "offset", "order", "search", "search_operator", "locale", "child_of",
    "ancestor_of", "descendant_of", "translation_of", "slug", "title", "id", "show_in_menus", "html_path",
    "site", "tags",
}  # fmt: skip


def search_is_invalid(params) -> bool:
    return not RecordSearchFilterSet(params, queryset=CooperationAction.objects.public()).is_valid()


def matches_are_invalid(params) -> bool:
    return not every_public_match(params).is_valid()


@dataclass
class Surface:
    """A public address, the parameter names it reads, and, where a filter set decides, which
    parameters must be refused (4xx)."""

    path: str
    names: set = field(default_factory=set)
    must_refuse: object = None


def refused_by(filterset_class, queryset):
    """A listing page of `queryset` filtered by `filterset_class`: invalid parameters answer 400."""
    return lambda params: not filterset_class(params, queryset=queryset).is_valid()


def live_page(model, language="es"):
    return model.objects.live().filter(locale__language_code=language).first()


def page_url(model, language="es"):
    return live_page(model, language).url


@pytest.fixture(scope="module")
def surfaces(demo_site_for_module, django_db_blocker):
    with django_db_blocker.unblock():
        record = CooperationAction.objects.public().order_by("pk").first().pk
        news_index, results_index = live_page(NewsIndexPage), live_page(ResultsIndexPage)
        good_practices = live_page(GoodPracticeIndexPage)
        news = news_index.url
        strategy = StrategyPage.objects.live().first()
        return SimpleNamespace(
            pages={
                "register search page": Surface("/es/cooperacion/buscar/", SEARCH_NAMES, search_is_invalid),
                "register search page (en)": Surface(
                    "/en/cooperation/search/", SEARCH_NAMES, search_is_invalid
                ),
                "record sheet": Surface(f"/es/cooperacion/registro/{record}/"),
                "site search": Surface("/es/buscar/", {"q", "page"}),
                "api v1 records": Surface("/api/v1/records/", SEARCH_NAMES, search_is_invalid),
                "api v1 figures": Surface("/api/v1/records/figures/", SEARCH_NAMES, matches_are_invalid),
                "api v1 suggest": Surface("/api/v1/records/suggest/", {"q"}),
                "api v1 record": Surface(f"/api/v1/records/{record}/"),
                "api v1 schema": Surface("/api/v1/schema/", {"format", "lang"}),
                "api v2 pages": Surface("/api/v2/pages/", WAGTAIL_API_NAMES),
                "api v2 find": Surface("/api/v2/pages/find/", WAGTAIL_API_NAMES),
                "api v2 page": Surface(f"/api/v2/pages/{Page.objects.live().last().pk}/", {"fields", "type"}),
                "api v2 images": Surface("/api/v2/images/", WAGTAIL_API_NAMES),
                "api v2 documents": Surface("/api/v2/documents/", WAGTAIL_API_NAMES),
                "dashboard": Surface(page_url(DashboardPage), SEARCH_NAMES, matches_are_invalid),
                "dataset page": Surface(page_url(DatasetPage), SEARCH_NAMES, matches_are_invalid),
                "news index": Surface(
                    news,
                    set(NewsItemFilterSet.base_filters),
                    refused_by(NewsItemFilterSet, news_index.items()),
                ),
                "news rss": Surface(news + "rss/"),
                "news atom": Surface(news + "atom/"),
                "news calendar": Surface(news + "calendario/"),
                "event calendar": Surface(page_url(EventPage) + "calendario/"),
                "results index": Surface(
                    results_index.url,
                    {*ResultFilterSet.base_filters, "page"},
                    refused_by(ResultFilterSet, results_index.results()),
                ),
                "good practices": Surface(
                    good_practices.url,
                    {*GoodPracticeFilterSet.base_filters, "page"},
                    refused_by(GoodPracticeFilterSet, good_practices.sheets()),
                ),
                "good practice sheet": Surface(page_url(GoodPracticePage), {"print"}),
                "strategy": Surface(strategy.url),
                "transparency items": Surface(page_url(TransparencyIndexPage) + "items.json"),
                "iati crosswalk": Surface("/es/datos-abiertos/iati/"),
                "sitemap": Surface("/sitemap.xml", {"p"}),
                "technical assistance figures": Surface("/es/asistencia-tecnica/cifras/"),
            },
            files={
                "csv": Surface("/datos/registro.csv", {*SEARCH_NAMES, "formato"}, matches_are_invalid),
                "xlsx": Surface("/datos/registro.xlsx", SEARCH_NAMES, matches_are_invalid),
                "json": Surface("/datos/registro.json", SEARCH_NAMES, matches_are_invalid),
                "iati": Surface("/datos/iati/actividades.xml", SEARCH_NAMES, matches_are_invalid),
                "iati activity": Surface(f"/datos/iati/actividades/{record}.xml"),
            },
            paths={
                "record sheet": "/es/cooperacion/registro/{}/",
                "api v1 record": "/api/v1/records/{}/",
                "api v2 page": "/api/v2/pages/{}/",
                "api v2 image": "/api/v2/images/{}/",
                "api v2 document": "/api/v2/documents/{}/",
                "iati activity": "/datos/iati/actividades/{}.xml",
                "page": "/es/{}/",
                "page in a section": "/es/noticias/{}/",
                "strategy version": strategy.url + "versiones/{}/",
                "english page": "/en/{}/",
                "page password form": "/es/_util/authenticate_with_password/{}/1/",
                "survey": "/es/encuesta/{}/",
            },
        )


PAGES = [
    "register search page", "register search page (en)", "record sheet", "site search", "api v1 records",
    "api v1 figures", "api v1 suggest", "api v1 record", "api v1 schema", "api v2 pages", "api v2 find",
    "api v2 page", "api v2 images", "api v2 documents", "dashboard", "dataset page", "news index",
    "news rss", "news atom", "news calendar", "event calendar", "results index", "good practices",
    "good practice sheet", "strategy", "transparency items", "iati crosswalk", "sitemap",
    "technical assistance figures",
]  # fmt: skip
FILES = ["csv", "xlsx", "json", "iati", "iati activity"]
PATHS = [
    "record sheet", "api v1 record", "api v2 page", "api v2 image", "api v2 document", "iati activity",
    "page", "page in a section", "strategy version", "english page", "page password form", "survey",
]  # fmt: skip


def test_every_surface_is_fuzzed(surfaces):
    assert (set(PAGES), set(FILES), set(PATHS)) == (
        set(surfaces.pages),
        set(surfaces.files),
        set(surfaces.paths),
    )


def assert_answers_without_error(client, surface, params):
    query = as_query_dict(params)
    response = client.get(surface.path, query)
    assert response.status_code < 500, (surface.path, query.urlencode())
    if surface.must_refuse and surface.must_refuse(query):
        # 400 with the errors; 404 when a REST framework `format` names no format it has.
        assert 400 <= response.status_code < 500, (surface.path, query.urlencode())


@examples(4)
@given(name=st.sampled_from(PAGES), data=st.data())
def test_pages_and_apis_never_fail_on_hostile_parameters(client, surfaces, name, data):
    surface = surfaces.pages[name]
    assert_answers_without_error(client, surface, data.draw(query_params(surface.names), label="params"))


@examples(1)
@given(name=st.sampled_from(FILES), data=st.data())
def test_downloads_never_fail_on_hostile_parameters(client, surfaces, name, data):
    surface = surfaces.files[name]
    assert_answers_without_error(client, surface, data.draw(query_params(surface.names), label="params"))


@examples(1.5)
@given(name=st.sampled_from(PAGES + FILES), query_string=RAW_QUERY_STRINGS)
def test_no_address_fails_on_a_query_string_that_is_not_utf8(client, surfaces, name, query_string):
    path = {**surfaces.pages, **surfaces.files}[name].path
    response = client.get(f"{path}?{query_string}")
    assert response.status_code < 500, (path, query_string)


@examples(1.5)
@given(name=st.sampled_from(PATHS), segment=PATH_SEGMENTS)
def test_hostile_path_segments_never_fail(client, surfaces, name, segment):
    path = surfaces.paths[name].format(segment)
    response = client.get(path)
    assert response.status_code < 500, path
