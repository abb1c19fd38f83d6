from django.urls import path
from django.utils.translation import gettext_lazy as _

from home.throttling import FormThrottle, rate_limited

from . import public_views

urlpatterns = [
    path(
        _("encuesta/<str:token>/"),
        rate_limited(public_views.survey, throttle=FormThrottle, methods=("POST",)),
        name="desk_survey",
    ),
    path(_("asistencia-tecnica/cifras/"), public_views.figures, name="desk_figures"),
]
