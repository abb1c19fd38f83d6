from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from home.throttling import SearchThrottle, rate_limited

from .engines.base import SearchRequest
from .query import clean_query
from .records import search_records

RESULTS_PER_PAGE = 10
RECORDS_SHOWN = 5


@never_cache
@rate_limited(throttle=SearchThrottle)
@require_GET
def search(request):
    """Site-wide page search in the visitor's language, with the best matching register records."""
    query = clean_query(request.GET.get("q"))
    results = Page.objects.none()
    records = None
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).search(query)
        records = search_records(SearchRequest(query=query, page_size=RECORDS_SHOWN, labelled_facets=False))
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "search/search.html", {"query": query, "results": page, "records": records})
