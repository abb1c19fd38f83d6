"""The liaison directory: periods, validation, what scopes an account, and who may see it."""

import importlib
import io
from datetime import date, timedelta

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry
from wagtail.search.index import class_is_indexed

import pytest

from cooperacion.models import DistrictEntity, EntityLiaison, entity_of
from cooperacion.roles import EDITORS, LIAISONS, MODERATORS

PASSWORD = "una-clave-larga-de-prueba"
TODAY = timezone.localdate()
DAY = timedelta(days=1)


def entry(entity, user=None, start=TODAY - 30 * DAY, end=None, name="Enlace de prueba"):
    return EntityLiaison.objects.create(
        full_name=name,
        position="Profesional de relaciones internacionales",
        entity=entity,
        email="enlace@example.org",
        phone="+57 601 000 0000",
        start_date=start,
        end_date=end,
        user=user,
    )


def url(name, *args):
    return reverse(f"wagtailsnippets_cooperacion_entityliaison:{name}", args=args)


@pytest.fixture
def entities(register_data):
    return DistrictEntity.objects.get(acronym="SED"), DistrictEntity.objects.get(acronym="SDS")


@pytest.fixture
def account(django_user_model):
    return django_user_model.objects.create_user(username="cuenta-enlace", password=PASSWORD)


def fresh(user):
    """The account as the next request loads it (entity_of reads once per user object)."""
    return type(user).objects.get(pk=user.pk)


@pytest.mark.django_db
class TestWhatScopesAnAccount:
    @pytest.mark.parametrize(
        ("start", "end", "scoped"),
        [
            (TODAY - 30 * DAY, None, True),
            (TODAY, TODAY, True),  # both ends of the period count
            (TODAY - 30 * DAY, TODAY - DAY, False),  # ended
            (TODAY + DAY, None, False),  # not started
        ],
    )
    def test_only_a_current_period_scopes_the_account(self, entities, account, start, end, scoped):
        education, _health = entities
        entry(education, account, start, end)
        assert entity_of(fresh(account)) == (education if scoped else None)

    def test_the_current_entry_wins_over_the_history(self, entities, account):
        education, health = entities
        entry(education, account, TODAY - 400 * DAY, TODAY - 200 * DAY)
        entry(health, account, TODAY - 199 * DAY)
        assert entity_of(fresh(account)) == health
        assert EntityLiaison.objects.filter(user=account).count() == 2

    def test_an_entry_without_account_scopes_nobody(self, entities, account):
        entry(entities[0])
        assert entity_of(fresh(account)) is None

    def test_deleting_the_account_keeps_the_directory_entry(self, entities, account):
        kept = entry(entities[0], account)
        account.delete()
        kept.refresh_from_db()
        assert kept.user is None and kept.full_name == "Enlace de prueba"


@pytest.mark.django_db
class TestValidation:
    def test_the_end_cannot_precede_the_start(self, entities):
        invalid = EntityLiaison(
            full_name="Enlace de prueba",
            position="Enlace",
            entity=entities[0],
            email="enlace@example.org",
            start_date=date(2026, 3, 1),
            end_date=date(2026, 2, 28),
        )
        with pytest.raises(ValidationError) as error:
            invalid.full_clean()
        assert "end_date" in error.value.message_dict

    def test_the_database_refuses_a_reversed_period_too(self, entities):
        with pytest.raises(IntegrityError), transaction.atomic():
            entry(entities[0], start=date(2026, 3, 1), end=date(2026, 2, 28))

    @pytest.mark.parametrize(
        ("start", "end", "clashes"),
        [
            (date(2025, 6, 1), None, True),
            (date(2025, 12, 31), date(2026, 6, 1), True),  # shares the old period's last day
            (date(2024, 1, 1), date(2025, 1, 1), True),
            (date(2026, 1, 1), None, False),
            (date(2023, 1, 1), date(2024, 12, 31), False),
        ],
    )
    def test_an_accounts_periods_never_overlap(self, entities, account, start, end, clashes):
        education, health = entities
        entry(education, account, date(2025, 1, 1), date(2025, 12, 31))
        candidate = EntityLiaison(
            full_name="Enlace de prueba",
            position="Enlace",
            entity=health,
            email="enlace@example.org",
            start_date=start,
            end_date=end,
            user=account,
        )
        if clashes:
            with pytest.raises(ValidationError) as error:
                candidate.full_clean()
            assert "SED" in " ".join(error.value.message_dict["user"])
        else:
            candidate.full_clean()

    def test_the_database_allows_one_open_period_per_account(self, entities, account):
        entry(entities[0], account)
        with pytest.raises(IntegrityError), transaction.atomic():
            entry(entities[1], account, start=TODAY)

    def test_the_phone_takes_digits_and_an_extension_only(self, entities):
        liaison = entry(entities[0])
        liaison.phone = "+57 (601) 381 3000 ext. 1200"
        liaison.full_clean()
        liaison.phone = "llamar a la oficina"
        with pytest.raises(ValidationError) as error:
            liaison.full_clean()
        assert "phone" in error.value.message_dict


def make_user(django_user_model, username, group=None, entity=None, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if entity:
        entry(entity, user)
    return user


@pytest.fixture
def people(entities, django_user_model):
    education, _health = entities
    return {
        "administrator": make_user(django_user_model, "administradora", is_superuser=True),
        "moderator": make_user(django_user_model, "moderador", MODERATORS),
        "editor": make_user(django_user_model, "editora", EDITORS),
        "liaison": make_user(django_user_model, "enlace-sed", LIAISONS, education),
    }


def posted(entity, **fields):
    return {
        "full_name": "Enlace de prueba",
        "position": "Profesional de relaciones internacionales",
        "entity": entity.pk,
        "email": "enlace@example.org",
        "phone": "+57 601 000 0000",
        "start_date": "2026-01-15",
        "end_date": "",
        "user": "",
        **fields,
    }


def refused(response):
    """Wagtail refuses an admin view with a 403, or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def directory_menu_item(rf, user):
    request = rf.get("/admin/")
    request.user = user
    groups = [
        item for item in admin_menu.menu_items_for_request(request) if item.name == "registro-de-cooperacion"
    ]
    names = {item.name for group in groups for item in group.menu.menu_items_for_request(request)}
    return "directorio-de-enlaces" in names


@pytest.mark.django_db
class TestWhoSeesTheDirectory:
    @pytest.mark.parametrize("role", ["administrator", "moderator", "editor"])
    def test_the_offices_staff_consult_it(self, client, rf, people, role):
        client.force_login(people[role])
        response = client.get(url("list"))
        assert response.status_code == 200
        assert b"enlace@example.org" in response.content
        assert directory_menu_item(rf, people[role])

    @pytest.mark.parametrize(
        ("role", "can_change"), [("administrator", True), ("moderator", True), ("editor", False)]
    )
    def test_administrators_and_moderators_keep_it_editors_only_read_it(
        self, client, people, role, can_change
    ):
        client.force_login(people[role])
        listed = EntityLiaison.objects.get(user=people["liaison"])
        for address in [url("add"), url("edit", listed.pk), url("delete", listed.pk)]:
            response = client.get(address)
            assert (response.status_code == 200) if can_change else refused(response), address

    def test_a_liaison_is_refused_every_directory_url_and_has_no_menu_item(self, client, rf, people):
        liaison = people["liaison"]
        own = EntityLiaison.objects.get(user=liaison)
        client.force_login(liaison)
        for address in [
            url("list"),
            url("list_results"),
            url("add"),
            url("edit", own.pk),
            url("delete", own.pk),
            url("history", own.pk),
            url("usage", own.pk),
            url("list") + "?export=csv",
        ]:
            response = client.get(address)
            assert refused(response), address
            assert b"enlace@example.org" not in response.content, address
        assert refused(client.post(url("add"), posted(own.entity)))
        assert EntityLiaison.objects.count() == 1
        assert not directory_menu_item(rf, liaison)

    def test_the_administrator_adds_an_entry_and_sees_clear_form_errors(self, client, people, entities):
        education, health = entities
        client.force_login(people["administrator"])
        response = client.post(url("add"), posted(health, start_date="2026-02-01", end_date="2026-01-01"))
        assert response.status_code == 200
        assert "La fecha final no puede ser anterior a la inicial." in response.content.decode()

        response = client.post(url("add"), posted(health, user=people["liaison"].pk, start_date="2020-01-01"))
        assert response.status_code == 200
        assert "Esta cuenta ya es enlace de" in response.content.decode()

        response = client.post(url("add"), posted(health, full_name="Otra persona de prueba"))
        assert response.status_code == 302
        assert EntityLiaison.objects.filter(full_name="Otra persona de prueba", entity=health).exists()

    def test_changes_are_logged_and_a_deleted_entry_leaves_no_name_in_the_log(self, client, people, entities):
        client.force_login(people["moderator"])
        assert client.post(url("add"), posted(entities[1], full_name="Persona de prueba")).status_code == 302
        added = EntityLiaison.objects.get(full_name="Persona de prueba")
        changed = posted(entities[1], full_name="Persona de prueba", position="Asesora")
        assert client.post(url("edit", added.pk), changed).status_code == 302
        assert client.post(url("delete", added.pk)).status_code == 302

        history = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(EntityLiaison), object_id=str(added.pk)
        )
        assert sorted(history.values_list("action", "user__username")) == [
            ("wagtail.create", "moderador"),
            ("wagtail.delete", "moderador"),
            ("wagtail.edit", "moderador"),
        ]
        assert not history.filter(label__icontains="Persona de prueba").exists()
        assert not ModelLogEntry.objects.filter(label__icontains="Persona de prueba").exists()

    def test_the_list_filters_by_period_and_entity_and_searches(self, client, people, entities):
        education, health = entities
        entry(health, name="Enlace pasado de prueba", start=date(2024, 1, 1), end=date(2024, 12, 31))
        entry(health, name="Enlace próximo de prueba", start=TODAY + 10 * DAY)
        client.force_login(people["editor"])

        def names(**query):
            response = client.get(url("list_results"), query)
            assert response.status_code == 200
            return {liaison.full_name for liaison in response.context["object_list"]}

        assert names(period="vigente") == {"Enlace de prueba"}
        assert names(period="pasado") == {"Enlace pasado de prueba"}
        assert names(period="proximo") == {"Enlace próximo de prueba"}
        assert names(entity=health.pk) == {"Enlace pasado de prueba", "Enlace próximo de prueba"}
        assert names(q="próximo") == {"Enlace próximo de prueba"}
        assert names(q="SED") == {"Enlace de prueba"}


@pytest.mark.django_db
def test_the_migration_fills_existing_liaisons_from_their_accounts(entities, django_user_model):
    """Rows from before the directory had only an account and an entity: the data step names them."""
    migration = importlib.import_module("cooperacion.migrations.0009_liaison_directory")
    named = django_user_model.objects.create_user(
        username="con-nombre", first_name="Nombre", last_name="De Prueba", email="a@example.org"
    )
    unnamed = django_user_model.objects.create_user(username="sin-nombre")
    EntityLiaison.objects.bulk_create(
        [EntityLiaison(user=user, entity=entities[0]) for user in (named, unnamed)]
    )

    migration.fill_from_accounts(django_apps, None)

    migrated = {e.user.username: (e.full_name, e.email, e.entity) for e in EntityLiaison.objects.all()}
    assert migrated == {
        "con-nombre": ("Nombre De Prueba", "a@example.org", entities[0]),
        "sin-nombre": ("sin-nombre", "", entities[0]),
    }
    assert entity_of(fresh(named)) == entities[0]


@pytest.mark.django_db
def test_the_demo_liaisons_entry_is_fictitious_current_and_hidden_from_them(client):
    call_command("load_demo_content", "--with-demo-users", stdout=io.StringIO())
    (demo,) = EntityLiaison.objects.all()
    assert (demo.user.username, demo.entity.acronym, demo.is_current) == ("enlace", "SED", True)
    assert demo.email.endswith("@example.org") and "prueba" in demo.full_name
    assert entity_of(demo.user) == demo.entity
    client.force_login(demo.user)
    assert refused(client.get(url("list")))


def test_the_directory_is_in_no_search_index():
    """Wagtail indexes only index.Indexed models: the public page search cannot reach the directory."""
    assert not class_is_indexed(EntityLiaison)
