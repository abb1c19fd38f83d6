"""What /healthz says about search."""

from wagtail.search.backends import get_search_backend

from .backends import DATABASE_BACKEND


def search_status() -> dict:
    from django.conf import settings

    configured = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if configured == DATABASE_BACKEND:
        return {"backend": "database", "status": "ok"}
    backend = get_search_backend()
    try:
        reachable = backend.es.ping()
    except Exception:  # the client raises transport errors of several kinds; any means unreachable
        reachable = False
    return {"backend": "elasticsearch", "status": "ok" if reachable else "degraded"}
