from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Búsqueda")

    def ready(self):
        from . import checks, schema, signals  # noqa: F401
