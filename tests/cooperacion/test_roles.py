"""Every role's boundaries on pages, records and the admin, through Wagtail's own URLs; the
moderation workflows and their e-mails; the public APIs, which never show a draft to anyone."""

from datetime import date

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from buenas_practicas.models import GoodPracticePage, MipgPolicyCode
from cooperacion.models import DistrictEntity, EntityLiaison, ResultPage, ResultsIndexPage
from cooperacion.roles import ADMINISTRATORS, EDITORS, LIAISONS, MODERATORS, PAGE_WORKFLOW_NAME, sync_roles
from tests.buenas_practicas.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.conftest import publish, translate
from tests.cooperacion.factories import CooperationActionFactory
from tests.cooperacion.test_permissions import form_data as record_form

# Wagtail answers a refusal with a redirect to its dashboard and a message.
DENIED = ("/admin/", 302)


def make_user(django_user_model, username, group, entity=None):
    user = django_user_model.objects.create_user(
        username=username, password="una-clave-larga-de-prueba", email=f"{username}@example.org"
    )
    user.groups.add(Group.objects.get(name=group))
    if entity:
        EntityLiaison.objects.create(user=user, entity=entity)
    return user


def result(index, title, entities, live=False):
    page = ResultPage(
        title=title, date=date(2025, 3, 1), summary="Resumen.", achievements="<p>Logro.</p>", live=False
    )
    index.add_child(instance=page)
    page.entities.set(entities)
    page.save()
    if live:
        publish(page)
    else:
        page.save_revision()
    return page


def practice(index, title, entity):
    page = GoodPracticePageFactory(parent=index, title=title, entity=entity, live=False)
    page.save_revision()
    return page


@pytest.fixture
def world(bilingual_site, register_data, django_user_model):
    education = DistrictEntity.objects.get(acronym="SED")
    health = DistrictEntity.objects.get(acronym="SDS")
    results = ResultsIndexPage(title="Resultados", slug="resultados")
    bilingual_site.home.add_child(instance=results)
    publish(results)
    practices = publish(GoodPracticeIndexPageFactory(parent=bilingual_site.home))
    sections = [
        results,
        translate(results, bilingual_site.english, title="Results", slug="results"),
        practices,
        translate(practices, bilingual_site.english, title="Good practices", slug="good-practices"),
    ]
    sync_roles()  # the sections exist now: the liaisons' page permissions and the workflow
    return {
        "education": education,
        "health": health,
        "home": bilingual_site.home,
        "sections": sections,
        "results": results,
        "practices": practices,
        "own_result": result(results, "Resultado borrador de Educación", [education, health]),
        "other_result": result(results, "Resultado borrador de Salud", [health]),
        "published_result": result(results, "Resultado publicado de Educación", [education], live=True),
        "own_practice": practice(practices, "Práctica borrador de Educación", education),
        "other_practice": practice(practices, "Práctica borrador de Salud", health),
        "own_record": CooperationActionFactory(
            title="Registro borrador de Educación", live=False, entities=[education]
        ),
        "other_record": CooperationActionFactory(
            title="Registro borrador de Salud", live=False, entities=[health]
        ),
        "liaison": make_user(django_user_model, "enlace-sed", LIAISONS, education),
        "editor": make_user(django_user_model, "editora", EDITORS),
        "moderator": make_user(django_user_model, "moderador", MODERATORS),
        "second_moderator": make_user(django_user_model, "moderadora", MODERATORS),
        "administrator": make_user(django_user_model, "administradora", ADMINISTRATORS),
    }


def page_url(name, page):
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk])


def result_form(entities, action="", **fields):
    data = nested_form_data(
        {
            "title": "Resultado nuevo",
            "slug": "resultado-nuevo",
            "date": "2025-06-01",
            "summary": "Resumen del resultado.",
            "achievements": rich_text("Se logró algo medible."),
            "figures": streamfield([]),
            "gallery": streamfield([]),
            "body": streamfield([]),
            "linked_records": inline_formset([]),
            **fields,
        }
    )
    data["entities"] = [entity.pk for entity in entities]
    if action:
        data[action] = "1"
    return data


def add_result_url(world):
    return reverse("wagtailadmin_pages:add", args=["cooperacion", "resultpage", world["results"].pk])


@pytest.mark.django_db
class TestSyncRoles:
    def test_groups_nodes_and_workflows(self, world):
        granted = {
            (group, page): set(
                GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
                    "permission__codename", flat=True
                )
            )
            for group in (LIAISONS, EDITORS, MODERATORS)
            for page in [world["home"], *world["sections"]]
        }
        for section in world["sections"]:
            assert granted[LIAISONS, section] == {"add_page", "change_page"}
            assert WorkflowPage.objects.get(page=section).workflow.name == PAGE_WORKFLOW_NAME
        assert granted[LIAISONS, world["home"]] == set()
        assert granted[EDITORS, world["home"]] == {"add_page", "change_page"}
        assert "publish_page" in granted[MODERATORS, world["home"]]
        assert GroupPagePermission.objects.filter(group__name=ADMINISTRATORS, page__depth=1).count() == 6

    def test_the_command_is_idempotent_and_keeps_what_an_administrator_changed(self, world, capsys):
        other = WorkflowPage.objects.get(page=world["practices"]).workflow
        other.pk, other.name = None, "Otro flujo"
        other.save()
        WorkflowPage.objects.filter(page=world["practices"]).update(workflow=other)
        before = GroupPagePermission.objects.count()
        call_command("sync_roles")
        assert GroupPagePermission.objects.count() == before
        assert WorkflowPage.objects.get(page=world["practices"]).workflow == other
        assert "Resultados (es)" in capsys.readouterr().out


@pytest.mark.django_db
class TestLiaisonPages:
    @pytest.mark.parametrize("page", ["other_result", "other_practice"])
    @pytest.mark.parametrize(
        "view",
        [
            "edit",
            "view_draft",
            "preview_on_edit",
            "revisions_index",
            "history",
            "workflow_history",
            "delete",
            "move",
            "copy",
            "usage",
        ],
    )
    def test_another_entitys_draft_is_refused_through_every_view(self, client, world, page, view):
        client.force_login(world["liaison"])
        response = client.get(page_url(view, world[page]), follow=True)
        assert response.redirect_chain[-1:] == [DENIED]
        assert world[page].title not in response.content.decode()

    @pytest.mark.parametrize("page", ["other_result", "other_practice"])
    @pytest.mark.parametrize("view", ["delete", "unpublish", "lock", "copy"])
    def test_posting_to_another_entitys_draft_changes_nothing(self, client, world, page, view):
        client.force_login(world["liaison"])
        client.post(page_url(view, world[page]), {"new_title": "Copia", "new_slug": "copia"})
        target = Page.objects.get(pk=world[page].pk)
        assert not target.locked
        assert Page.objects.filter(title=world[page].title).count() == 1

    @pytest.mark.parametrize("page", ["own_result", "own_practice"])
    @pytest.mark.parametrize("view", ["edit", "view_draft", "history", "workflow_history"])
    def test_their_entitys_draft_opens(self, client, world, page, view):
        client.force_login(world["liaison"])
        assert client.get(page_url(view, world[page])).status_code == 200

    def test_the_explorer_lists_only_their_entitys_pages(self, client, world):
        client.force_login(world["liaison"])
        body = client.get(reverse("wagtailadmin_explore", args=[world["results"].pk])).content.decode()
        assert "Resultado borrador de Educación" in body
        assert "Resultado publicado de Educación" in body
        assert "Resultado borrador de Salud" not in body

    @pytest.mark.parametrize(
        "url",
        [
            reverse("wagtailadmin_pages:search") + "?q=borrador",
            reverse("wagtailadmin_choose_page_search") + "?q=borrador",
        ],
    )
    def test_searches_find_only_their_entitys_pages(self, client, world, url):
        client.force_login(world["liaison"])
        response = client.get(url)
        body = response.json()["html"] if response["Content-Type"].startswith("application/json") else None
        body = body or response.content.decode()
        assert "Resultado borrador de Educación" in body and "Práctica borrador de Educación" in body
        assert "Resultado borrador de Salud" not in body and "Práctica borrador de Salud" not in body

    @pytest.mark.parametrize("section", ["results", "practices"])
    def test_the_page_chooser_offers_only_their_entitys_pages(self, client, world, section):
        client.force_login(world["liaison"])
        response = client.get(reverse("wagtailadmin_choose_page_child", args=[world[section].pk]))
        body = response.json()["html"]
        assert "borrador de Educación" in body
        assert "borrador de Salud" not in body

    def test_the_admin_api_does_not_show_other_entities_pages(self, client, world):
        client.force_login(world["liaison"])
        for section in ("results", "practices"):
            response = client.get(
                "/admin/api/main/pages/", {"child_of": world[section].pk, "for_explorer": 1}
            )
            titles = {item["title"] for item in response.json()["items"]}
            assert titles and not any("Salud" in title for title in titles)
        other = client.get(f"/admin/api/main/pages/{world['other_result'].pk}/", follow=True)
        assert other.status_code == 404

    def test_the_office_sees_every_entitys_pages(self, client, world):
        client.force_login(world["editor"])
        body = client.get(reverse("wagtailadmin_explore", args=[world["results"].pk])).content.decode()
        assert "Resultado borrador de Salud" in body and "Resultado borrador de Educación" in body
        assert client.get(page_url("edit", world["other_practice"])).status_code == 200

    def test_they_cannot_edit_the_section_but_add_to_it(self, client, world):
        client.force_login(world["liaison"])
        assert client.get(page_url("edit", world["results"]), follow=True).redirect_chain[-1:] == [DENIED]
        assert client.get(add_result_url(world)).status_code == 200

    def test_a_result_without_their_entity_is_a_form_error(self, client, world):
        client.force_login(world["liaison"])
        response = client.post(add_result_url(world), result_form([world["health"]], "action-submit"))
        assert response.status_code == 200
        assert "solo puede registrar resultados de su entidad" in response.content.decode()
        assert not ResultPage.objects.filter(slug="resultado-nuevo").exists()

    def test_removing_their_entity_from_a_result_is_a_form_error(self, client, world):
        client.force_login(world["liaison"])
        page = world["own_result"]
        data = result_form([world["health"]], title=page.title, slug=page.slug)
        response = client.post(page_url("edit", page), data)
        assert "solo puede registrar resultados de su entidad" in response.content.decode()

    def test_a_good_practice_of_another_entity_is_a_form_error(self, client, world):
        client.force_login(world["liaison"])
        url = reverse(
            "wagtailadmin_pages:add", args=["buenas_practicas", "goodpracticepage", world["practices"].pk]
        )
        form = client.get(url).context["form"]
        assert form.fields["entity"].initial == world["education"]
        from tests.buenas_practicas.test_pages import admin_form

        data = admin_form(None, entity=world["health"].pk)
        del data["action-publish"]
        response = client.post(url, data)
        assert response.status_code == 200
        assert "solo puede registrar buenas prácticas de su entidad" in response.content.decode()
        data["entity"] = world["education"].pk
        assert client.post(url, data).status_code == 302
        created = GoodPracticePage.objects.get(slug="ventanilla-unica")
        assert not created.live and created.owner == world["liaison"]
        assert list(created.mipg_policies.values_list("code", flat=True)) == [MipgPolicyCode.TRANSPARENCY]

    def test_they_cannot_publish(self, client, world):
        client.force_login(world["liaison"])
        assert (
            client.post(
                add_result_url(world), result_form([world["education"]], "action-publish")
            ).status_code
            == 302
        )
        created = ResultPage.objects.get(slug="resultado-nuevo")
        assert not created.live and created.owner == world["liaison"]
        page = world["own_result"]
        client.post(
            page_url("edit", page),
            result_form([world["education"]], "action-publish", title=page.title, slug=page.slug),
        )
        page.refresh_from_db()
        assert not page.live
        body = client.get(page_url("edit", page)).content.decode()
        assert 'name="action-publish"' not in body and 'name="action-submit"' in body

    def test_they_cannot_delete_or_unpublish_published_content(self, client, world):
        client.force_login(world["liaison"])
        page = world["published_result"]
        assert client.get(page_url("delete", page), follow=True).redirect_chain[-1:] == [DENIED]
        client.post(page_url("delete", page))
        client.post(page_url("unpublish", page))
        page.refresh_from_db()
        assert page.live

    def test_they_may_delete_their_entitys_unpublished_draft(self, client, world):
        client.force_login(world["liaison"])
        assert client.post(page_url("delete", world["own_result"])).status_code == 302
        assert not Page.objects.filter(pk=world["own_result"].pk).exists()

    def test_scoping_costs_the_same_queries_for_more_pages(self, client, world):
        """Wagtail's listing costs a few queries per row whoever looks; the entity rule's are constant."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.force_login(world["liaison"])
        url = reverse("wagtailadmin_explore", args=[world["results"].pk])

        def rule_queries():
            with CaptureQueriesContext(connection) as context:
                body = client.get(url).content.decode()
            return body.count("Otro resultado"), sum(
                "resultpage_entities" in query["sql"] for query in context.captured_queries
            )

        rows, few = rule_queries()
        for number in range(10):
            result(world["results"], f"Otro resultado de Educación {number}", [world["education"]])
            result(world["results"], f"Otro resultado de Salud {number}", [world["health"]])
        more_rows, more = rule_queries()
        assert more_rows > rows and 0 < more == few


@pytest.mark.django_db
class TestFormerLiaison:
    """A member of the liaisons' group whose directory period ended is scoped to no entity: they
    reach nothing, rather than everything as if they were the office's staff."""

    @pytest.fixture
    def former(self, world):
        EntityLiaison.objects.filter(user=world["liaison"]).update(
            start_date=date(2020, 1, 1), end_date=date(2021, 12, 31)
        )
        return world["liaison"]

    @pytest.mark.parametrize("page", ["own_result", "other_result", "own_practice"])
    def test_no_page_opens(self, client, world, former, page):
        client.force_login(former)
        response = client.get(page_url("edit", world[page]), follow=True)
        assert response.redirect_chain[-1:] == [DENIED]

    def test_nothing_can_be_added(self, client, world, former):
        client.force_login(former)
        assert client.get(add_result_url(world), follow=True).redirect_chain[-1:] == [DENIED]
        response = client.get(reverse("wagtailsnippets_cooperacion_cooperationaction:add"), follow=True)
        assert response.redirect_chain[-1:] == [DENIED]

    def test_no_record_is_listed_or_opens(self, client, world, former):
        client.force_login(former)
        listing = client.get(reverse("wagtailsnippets_cooperacion_cooperationaction:list"), follow=True)
        assert world["own_record"].title not in listing.content.decode()
        assert world["other_record"].title not in listing.content.decode()
        response = client.get(
            reverse("wagtailsnippets_cooperacion_cooperationaction:edit", args=[world["own_record"].pk]),
            follow=True,
        )
        assert response.redirect_chain[-1:] == [DENIED]

    def test_the_import_is_not_theirs(self, client, world, former):
        client.force_login(former)
        assert client.get(reverse("cooperacion_import"), follow=True).redirect_chain[-1:] == [DENIED]


class TestOfficeRoles:
    def publish_as(self, client, world, role, page, entity):
        client.force_login(world[role])
        client.post(
            page_url("edit", page),
            result_form([world[entity]], "action-publish", title=page.title, slug=page.slug),
        )
        page.refresh_from_db()
        return page

    @pytest.mark.parametrize("role", ["editor", "liaison"])
    def test_who_cannot_publish_pages(self, client, world, role):
        assert not self.publish_as(client, world, role, world["own_result"], "education").live

    @pytest.mark.parametrize("role", ["moderator", "administrator"])
    def test_who_publishes_and_unpublishes_pages(self, client, world, role):
        page = self.publish_as(client, world, role, world["other_result"], "health")
        assert page.live
        client.post(page_url("unpublish", page))
        page.refresh_from_db()
        assert not page.live

    @pytest.mark.parametrize(
        "role, allowed",
        [("administrator", True), ("moderator", False), ("editor", False), ("liaison", False)],
    )
    @pytest.mark.parametrize(
        "url",
        [
            "wagtailusers_users:index",
            "wagtailusers_users:add",
            "wagtailusers_groups:index",
            "wagtailadmin_workflows:index",
            "wagtailsites:index",
        ],
    )
    def test_only_administrators_manage_users_groups_workflows_and_sites(
        self, client, world, role, allowed, url
    ):
        client.force_login(world[role])
        response = client.get(reverse(url), follow=True)
        assert response.status_code == 200
        assert response.redirect_chain == ([] if allowed else [DENIED])

    def test_administrators_create_users(self, client, world, django_user_model):
        client.force_login(world["administrator"])
        response = client.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "nueva",
                "email": "nueva@example.org",
                "first_name": "Nueva",
                "last_name": "Prueba",
                "password1": "una-clave-larga-de-prueba",
                "password2": "una-clave-larga-de-prueba",
                "groups": [Group.objects.get(name=EDITORS).pk],
            },
        )
        assert response.status_code == 302
        assert django_user_model.objects.get(username="nueva").groups.get().name == EDITORS
        assert not world["administrator"].is_superuser


def task_state(instance):
    return (
        WorkflowState.objects.for_instance(instance)
        .get(status=WorkflowState.STATUS_IN_PROGRESS)
        .current_task_state
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
class TestModeration:
    def submit_result(self, client, world):
        client.force_login(world["liaison"])
        page = world["own_result"]
        data = result_form([world["education"]], "action-submit", title=page.title, slug=page.slug)
        assert client.post(page_url("edit", page), data).status_code == 302
        return page

    def test_a_submitted_result_is_mailed_to_the_moderators_only(self, client, world):
        self.submit_result(client, world)
        assert recipients() == ["moderador@example.org", "moderadora@example.org"]
        assert all("Resultado borrador de Educación" in message.subject for message in mail.outbox)

    def moderate(self, client, world, action, comment=""):
        """A moderator's decision on a result a liaison submitted; the outbox holds only what it sent."""
        page = self.submit_result(client, world)
        mail.outbox.clear()
        client.force_login(world["moderator"])
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk]),
            {"comment": comment},
        )
        page.refresh_from_db()
        return page

    def test_approval_publishes_and_tells_the_submitter(self, client, world):
        assert self.moderate(client, world, "approve").live
        assert recipients() == ["enlace-sed@example.org"]

    def test_requested_changes_are_mailed_to_the_submitter(self, client, world):
        assert not self.moderate(client, world, "reject", "Falta la cifra del logro.").live
        assert recipients() == ["enlace-sed@example.org"]
        assert "Falta la cifra del logro." in mail.outbox[0].body

    def test_a_liaison_cannot_approve(self, client, world):
        page = self.submit_result(client, world)
        state = task_state(page)
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]))
        page.refresh_from_db()
        assert not page.live

    def test_a_record_goes_the_same_way(self, client, world):
        record = world["own_record"]
        snippet = "wagtailsnippets_cooperacion_cooperationaction"
        client.force_login(world["liaison"])
        data = record_form(world["education"], "action-submit", existing=record, title=record.title)
        assert client.post(reverse(f"{snippet}:edit", args=[record.pk]), data).status_code == 302
        assert recipients() == ["moderador@example.org", "moderadora@example.org"]
        mail.outbox.clear()
        client.force_login(world["second_moderator"])
        state = task_state(record)
        client.post(
            reverse(f"{snippet}:workflow_action", args=[record.pk, "approve", state.pk]), {"comment": ""}
        )
        record.refresh_from_db()
        assert record.live
        assert recipients() == ["enlace-sed@example.org"]


@pytest.mark.django_db
class TestPublicAPIs:
    @pytest.mark.parametrize("role", [None, "liaison", "editor", "moderator", "administrator"])
    def test_no_draft_is_public_to_anyone(self, client, world, role):
        if role:
            client.force_login(world[role])
        records = client.get("/api/v1/records/").json()
        record_titles = {item["title"] for item in records["results"]}
        assert not record_titles & {"Registro borrador de Educación", "Registro borrador de Salud"}
        pages = client.get("/api/v2/pages/", {"type": "cooperacion.ResultPage"}).json()["items"]
        assert [item["title"] for item in pages] == ["Resultado publicado de Educación"]
        assert client.get(f"/api/v2/pages/{world['other_result'].pk}/").status_code == 404
        assert client.get(f"/api/v1/records/{world['other_record'].pk}/").status_code == 404
