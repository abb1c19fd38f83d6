from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cooperacion.sitemaps import RecordSitemap
from home import views as home_views
from home.sitemaps import PortalSitemap
from search import views as search_views

SITEMAPS = {"pages": PortalSitemap, "records": RecordSitemap}

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
    path("", include("cooperacion.opendata.urls")),
    path("api/v1/", include("search.urls")),
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
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
