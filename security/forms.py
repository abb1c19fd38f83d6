from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from django_otp import match_token, user_has_device


def token_field(required):
    return forms.CharField(
        label=_("Código de verificación"),
        required=required,
        max_length=8,
        help_text=_("Los 6 dígitos que muestra ahora su aplicación de autenticación."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TokenForm(forms.Form):
    """A code of the user's TOTP device (confirming a new one, or removing it)."""

    otp_token = token_field(required=True)

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("El código no es válido o ya se usó. Escriba el código actual."))
        return token


class LoginForm(WagtailLoginForm):
    """Wagtail's login with the code of the user's second factor, when they have enrolled one.
    A wrong code counts as a failed login for the throttling."""

    otp_token = token_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail redefines the field without a label, which would show "Password" in every language.
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
        self.fields["otp_token"].help_text = _("Solo si activó la verificación en dos pasos.")

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not user_has_device(user):
            return cleaned_data
        device = match_token(user, cleaned_data.get("otp_token", "").strip())
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            raise forms.ValidationError(
                _("Su cuenta pide la verificación en dos pasos: escriba el código actual de su aplicación."),
                code="invalid_otp_token",
            )
        # django_otp marks the session verified on login (its user_logged_in receiver).
        user.otp_device = device
        return cleaned_data
