from django.core.management.base import BaseCommand
from django.db import transaction

from cooperacion.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Create the register's reference lists that are missing: district sectors and entities, the "
        "Internationalisation Board's thematic tables and axes, Development Plan targets. Changes nothing else."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = load_reference_data()
        self.stdout.write(self.style.SUCCESS(f"Reference data ready ({created} created)."))
