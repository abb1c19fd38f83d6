"""The register's public pages: the faceted search and a record's public sheet."""

from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home.throttling import SearchThrottle, rate_limited
from search.filters import DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW, RecordSearchFilterSet
from search.records import search_records

from .models import CooperationAction

PAGE_WINDOW = 2


@rate_limited(throttle=SearchThrottle)
@require_GET
def record_search(request):
    filterset = RecordSearchFilterSet(request.GET, queryset=CooperationAction.objects.none())
    search_request = filterset.search_request()
    result = search_records(search_request)
    context = {
        "filterset": filterset,
        "result": result,
        "chips": _chips(request.GET, result),
        "pages": _pages(
            request.GET, search_request.page, min(result.num_pages, last_reachable_page(search_request))
        ),
        "words": search_request.query,
        "default_page_size": DEFAULT_PAGE_SIZE,
    }
    # Parameters a visitor typed wrong: the page says which, and answers for the valid ones.
    status = 400 if filterset.errors else 200
    return render(request, "cooperacion/record_search.html", context, status=status)


@require_GET
def record_detail(request, pk):
    action = get_object_or_404(
        CooperationAction.objects.public()
        .select_related("thematic_table", "development_plan_target")
        .prefetch_related(
            "partner_links__partner",
            "entity_links__entity__sector",
            "sdgs",
            "localities",
            "transversal_axes",
            "indicators",
            "documents__document",
        ),
        pk=pk,
    )
    return render(
        request,
        "cooperacion/record_detail.html",
        {
            "action": action,
            "summary": action.localized("summary"),
            "languages": {
                field: action.language_of(field) for field in ("title", "summary", "description", "results")
            },
            "description": action.localized("description"),
            "results": action.localized("results") if action.shows_results else "",
            "public_documents": [link.document for link in action.documents.all() if link.public],
        },
    )


def last_reachable_page(search_request):
    return max(1, MAX_RESULT_WINDOW // search_request.page_size)


def _without(params: QueryDict, key: str, value: str | None = None) -> str:
    remaining = params.copy()
    remaining.pop("page", None)
    if value is None:
        remaining.pop(key, None)
    else:
        remaining.setlist(key, [item for item in remaining.getlist(key) if item != value])
    return "?" + remaining.urlencode() if remaining else "?"


def _chips(params: QueryDict, result) -> list[dict]:
    """The active filters, each with the link that removes it."""
    request = result.request
    chips = []
    if request.query:
        chips.append(
            {"label": _("Palabras: «%(query)s»") % {"query": request.query}, "url": _without(params, "q")}
        )
    for facet in result.facets:
        for bucket in facet.selected:
            chips.append(
                {"label": f"{facet.label}: {bucket.label}", "url": _without(params, facet.key, bucket.value)}
            )
    if request.year_from is not None:
        chips.append(
            {"label": _("Desde %(year)s") % {"year": request.year_from}, "url": _without(params, "year_from")}
        )
    if request.year_to is not None:
        chips.append(
            {"label": _("Hasta %(year)s") % {"year": request.year_to}, "url": _without(params, "year_to")}
        )
    return chips


def _pages(params: QueryDict, current: int, last: int) -> list[dict]:
    """Links to the first, last and nearby pages, with gaps marked."""
    numbers = sorted({1, last, *range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)})
    pages, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            pages.append({"gap": True})
        link = params.copy()
        link["page"] = str(number)
        pages.append({"number": number, "url": "?" + link.urlencode(), "current": number == current})
        previous = number
    return pages
