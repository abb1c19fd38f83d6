from django.core.management.base import BaseCommand
from django.db import transaction

from cooperacion.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Create the editorial groups, their permissions and the moderation workflows that are missing "
        "(docs/roles.md); run it after creating home pages or the sections of results and good "
        "practices. Takes nothing away."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for group, pages in sync_roles().items():
            titles = ", ".join(f"{page.title} ({page.locale.language_code})" for page in pages) or "—"
            self.stdout.write(f"  {group}: {titles}")
        self.stdout.write(self.style.SUCCESS("Roles ready."))
