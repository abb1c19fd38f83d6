from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuenasPracticasConfig(AppConfig):
    name = "buenas_practicas"
    verbose_name = _("Buenas prácticas")
