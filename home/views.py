from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Site

from search.health import search_status


@never_cache
@require_GET
def healthz(request):
    """State of the database and the search backend; 503 when the database cannot answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    search = search_status()
    healthy = database == "ok"
    body = {
        "status": "ok" if healthy and search["status"] == "ok" else ("degraded" if healthy else "error"),
        "database": database,
        "search": search,
    }
    return JsonResponse(body, status=200 if healthy else 503)


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_GET
def site_map(request):
    """The human-readable site map of the visitor's language: its sections and their subsections."""
    home = Site.find_for_request(request).root_page.localized
    pages = list(
        home.get_descendants(inclusive=True)
        .live()
        .public()
        .filter(depth__lte=home.depth + 2)
        .order_by("path")
    )
    for page in pages:
        page.level = page.depth - home.depth
    return render(request, "home/site_map.html", {"pages": pages, "home": home})
