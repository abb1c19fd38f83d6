from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Seguridad")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import stamp_login_time

        user_logged_in.connect(stamp_login_time)
