"""Settings safe for production: debugging off, secrets and hosts only from the environment.

`dev` relaxes them for a laptop, `test` for the suite, `production` adds what a public
deployment needs (PostgreSQL, Elasticsearch, Redis, HTTPS). README.md ("Running at scale") lists every variable.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env_bool, env_float, env_int, env_list, env_rate, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "cooperacion",
    "buenas_practicas",
    "search",
    "security",
    "desk",
    "django_countries",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "security.headers.SectionCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that may query: a database that cannot be reached answers a friendly 503.
    "home.outage.DatabaseUnavailableMiddleware",
    # Stored pages for anonymous visitors, before the session, language and user are looked at.
    "home.cache.PageCacheMiddleware",
    "home.cache.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.i18n.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.sessions.SessionLifetimeMiddleware",
    "security.two_factor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.cache.PublicPageCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded default is SQLite next to manage.py; DATABASE_URL chooses another server.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers or threads write at once (an editor saves while the admin's autosave
    # runs): a deferred transaction that reads then writes fails at once with "database is locked",
    # an immediate one waits its turn; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = env_str("REDIS_URL") or env_str("CACHE_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "bogota"),
        }
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
}
# Whole pages and fragments (home.cache), apart from the rate limits' counters so that culling
# the one never drops the other.
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": f"{env_str('CACHE_KEY_PREFIX', 'bogota')}-pages"}
    if _cache_url
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
)
PAGE_CACHE_ALIAS = "pages"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish first and default, English second — for UI strings and for content.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Español")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "America/Bogota"
# Editors type event times in Bogotá's time whatever zone their profile would otherwise pick.
WAGTAIL_USER_TIME_ZONES = ["America/Bogota"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Without a proxy in front (one machine, the browser tests, the benchmarks) the portal serves
# MEDIA_ROOT/images/ and original_images/ itself; never documents/.
SERVE_MEDIA_IMAGES = env_bool("SERVE_MEDIA_IMAGES", False)
# Documents always go through Wagtail's view, which serves a visitor only the public ones
# (home.wagtail_hooks); never a direct or redirected URL to the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request body without files (forms, JSON) up to 5 MB; uploaded files past 2.5 MB go to a
# temporary file instead of memory. Each upload form caps the file's own size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAIL_SITE_NAME = "Bogotá Internacional"
# No Gravatar in the admin: it would send a hash of every user's e-mail to a third party, and the
# admin's Content-Security-Policy blocks the images anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents must also look like their extension (security.uploads): no HTML, SVG or programs.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.DocumentForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Page search: Wagtail's database backend (SQLite FTS5, PostgreSQL full text) unless
# ELASTICSEARCH_URL names a cluster. search.backends builds the configuration.
from search.backends import wagtail_search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = wagtail_search_backends(
    url=env_str("ELASTICSEARCH_URL"),
    index_prefix=env_str("ELASTICSEARCH_INDEX_PREFIX", "bogota"),
    opensearch_compatible=env_bool("ELASTICSEARCH_OPENSEARCH_COMPATIBLE", False),
    timeout=env_int("ELASTICSEARCH_TIMEOUT", 5),
    database_vendor="postgresql" if "postgresql" in DATABASES["default"]["ENGINE"] else "other",
)
# The register's public search (search.records): the same cluster, with a short timeout after
# which a visitor's search falls back to the database engine.
RECORD_SEARCH = {
    "URL": env_str("ELASTICSEARCH_URL"),
    "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "bogota"),
    "OPENSEARCH_COMPATIBLE": env_bool("ELASTICSEARCH_OPENSEARCH_COMPATIBLE", False),
    "TIMEOUT": env_float("ELASTICSEARCH_SEARCH_TIMEOUT", 2.0),
}

# Public pages: browsers keep them PAGE_CACHE_MAX_AGE seconds, a CDN or proxy longer; with
# FRONTEND_CACHE_PURGE_URL (a Varnish/nginx purge endpoint) publishing purges what changed.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 300)
# How long the portal itself keeps a public page for anonymous visitors (home.cache); 0 = never.
# Publishing anything starts a new generation of copies, so this only bounds memory.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_SHARED_MAX_AGE = env_int("PAGE_CACHE_SHARED_MAX_AGE", 3600)
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# The IATI organisation identifier of the publisher (cooperacion.iati): the District's NIT
# (Bogotá D.C., to which the Secretaría General belongs) in org-id.guide's CO-NIT list, without
# the check digit. Activity identifiers start with it, so it must not change once published.
IATI_REPORTING_ORG_REF = env_str("IATI_REPORTING_ORG_REF", "CO-NIT-899999061")
# The public APIs (docs/api.md): the register's at /api/v1/ (Django REST framework), pages,
# images and documents at /api/v2/ (Wagtail's API). Read-only, anonymous, JSON.
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
API_THROTTLE_RATE = env_rate("API_THROTTLE_RATE", "120/min")
DOWNLOAD_THROTTLE_RATE = env_rate("DOWNLOAD_THROTTLE_RATE", "20/min")
# The HTML search pages and the public forms' submissions (home.throttling.rate_limited).
SEARCH_THROTTLE_RATE = env_rate("SEARCH_THROTTLE_RATE", "60/min")
FORM_THROTTLE_RATE = env_rate("FORM_THROTTLE_RATE", "20/hour")
# Days a satisfaction survey's link stays valid after a technical-assistance request is closed.
DESK_SURVEY_VALID_DAYS = env_int("DESK_SURVEY_VALID_DAYS", 30)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["home.throttling.PublicAPIThrottle"],
    # How many proxies in front of the portal append to X-Forwarded-For; 0 trusts only the
    # connection's address, so a client cannot pick its own identity for the rate limit.
    "NUM_PROXIES": env_int("API_TRUSTED_PROXIES", 0),
    "EXCEPTION_HANDLER": "home.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": _("API del registro de cooperación de Bogotá"),
    "DESCRIPTION": _(
        "Las acciones de cooperación internacional del Distrito que los aliados autorizaron publicar: "
        "búsqueda con los mismos filtros y facetas que la página pública, y la ficha de cada registro. "
        "Solo lectura, sin autenticación, con límite de solicitudes por dirección IP."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["search.schema.register_api_only"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Deep links put a link inside each operation's toggle button (nested interactive controls).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# Browsers on other sites may read the open data, the APIs and the pages' JSON lists (the transparency
# items.json), never send credentials or write.
CORS_URLS_REGEX = r"^/(api/|datos/|data\.json$|[a-z]{2}/[\w\-/]+\.json$)"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100

# E-mail: Wagtail's moderation notifications (docs/roles.md) through an SMTP server.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: where messages are written.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-responder@bogota-internacional.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env_str("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# Submissions go to the moderators of the task; superusers only when this says so.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", False)

# Staff accounts (docs/security.md). A session ends after SESSION_IDLE_TIMEOUT seconds without a
# request (the cookie is renewed on every request) and SESSION_ABSOLUTE_TIMEOUT after the login,
# whatever the activity (security.sessions).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_ABSOLUTE_TIMEOUT", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Admin login throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords for one username from
# one client address lock that pair for AXES_COOLOFF_MINUTES; `manage.py axes_reset` unlocks.
AUTHENTICATION_BACKENDS = [
    "security.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
# The client's address as the API's rate limit reads it (API_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "security.clients.client_address"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# Two-factor authentication (django-otp, TOTP): optional for each staff user unless
# TWO_FACTOR_REQUIRED, which makes every admin user enrol a device before anything else.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "Bogotá Internacional"
WAGTAILADMIN_USER_LOGIN_FORM = "security.forms.LoginForm"

# HTTP security headers. One Content-Security-Policy without 'unsafe-inline' for the public site;
# security.headers gives the admin and the API docs their own (CONTENT_SECURITY_POLICY_SECTIONS) and derives
# frame-ancestors from X-Frame-Options (DENY, SAMEORIGIN only on Wagtail's preview).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_public_csp = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    # The video block's players (home.blocks.VIDEO_PROVIDERS).
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
_csp = {"DIRECTIVES": _public_csp}
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
CONTENT_SECURITY_POLICY = None if _csp_report_only else _csp
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp if _csp_report_only else None
CONTENT_SECURITY_POLICY_SECTIONS = {
    # Wagtail's admin still writes inline scripts and style attributes (panels, date widgets).
    "/admin/": {
        **_public_csp,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    },
    # Swagger UI's stylesheet draws its icons as data: images.
    "/api/v1/docs/": {**_public_csp, "img-src": [SELF, "data:"]},
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}
