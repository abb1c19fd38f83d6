"""The admin report "Cambios por entidad": who sees it, what it lists, its filters, its export, its
summary, and a constant number of queries per page."""

import csv
import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.menu import admin_menu
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from cooperacion.models import DistrictEntity, EntityLiaison, ResultPage, ResultsIndexPage
from cooperacion.roles import EDITORS, LIAISONS, MODERATORS
from tests.conftest import publish
from tests.cooperacion.factories import CooperationActionFactory

REPORT = reverse("cooperacion_entity_changes")
RESULTS = reverse("cooperacion_entity_changes_results")


def member(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username=username, password="x", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(register_data, bilingual_site, django_user_model):
    education = DistrictEntity.objects.get(acronym="SED")
    health = DistrictEntity.objects.get(acronym="SDS")
    liaison = member(django_user_model, "enlace-sed", LIAISONS)
    EntityLiaison.objects.create(
        full_name="Enlace de prueba",
        position="Enlace",
        entity=education,
        email="enlace@example.org",
        user=liaison,
    )
    people = {
        "administrator": member(django_user_model, "administradora", is_superuser=True),
        "moderator": member(django_user_model, "moderador", MODERATORS),
        "editor": member(django_user_model, "editora", EDITORS),
        "liaison": liaison,
    }
    index = ResultsIndexPage(title="Resultados", slug="resultados")
    bilingual_site.home.add_child(instance=index)
    publish(index)
    result = ResultPage(
        title="Logro de salud",
        slug="logro",
        date="2025-01-01",
        summary="x",
        achievements="<p>x</p>",
        entities=[health],
    )
    index.add_child(instance=result)  # logged as created, with its entity
    return {"education": education, "health": health, "people": people, "result": result}


def record_changes(world, count, entity_key="education"):
    """`count` records of an entity, each created and edited by the moderator."""
    moderator = world["people"]["moderator"]
    actions = []
    for number in range(count):
        action = CooperationActionFactory(
            title=f"Registro {entity_key} {number}", entities=[world[entity_key]]
        )
        log(instance=action, action="wagtail.create", user=moderator)
        log(instance=action, action="wagtail.edit", user=moderator)
        actions.append(action)
    return actions


def listed(client, **query):
    response = client.get(RESULTS, query)
    assert response.status_code == 200
    return [(entry.label, entry.action, entry.entity_names) for entry in response.context["object_list"]]


def reports_menu(rf, user):
    request = rf.get("/admin/")
    request.user = user
    reports = [item for item in admin_menu.menu_items_for_request(request) if item.name == "reports"]
    return {item.name for menu in reports for item in menu.menu.menu_items_for_request(request)}


@pytest.mark.django_db
class TestWhoSeesIt:
    @pytest.mark.parametrize("role", ["administrator", "moderator", "editor"])
    def test_the_offices_staff_open_it_from_the_reports_menu(self, client, rf, world, role):
        client.force_login(world["people"][role])
        assert client.get(REPORT).status_code == 200
        assert "cambios-por-entidad" in reports_menu(rf, world["people"][role])

    def test_a_liaison_is_refused_and_has_no_menu_item(self, client, rf, world):
        record_changes(world, 1)
        client.force_login(world["people"]["liaison"])
        for address in [REPORT, RESULTS, f"{REPORT}?export=csv", f"{REPORT}?export=xlsx"]:
            response = client.get(address)
            assert response.status_code == 403 or response.url == reverse("wagtailadmin_home"), address
            assert b"Registro education" not in response.content
        assert "cambios-por-entidad" not in reports_menu(rf, world["people"]["liaison"])


@pytest.mark.django_db
class TestWhatItLists:
    @pytest.fixture
    def staff(self, client, world):
        client.force_login(world["people"]["editor"])
        return client

    def test_records_and_pages_with_their_entities_newest_first(self, staff, world):
        record_changes(world, 1)
        log(instance=world["result"], action="wagtail.publish", user=world["people"]["moderator"])
        rows = listed(staff)
        assert rows[0] == ("Logro de salud", "wagtail.publish", str(world["health"]))
        assert ("Registro education 0", "wagtail.edit", str(world["education"])) in rows
        # Wagtail's own log of other objects (the index page, users…) is not this report's.
        assert {label for label, _action, _entities in rows} == {"Logro de salud", "Registro education 0"}

    def test_a_deleted_record_stays_under_its_entity(self, staff, world):
        (action,) = record_changes(world, 1)
        log(instance=action, action="wagtail.delete", user=world["people"]["moderator"])
        action.delete()
        rows = listed(staff, entity=world["education"].pk)
        assert ("Registro education 0", "wagtail.delete", str(world["education"])) in rows

    def test_filters_by_entity_sector_action_type_and_dates(self, staff, world):
        record_changes(world, 2)
        record_changes(world, 1, "health")
        log(instance=world["result"], action="wagtail.publish", user=world["people"]["moderator"])
        health, education = world["health"], world["education"]

        assert {entities for *_rest, entities in listed(staff, entity=health.pk)} == {str(health)}
        assert {entities for *_rest, entities in listed(staff, sector=education.sector_id)} == {
            str(education)
        }
        assert {action for _label, action, _e in listed(staff, action="wagtail.create")} == {"wagtail.create"}
        only_pages = listed(staff, object_type=world["result"].content_type_id)
        assert only_pages == [
            ("Logro de salud", "wagtail.publish", str(health)),
            ("Logro de salud", "wagtail.create", str(health)),
        ]

        ModelLogEntry.objects.filter(label="Registro education 0").update(
            timestamp=timezone.now() - timedelta(days=40)
        )
        recent = listed(staff, timestamp_from=(timezone.localdate() - timedelta(days=7)).isoformat())
        assert "Registro education 0" not in {label for label, _a, _e in recent}
        assert len(recent) == 6  # 8 changes, 2 of them 40 days ago

    def test_the_summary_counts_changes_per_entity_in_the_filtered_period(self, staff, world):
        record_changes(world, 2)
        record_changes(world, 1, "health")
        response = staff.get(RESULTS)
        summary = {row["entity__acronym"]: row["changes"] for row in response.context["summary"]}
        assert summary == {"SED": 4, "SDS": 3}  # the result page's creation is SDS's
        response = staff.get(RESULTS, {"action": "wagtail.create"})
        assert {row["entity__acronym"]: row["changes"] for row in response.context["summary"]} == {
            "SED": 2,
            "SDS": 2,
        }
        assert "Cambios por entidad en el periodo filtrado" in response.content.decode()

    def test_the_export_as_csv_and_xlsx(self, staff, world):
        record_changes(world, 1)
        response = staff.get(REPORT, {"export": "csv", "entity": world["education"].pk})
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert rows[0] == ["Fecha y hora", "Acción", "Objeto", "Tipo", "Entidades", "Usuario", "Id"]
        assert {row[1] for row in rows[1:]} == {"Crear", "Editar"}
        assert {row[4] for row in rows[1:]} == {str(world["education"])}

        response = staff.get(REPORT, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert [cell.value for cell in sheet[1]][:3] == ["Fecha y hora", "Acción", "Objeto"]
        assert sheet.max_row == 1 + 3  # the record created and edited, the result page created

    def test_a_page_costs_the_same_queries_for_few_or_many_changes(
        self, staff, world, django_assert_max_num_queries
    ):
        record_changes(world, 2)
        log(instance=world["result"], action="wagtail.publish", user=world["people"]["moderator"])
        with django_assert_max_num_queries(60) as few:
            assert staff.get(REPORT).status_code == 200
        record_changes(world, 20, "health")
        for _number in range(5):
            log(instance=world["result"], action="wagtail.edit", user=world["people"]["administrator"])
        with django_assert_max_num_queries(len(few)):
            response = staff.get(REPORT)
        assert len(response.context["object_list"]) == 50  # a full page
