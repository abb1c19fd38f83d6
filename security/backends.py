from django.contrib.auth.backends import ModelBackend

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lock on the login forms. Code that authenticates without a request (a
    management command, the test client's login) is no login attempt from a client: it is left
    to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # It never signs anyone in, but a session may name the first configured backend (Wagtail's
        # page test utilities do): the user is then read as Django's own backend reads it.
        return ModelBackend().get_user(user_id)
