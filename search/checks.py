"""Start-up checks of the search configuration (`python manage.py check`)."""

import re
import sqlite3
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connection

from .backends import DATABASE_BACKEND, ELASTICSEARCH_BACKEND

INDEX_PREFIX = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@register(Tags.compatibility)
def check_record_search(app_configs, **kwargs):
    config = settings.RECORD_SEARCH
    url = config.get("URL")
    errors = []
    page_backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            errors.append(
                Error(
                    f"ELASTICSEARCH_URL must be an http(s) URL with a host, not {url!r}.",
                    id="search.E001",
                )
            )
        if not INDEX_PREFIX.match(config.get("INDEX_PREFIX") or ""):
            errors.append(
                Error(
                    "ELASTICSEARCH_INDEX_PREFIX must be lowercase letters, digits, '-' or '_'.",
                    id="search.E002",
                )
            )
        if not config.get("TIMEOUT") or config["TIMEOUT"] <= 0:
            errors.append(Error("ELASTICSEARCH_SEARCH_TIMEOUT must be positive.", id="search.E003"))
        if page_backend != ELASTICSEARCH_BACKEND:
            errors.append(
                Error(
                    "The register search uses Elasticsearch but page search does not.",
                    hint="Build WAGTAILSEARCH_BACKENDS with search.backends.wagtail_search_backends().",
                    id="search.E004",
                )
            )
    else:
        if page_backend != DATABASE_BACKEND:
            errors.append(
                Error(
                    "Page search uses Elasticsearch but the register search has no ELASTICSEARCH_URL.",
                    id="search.E004",
                )
            )
        if connection.vendor == "sqlite" and not _sqlite_has_fts5():
            errors.append(
                Error(
                    "This Python's SQLite lacks FTS5, which the embedded search needs.",
                    hint="Use a Python built against SQLite 3.9 or later with FTS5, or set ELASTICSEARCH_URL.",
                    id="search.E005",
                )
            )
    return errors


@register(Tags.compatibility, deploy=True)
def check_elasticsearch_reachable(app_configs, **kwargs):
    from .records import configured_engine, elasticsearch_configured

    if not elasticsearch_configured() or check_record_search(app_configs):
        return []
    if configured_engine().ping():
        return []
    return [
        Warning(
            f"Elasticsearch at {settings.RECORD_SEARCH['URL']} does not answer: searches will fall back "
            "to the database engine.",
            id="search.W001",
        )
    ]


def _sqlite_has_fts5() -> bool:
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    return True
