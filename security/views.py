"""The admin's two-factor page: enrol a TOTP device with a QR code and a first code, or remove it
with a current code."""

from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import django_otp
import segno

from .forms import TokenForm
from .two_factor import confirmed_device, pending_device


def two_factor(request):
    device = confirmed_device(request.user)
    if device is not None:
        return TemplateResponse(
            request, "security/two_factor_enrolled.html", {"form": TokenForm(device=device)}
        )
    device = pending_device(request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        messages.success(request, _("La verificación en dos pasos quedó activada."))
        return redirect("wagtailadmin_account")
    qr_code = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1a1a1a", light="#ffffff")
    context = {
        "form": form,
        "qr_code": qr_code,
        "secret": secret_for_typing(device),
        "two_factor_required": settings.TWO_FACTOR_REQUIRED,
    }
    return TemplateResponse(request, "security/two_factor_enrol.html", context)


@require_POST
def remove_two_factor(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect("security_two_factor")
    form = TokenForm(request.POST, device=device)
    if not form.is_valid():
        return TemplateResponse(request, "security/two_factor_enrolled.html", {"form": form}, status=400)
    device.delete()
    messages.success(request, _("La verificación en dos pasos quedó desactivada."))
    return redirect("wagtailadmin_account")


def secret_for_typing(device):
    """The key in base32, in groups of four, for apps that cannot read the QR code."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
