"""A laptop: debugging on, a fixed local key, e-mail to the console, plain static files."""

from .base import *  # noqa: F403
from .env import env_int, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-7b0c1f1e6a2c4f5d9e8d")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# A developer sees each template change at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
