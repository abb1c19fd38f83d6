"""The public rate limits. Kept apart from the views: REST framework imports this module while it
defines its own view classes."""

import math
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import ngettext

from rest_framework.throttling import AnonRateThrottle


class PublicAPIThrottle(AnonRateThrottle):
    """Anonymous requests counted per client address (API_THROTTLE_RATE) in the default cache,
    Redis in production."""

    def get_rate(self):
        return settings.API_THROTTLE_RATE


class DownloadThrottle(AnonRateThrottle):
    """Whole-register files (downloads, IATI) take seconds each to write: a lower allowance of
    their own (DOWNLOAD_THROTTLE_RATE), counted like the API's."""

    scope = "downloads"

    def get_rate(self):
        return settings.DOWNLOAD_THROTTLE_RATE


def too_many_requests_message(seconds: int) -> str:
    return ngettext(
        "Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en %(seconds)d segundo.",
        "Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en %(seconds)d segundos.",
        seconds,
    ) % {"seconds": seconds}


def rate_limited(view):
    """A plain Django view under DownloadThrottle: past the allowance, a 429 with Retry-After and
    the same JSON body as the API's."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        throttle = DownloadThrottle()
        if throttle.allow_request(request, view):
            return view(request, *args, **kwargs)
        seconds = max(1, math.ceil(throttle.wait() or 1))
        response = JsonResponse({"detail": too_many_requests_message(seconds)}, status=429)
        response["Retry-After"] = str(seconds)
        return response

    return limited
