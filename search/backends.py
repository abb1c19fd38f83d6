"""Search backend configuration, read by the settings before Django's apps load.

Without ELASTICSEARCH_URL the portal uses Wagtail's database backend (SQLite FTS5 in the
embedded default, with titles weighted by `search.database_backend`; PostgreSQL full text in
production); with it, Wagtail's Elasticsearch 8
backend, optionally speaking to an OpenSearch-compatible cluster through
`search.transport.OpenSearchCompatibleNode`.
"""

DATABASE_BACKEND = "search.database_backend"
# Created by search/migrations/0001 on PostgreSQL: Spanish stemming with accents folded.
POSTGRES_SEARCH_CONFIG = "portal_search"
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch8"


def wagtail_search_backends(
    url: str | None,
    index_prefix: str,
    opensearch_compatible: bool,
    timeout: int,
    database_vendor: str,
) -> dict:
    if not url:
        backend = {"BACKEND": DATABASE_BACKEND}
        if database_vendor == "postgresql":
            backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
        return {"default": backend}

    options = {}
    if opensearch_compatible:
        from search.transport import OpenSearchCompatibleNode

        options["node_class"] = OpenSearchCompatibleNode
    return {
        "default": {
            "BACKEND": ELASTICSEARCH_BACKEND,
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}_",
            "TIMEOUT": timeout,
            "OPTIONS": options,
        }
    }
