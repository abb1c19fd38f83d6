"""The desk's public side: the satisfaction survey reached from the closing e-mail's one-time link,
and the aggregate figures linked from the transparency section (no person, no request's text, no
comment: counts, times and ratings only)."""

from django import forms
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from .charts import service_charts
from .figures import priorities_by_year, service_report
from .models import AssistanceRequest, PlanStatus, PrioritiesPlan, SatisfactionSurvey
from .models.surveys import RATINGS


class SurveyForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("¿Qué tan satisfecho quedó con la asistencia técnica? (1: nada, 5: totalmente)"),
        choices=[(rating, rating) for rating in RATINGS],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("¿Algo que debamos mejorar? (opcional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def survey_gone(request, message, status):
    return render(request, "desk/survey_unavailable.html", {"message": message}, status=status)


@require_http_methods(["GET", "POST"])
def survey(request, token):
    found = SatisfactionSurvey.objects.by_token(token)
    if found is None:
        return survey_gone(
            request, _("Este enlace de encuesta no existe. Revise que lo copió completo."), 404
        )
    if found.is_used:
        return survey_gone(request, _("Esta encuesta ya se respondió. Gracias por su tiempo."), 410)
    if found.is_expired:
        return survey_gone(request, _("Este enlace de encuesta venció."), 410)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Single use even when the form is sent twice at once: only one update finds it unanswered.
            answered = SatisfactionSurvey.objects.filter(pk=found.pk, answered_at__isnull=True).update(
                answered_at=timezone.now(),
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        if not answered:
            return survey_gone(request, _("Esta encuesta ya se respondió. Gracias por su tiempo."), 410)
        return render(request, "desk/survey_thanks.html")
    status = 400 if form.errors else 200
    return render(request, "desk/survey.html", {"form": form, "survey": found}, status=status)


@require_GET
def figures(request):
    report = service_report(AssistanceRequest.objects.all())
    plans = PrioritiesPlan.objects.exclude(status=PlanStatus.DRAFT)
    return render(
        request,
        "desk/figures.html",
        {
            "report": report,
            "year_charts": service_charts(report.by_year, "year")[:1],
            "modality_charts": service_charts(report.by_modality, "modality")[2:],
            "priorities": priorities_by_year(plans),
        },
    )
