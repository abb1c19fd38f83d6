from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Sitio")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .cache import purge_listings

        page_published.connect(purge_listings)
        page_unpublished.connect(purge_listings)
