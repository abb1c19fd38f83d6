from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Build the bilingual demo site. Each app may provide a `demo` module with a "
        "`load(command)` function; they run in INSTALLED_APPS order. Safe to run again: "
        "what exists is left as it is, so no content is duplicated and no edit is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-users",
            action="store_true",
            help="Create the demo users (always done when DEBUG is on; never do it on a public server).",
        )

    def handle(self, *args, with_demo_users=False, **options):
        self.create_demo_users = with_demo_users or settings.DEBUG
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if Path(app_config.path).parent != settings.BASE_DIR or find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def created(self, what):
        self.stdout.write(f"  + {what}")
