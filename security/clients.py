"""Who is asking: one reading of the client's address for every limit."""

from rest_framework.throttling import BaseThrottle


def client_address(request):
    """The client's address as the API's rate limit reads it: the connection's address, or with
    API_TRUSTED_PROXIES = N the N-th address from the right of X-Forwarded-For, which the nearest
    trusted proxy wrote and the client cannot forge."""
    return BaseThrottle().get_ident(request)
