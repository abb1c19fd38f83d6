from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views import static as static_views
from django.views.decorators.cache import cache_page

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account
from wagtail.documents import urls as wagtaildocs_urls

from cooperacion.iati import views as iati_views
from cooperacion.sitemaps import RecordSitemap
from home import views as home_views
from home.sitemaps import PortalSitemap
from home.throttling import FormThrottle, rate_limited
from portal.api import api_router
from search import views as search_views

SITEMAPS = {"pages": PortalSitemap, "records": RecordSitemap}
handler404 = "home.api.page_not_found"


def form_limited(view):
    """A public form whose submissions count against FORM_THROTTLE_RATE."""
    return rate_limited(view, throttle=FormThrottle, methods=("POST",))


# Wagtail's public forms, with the same views and names as Wagtail's own routes, which they shadow.
LIMITED_ADMIN_FORMS = [
    path(
        "admin/password_reset/",
        form_limited(account.PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    path(
        "admin/password_reset/confirm/<uidb64>/<token>/",
        form_limited(account.PasswordResetConfirmView.as_view()),
        name="wagtailadmin_password_reset_confirm",
    ),
]
LIMITED_SITE_FORMS = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        form_limited(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        form_limited(
            auth_views.LoginView.as_view(template_name=wagtail_urls.WAGTAIL_FRONTEND_LOGIN_TEMPLATE)
        ),
        name="wagtailcore_login",
    ),
]

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cache_page(60 * 15)(sitemap_views.index), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        cache_page(60 * 15)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("datos/iati/actividades.xml", iati_views.activities, name="iati_activities"),
    path("datos/iati/actividades/<int:pk>.xml", iati_views.activity, name="iati_activity"),
    path("", include("cooperacion.opendata.urls")),
    path("api/v1/", include("search.urls")),
    path("api/v2/", api_router.urls),
    *LIMITED_ADMIN_FORMS,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA_IMAGES:
    # Images only: documents go through /documents/, which checks that they are public.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/[^/]+)$",
            static_views.serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path(_("buscar/"), search_views.search, name="search"),
    path(_("mapa-del-sitio/"), home_views.site_map, name="site_map"),
    path("", include("cooperacion.urls")),
    path("", include("desk.urls")),
    *LIMITED_SITE_FORMS,
    # Page routes that are files (the transparency section's items.json): Wagtail's own pattern
    # serves only paths of words and slashes.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.json)$", wagtail_views.serve, name="wagtail_serve_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
