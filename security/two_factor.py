"""Two-factor authentication for the admin: a TOTP device per user (django-otp)."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIX = "/admin/"


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """The device being enrolled: kept until it is confirmed with a first code, or replaced."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)


class TwoFactorRequiredMiddleware:
    """In the admin, a session must have passed its user's second factor: a user with a device
    whose session did not (signed in before enrolling elsewhere) signs in again; with
    TWO_FACTOR_REQUIRED, a user without one may only enrol one (or sign out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if user.is_verified():
            return None
        if user_has_device(user):
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        exempt = (reverse("security_two_factor"), reverse("wagtailadmin_logout"))
        if settings.TWO_FACTOR_REQUIRED and request.path_info not in exempt:
            return redirect("security_two_factor")
        return None
