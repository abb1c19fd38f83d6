"""A request's steps (assigned, answered, closed) in Wagtail's log, with who and when, and the
satisfaction survey sent on closing (docs/desk.md)."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .models import SatisfactionSurvey

logger = logging.getLogger(__name__)

ASSIGN, ANSWER, CLOSE = "desk.assign", "desk.answer", "desk.close"


def record_progress(request_obj, user):
    """Log the steps this save took and, on closing, send the survey. Returns whether a survey
    e-mail that had to go out could not be sent."""
    if request_obj.assignee_id and request_obj.changed("assignee_id"):
        log(request_obj, ASSIGN, user=user, data={"assignee": request_obj.assignee.get_username()})
    if request_obj.answered_on and request_obj.changed("answered_on"):
        log(request_obj, ANSWER, user=user, data={"answered_on": request_obj.answered_on.isoformat()})
    failed = False
    if request_obj.closed_on and request_obj.changed("closed_on"):
        log(request_obj, CLOSE, user=user)
        failed = not send_survey(request_obj)
    request_obj.loaded = {name: getattr(request_obj, name) for name in request_obj.TRACKED}
    return failed


def survey_urls(token):
    urls = {}
    for language in ("es", "en"):
        with translation.override(language):
            urls[language] = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "desk_survey", kwargs={"token": token}
            )
    return urls


def send_survey(request_obj):
    """A new one-time link to the requester; False when the mail server refused it."""
    survey, token = SatisfactionSurvey.issue(request_obj)
    context = {"request": request_obj, "survey": survey, "urls": survey_urls(token)}
    with translation.override("es"):
        subject = _("¿Cómo le atendimos? Encuesta sobre su solicitud de asistencia técnica")
        body = render_to_string("desk/email/survey.txt", context)
    try:
        send_mail(subject, body, None, [request_obj.requester_email])
    except (OSError, SMTPException):
        logger.exception("The survey of request %s could not be sent", request_obj.pk)
        return False
    return True
