"""A public deployment: PostgreSQL, optionally Elasticsearch and Redis, HTTPS everywhere.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and API_TRUSTED_PROXIES.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the portal's host names (comma-separated).")
env_str("DATABASE_URL", required=True)  # base.py has already parsed it into DATABASES

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The client's address (rate limits, login throttling) depends on how many proxies stand in front:
# a wrong guess either lets clients pick their address or locks out a whole proxy, so say it.
if env_str("API_TRUSTED_PROXIES") is None or env_int("API_TRUSTED_PROXIES", 0) < 0:
    raise ImproperlyConfigured(
        "API_TRUSTED_PROXIES must say how many proxies in front of the portal append to "
        "X-Forwarded-For: 0 when clients connect directly, 1 behind one load balancer or CDN."
    )
