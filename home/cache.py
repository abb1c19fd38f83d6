"""Cache headers for public pages, and purging a CDN when published content changes.

Anonymous visitors get `Cache-Control: public` with a short browser lifetime and a longer one for
shared caches (a CDN or reverse proxy). Editors, previews and error pages are never cached.
`PublicPageCacheMiddleware` decides it once for every page type, after the page has answered.
With FRONTEND_CACHE_PURGE_URL set, Wagtail's frontend cache purges a page when it is published
or unpublished; `purge_listings` below also purges the listings that show it (its parent index,
and the home page's latest-pages list).
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.contrib.frontend_cache.utils import PurgeBatch

# The URL patterns through which Wagtail serves pages: its own, and the one for page routes that
# are files (portal/urls.py).
PAGE_URL_NAMES = ("wagtail_serve", "wagtail_serve_file")


class PublicPageCacheMiddleware:
    """Sets the cache headers of every response Wagtail serves for a page (routable sub-pages,
    feeds and files included): shared caches may keep a 200 for an anonymous visitor; nothing else
    is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or match.url_name not in PAGE_URL_NAMES or response.has_header("Cache-Control"):
            return response
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not request.user.is_authenticated
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
            )
        else:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def purge_listings(sender, instance, **kwargs):
    """The pages that list a just-(un)published page: its parent and its language's home."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    for page in instance.get_ancestors().live().filter(depth__gt=1).specific(defer=True):
        batch.add_page(page)
    batch.purge()
