"""The HTTP security headers and the Content-Security-Policy, read from real responses under the
production settings module: a subprocess builds the demo site in a throwaway SQLite database and
requests every public page (each page type, both languages), a record, the register search, the
dashboard, the API docs and admin pages through Django's test client."""

import json
import secrets
import textwrap

import pytest

from tests.test_settings import PRODUCTION_ENV, manage

HOST = "internacional.bogota.gov.co"

# Runs inside `manage.py shell` with portal.settings.production. Only the static files storage is
# swapped: the production one needs `collectstatic`'s manifest, a build step this test skips.
SCRIPT = textwrap.dedent(
    """
    import io, json
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.contrib.auth import get_user_model
    from wagtail.models import Page
    from cooperacion.models import CooperationAction

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    public = []
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page).__name__, page.locale.language_code)
        if key not in seen:
            seen.add(key)
            public.append(page.url)
    record = CooperationAction.objects.public().first()
    public += [f"/es/cooperacion/registro/{record.pk}/", f"/en/cooperation/record/{record.pk}/",
               "/es/cooperacion/buscar/?q=agua", "/en/search/?q=water", "/es/mapa-del-sitio/"]
    admin = get_user_model().objects.create_superuser("seguridad", "seguridad@example.org", "una-clave-larga-de-prueba")
    home = Page.objects.filter(depth=2).first()
    result = {}
    with override_settings(STORAGES=storages):
        client = Client(HTTP_HOST=__HOST__)
        for url in public + ["/api/v1/docs/", "/api/v1/records/"]:
            response = client.get(url, secure=True, follow=False)
            result[url] = {"status": response.status_code, "headers": dict(response.headers),
                           "html": response.content.decode() if url in public else ""}
        client.force_login(admin)
        for url in ["/admin/", f"/admin/pages/{home.pk}/edit/", f"/admin/pages/{home.pk}/edit/preview/?mode="]:
            response = client.get(url, secure=True)
            result[url] = {"status": response.status_code, "headers": dict(response.headers), "html": ""}
    print("RESULT" + json.dumps(result))
    """
).replace("__HOST__", repr(HOST))


@pytest.fixture(scope="module")
def responses(tmp_path_factory):
    database = tmp_path_factory.mktemp("production") / "db.sqlite3"
    env = {
        **PRODUCTION_ENV,
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
    }
    result = manage("shell", "-c", SCRIPT, env=env, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT")]
    assert lines, result.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("RESULT"))


def directives(policy):
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


PERMISSIONS_DENIED = ("camera", "microphone", "geolocation", "payment", "usb")


def assert_common_headers(headers, frame_ancestors="'none'"):
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = headers["Permissions-Policy"]
    for feature in PERMISSIONS_DENIED:
        assert f"{feature}=()" in permissions
    policy = directives(headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == [frame_ancestors]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    return policy


def public_pages(responses):
    return {url: answer for url, answer in responses.items() if answer["html"]}


def test_the_demo_covers_every_public_page_type_in_both_languages(responses):
    pages = public_pages(responses)
    assert any(url.startswith("/es/") for url in pages) and any(url.startswith("/en/") for url in pages)
    assert len(pages) >= 20
    for url, answer in pages.items():
        assert answer["status"] == 200, url


def test_public_pages_carry_every_header_and_a_policy_without_unsafe_inline(responses):
    for url, answer in public_pages(responses).items():
        policy = assert_common_headers(answer["headers"])
        assert answer["headers"]["X-Frame-Options"] == "DENY", url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in answer["headers"]["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in answer["headers"]["Content-Security-Policy"], url


def test_the_api_and_its_docs_are_under_the_public_policy(responses):
    docs = responses["/api/v1/docs/"]
    assert docs["status"] == 200
    policy = assert_common_headers(docs["headers"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    api = responses["/api/v1/records/"]
    assert api["status"] == 200
    assert_common_headers(api["headers"])


def test_the_admin_has_its_own_policy_and_frames_only_the_preview(responses):
    for url in ("/admin/", next(url for url in responses if url.endswith("/edit/"))):
        answer = responses[url]
        assert answer["status"] == 200, url
        policy = assert_common_headers(answer["headers"])
        assert answer["headers"]["X-Frame-Options"] == "DENY"
        assert "'unsafe-inline'" in policy["script-src"]
    preview = responses[next(url for url in responses if "/preview/" in url)]
    assert preview["status"] == 200
    assert preview["headers"]["X-Frame-Options"] == "SAMEORIGIN"
    assert_common_headers(preview["headers"], frame_ancestors="'self'")


def blocked_by_the_policy(html):
    """What the public policy would block: style attributes and elements, scripts written in the
    page (JSON-LD data blocks are not scripts), and on* event handler attributes."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        for attribute in element.attrs:
            if attribute == "style" or attribute.lower().startswith("on"):
                found.append(f"<{element.name} {attribute}=…>")
        if element.name == "style":
            found.append("<style>")
        if (
            element.name == "script"
            and not element.get("src")
            and element.get("type") != "application/ld+json"
        ):
            found.append("<script> without src")
        if element.name in ("a", "iframe", "form") and "javascript:" in str(
            element.get("href") or element.get("src") or element.get("action") or ""
        ):
            found.append(f"javascript: URL in <{element.name}>")
    return found


def test_no_public_page_has_what_the_policy_would_block(responses):
    blocked = {
        url: found
        for url, answer in public_pages(responses).items()
        if (found := blocked_by_the_policy(answer["html"]))
    }
    assert blocked == {}


def test_the_scan_finds_what_the_policy_would_block():
    html = '<div style="color: red"><a onclick="x()">a</a><style>p{}</style><script>x()</script><script type="application/ld+json">{}</script><script src="/static/a.js"></script></div>'
    assert blocked_by_the_policy(html) == [
        "<div style=…>",
        "<a onclick=…>",
        "<style>",
        "<script> without src",
    ]
