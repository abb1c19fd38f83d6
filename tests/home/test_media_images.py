"""Without a proxy in front, SERVE_MEDIA_IMAGES lets the portal serve images, never documents."""

import importlib

from django.urls import clear_url_caches

import pytest

import portal.urls

pytestmark = pytest.mark.django_db


def reload_urls():
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture
def media(settings, tmp_path):
    for folder in ("images", "original_images", "documents"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "file.png").write_bytes(b"\x89PNG\r\n\x1a\n" + folder.encode())
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA_IMAGES = True
    reload_urls()
    yield
    settings.SERVE_MEDIA_IMAGES = False
    reload_urls()


@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_images_are_served(client, media, folder):
    response = client.get(f"/media/{folder}/file.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).endswith(folder.encode())


@pytest.mark.parametrize(
    "path", ["/media/documents/file.png", "/media/images/../documents/file.png", "/media/images/missing.png"]
)
def test_documents_and_anything_else_are_not(client, media, path):
    assert client.get(path).status_code == 404


def test_nothing_is_served_unless_asked(client, settings, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "file.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/media/images/file.png").status_code == 404
