from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import create_backup


class Command(BaseCommand):
    help = (
        "Write one .tar.gz archive with the database (portable JSON lines), the media files (without "
        "renditions) and a manifest of row counts and checksums. docs/backup.md explains it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default=".",
            help="A folder (the archive is named after the date and time) or a file name ending in .tar.gz.",
        )

    def handle(self, *args, destination, **options):
        target = Path(destination)
        if target.is_dir():
            target = target / f"portal-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        elif not target.name.endswith(".tar.gz"):
            raise CommandError(f"{destination} is neither a folder nor a .tar.gz file name.")
        if target.exists():
            raise CommandError(f"{target} exists already; a backup never overwrites one.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        manifest = create_backup(target)
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{target}: {len(manifest['tables'])} tables, {rows} rows, "
                f"{len(manifest['media']['files'])} media files, {target.stat().st_size / 1e6:.1f} MB."
            )
        )
