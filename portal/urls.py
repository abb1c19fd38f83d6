from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cooperacion.iati import views as iati_views
from cooperacion.sitemaps import RecordSitemap
from home import views as home_views
from home.sitemaps import PortalSitemap
from portal.api import api_router
from search import views as search_views

SITEMAPS = {"pages": PortalSitemap, "records": RecordSitemap}
handler404 = "home.api.page_not_found"

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
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(_("buscar/"), search_views.search, name="search"),
    path(_("mapa-del-sitio/"), home_views.site_map, name="site_map"),
    path("", include("cooperacion.urls")),
    # Page routes that are files (the transparency section's items.json): Wagtail's own pattern
    # serves only paths of words and slashes.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.json)$", wagtail_views.serve, name="wagtail_serve_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
