from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from . import views
from .two_factor import confirmed_device


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.two_factor, name="security_two_factor"),
        path("two-factor/remove/", views.remove_two_factor, name="security_two_factor_remove"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    enrolled = confirmed_device(request.user) is not None
    return {
        "url": reverse("security_two_factor"),
        "label": _("Verificación en dos pasos"),
        "help_text": (
            _("Activada: al entrar se pide un código de su aplicación de autenticación.")
            if enrolled
            else _("Desactivada: actívela para pedir, además de la contraseña, un código de su teléfono.")
        ),
    }
