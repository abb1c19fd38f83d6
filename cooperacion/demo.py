"""Demo content for the register: reference lists, demo partners, a few hundred synthetic records,
and the demo liaison's (fictitious) directory entry. Nothing that exists is changed or recreated."""

from django.apps import apps
from django.contrib.auth import get_user_model

from search.indexing import rebuild
from search.models import RecordEntry

from . import demo_dashboard, demo_pages
from .models import CooperationAction, DistrictEntity, EntityLiaison
from .models.reference import sync_fixed_data
from .reference_data import load_demo_partners, load_reference_data
from .roles import sync_roles
from .synthetic import external_id, generate_actions

DEMO_SEED = 2026
DEMO_RECORDS = 300
DEMO_LIAISON = ("enlace", "SED")  # username from home.demo, entity acronym
# Fictitious: the directory holds personal data, and the demo must hold none of anyone's.
DEMO_DIRECTORY_ENTRY = {
    "full_name": "Enlace de prueba",
    "position": "Profesional de relaciones internacionales (ficticio)",
    "email": "enlace@example.org",
    "phone": "+57 601 000 0000 ext. 1234",
}


def load(command):
    sync_fixed_data(apps)
    created = load_reference_data() + load_demo_partners()
    if created:
        command.created(f"{created} registros de referencia (sectores, entidades, mesas, aliados)")

    # Generated once: records an editor deleted later are not brought back.
    prefix = external_id(DEMO_SEED, 1).rsplit("-", 1)[0]
    if not CooperationAction.objects.filter(external_id__startswith=f"{prefix}-").exists():
        report = generate_actions(DEMO_RECORDS, DEMO_SEED)
        command.created(f"{report.created} acciones de cooperación sintéticas")
    elif not RecordEntry.objects.exists() and CooperationAction.objects.public().exists():
        # A demo database from before the register search existed.
        counts = rebuild(["database"])
        command.created(f"{counts['database']} registros en el índice de búsqueda")

    demo_pages.load(command)
    demo_dashboard.load(command)

    username, acronym = DEMO_LIAISON
    user = get_user_model().objects.filter(username=username).first()
    if user is not None and not EntityLiaison.objects.filter(user=user).exists():
        EntityLiaison.objects.create(
            user=user, entity=DistrictEntity.objects.get(acronym=acronym), **DEMO_DIRECTORY_ENTRY
        )
        command.created(f"{username} es enlace de {acronym}")
    # The roles' page permissions and workflows on the home pages and results sections just built.
    sync_roles()
