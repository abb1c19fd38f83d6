"""The test suite: the embedded default unless DATABASE_URL/ELASTICSEARCH_URL say otherwise."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploads made by tests (demo images, documents) go to a throwaway folder, not ./media.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bogota-test-media-"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off unless a test turns it on (tests/home/test_page_cache.py): tests change rows in ways no
# visitor could and read the page again.
PAGE_CACHE_SECONDS = 0
# The suite calls the APIs far faster than any visitor; the rate limit's own tests lower this.
API_THROTTLE_RATE = "100000/min"
DOWNLOAD_THROTTLE_RATE = "100000/min"
SEARCH_THROTTLE_RATE = "100000/min"
FORM_THROTTLE_RATE = "100000/min"
