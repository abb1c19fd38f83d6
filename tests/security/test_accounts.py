"""Staff accounts: login throttling, two-factor authentication, session lifetime, password rules."""

import time

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest
from axes.models import AccessAttempt
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.sessions import LOGIN_TIME_KEY

PASSWORD = "una-clave-larga-de-prueba"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editora", password=PASSWORD, email="e@example.org"
    )


def log_in(client, username, password=PASSWORD, address="203.0.113.7", forwarded_for=None, **fields):
    data = {"username": username, "password": password, "next": "/admin/", **fields}
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(LOGIN, data, REMOTE_ADDR=address, **headers)


def forget_failed_codes(device):
    """django-otp makes a device wait after a wrong code; the tests do not."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def code(device, steps_ahead=0):
    """The device's current code, or the next steps' (each code is accepted once)."""
    return (
        f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"
    )


def enrolled_device(user):
    return TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)


@pytest.mark.django_db
class TestLoginThrottling:
    def test_the_right_password_signs_in(self, client, editor):
        response = log_in(client, "editora")
        assert response.status_code == 302 and response.url == "/admin/"

    def test_after_the_failure_limit_even_the_right_password_is_refused(self, client, editor, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert log_in(client, "editora", "equivocada").status_code == 200
        assert log_in(client, "editora", "equivocada").status_code == 429
        response = log_in(client, "editora")
        assert response.status_code == 429
        assert response["Retry-After"] == str(15 * 60)
        body = response.content.decode()
        assert "Acceso bloqueado temporalmente" in body
        assert "bloqueado durante 15 minutos, aunque la contraseña sea correcta" in body
        assert not client.get("/admin/").wsgi_request.user.is_authenticated

    def test_the_lock_holds_one_username_from_one_address(self, client, editor, django_user_model, settings):
        django_user_model.objects.create_superuser(
            username="moderador", password=PASSWORD, email="m@example.org"
        )
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "editora", "equivocada")
        assert log_in(client, "moderador").status_code == 302
        client.logout()
        assert log_in(client, "editora", address="198.51.100.4").status_code == 302

    def test_behind_a_trusted_proxy_the_forwarded_address_counts(self, client, editor, settings):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "editora", "equivocada", address="10.0.0.1", forwarded_for="203.0.113.7")
        assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
        other_client = log_in(client, "editora", address="10.0.0.1", forwarded_for="198.51.100.4")
        assert other_client.status_code == 302

    def test_without_trusted_proxies_a_forged_header_does_not_escape_the_lock(self, client, editor, settings):
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "editora", "equivocada", forwarded_for=f"192.0.2.{attempt}")
        assert log_in(client, "editora", forwarded_for="192.0.2.99").status_code == 429

    def test_axes_reset_unlocks(self, client, editor, settings):
        from django.core.management import call_command

        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "editora", "equivocada")
        call_command("axes_reset_username", "editora")
        assert log_in(client, "editora").status_code == 302


@pytest.mark.django_db
class TestTwoFactor:
    def test_enrolment_shows_a_qr_code_and_confirms_a_first_code(self, client, editor):
        client.force_login(editor)
        page = client.get(reverse("security_two_factor"))
        assert page.status_code == 200
        body = page.content.decode()
        assert "<svg" in body and "Escriba el código de 6 dígitos" in body
        device = TOTPDevice.objects.get(user=editor)
        assert not device.confirmed

        wrong = client.post(
            reverse("security_two_factor"), {"otp_token": "000000" if code(device) != "000000" else "111111"}
        )
        assert "El código no es válido" in wrong.content.decode()
        device.refresh_from_db()
        assert not device.confirmed
        forget_failed_codes(device)

        response = client.post(reverse("security_two_factor"), {"otp_token": code(device)})
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_account")
        device.refresh_from_db()
        assert device.confirmed
        # The session that enrolled stays in.
        assert client.get("/admin/").status_code == 200

    def test_the_account_page_links_to_it(self, client, editor):
        client.force_login(editor)
        body = client.get(reverse("wagtailadmin_account")).content.decode()
        assert reverse("security_two_factor") in body and "Desactivada" in body

    def test_once_enrolled_the_login_needs_a_valid_code(self, client, editor):
        device = enrolled_device(editor)
        without = log_in(client, "editora")
        assert without.status_code == 200
        assert "Su cuenta pide la verificación en dos pasos" in without.content.decode()
        wrong = log_in(client, "editora", otp_token="12345")
        assert wrong.status_code == 200
        assert AccessAttempt.objects.get().failures_since_start == 2
        forget_failed_codes(device)

        response = log_in(client, "editora", otp_token=code(device))
        assert response.status_code == 302 and response.url == "/admin/"
        assert client.get("/admin/").wsgi_request.user.is_verified()

    def test_wrong_codes_lock_the_login_like_wrong_passwords(self, client, editor, settings):
        enrolled_device(editor)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "editora", otp_token="12345")
        assert log_in(client, "editora", otp_token="12345").status_code == 429

    def test_users_without_a_device_sign_in_with_the_password(self, client, editor):
        assert log_in(client, "editora").status_code == 302

    def test_a_session_that_did_not_pass_the_second_factor_is_sent_to_the_login(self, client, editor):
        enrolled_device(editor)
        client.force_login(editor)
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response.url.startswith(LOGIN)
        assert not client.get(LOGIN).wsgi_request.user.is_authenticated

    def test_removing_it_needs_a_current_code(self, client, editor):
        device = enrolled_device(editor)
        log_in(client, "editora", otp_token=code(device))
        refused = client.post(reverse("security_two_factor_remove"), {"otp_token": "12345"})
        assert refused.status_code == 400
        assert TOTPDevice.objects.filter(user=editor).exists()
        forget_failed_codes(device)

        response = client.post(
            reverse("security_two_factor_remove"), {"otp_token": code(device, steps_ahead=1)}
        )
        assert response.status_code == 302
        assert not TOTPDevice.objects.filter(user=editor).exists()
        client.logout()
        assert log_in(client, "editora").status_code == 302

    def test_when_required_a_user_without_a_device_can_only_enrol(self, client, editor, settings):
        settings.TWO_FACTOR_REQUIRED = True
        client.force_login(editor)
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response.url == reverse("security_two_factor")
        page = client.get(reverse("security_two_factor"))
        assert "pide la verificación en dos pasos a todo el equipo" in page.content.decode()
        device = TOTPDevice.objects.get(user=editor)
        client.post(reverse("security_two_factor"), {"otp_token": code(device)})
        assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
class TestSessions:
    def test_cookies_are_http_only_and_same_site(self, client, editor):
        response = log_in(client, "editora")
        cookie = response.cookies["sessionid"]
        assert cookie["httponly"] and cookie["samesite"] == "Lax"

    def test_a_session_idle_past_the_timeout_is_over(self, client, editor, settings):
        assert settings.SESSION_COOKIE_AGE == 60 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
        log_in(client, "editora")
        session = client.session
        assert session.get_expiry_age() <= settings.SESSION_COOKIE_AGE

    def test_a_session_past_the_absolute_timeout_is_logged_out(self, client, editor, settings):
        log_in(client, "editora")
        session = client.session
        session[LOGIN_TIME_KEY] = int(time.time()) - settings.SESSION_ABSOLUTE_TIMEOUT - 1
        session.save()
        response = client.get("/admin/")
        assert response.status_code == 302 and response.url.startswith(LOGIN)

    def test_an_active_session_within_the_absolute_timeout_stays(self, client, editor):
        log_in(client, "editora")
        assert client.get("/admin/").status_code == 200


WEAK_PASSWORDS = {
    "corta1": "La contraseña es demasiado corta. Debe contener por lo menos 12 caracteres.",
    "123456789012345": "Esta contraseña es completamente numérica.",
    "password1234": "Esta contraseña es demasiado común.",
}


@pytest.mark.django_db
class TestPasswords:
    @pytest.mark.parametrize("password,message", WEAK_PASSWORDS.items())
    def test_the_add_user_form_refuses_a_weak_password(self, client, editor, password, message):
        client.force_login(editor)
        group = Group.objects.create(name="Prueba")
        data = {
            "username": "nueva",
            "email": "nueva@example.org",
            "first_name": "Enlace",
            "last_name": "De prueba",
            "password1": password,
            "password2": password,
            "groups": [group.pk],
        }
        response = client.post(reverse("wagtailusers_users:add"), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not editor.__class__.objects.filter(username="nueva").exists()

    def test_a_password_like_the_username_is_refused(self, client, editor):
        client.force_login(editor)
        data = {"old_password": PASSWORD, "new_password1": "editora2026!", "new_password2": "editora2026!"}
        response = client.post(
            reverse("wagtailadmin_account"), {**prefixed(data), **account_form_rest(editor)}
        )
        assert "La contraseña es demasiado similar" in response.content.decode()

    @pytest.mark.parametrize("password,message", WEAK_PASSWORDS.items())
    def test_the_password_change_refuses_a_weak_password(self, client, editor, password, message):
        client.force_login(editor)
        data = {"old_password": PASSWORD, "new_password1": password, "new_password2": password}
        response = client.post(
            reverse("wagtailadmin_account"), {**prefixed(data), **account_form_rest(editor)}
        )
        assert message in response.content.decode()
        editor.refresh_from_db()
        assert editor.check_password(PASSWORD)


def prefixed(data):
    return {f"password-{key}": value for key, value in data.items()}


def account_form_rest(user):
    """The other panels of Wagtail's account page, unchanged."""
    return {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "es",
        "locale-current_time_zone": "America/Bogota",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
