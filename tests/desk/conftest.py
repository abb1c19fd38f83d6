from dataclasses import dataclass

from django.contrib.auth.models import Group

import pytest

from cooperacion.models import DistrictEntity, EntityLiaison
from cooperacion.roles import EDITORS, LIAISONS, MODERATORS
from tests.cooperacion.conftest import register_data  # noqa: F401  (the reference lists and roles)

PASSWORD = "una-clave-larga-de-prueba"


def make_user(django_user_model, username, group, entity=None, **fields):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **fields
    )
    user.groups.add(Group.objects.get(name=group))
    if entity is not None:
        EntityLiaison.objects.create(
            user=user,
            entity=entity,
            full_name=f"Enlace {username}",
            position="Profesional",
            email=f"{username}@example.org",
        )
    return user


@dataclass
class Desk:
    education: DistrictEntity  # SED, sector Educación
    atenea: DistrictEntity  # same sector as SED
    health: DistrictEntity  # SDS, sector Salud
    liaison: object  # of SED
    other_liaison: object  # of SDS
    editor: object
    moderator: object


@pytest.fixture
def desk(register_data, django_user_model):  # noqa: F811
    education = DistrictEntity.objects.get(acronym="SED")
    health = DistrictEntity.objects.get(acronym="SDS")
    return Desk(
        education=education,
        atenea=DistrictEntity.objects.get(acronym="ATENEA"),
        health=health,
        liaison=make_user(django_user_model, "enlace-sed", LIAISONS, education),
        other_liaison=make_user(django_user_model, "enlace-sds", LIAISONS, health),
        editor=make_user(django_user_model, "editora", EDITORS, first_name="Ana", last_name="Editora"),
        moderator=make_user(django_user_model, "moderador", MODERATORS),
    )
