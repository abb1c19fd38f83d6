"""Pages in Wagtail's log: creating, editing, publishing, unpublishing and deleting a result or a
good-practice sheet through the admin's own views leaves who, when and what, with the district
entity the page involved (kept even after the page is deleted)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from buenas_practicas.models import GoodPracticePage, sync_mipg_policies
from cooperacion.models import ResultPage, ResultsIndexPage
from cooperacion.models.reference import sync_fixed_data
from tests.buenas_practicas.factories import GoodPracticeIndexPageFactory
from tests.buenas_practicas.test_pages import admin_form, general_secretariat
from tests.conftest import publish
from tests.cooperacion.test_audit import assert_whole_life_logged, history


def result_form(index):
    data = nested_form_data(
        {
            "title": "Logro auditado",
            "slug": "logro-auditado",
            "date": "2025-06-01",
            "summary": "Un logro medible.",
            "achievements": rich_text("<p>Se logró algo medible.</p>"),
            "figures": streamfield([]),
            "gallery": streamfield([]),
            "body": streamfield([]),
            "linked_records": inline_formset([]),
        }
    )
    data["entities"] = [general_secretariat().pk]
    return data


def results_index(site):
    return publish(site.home.add_child(instance=ResultsIndexPage(title="Resultados", slug="resultados")))


def good_practice_index(site):
    sync_mipg_policies(apps)
    return publish(GoodPracticeIndexPageFactory(parent=site.home))


def good_practice_form(index):
    data = admin_form(index)
    del data["action-publish"]
    return data


KINDS = {
    "result": (ResultPage, results_index, result_form),
    "good practice": (GoodPracticePage, good_practice_index, good_practice_form),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_pages_whole_life_through_the_admin_is_logged(client, bilingual_site, kind):
    model, make_index, form = KINDS[kind]
    sync_fixed_data(apps)
    index = make_index(bilingual_site)
    client.force_login(get_user_model().objects.create_superuser("auditora", "a@example.org", "x"))
    started = timezone.now()

    add = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, index.pk])
    assert client.post(add, form(index)).status_code == 302
    page = model.objects.get(title=form(index)["title"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.post(edit, form(index)).status_code == 302
    assert client.post(edit, {**form(index), "action-publish": "1"}).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code == 302
    assert not model.objects.filter(pk=page.pk).exists()

    logged = history(PageLogEntry.objects.filter(page_id=page.pk))
    assert_whole_life_logged(logged, "auditora", started, [general_secretariat().acronym])
