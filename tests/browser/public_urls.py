"""What the accessibility audit visits, read from the served portal's own database.

`manage.py shell -c "from tests.browser.public_urls import main; main()"` runs `main` inside the
portal's Django (the browser tests' server settings) and prints one JSON document:

- `missing`: page models of the project without a live public page in some language (a new page
  type fails the audit until the demo content has one);
- `urls`: per language, `[name, path]` pairs: one live page of every concrete page model, then
  every public view that is not a page;
- `throttled`: per language, a 429 answer of the site search as the portal sends it (status,
  headers, body), got by exhausting a one-request allowance in this process.
"""

import json
from urllib.parse import urlencode

EMPTY_SEARCH = "zxqwvkj"
SEARCH_WORDS = {"es": "cooperación", "en": "cooperation"}
# The register search's filters whose combination has results in the demo register.
RECORD_FILTERS = {"type": "convenio", "status": "finalizada"}
INVALID_RECORD_FILTERS = {"year_from": "dos mil", "type": "no-existe"}


def page_urls(language):
    from wagtail.models import Page, get_page_models

    from home.models import TransparencyItemPage

    urls, missing = [], []
    visible = Page.objects.live().public().filter(locale__language_code=language).order_by("path")
    for model in get_page_models():
        if model is Page:
            continue
        page = visible.exact_type(model).first()
        if page is None:
            missing.append(f"{language}: {model._meta.label}")
            continue
        urls.append((model._meta.label, page.specific.get_url()))
    # An item that does not apply shows a different body (its reason and legal basis).
    item = TransparencyItemPage.objects.live().public().filter(locale__language_code=language, applies=False)
    if item.exists():
        urls.append(("home.TransparencyItemPage (no aplica)", item.first().get_url()))
    else:
        missing.append(f"{language}: home.TransparencyItemPage that does not apply")
    return urls, missing


def view_urls(language):
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Page

    from cooperacion.models import CooperationAction, DashboardPage
    from home.models import EventPage, NewsIndexPage

    def live(model):
        return (
            Page.objects.live().public().filter(locale__language_code=language).type(model).first().specific
        )

    with translation.override(language):
        search = reverse("search")
        records = reverse("record_search")
        record = CooperationAction.objects.public().order_by("pk").first()
        return [
            ("site search with results", f"{search}?{urlencode({'q': SEARCH_WORDS[language]})}"),
            ("site search without results", f"{search}?q={EMPTY_SEARCH}"),
            ("site map", reverse("site_map")),
            ("register search", records),
            ("register search with filters", f"{records}?{urlencode(RECORD_FILTERS)}"),
            ("register search with invalid filters", f"{records}?{urlencode(INVALID_RECORD_FILTERS)}"),
            ("register search without results", f"{records}?q={EMPTY_SEARCH}"),
            ("record sheet", reverse("record_detail", args=[record.pk])),
            ("IATI crosswalk", reverse("iati_crosswalk")),
            ("dashboard with a filter", f"{live(DashboardPage).get_url()}?type=convenio"),
            ("news with a filter", f"{live(NewsIndexPage).get_url()}?type={EventPage.kind}"),
            ("register API docs", "/api/v1/docs/"),
            ("technical-assistance figures", reverse("desk_figures")),
            ("satisfaction survey", reverse("desk_survey", args=[survey_token()])),
            ("satisfaction survey, unknown link", reverse("desk_survey", args=["no-existe"])),
            ("404 page", f"/{language}/no-existe-esta-pagina/"),
        ]


def survey_token():
    """A new survey of a closed demo request: its token is shown only when it is issued."""
    from desk.models import AssistanceRequest, SatisfactionSurvey

    closed = (
        AssistanceRequest.objects.filter(closed_on__isnull=False)
        .exclude(survey__answered_at__isnull=False)
        .order_by("pk")
        .first()
    )
    return SatisfactionSurvey.issue(closed)[1]


def throttled_search(language):
    from django.core.cache import cache
    from django.test import Client, override_settings
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        path = f"{reverse('search')}?{urlencode({'q': SEARCH_WORDS[language]})}"
    client = Client(HTTP_HOST="127.0.0.1")
    cache.clear()
    with override_settings(SEARCH_THROTTLE_RATE="1/hour"):
        client.get(path)
        response = client.get(path)
    assert response.status_code == 429, response.status_code
    return {
        "status": response.status_code,
        "headers": dict(response.items()),
        "body": response.content.decode(),
    }


def main():
    from django.conf import settings

    result = {"missing": [], "urls": {}, "throttled": {}}
    for language, _name in settings.LANGUAGES:
        pages, missing = page_urls(language)
        result["missing"] += missing
        result["urls"][language] = pages + view_urls(language)
        result["throttled"][language] = throttled_search(language)
    print(json.dumps(result))
