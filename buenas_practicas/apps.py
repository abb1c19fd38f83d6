from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_fixed_data(sender, **kwargs):
    """The MIPG policies exist on every database, including one emptied by `flush`."""
    from django.apps import apps

    from .models import sync_mipg_policies

    sync_mipg_policies(apps)


class BuenasPracticasConfig(AppConfig):
    name = "buenas_practicas"
    verbose_name = _("Buenas prácticas")

    def ready(self):
        post_migrate.connect(sync_fixed_data, sender=self)
