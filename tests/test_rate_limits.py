"""The HTML search pages and the public forms: past the allowance, a 429 page of the site in the
visitor's language with Retry-After; under it, the page as usual. Counted per client address."""

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from home.throttling import too_many_requests_message

pytestmark = pytest.mark.django_db

ANOTHER_ADDRESS = {"REMOTE_ADDR": "198.51.100.7"}


def assert_too_many_requests(response, language):
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 0 < seconds <= 60 * 60
    assert response["Content-Type"].startswith("text/html")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    with translation.override(language):
        assert html.find(role="alert").get_text(strip=True) == too_many_requests_message(seconds)
    # The site's frame: header, search box and footer, as on any page.
    assert html.find("header", class_="site-header") and html.find("footer")


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/es/buscar/?q=alianza", "es"),
        ("/en/search/?q=alliance", "en"),
        ("/es/cooperacion/buscar/?q=alianza", "es"),
        ("/en/cooperation/search/?q=alliance", "en"),
    ],
)
def test_searches_past_the_allowance_answer_429_in_the_visitors_language(
    client, bilingual_site, settings, path, language
):
    settings.SEARCH_THROTTLE_RATE = "2/min"
    for _ in range(2):
        assert client.get(path).status_code == 200
    assert_too_many_requests(client.get(path), language)
    # Another address has its own allowance; another kind of limit is counted apart.
    assert client.get(path, **ANOTHER_ADDRESS).status_code == 200
    assert client.get("/api/v1/records/").status_code == 200


def test_the_site_search_and_the_register_search_share_one_allowance(client, bilingual_site, settings):
    settings.SEARCH_THROTTLE_RATE = "2/min"
    assert client.get("/es/buscar/", {"q": "agua"}).status_code == 200
    assert client.get("/es/cooperacion/buscar/").status_code == 200
    assert client.get("/es/buscar/", {"q": "agua"}).status_code == 429


def test_password_reset_submissions_are_limited_not_the_form(client, bilingual_site, settings, mailoutbox):
    settings.FORM_THROTTLE_RATE = "2/hour"
    get_user_model().objects.create_user("editora", "editora@example.org", "una-clave-de-prueba-2026")
    for _ in range(2):
        response = client.post("/admin/password_reset/", {"email": "editora@example.org"})
        assert response.status_code == 302
    assert len(mailoutbox) == 2
    response = client.post("/admin/password_reset/", {"email": "editora@example.org"})
    assert_too_many_requests(response, "es")
    assert len(mailoutbox) == 2
    assert client.get("/admin/password_reset/").status_code == 200
    response = client.post(
        "/admin/password_reset/", {"email": "editora@example.org"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert_too_many_requests(response, "en")


@pytest.mark.parametrize("language", ["es", "en"])
def test_page_password_attempts_are_limited(client, bilingual_site, settings, language):
    settings.FORM_THROTTLE_RATE = "2/hour"
    page = bilingual_site.home if language == "es" else bilingual_site.home_en
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="clave-correcta"
    )
    url = f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    attempt = {"password": "otra", "return_url": f"/{language}/"}
    for _ in range(2):
        assert client.post(url, attempt).status_code == 200  # the form again, with its error
    assert_too_many_requests(client.post(url, attempt), language)
    assert client.post(url, {**attempt, "password": "clave-correcta"}, **ANOTHER_ADDRESS).status_code == 302


def test_front_end_login_attempts_are_limited(client, bilingual_site, settings):
    settings.FORM_THROTTLE_RATE = "1/hour"
    attempt = {"username": "nadie", "password": "ninguna"}
    assert client.post("/es/_util/login/", attempt).status_code == 200
    assert_too_many_requests(client.post("/es/_util/login/", attempt), "es")
