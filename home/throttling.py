"""The public APIs' rate limit. Kept apart from the views: REST framework imports it while it
defines its own view classes."""

from django.conf import settings

from rest_framework.throttling import AnonRateThrottle


class PublicAPIThrottle(AnonRateThrottle):
    """Anonymous requests counted per client address (API_THROTTLE_RATE) in the default cache,
    Redis in production."""

    def get_rate(self):
        return settings.API_THROTTLE_RATE
