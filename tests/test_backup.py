"""backup_portal and restore_portal on the demo site: nothing is lost, nothing altered is restored.

The demo site is built and backed up once for the module (committed, outside the tests'
transactions); each test restores inside its own transaction, which is rolled back afterwards. At the
end the module restores the backup it made of the database as the migrations left it.
"""

import io
import json
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings

import pytest

from cooperacion.models import CooperationAction, Partner, PartnerType
from home.backup import DATABASE, MANIFEST, database_fingerprints, file_sha256, media_files
from home.models import NewsPage
from search.models import RecordEntry


@dataclass
class DemoBackup:
    archive: Path
    tables: dict
    media: dict
    media_root: Path
    search_entries: int


def media_digests(root):
    return {name: file_sha256(root / name) for name in media_files(root)}


def backup(path):
    call_command("backup_portal", str(path), stdout=io.StringIO())
    return path


def restore(path, *options):
    call_command("restore_portal", str(path), *options, stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup")
    media_root = folder / "media"
    search = {"URL": None, "INDEX_PREFIX": "bogota-test", "OPENSEARCH_COMPATIBLE": False, "TIMEOUT": 2.0}
    with override_settings(MEDIA_ROOT=media_root, RECORD_SEARCH=search), django_db_blocker.unblock():
        migrated = backup(folder / "migrated.tar.gz")
        call_command("load_demo_content", stdout=io.StringIO())
        tables, media = database_fingerprints(), media_digests(media_root)
        yield DemoBackup(
            backup(folder / "demo.tar.gz"), tables, media, media_root, RecordEntry.objects.count()
        )
        restore(migrated, "--yes")


@pytest.fixture
def site(demo, db):
    return demo


NEW_PARTNER = "Aliado creado después de la copia"


def add_a_partner():
    Partner.objects.create(name=NEW_PARTNER, partner_type=PartnerType.PRIVATE_COMPANY, country="NO")


def wipe_database():
    """Every table emptied, the migrations' own rows (content types, root page, locales…) included."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)


def rewrite(archive: Path, target: Path, change):
    """A copy of the archive with `change(name, data)` applied to each member (None drops it)."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is not None:
                member.size = len(data)
                copy.addfile(member, io.BytesIO(data))
    return target


def test_the_manifest_describes_the_database_and_the_files(site):
    with tarfile.open(site.archive, "r:gz") as archive:
        manifest = json.loads(archive.extractfile(MANIFEST).read())
        names = archive.getnames()
    assert manifest["software"]["django"] and manifest["software"]["wagtail"]
    assert manifest["migrations"]["unapplied"] == []
    latest = {f"{app}.{name}" for app, name in MigrationLoader(None).graph.leaf_nodes()}
    assert set(manifest["migrations"]["latest"]) == latest
    assert manifest["tables"] == site.tables
    assert (
        manifest["tables"]["cooperacion_cooperationaction"]["rows"]
        == CooperationAction.objects.count()
        == 300
    )
    assert manifest["media"]["files"] == site.media
    assert any(name.startswith("documents/") for name in site.media)
    assert any(name.startswith("original_images/") for name in site.media)
    assert "search_recordentry" not in manifest["tables"], "search indexes are rebuilt, not restored"
    assert sorted(names) == sorted([DATABASE, MANIFEST, *(f"media/{name}" for name in site.media)])


def test_round_trip_into_a_wiped_database_loses_nothing(site, client):
    wipe_database()
    shutil.rmtree(site.media_root)

    restore(site.archive, "--yes")

    assert database_fingerprints() == site.tables
    assert media_digests(site.media_root) == site.media
    assert RecordEntry.objects.count() == site.search_entries
    for url in ("/es/", "/en/"):
        assert client.get(url).status_code == 200, url
    record = CooperationAction.objects.public().order_by("pk").first()
    assert client.get(f"/es/cooperacion/registro/{record.pk}/").status_code == 200
    found = client.get("/es/cooperacion/buscar/", {"q": record.title})
    assert found.status_code == 200
    assert f"/es/cooperacion/registro/{record.pk}/" in found.content.decode()
    news = NewsPage.objects.live().filter(locale__language_code="es").first()
    assert news.title in client.get("/es/buscar/", {"q": news.title}).content.decode()


def test_restore_over_an_edited_site_gives_back_the_backup(site):
    CooperationAction.objects.filter(
        pk__in=CooperationAction.objects.order_by("pk").values("pk")[:5]
    ).delete()
    add_a_partner()
    news = NewsPage.objects.live().first()
    news.title = "Título cambiado después de la copia"
    news.save_revision().publish()
    edited = site.media_root / next(iter(site.media))
    edited.write_bytes(b"otro contenido")

    restore(site.archive, "--yes")

    assert database_fingerprints() == site.tables
    assert media_digests(site.media_root) == site.media
    assert not Partner.objects.filter(name=NEW_PARTNER).exists()


def change_first_media_file(name, data):
    return b"\x00" + data[1:] if name.startswith("media/") else data


def change_the_dump(name, data):
    return data.replace(b'"cooperacion.partner"', b'"cooperacion.partner" ', 1) if name == DATABASE else data


def drop_a_media_file(name, data):
    return None if name.startswith("media/documents/") else data


def another_migration_state(name, data):
    if name != MANIFEST:
        return data
    manifest = json.loads(data)
    manifest["migrations"]["latest"] = [*manifest["migrations"]["latest"], "cooperacion.9999_future"]
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    "tamper, reason",
    [
        (change_first_media_file, "checksum differs: media/"),
        (change_the_dump, f"checksum differs: {DATABASE}"),
        (drop_a_media_file, "missing: media/documents/"),
        (another_migration_state, "other migrations"),
    ],
)
def test_an_altered_archive_is_refused_before_anything_changes(site, tmp_path, tamper, reason):
    altered = rewrite(site.archive, tmp_path / "altered.tar.gz", tamper)
    add_a_partner()
    before = database_fingerprints()

    with pytest.raises(CommandError, match=reason):
        restore(altered, "--yes")

    assert database_fingerprints() == before


def test_a_truncated_archive_is_refused(site, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(site.archive.read_bytes()[: site.archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="not a readable backup archive"):
        restore(truncated, "--yes")


def test_a_restore_that_would_not_match_the_manifest_is_rolled_back(site, tmp_path):
    """The manifest carries no checksum of its own: a wrong table checksum shows after loading."""

    def wrong_table_checksum(name, data):
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["tables"]["cooperacion_partner"]["sha256"] = "0" * 64
        return json.dumps(manifest).encode()

    altered = rewrite(site.archive, tmp_path / "altered.tar.gz", wrong_table_checksum)
    add_a_partner()
    before = database_fingerprints()

    with pytest.raises(CommandError, match="cooperacion_partner: 33 rows expected, 33 restored"):
        restore(altered, "--yes")

    assert database_fingerprints() == before


def test_restore_asks_before_replacing_anything(site, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    add_a_partner()
    before = database_fingerprints()
    with pytest.raises(CommandError, match="cancelled"):
        restore(site.archive)
    assert database_fingerprints() == before


def test_a_backup_never_overwrites_a_file(site, tmp_path):
    existing = tmp_path / "copy.tar.gz"
    existing.write_bytes(b"older backup")
    with pytest.raises(CommandError, match="exists already"):
        backup(existing)
    assert existing.read_bytes() == b"older backup"
