"""What /healthz says about search."""

from .records import configured_engine, elasticsearch_configured


def search_status() -> dict:
    if not elasticsearch_configured():
        return {"backend": "database", "status": "ok"}
    # Searches still answer while Elasticsearch is down (from the database): degraded, not failed.
    return {"backend": "elasticsearch", "status": "ok" if configured_engine().ping() else "degraded"}
