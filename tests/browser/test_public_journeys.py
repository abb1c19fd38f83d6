"""Visitors' journeys through the public portal, in a real browser against the served portal."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .frame import assert_fits, main_menu

pytestmark = pytest.mark.browser


def open_first(page, links, steps, name):
    """Follows the first of `links` and checks that the page it opens is the one it named."""
    link = links.first
    title = link.inner_text().strip()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_fits(page)
    steps(page, name)
    return title


def test_a_citizen_on_a_phone_reads_the_strategy_a_result_a_good_practice_and_the_news(open_page, steps):
    page = open_page(PHONE, "es")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert_fits(page)
    steps(page, "home")

    main_menu(page).get_by_role("link", name="Estrategia de internacionalización").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Estrategia de internacionalización")
    expect(page.get_by_role("heading", name="Ejes estratégicos")).to_be_visible()
    assert_fits(page)
    steps(page, "strategy")

    main_menu(page).get_by_role("link", name="Resultados de las alianzas").click()
    steps(page, "results")
    open_first(page, page.locator(".card__title a"), steps, "a result")
    # A result shows the register's records it comes from, and they open.
    records = page.get_by_role("region", name="Registros de cooperación relacionados").get_by_role("link")
    expect(records.first).to_be_visible()
    open_first(page, records, steps, "a record of the result")

    main_menu(page).get_by_role("link", name="Buenas prácticas").click()
    steps(page, "good practices")
    open_first(page, page.locator(".good-practice-card__title a"), steps, "a good-practice sheet")

    main_menu(page).get_by_role("link", name="Noticias, eventos y publicaciones").click()
    steps(page, "news")
    open_first(page, page.locator(".news-card__title a"), steps, "a news item")

    search = page.get_by_role("search").filter(has=page.get_by_label("Buscar en el portal"))
    search.get_by_label("Buscar en el portal").fill("Mesa para la Internacionalización")
    search.get_by_label("Buscar en el portal").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Buscar en el portal")
    expect(page.get_by_role("status")).to_contain_text("resultados para «Mesa para la Internacionalización»")
    assert_fits(page)
    steps(page, "site search")
    results = page.locator(".search-results a")
    expect(results.first).to_contain_text("Mesa para la Internacionalización")
    open_first(page, results, steps, "a search result")


def test_a_partner_in_english_filters_the_register_opens_a_record_and_downloads_the_csv(open_page, steps):
    page = open_page(DESKTOP, "en")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    steps(page, "home")

    box = page.get_by_role("search", name="Search the cooperation register")
    box.get_by_role("button", name="Search the register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the cooperation register")
    total = records_found(page)
    steps(page, "the register")

    facets = page.get_by_role("complementary")
    facets.get_by_role("group", name="Action type").get_by_label(re.compile(r"^Cooperation agreement")).check()
    facets.get_by_role("group", name="Partner type").get_by_label(re.compile(r"^Foreign government")).check()
    facets.locator("summary", has_text="Status").click()
    facets.get_by_role("group", name="Status").get_by_label(re.compile(r"^Completed")).check()
    steps(page, "three facets chosen")
    facets.get_by_role("button", name="Apply filters").click()

    found = records_found(page)
    assert 0 < found < total
    chips = page.locator(".chips .chip")
    expect(chips).to_have_count(3)
    expect(page).to_have_url(re.compile(r"type=convenio"))
    expect(page).to_have_url(re.compile(r"partner_type=gobierno_internacional"))
    expect(page).to_have_url(re.compile(r"status=finalizada"))
    steps(page, "filtered")
    for card in page.locator(".record-card__meta").all():
        expect(card).to_contain_text("Cooperation agreement")
        expect(card).to_contain_text("Completed")

    with page.expect_download() as download_info:
        page.locator(".record-results__downloads").get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == found
    first_title = page.locator(".record-card h3 a").first.inner_text()

    record = page.locator(".record-card h3 a").first
    record_url = record.get_attribute("href")
    record.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_title)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    steps(page, "a record")
    record_id = re.search(r"/(\d+)/$", record_url).group(1)
    assert record_id in {row["id"] for row in rows}

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(rf"/es/cooperacion/registro/{record_id}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("dt", has_text="Estado")).to_be_visible()
    steps(page, "the record in Spanish")


def records_found(page):
    summary = page.locator(".record-results .search-summary")
    expect(summary).to_contain_text(re.compile(r"\d"))
    return int(re.sub(r"\D", "", summary.inner_text().split()[0]))
