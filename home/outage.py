"""The database is down: a friendly 503 instead of a server error.

`DatabaseUnavailableMiddleware` (early in MIDDLEWARE) answers a request whose view or template
could not reach the database with a static, bilingual page (templates/503.html, rendered without a
request so no context processor queries anything) or, on the machine-readable addresses, JSON;
both with Retry-After. Only a failure to connect (or a connection that no longer answers) counts:
any other database error is a bug and still surfaces as a 500. `/healthz` reports the outage
itself (home.views.healthz).
"""

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext

from .i18n import NOT_LOCALISED

RETRY_AFTER_SECONDS = 60


def database_unreachable(alias=DEFAULT_DB_ALIAS) -> bool:
    """Whether the last error came from not being able to talk to the database at all: the
    connection was never opened (connecting failed), or it was and no longer answers."""
    connection = connections[alias]
    return connection.connection is None or not connection.is_usable()


def service_unavailable(request):
    if request.path_info.startswith(NOT_LOCALISED):
        # Message catalogues are files: the visitor's language needs no database.
        message = gettext(
            "El portal no puede consultar sus datos en este momento. Vuelva a intentarlo en unos minutos."
        )
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) and database_unreachable():
            return service_unavailable(request)
        return None
