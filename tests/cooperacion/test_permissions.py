"""Who can see and do what with register records, through the admin's own URLs."""

from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from cooperacion.models import CooperationAction, DistrictEntity, EntityLiaison
from cooperacion.roles import EDITORS, LIAISONS, MODERATORS
from tests.cooperacion.factories import CooperationActionFactory

PASSWORD = "una-clave-larga-de-prueba"


def make_user(django_user_model, username, group=None, entity=None):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if entity:
        EntityLiaison.objects.create(user=user, entity=entity)
    return user


def url(name, *args):
    return reverse(f"wagtailsnippets_cooperacion_cooperationaction:{name}", args=args)


def form_data(entity, action="", existing=None, **fields):
    """The admin form as the browser posts it; `existing` is the record being edited."""
    links = [{"entity": entity.pk}] if entity else []
    if existing is not None:
        links = [{"id": link.pk, "entity": link.entity_id} for link in existing.entity_links.all()]
    data = {
        "title": "Visita técnica de la Ciudad de México",
        "summary": "Intercambio sobre movilidad.",
        "action_type": "asistencia_tecnica",
        "line_of_action": "movilizar_recursos",
        "dimension": "cooperacion",
        "status": "identificada",
        "date_identified": "2025-02-03",
        "citywide": "on",
        "partner_links": inline_formset([]),
        "entity_links": inline_formset(links, initial=len(links) if existing is not None else 0),
        "indicators": inline_formset([]),
        "documents": inline_formset([]),
        **fields,
    }
    posted = nested_form_data(data)
    if action:
        posted[action] = "1"
    return posted


@pytest.fixture
def world(register_data, django_user_model):
    education = DistrictEntity.objects.get(acronym="SED")
    health = DistrictEntity.objects.get(acronym="SDS")
    return {
        "education": education,
        "health": health,
        "education_draft": CooperationActionFactory(
            title="Borrador de Educación", live=False, entities=[education]
        ),
        "health_draft": CooperationActionFactory(title="Borrador de Salud", live=False, entities=[health]),
        "liaison": make_user(django_user_model, "enlace-sed", LIAISONS, education),
        "editor": make_user(django_user_model, "editora", EDITORS),
        "moderator": make_user(django_user_model, "moderador", MODERATORS),
    }


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


@pytest.mark.django_db
class TestLiaisonScope:
    def test_listing_shows_only_their_entitys_records(self, client, world):
        login(client, world["liaison"])
        body = client.get(url("list")).content.decode()
        assert "Borrador de Educación" in body
        assert "Borrador de Salud" not in body

    @pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage", "delete", "workflow_history"])
    def test_another_entitys_record_is_refused_through_every_view(self, client, world, view):
        login(client, world["liaison"])
        response = client.get(url(view, world["health_draft"].pk), follow=True)
        # Wagtail answers a permission refusal with its dashboard and a message.
        assert response.redirect_chain == [("/admin/", 302)]
        body = response.content.decode()
        assert "no tienes permisos para acceder" in body
        assert "Borrador de Salud" not in body

    def test_their_own_record_opens(self, client, world):
        login(client, world["liaison"])
        assert client.get(url("edit", world["education_draft"].pk)).status_code == 200

    def test_they_cannot_create_a_record_without_their_entity(self, client, world):
        login(client, world["liaison"])
        response = client.post(url("add"), form_data(world["health"]))
        assert response.status_code == 200
        assert "solo puede registrar acciones en las que participe su entidad" in response.content.decode()
        assert not CooperationAction.objects.filter(title="Visita técnica de la Ciudad de México").exists()

    def test_they_create_a_draft_for_their_entity(self, client, world):
        login(client, world["liaison"])
        response = client.post(url("add"), form_data(world["education"]))
        assert response.status_code == 302
        created = CooperationAction.objects.get(title="Visita técnica de la Ciudad de México")
        assert created.live is False
        assert list(created.entity_links.values_list("entity__acronym", flat=True)) == ["SED"]

    def test_they_cannot_publish(self, client, world):
        login(client, world["liaison"])
        draft = world["education_draft"]
        client.post(
            url("edit", draft.pk),
            form_data(world["education"], "action-publish", existing=draft, title=draft.title),
        )
        draft.refresh_from_db()
        assert draft.live is False
        assert client.get(url("unpublish", draft.pk)).status_code in (302, 403)

    def test_they_submit_a_draft_for_moderation(self, client, world):
        login(client, world["liaison"])
        draft = world["education_draft"]
        client.post(
            url("edit", draft.pk),
            form_data(world["education"], "action-submit", existing=draft, title=draft.title),
        )
        state = WorkflowState.objects.for_instance(draft).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.current_task_state.task.specific.groups.filter(name=MODERATORS).exists()

    def test_the_same_entity_twice_is_a_form_error(self, client, world):
        login(client, world["liaison"])
        data = form_data(world["education"])
        data.update(
            nested_form_data({"entity_links": inline_formset([{"entity": world["education"].pk}] * 2)})
        )
        response = client.post(url("add"), data)
        assert response.status_code == 200
        assert not CooperationAction.objects.filter(title="Visita técnica de la Ciudad de México").exists()

    @pytest.mark.parametrize("view", ["choose", "choose_results"])
    def test_the_record_chooser_offers_only_their_entitys_records(self, client, world, view):
        login(client, world["liaison"])
        response = client.get(reverse(f"wagtailsnippetchoosers_cooperacion_cooperationaction:{view}"))
        # The modal answers JSON (its HTML inside); the results view answers plain HTML.
        is_json = response["Content-Type"].startswith("application/json")
        body = response.json()["html"] if is_json else response.content.decode()
        assert "Borrador de Educación" in body
        assert "Borrador de Salud" not in body

    def test_the_chooser_does_not_answer_for_another_entitys_record(self, client, world):
        login(client, world["liaison"])
        chooser = "wagtailsnippetchoosers_cooperacion_cooperationaction"
        own = client.get(reverse(f"{chooser}:chosen", args=[world["education_draft"].pk]))
        assert own.json()["result"]["string"] == "Borrador de Educación"
        other = client.get(reverse(f"{chooser}:chosen", args=[world["health_draft"].pk]), follow=True)
        assert other.status_code == 404
        several = client.get(
            reverse(f"{chooser}:chosen_multiple"),
            {"id": [world["education_draft"].pk, world["health_draft"].pk]},
        )
        assert [item["string"] for item in several.json()["result"]] == ["Borrador de Educación"]

    def test_they_cannot_delete(self, client, world):
        login(client, world["liaison"])
        draft = world["education_draft"]
        assert client.post(url("delete", draft.pk)).status_code in (302, 403)
        assert CooperationAction.objects.filter(pk=draft.pk).exists()


@pytest.mark.django_db
class TestOfficeRoles:
    def test_editors_see_every_entitys_records(self, client, world):
        login(client, world["editor"])
        body = client.get(url("list")).content.decode()
        assert "Borrador de Educación" in body and "Borrador de Salud" in body
        assert client.get(url("edit", world["health_draft"].pk)).status_code == 200

    def test_editors_cannot_publish(self, client, world):
        login(client, world["editor"])
        draft = world["health_draft"]
        client.post(
            url("edit", draft.pk),
            form_data(world["health"], "action-publish", existing=draft, title=draft.title),
        )
        draft.refresh_from_db()
        assert draft.live is False

    def test_moderators_publish(self, client, world):
        login(client, world["moderator"])
        draft = world["health_draft"]
        response = client.post(
            url("edit", draft.pk),
            form_data(world["health"], "action-publish", existing=draft, title=draft.title),
        )
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.live is True

    def test_the_listing_filters_and_exports(self, client, world):
        login(client, world["editor"])
        body = client.get(url("list"), {"entity": world["health"].pk}).content.decode()
        assert "Borrador de Salud" in body and "Borrador de Educación" not in body
        export = client.get(url("list"), {"entity": world["health"].pk, "export": "csv"})
        assert export.status_code == 200
        content = b"".join(export.streaming_content).decode("utf-8-sig")
        assert "Borrador de Salud" in content and "Borrador de Educación" not in content

    def test_a_new_district_wide_record_limited_to_localities_is_refused(self, client, world):
        login(client, world["editor"])
        data = form_data(world["health"])
        data["localities"] = ["08"]
        response = client.post(url("add"), data)
        assert response.status_code == 200
        assert "no se limita a localidades" in response.content.decode()
        assert not CooperationAction.objects.filter(title="Visita técnica de la Ciudad de México").exists()

    def test_the_territory_rule_reads_what_was_submitted(self, client, world):
        draft = world["health_draft"]
        draft.citywide = False
        draft.save()
        draft.localities.set(["08"])
        draft.save()
        login(client, world["editor"])
        response = client.post(
            url("edit", draft.pk), form_data(world["health"], existing=draft, title=draft.title)
        )
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.citywide and not draft.localities.exists()

    def test_the_listing_exports_xlsx(self, client, world):
        from io import BytesIO

        from openpyxl import load_workbook

        login(client, world["editor"])
        export = client.get(url("list"), {"entity": world["education"].pk, "export": "xlsx"})
        sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).active
        titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert titles == ["Borrador de Educación"]

    def test_the_office_inspects_and_opens_the_add_form(self, client, world):
        login(client, world["editor"])
        inspect = client.get(url("inspect", world["health_draft"].pk))
        assert inspect.status_code == 200 and "Borrador de Salud" in inspect.content.decode()
        assert client.get(url("add")).status_code == 200

    def test_a_record_locked_by_a_moderator_cannot_be_edited_by_an_editor(self, client, world):
        draft = world["health_draft"]
        login(client, world["moderator"])
        assert client.post(url("lock", draft.pk)).status_code == 302
        draft.refresh_from_db()
        assert draft.locked and draft.locked_by == world["moderator"]
        login(client, world["editor"])
        client.post(url("edit", draft.pk), form_data(world["health"], existing=draft, title="Cambiado"))
        draft.refresh_from_db()
        assert draft.title == "Borrador de Salud"

    def test_the_listing_searches_records(self, client, world):
        login(client, world["editor"])
        body = client.get(url("list"), {"q": "salud"}).content.decode()
        assert "Borrador de Salud" in body and "Borrador de Educación" not in body

    def test_the_listing_costs_the_same_queries_for_more_records(
        self, client, world, django_assert_max_num_queries
    ):
        login(client, world["editor"])
        client.get(url("list"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            client.get(url("list"))
        for _ in range(30):
            CooperationActionFactory(entities=[world["health"]])
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(url("list"))


@pytest.mark.django_db
class TestVisibilityRule:
    def test_public_means_live_and_partner_authorised(self, register_data):
        public = CooperationActionFactory(title="Pública")
        CooperationActionFactory(title="Borrador", live=False)
        CooperationActionFactory(
            title="Sin autorización",
            publication_authorised=False,
            authorisation_date=None,
            authorisation_scope="",
        )
        assert list(CooperationAction.objects.public()) == [public]

    def test_unpublishing_or_withdrawing_authorisation_hides_it(self, register_data):
        action = CooperationActionFactory(date_identified=date(2025, 1, 1))
        assert CooperationAction.objects.public().filter(pk=action.pk).exists()
        action.publication_authorised = False
        action.save()
        assert not CooperationAction.objects.public().filter(pk=action.pk).exists()
