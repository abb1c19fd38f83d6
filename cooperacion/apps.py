from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperacionConfig(AppConfig):
    name = "cooperacion"
    verbose_name = _("Cooperación")
