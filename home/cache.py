"""Caching public pages: on the server for anonymous visitors, and the headers for a CDN.

The **content generation** (`ContentGeneration`, one number in the database) goes up whenever
something the public may see changes: a page, snippet, register record, image, document or
redirect is saved, published, unpublished or deleted (`content_changed`, connected in
home.apps). Every cached copy is stored under the generation it was made with, so after a change
every process asks for new copies at once, whatever the cache backend (locmem per process or
Redis); the old copies are never read again and expire.

- `PageCacheMiddleware` serves anonymous visitors (no session cookie) the stored copy of a public
  page for PAGE_CACHE_SECONDS (0 turns it off); the security headers are added around it by the
  middlewares above it in MIDDLEWARE, as on any response.
- `cached_fragment` keeps what every page shows the same way for every visitor (menus, footer,
  language links) for the same generation.
- `PublicPageCacheMiddleware` sets the headers of Wagtail's pages: shared caches may keep a 200
  for an anonymous visitor; nothing else is kept. With FRONTEND_CACHE_PURGE_URL set, Wagtail's
  frontend cache purges a page when it is published or unpublished, and `purge_listings` also
  purges the listings that show it (its parent index, and the home page's latest-pages list).
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.db.models import F
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

# The URL patterns through which Wagtail serves pages: its own, and the one for page routes that
# are files (portal/urls.py).
PAGE_URL_NAMES = ("wagtail_serve", "wagtail_serve_file")
# The views whose 200s the page cache may keep, query string included: each answers the same to
# every anonymous visitor for the same address and language, and reads only published content.
CACHEABLE_VIEWS = {
    *PAGE_URL_NAMES,
    "site_map",
    "record_search",
    "record_detail",
    "iati_crosswalk",
    "api_record_list",
    "api_record_detail",
    "api_record_figures",
}
# Rows whose changes the public may see. Renditions are made while a page is being shown, and
# add nothing new.
PUBLIC_CONTENT_APPS = {
    "home",
    "cooperacion",
    "buenas_practicas",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
}
NOT_CONTENT = {("wagtailimages", "rendition"), ("home", "contentgeneration")}
# A stored response may depend on the cookies only through the session (absent for everyone it
# is served to) and on the language (part of the key).
KEYED_VARY = {"cookie", "accept-language"}
NOT_SHARED = {"private", "no-store", "no-cache"}
FRAGMENT_SECONDS = 24 * 60 * 60
GENERATION_ID = 1


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- the generation -------------------------------------------------------------------------


def current_generation(request=None) -> int:
    """The generation, read once per request."""
    if request is not None and hasattr(request, "_content_generation"):
        return request._content_generation
    values = generations().filter(pk=GENERATION_ID).values_list("value", flat=True)
    generation = next(iter(values), None)
    if generation is None:
        bump_generation()
        return current_generation(request)
    if request is not None:
        request._content_generation = generation
    return generation


def generations():
    # By name: the page models cache fragments through this module.
    return apps.get_model("home", "ContentGeneration").objects


def bump_generation():
    if not generations().filter(pk=GENERATION_ID).update(value=F("value") + 1):
        # A new database starts from the clock (milliseconds), above any number an earlier
        # database may have left in a shared cache.
        generation, created = generations().get_or_create(
            pk=GENERATION_ID, defaults={"value": time.time_ns() // 1_000_000}
        )
        if not created:
            generations().filter(pk=GENERATION_ID).update(value=F("value") + 1)


def content_changed(sender, **kwargs):
    """post_save, post_delete and m2m_changed of any model: a new generation when the row is
    content. Publishing saves the page or record, so it is covered; so is unpublishing."""
    meta = sender._meta
    if meta.apps is not apps or kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return  # a migration's historical model; loaddata's rows; the first half of an m2m change
    if meta.app_label in PUBLIC_CONTENT_APPS and (meta.app_label, meta.model_name) not in NOT_CONTENT:
        bump_generation()


# --- fragments ------------------------------------------------------------------------------


def cached_fragment(request, name, parts, build):
    """What `build()` returns (picklable), made once per generation and `parts` for everyone."""
    key = ":".join(["fragment", str(current_generation(request)), name, *map(str, parts)])
    cache = page_cache()
    stored = cache.get(key)
    if stored is None:
        stored = (build(),)  # in a tuple, so that None is kept too
        cache.set(key, stored, FRAGMENT_SECONDS)
    return stored[0]


class SiteMiddleware:
    """Wagtail looks the site up by host name in the database on every request
    (Site.find_for_request); for the pages of the site (their paths start with a language) the
    answer is kept for the generation, like a fragment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not translation.get_language_from_path(request.path_info):
            return self.get_response(request)  # the APIs, downloads, admin: no page frame to show
        # get_host(): only the ALLOWED_HOSTS, so no one can fill the cache with made-up names.
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()
        try:
            request._wagtail_site = cached_fragment(
                request, "site", [hostname, port], lambda: Site._find_for_request(request)
            )
        except (OperationalError, InterfaceError):
            pass  # no database: the view answers (home.outage)
        return self.get_response(request)


# --- whole pages ----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Serves a stored copy of a public page to an anonymous GET or HEAD (no session cookie),
    keyed by the generation, the address (scheme, host, path and query string) and the language.

    A response is stored only when it is a 200 of a view in CACHEABLE_VIEWS to a GET without a
    session cookie, is not streamed, sets no cookie, does not forbid shared caching and varies on
    nothing but the cookie (the session) and the language. Editors (logged in: they have a session
    cookie) and previews (admin views, logged in) always get the view's own answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        try:
            key = self.key(request)
        except (OperationalError, InterfaceError):
            return self.get_response(request)  # no database: the view answers (home.outage)
        stored = page_cache().get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            page_cache().set(
                key,
                (response.status_code, dict(response.items()), response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def key(request):
        language = translation.get_language_from_request(request, check_path=True)
        address = hashlib.sha256(f"{language} {request.build_absolute_uri()}".encode()).hexdigest()
        return f"page:{current_generation(request)}:{address}"

    @staticmethod
    def storable(request, response):
        match = request.resolver_match
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or match is None
            or match.url_name not in CACHEABLE_VIEWS
        ):
            return False
        cache_control = {
            part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
        }
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        return not cache_control & NOT_SHARED and vary <= KEYED_VARY


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
