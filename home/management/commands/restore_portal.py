import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.backup import (
    BackupError,
    migration_state,
    open_archive,
    rebuild_derived_data,
    restore_database,
    restore_media,
)


class Command(BaseCommand):
    help = (
        "Restore an archive made by backup_portal: check every checksum first, replace the whole "
        "database and the archived media files, check the restored tables against the manifest, "
        "rebuild the search indexes. docs/backup.md has the restore drill."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive made by backup_portal.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{archive} does not exist.")
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        # Next to MEDIA_ROOT, so the files are moved into place, not copied again.
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=media_root.parent) as work:
            try:
                unpacked = open_archive(path, Path(work))
            except BackupError as error:
                raise CommandError(str(error)) from error
            manifest = unpacked.manifest
            rows = sum(table["rows"] for table in manifest["tables"].values())
            self.stdout.write(
                f"{path}: made {manifest['created_at']} by commit {manifest['portal']['commit'] or 'unknown'} "
                f"on {manifest['database']['vendor']}; {rows} rows in {len(manifest['tables'])} tables, "
                f"{len(manifest['media']['files'])} media files. Checksums verified."
            )
            target = connection.settings_dict["NAME"]
            if (
                not yes
                and input(
                    f"Every row of the database {target} and the archived files in {media_root} will be "
                    "replaced. Type 'yes' to continue: "
                )
                .strip()
                .lower()
                != "yes"
            ):
                raise CommandError("Restore cancelled; nothing was changed.")
            if migration_state()["unapplied"]:
                call_command("migrate", interactive=False, verbosity=0)
            try:
                restore_database(unpacked)
                restore_media(unpacked)
            except BackupError as error:
                raise CommandError(str(error)) from error
        rebuild_derived_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored and verified: {rows} rows, {len(manifest['media']['files'])} media files; "
                "search indexes rebuilt, caches cleared. Restart the application servers."
            )
        )
