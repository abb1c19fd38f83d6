"""The absolute session lifetime. The idle one is Django's own: SESSION_COOKIE_AGE renewed on
every request (SESSION_SAVE_EVERY_REQUEST)."""

import time

from django.conf import settings
from django.contrib.auth import logout

LOGIN_TIME_KEY = "security_login_time"


def stamp_login_time(sender, request, user, **kwargs):
    request.session[LOGIN_TIME_KEY] = int(time.time())


class SessionLifetimeMiddleware:
    """Logs out a session older than SESSION_ABSOLUTE_TIMEOUT seconds since its login, however
    active. The request goes on anonymous: the admin then asks to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            logged_in_at = request.session.get(LOGIN_TIME_KEY, 0)
            if time.time() - logged_in_at > settings.SESSION_ABSOLUTE_TIMEOUT:
                logout(request)
        return self.get_response(request)
