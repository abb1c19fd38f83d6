"""One-file backups of the portal: the database as portable JSON lines, the media files, a manifest.

The database is written with Django's serializers, one model after another, every row with its own
primary key (content types, permissions and the auto-created many-to-many tables included), so a
backup made on SQLite restores into PostgreSQL and the other way round, and the restored tables are
the same rows, not equivalent ones. Derived tables are left out and rebuilt after a restore: both
search indexes, image renditions (files and rows; Wagtail makes them again on demand) and sessions.

The manifest holds, per table, its row count and a checksum of its content computed from the values
as Django reads them (the same on both engines); `restore_portal` compares them after loading, in
the same transaction, so a restore that would not give back the same data is rolled back.
docs/backup.md explains the format, the commands and the restore drill.
"""

import hashlib
import io
import json
import platform
import shutil
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from uuid import UUID

import django
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

import wagtail

FORMAT = "bogota-portal-backup/1"
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
MEDIA = "media"
# Derived data, rebuilt after a restore: both search indexes, renditions and sessions.
EXCLUDED_APPS = {"wagtailsearch"}
EXCLUDED_MODELS = {
    "search.recordentry",
    "search.recordfacet",
    "search.pendingchange",
    "wagtailimages.rendition",
    "sessions.session",
}
# Wagtail keeps renditions here, next to the originals in original_images/.
RENDITIONS_FOLDER = "images"
CHUNK = 1000


class BackupError(Exception):
    """An archive that cannot be restored, or a restore that did not give back what was saved."""


# --- What is saved --------------------------------------------------------------------------------


def saved_models():
    """Every model whose table the backup holds, in a stable order (auto-created m2m tables included)."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
    ]
    # Content types first: creating a page instance (Page.__init__) looks its own up, and would
    # insert it into the emptied table if it were not there yet.
    return sorted(models, key=lambda model: (model is not ContentType, model._meta.db_table))


def stored_fields(model):
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def canonical(value):
    """A value as the same JSON on SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time | UUID):
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return value


def table_fingerprint(model):
    """Row count and a checksum of the table's content that ignores the order rows are read in."""
    fields = stored_fields(model)
    rows = model._base_manager.values_list(*[field.attname for field in fields]).iterator(chunk_size=CHUNK)
    digests = sorted(
        hashlib.sha256(
            json.dumps(
                [canonical(field.get_prep_value(value)) for field, value in zip(fields, row, strict=True)],
                sort_keys=True,
                separators=(",", ":"),
                ensure_ascii=False,
                default=canonical,
            ).encode()
        ).digest()
        for row in rows
    )
    return {"rows": len(digests), "sha256": hashlib.sha256(b"".join(digests)).hexdigest()}


def database_fingerprints():
    return {model._meta.db_table: table_fingerprint(model) for model in saved_models()}


def migration_state():
    """The latest migration of every app in the code, and those the database has not applied."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    return {
        "latest": sorted(f"{app}.{name}" for app, name in leaves),
        "unapplied": [
            f"{migration.app_label}.{migration.name}" for migration, _ in executor.migration_plan(leaves)
        ],
    }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path):
    """The media files a backup holds, as paths relative to MEDIA_ROOT (renditions left out)."""
    if not root.is_dir():
        return []
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] != RENDITIONS_FOLDER
    )


def portal_version():
    try:
        release = version("bogota-internacional")
    except PackageNotFoundError:
        release = None
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"version": release, "commit": commit}


# --- Backup ---------------------------------------------------------------------------------------


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (ECMA-262); a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def dump_database(stream):
    """Every saved table's rows as JSON lines, each row with its primary key and only its own columns."""
    for model in saved_models():
        queryset = model._base_manager.order_by("pk").iterator(chunk_size=CHUNK)
        serializers.serialize(
            "jsonl",
            queryset,
            stream=stream,
            fields=[field.name for field in model._meta.local_fields],
            cls=ExactJSONEncoder,
        )


@contextmanager
def snapshot():
    """One consistent view of the database for the dump and the checksums."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


class HashingReader:
    """A file read once: into the archive and into its sha256."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(destination: Path) -> dict:
    """Write the archive to `destination` (a partial file renamed at the end); returns its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="bogota-backup-") as work:
        dump = Path(work) / DATABASE
        with snapshot():
            with dump.open("w", encoding="utf-8") as stream:
                dump_database(stream)
            tables = database_fingerprints()
            migrations = migration_state()
        files = {}
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(dump, DATABASE)
            for name in media_files(media_root):
                path = media_root / name
                with path.open("rb") as stream:
                    reader = HashingReader(stream)
                    archive.addfile(archive.gettarinfo(path, f"{MEDIA}/{name}"), reader)
                files[name] = reader.digest.hexdigest()
            manifest = {
                "format": FORMAT,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "portal": portal_version(),
                "software": {
                    "python": platform.python_version(),
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                },
                "database": {
                    "vendor": connection.vendor,
                    "file": DATABASE,
                    "bytes": dump.stat().st_size,
                    "sha256": file_sha256(dump),
                },
                "migrations": migrations,
                "tables": tables,
                "media": {"files": files, "bytes": sum((media_root / name).stat().st_size for name in files)},
            }
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    partial.replace(destination)
    return manifest


# --- Restore --------------------------------------------------------------------------------------


@dataclass
class Archive:
    folder: Path
    manifest: dict

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

    def media(self, name) -> Path:
        return self.folder / MEDIA / name


def open_archive(path: Path, work: Path) -> Archive:
    """Unpack the archive into `work` and check it whole; nothing of the portal is touched."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, EOFError, tarfile.TarError, zlib.error, ValueError) as error:
        raise BackupError(f"{path} is not a readable backup archive: {error}") from error
    try:
        ours = manifest["format"] == FORMAT
        expected = {DATABASE: manifest["database"]["sha256"]} | {
            f"{MEDIA}/{name}": digest for name, digest in manifest["media"]["files"].items()
        }
    except (KeyError, TypeError, AttributeError):
        ours = False
    if not ours:
        raise BackupError(f"{path} is not a backup of this portal (format {FORMAT} expected).")
    present = {item.relative_to(work).as_posix() for item in work.rglob("*") if item.is_file()} - {MANIFEST}
    problems = [f"missing: {name}" for name in sorted(expected.keys() - present)]
    problems += [f"not in the manifest: {name}" for name in sorted(present - expected.keys())]
    problems += [
        f"checksum differs: {name}"
        for name in sorted(expected.keys() & present)
        if file_sha256(work / name) != expected[name]
    ]
    if problems:
        raise BackupError(
            f"{path} is damaged or was altered; nothing was restored.\n  " + "\n  ".join(problems)
        )
    archived, current = manifest["migrations"], migration_state()
    if archived["unapplied"] or archived["latest"] != current["latest"]:
        made_with = manifest["portal"].get("commit") or "unknown"
        raise BackupError(
            f"{path} was made by a portal with other migrations (commit {made_with}); restore it with that "
            "version of the code, then upgrade as usual (migrate).\n  "
            + "\n  ".join(sorted(set(archived["latest"]) ^ set(current["latest"])) or archived["unapplied"])
        )
    tables = {model._meta.db_table for model in saved_models()}
    if set(manifest["tables"]) != tables:
        raise BackupError(
            f"{path} holds other tables than this portal: {sorted(set(manifest['tables']) ^ tables)}"
        )
    return Archive(work, manifest)


def insert(model, objects):
    fields = stored_fields(model)
    size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    for start in range(0, len(objects), size):
        model._base_manager._insert(
            objects[start : start + size], fields=fields, raw=True, using=connection.alias
        )


def load_database(stream):
    """Insert the dumped rows as they are: no signals, no save() overrides, primary keys kept."""
    model, batch = None, []
    for item in serializers.deserialize("jsonl", stream):
        if type(item.object) is not model or len(batch) == CHUNK:
            if batch:
                insert(model, batch)
            model, batch = type(item.object), []
        batch.append(item.object)
    if batch:
        insert(model, batch)


def restore_database(archive: Archive):
    """Replace every saved table's rows with the archive's; rolled back unless the checksums match."""
    models = saved_models()
    derived = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model not in models and model._meta.managed and not model._meta.proxy
    ]
    existing = set(connection.introspection.table_names())
    tables = [model._meta.db_table for model in models + derived if model._meta.db_table in existing]
    with transaction.atomic():
        # PostgreSQL refuses to truncate a table with deferred foreign-key checks still pending
        # from earlier writes in the same transaction: run them now.
        connection.check_constraints()
        with connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
                cursor.execute(statement)
            ContentType.objects.clear_cache()
            with archive.database.open(encoding="utf-8") as stream:
                load_database(stream)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        connection.check_constraints()
        ContentType.objects.clear_cache()
        differences = compare_tables(archive.manifest["tables"], database_fingerprints())
        if differences:
            raise BackupError(
                "The restored database differs from the archive; nothing was changed.\n  "
                + "\n  ".join(differences)
            )


def compare_tables(expected: dict, actual: dict) -> list[str]:
    return [
        f"{table}: {expected[table]['rows']} rows expected, {actual.get(table, {}).get('rows')} restored"
        + ("" if expected[table]["rows"] != actual.get(table, {}).get("rows") else " (content differs)")
        for table in sorted(expected)
        if expected[table] != actual.get(table)
    ]


def restore_media(archive: Archive):
    """Put the archive's files in MEDIA_ROOT (others are left alone) and drop the renditions."""
    media_root = Path(settings.MEDIA_ROOT)
    shutil.rmtree(media_root / RENDITIONS_FOLDER, ignore_errors=True)
    files = archive.manifest["media"]["files"]
    for name in files:
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(archive.media(name), target)
    changed = [name for name, digest in files.items() if file_sha256(media_root / name) != digest]
    if changed:
        raise BackupError(
            "These media files differ from the archive after restoring them:\n  " + "\n  ".join(changed)
        )


def rebuild_derived_data():
    """What a backup leaves out: search indexes (both), cached pages and answers."""
    call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    for cache in caches.all():
        cache.clear()
