"""Uploads through the admin's own views: wrong, disguised or oversized files get a clear error and
nothing is saved."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin_client(client, django_user_model):
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    client.force_login(django_user_model.objects.create_superuser("cargas", "cargas@example.org", "x"))
    return client


def add_document(client, name, content):
    data = {
        "title": "Documento de prueba",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post(reverse("wagtaildocs:add"), data)


def png(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def add_image(client, name, content):
    data = {
        "title": "Imagen de prueba",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post(reverse("wagtailimages:add"), data)


@pytest.mark.django_db
class TestDocuments:
    def test_a_real_pdf_is_saved(self, admin_client):
        assert add_document(admin_client, "informe.pdf", PDF).status_code == 302
        assert get_document_model().objects.count() == 1

    @pytest.mark.parametrize(
        "name,content,message",
        [
            ("pagina.html", b"<html><script>alert(1)</script></html>", "no esta permitida"),
            ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "no esta permitida"),
            ("programa.exe", b"MZ\x90\x00", "no esta permitida"),
            ("informe.pdf", b"<html><script>alert(1)</script></html>", "no corresponde a un .pdf"),
            ("informe.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "no corresponde a un .pdf"),
            ("tabla.xlsx", PDF, "no corresponde a un .xlsx"),
            ("notas.txt", b"<!DOCTYPE html><html><body onload='x()'>", "debe ser texto simple"),
            ("datos.csv", b"a,b\x00\x01\x02", "debe ser texto simple"),
        ],
    )
    def test_wrong_or_disguised_files_are_refused(self, admin_client, name, content, message):
        response = add_document(admin_client, name, content)
        assert response.status_code == 200
        body = response.content.decode()
        assert message in body or message.replace("no esta permitida", "La extensión de fichero") in body
        assert not get_document_model().objects.exists()

    def test_an_oversized_document_is_refused(self, admin_client, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
        response = add_document(admin_client, "informe.pdf", PDF + b"0" * 200)
        assert response.status_code == 200
        assert not get_document_model().objects.exists()
        assert "100" in response.content.decode()

    def test_a_plain_csv_is_saved(self, admin_client):
        assert add_document(admin_client, "datos.csv", "año;valor\n2026;3\n".encode()).status_code == 302


@pytest.mark.django_db
class TestImages:
    def test_a_real_png_is_saved(self, admin_client):
        assert add_image(admin_client, "foto.png", png()).status_code == 302
        assert get_image_model().objects.count() == 1

    @pytest.mark.parametrize(
        "name,content",
        [
            ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            ("foto.png", b"<html><script>alert(1)</script></html>"),
            ("foto.jpg", png()),
        ],
    )
    def test_wrong_or_disguised_images_are_refused(self, admin_client, name, content):
        response = add_image(admin_client, name, content)
        assert response.status_code == 200
        assert 'class="error-message"' in response.content.decode()
        assert not get_image_model().objects.exists()

    def test_too_many_pixels_are_refused(self, admin_client, settings):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
        response = add_image(admin_client, "foto.png", png((20, 20)))
        assert response.status_code == 200
        assert not get_image_model().objects.exists()
