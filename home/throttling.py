"""The public rate limits, counted per client address in the default cache (Redis in production).
Kept apart from the views: REST framework imports this module while it defines its own view classes.

- the APIs: `PublicAPIThrottle` (API_THROTTLE_RATE), REST framework's own mechanism;
- plain views, through `rate_limited`: the whole-register files (DOWNLOAD_THROTTLE_RATE), the HTML
  search pages (SEARCH_THROTTLE_RATE) and the public forms' submissions (FORM_THROTTLE_RATE).

Past the allowance: 429 with Retry-After and a message in the visitor's language, as JSON on the
machine-readable addresses and as an HTML page of the site elsewhere.
"""

import math
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from rest_framework.throttling import AnonRateThrottle

from .i18n import NOT_LOCALISED


class PublicAPIThrottle(AnonRateThrottle):
    """Anonymous requests to the APIs (API_THROTTLE_RATE)."""

    def get_rate(self):
        return settings.API_THROTTLE_RATE


class DownloadThrottle(AnonRateThrottle):
    """Whole-register files (downloads, IATI) take seconds each to write: a lower allowance of
    their own (DOWNLOAD_THROTTLE_RATE), counted like the API's."""

    scope = "downloads"

    def get_rate(self):
        return settings.DOWNLOAD_THROTTLE_RATE


class SearchThrottle(AnonRateThrottle):
    """The HTML search pages (site search, register search): each one runs full-text queries and
    facet counts (SEARCH_THROTTLE_RATE)."""

    scope = "search"

    def get_rate(self):
        return settings.SEARCH_THROTTLE_RATE


class FormThrottle(AnonRateThrottle):
    """Submissions of the public forms (password reset, page passwords, front-end login):
    FORM_THROTTLE_RATE, low enough to stop guessing and mail floods."""

    scope = "forms"

    def get_rate(self):
        return settings.FORM_THROTTLE_RATE


def too_many_requests_message(seconds: int) -> str:
    return ngettext(
        "Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en %(seconds)d segundo.",
        "Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en %(seconds)d segundos.",
        seconds,
    ) % {"seconds": seconds}


def too_many_requests(request, seconds: int):
    message = too_many_requests_message(seconds)
    if request.path_info.startswith(NOT_LOCALISED):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "429.html", {"message": message, "seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def rate_limited(view=None, *, throttle=DownloadThrottle, methods=None):
    """A plain Django view under `throttle`, counting only requests with one of `methods` (all when
    None). Use as `@rate_limited` (downloads) or `@rate_limited(throttle=SearchThrottle)`, or wrap
    a view of Wagtail's or Django's in the URLs."""
    if view is None:
        return lambda view: rate_limited(view, throttle=throttle, methods=methods)

    @wraps(view)
    def limited(request, *args, **kwargs):
        if methods is None or request.method in methods:
            counter = throttle()
            if not counter.allow_request(request, view):
                return too_many_requests(request, max(1, math.ceil(counter.wait() or 1)))
        return view(request, *args, **kwargs)

    return limited
