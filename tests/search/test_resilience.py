"""What happens around the search: what is indexed, rebuilding, a cluster that stops answering,
and the start-up checks of the configuration."""

import socket
from io import StringIO

from django.core.checks import run_checks
from django.core.management import CommandError, call_command

import pytest

from search.analysis import english_minimal_stem, highlight, index_terms, spanish_light_stem
from search.engines.base import SearchRequest, SearchUnavailable
from search.engines.database import DatabaseEngine
from search.indexing import public_documents, rebuild
from search.records import _elasticsearch_engine, configured_engine, search_records

from .conftest import PUBLIC_KEYS, record_search_settings


def public_ids(world):
    return {world.records[key].pk for key in PUBLIC_KEYS}


def test_only_public_records_are_indexed(world):
    assert configured_engine().indexed_ids() == public_ids(world)
    assert DatabaseEngine().indexed_ids() == public_ids(world)


def test_the_rebuild_command_reports_what_it_indexed(world):
    out = StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=StringIO())
    assert "database: 5 public records indexed." in out.getvalue()
    if world.engine == "elasticsearch":
        assert "elasticsearch: 5 public records indexed." in out.getvalue()
    assert configured_engine().indexed_ids() == public_ids(world)


def test_the_rebuild_command_refuses_an_unconfigured_cluster(db, settings):
    settings.RECORD_SEARCH = record_search_settings(None)
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command("rebuild_search_index", engine="elasticsearch", stdout=StringIO(), stderr=StringIO())


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_a_rebuild_swaps_the_alias_so_search_never_sees_a_half_built_index(world):
    engine = configured_engine()
    client = engine.client
    before = set(client.indices.get_alias(name=engine.alias))
    seen_during = []

    def during_rebuild(count):
        # The new index is being filled: the alias still points at the complete old one.
        seen_during.append(
            (set(client.indices.get_alias(name=engine.alias)), search_records(SearchRequest()).total)
        )

    engine.rebuild(public_documents(), on_batch=during_rebuild)

    after = set(client.indices.get_alias(name=engine.alias))
    assert seen_during == [(before, 5)]
    assert after != before and len(after) == 1
    assert not client.indices.exists(index=list(before)[0])
    assert search_records(SearchRequest()).total == 5


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_search_falls_back_to_the_database_when_the_cluster_stops(world, client, caplog, osmem_clone):
    expected = {hit.action.pk for hit in search_records(SearchRequest(query="alianza")).hits}
    assert search_records(SearchRequest()).engine == "elasticsearch"

    osmem_clone.close()  # the server goes away mid-test
    assert not configured_engine().ping()

    result = search_records(SearchRequest(query="alianza"))
    assert (result.engine, result.degraded) == ("database", True)
    assert {hit.action.pk for hit in result.hits} == expected
    assert "fell back to the database engine" in caplog.text

    def must_not_be_asked(*args):
        raise AssertionError("the cluster is resting: it should not be asked again so soon")

    configured_engine().search = must_not_be_asked

    assert client.get("/es/cooperacion/buscar/", {"q": "alianza"}).status_code == 200
    assert client.get("/api/v1/records/").json()["degraded"] is True
    assert client.get("/api/v1/records/suggest/", {"q": "alia"}).status_code == 200
    health = client.get("/healthz")
    assert health.json()["search"] == {"backend": "elasticsearch", "status": "degraded"}


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_a_cluster_that_never_answers_times_out_into_the_fallback(world, settings):
    with socket.socket() as silent:  # accepts connections, never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        settings.RECORD_SEARCH = {
            **record_search_settings(f"http://127.0.0.1:{silent.getsockname()[1]}"),
            "TIMEOUT": 0.5,
        }
        _elasticsearch_engine.cache_clear()
        result = search_records(SearchRequest(query="alianza"))
    assert (result.engine, result.degraded, result.total) == ("database", True, 2)


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_an_index_written_while_the_cluster_is_down_is_logged_not_fatal(
    world, settings, caplog, django_capture_on_commit_callbacks
):
    settings.RECORD_SEARCH = record_search_settings("http://127.0.0.1:9")
    _elasticsearch_engine.cache_clear()
    record = world.records["R4"]
    record.title = "Intercambio renovado con Madrid"
    with django_capture_on_commit_callbacks(execute=True):
        record.save_revision().publish()
    assert "has not taken the pending record changes" in caplog.text
    assert search_records(SearchRequest(query="renovado")).total == 1  # the database copy is current


class TestChecks:
    def errors(self):
        return {
            message.id
            for message in run_checks(include_deployment_checks=True)
            if message.id.startswith("search.")
        }

    def test_the_embedded_default_is_clean(self, settings):
        settings.RECORD_SEARCH = record_search_settings(None)
        assert self.errors() == set()

    def test_a_malformed_configuration_stops_the_start(self, settings):
        settings.RECORD_SEARCH = {
            **record_search_settings("ftp://"),
            "INDEX_PREFIX": "Bad Prefix",
            "TIMEOUT": 0,
        }
        assert self.errors() >= {"search.E001", "search.E002", "search.E003", "search.E004"}

    def test_an_unreachable_cluster_is_a_deployment_warning(self, settings):
        settings.RECORD_SEARCH = record_search_settings("http://127.0.0.1:9")
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.elasticsearch8"}}
        _elasticsearch_engine.cache_clear()
        assert self.errors() == {"search.W001"}


class TestAnalysis:
    @pytest.mark.parametrize(
        ("words", "stem"),
        [
            (["alianza", "alianzas"], "alianz"),
            (["ciudad", "ciudades"], "ciudad"),
            (["mujer", "mujeres"], "mujer"),
            (["luz", "luces"], "luz"),
            (["país", "países"], "pais"),
        ],
    )
    def test_spanish_singular_and_plural_meet(self, words, stem):
        assert all(stem in index_terms(word).split() for word in words)

    def test_short_words_keep_their_ending(self):
        assert spanish_light_stem("red") == "red" and spanish_light_stem("redes") == "red"

    @pytest.mark.parametrize(
        ("plural", "singular"), [("partnerships", "partnership"), ("cities", "city"), ("agencies", "agency")]
    )
    def test_english_plurals_meet_singulars(self, plural, singular):
        assert english_minimal_stem(plural) == english_minimal_stem(singular)

    def test_function_words_are_not_required(self):
        assert index_terms("la alianza de las ciudades y the cities") == index_terms(
            "alianza ciudades cities"
        )

    def test_highlight_escapes_and_marks(self):
        fragment = highlight("Una <b>alianza</b> entre ciudades", "ciudad alianzas")
        assert fragment == "Una &lt;b&gt;<mark>alianza</mark>&lt;/b&gt; entre <mark>ciudades</mark>"

    def test_highlight_cuts_long_text_around_the_first_match(self):
        text = "palabra " * 100 + "cooperación " + "palabra " * 100
        fragment = highlight(text, "cooperacion")
        assert fragment.startswith("… ") and fragment.endswith(" …")
        assert "<mark>cooperación</mark>" in fragment and len(fragment) < 300


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_a_change_the_cluster_missed_keeps_searches_on_the_database_until_it_is_sent(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    engine = configured_engine()
    record = world.records["R1"]

    def refuse(*args, **kwargs):
        raise SearchUnavailable("simulated outage")

    with monkeypatch.context() as patched:
        patched.setattr(engine, "remove", refuse)
        record.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            record.unpublish()
        engine.resting_until = 0.0  # the outage is over, but the cluster still has the record
        patched.setattr(engine, "index", refuse)
        result = search_records(SearchRequest(query="electrica"))
        assert (result.engine, result.degraded, result.total) == ("database", True, 0)

    engine.resting_until = 0.0
    result = search_records(SearchRequest(query="electrica"))
    assert (result.engine, result.degraded, result.total) == ("elasticsearch", False, 0)
    assert record.pk not in engine.indexed_ids()


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_a_change_made_during_a_rebuild_is_applied_to_the_new_index(
    world, django_capture_on_commit_callbacks
):
    record = world.records["R1"]
    record.refresh_from_db()

    def unpublish_meanwhile(count):
        # The new index already holds R1; the unpublication reaches only the old one, behind the alias.
        with django_capture_on_commit_callbacks(execute=True):
            record.unpublish()

    rebuild(["elasticsearch"], progress=unpublish_meanwhile)
    assert record.pk not in configured_engine().indexed_ids()
    assert search_records(SearchRequest(query="electrica")).total == 0


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_without_an_index_writes_wait_and_searches_use_the_database(
    world, django_capture_on_commit_callbacks
):
    engine = configured_engine()
    for name in engine.client.indices.get_alias(name=engine.alias):
        engine.client.indices.delete(index=name)
    record = world.records["R2"]
    with django_capture_on_commit_callbacks(execute=True):
        record.save_revision().publish()
    assert not engine.client.indices.exists_alias(name=engine.alias)  # no half-empty index appeared
    result = search_records(SearchRequest())
    assert (result.engine, result.degraded, result.total) == ("database", True, 5)
    rebuild(["elasticsearch"])
    engine.resting_until = 0.0
    assert search_records(SearchRequest()).engine == "elasticsearch"
