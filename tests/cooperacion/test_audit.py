"""Every change to a record is in Wagtail's log with who, when and what, and the district entities
it involved are kept beside it (cooperacion.audit), through the admin and through the import."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from cooperacion.importer import import_actions
from cooperacion.models import CooperationAction, DistrictEntity
from cooperacion.roles import MODERATORS
from tests.cooperacion.test_import import good_row, make_user, second_row, write_csv
from tests.cooperacion.test_permissions import form_data, url

AUTHORISED = {
    "publication_authorised": "on",
    "authorisation_date": "2025-04-01",
    "authorisation_scope": "completa",
}


LIFE = ["wagtail.create", "wagtail.edit", "wagtail.publish", "wagtail.unpublish", "wagtail.delete"]


def history(entries):
    """(action, username, timestamp, entity acronyms) of these log entries, oldest first."""
    entries = (
        entries.order_by("timestamp", "pk")
        .prefetch_related("district_entities__entity")
        .select_related("user")
    )
    return [
        (
            entry.action,
            entry.user.username if entry.user else None,
            entry.timestamp,
            sorted(logged.entity.acronym for logged in entry.district_entities.all()),
        )
        for entry in entries
    ]


def record_history(action_pk):
    return history(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CooperationAction), object_id=str(action_pk)
        )
    )


def assert_whole_life_logged(logged, username, started, entities):
    """Every step of an object's life, by this user, since `started`; the deletion last, with the
    entities the object had (kept although the object is gone)."""
    actions = [action for action, _user, _when, _entities in logged]
    assert set(LIFE) <= set(actions), actions
    assert actions[-1] == "wagtail.delete"
    assert {user for _action, user, _when, _entities in logged} == {username}
    assert all(started <= when <= timezone.now() for _action, _user, when, _entities in logged)
    assert logged[-1][3] == entities


@pytest.mark.django_db
def test_create_edit_publish_unpublish_and_delete_through_the_admin_are_logged(
    client, register_data, django_user_model
):
    education = DistrictEntity.objects.get(acronym="SED")
    moderator = make_user(django_user_model, "moderador", MODERATORS)
    client.force_login(moderator)
    started = timezone.now()

    assert client.post(url("add"), form_data(education, title="Registro auditado")).status_code == 302
    action = CooperationAction.objects.get(title="Registro auditado")
    steps = [
        (url("edit", action.pk), form_data(None, existing=action, title="Registro auditado, editado")),
        (
            url("edit", action.pk),
            form_data(None, "action-publish", existing=action, title="Registro auditado", **AUTHORISED),
        ),
        (url("unpublish", action.pk), {}),
        (url("delete", action.pk), {}),
    ]
    for address, data in steps:
        assert client.post(address, data).status_code == 302, address
    assert not CooperationAction.objects.filter(pk=action.pk).exists()

    assert_whole_life_logged(record_history(action.pk), "moderador", started, ["SED"])


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [False, True])
def test_the_spreadsheet_import_logs_each_record_with_the_importing_user(
    register_data, django_user_model, tmp_path, publish
):
    importer = make_user(django_user_model, "importadora", MODERATORS)
    path = write_csv(tmp_path / "registro.csv", [good_row(), second_row()])

    report = import_actions(path, user=importer, publish=publish)

    assert report.created == 2
    for action in CooperationAction.objects.all():
        logged = record_history(action.pk)
        assert logged[0][:2] == ("wagtail.create", "importadora")
        assert logged[0][3] == sorted(action.entity_links.values_list("entity__acronym", flat=True))
        assert logged[0][3]
        assert ("wagtail.publish" in [entry[0] for entry in logged]) is publish
