"""Accessibility in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules on every public page type
in both languages at phone and desktop widths, and the register search used with the keyboard only.

What is audited and how to read a failure: docs/accessibility.md.
"""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE
from .frame import overflow

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}
# Pages drawn by a script after the load event: what to wait for before auditing.
DRAWN_BY_SCRIPT = {"register API docs": "#swagger-ui .opblock"}
axe = Axe()


@pytest.fixture(scope="module")
def audit_plan(portal):
    """The addresses to audit, read from the served database (tests/browser/public_urls.py)."""
    output = portal.manage(
        "shell", "--no-imports", "-c", "from tests.browser.public_urls import main; main()"
    )
    return json.loads(output.strip().splitlines()[-1])


def violations(page, name):
    """axe's WCAG A/AA violations on the page as readable lines, none when it passes."""
    lines = []
    for violation in axe.run(page, options=WCAG_AA).response["violations"]:
        lines.append(
            f"{name} ({page.url}): {violation['id']} [{violation['impact']}] {violation['help']} — {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(
                f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}"
            )
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return lines


def audit(page, name, device):
    """axe's violations and, on a phone, the page's width, with every `<details>` open: axe skips
    hidden content, and a data table or a facet folded away must pass too."""
    if name in DRAWN_BY_SCRIPT:
        page.wait_for_selector(DRAWN_BY_SCRIPT[name])
    page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    problems = violations(page, name)
    if device == "phone" and (wider := overflow(page)) > 0:
        problems.append(f"{name} ({page.url}): {wider}px wider than a phone's screen")
    return problems


def test_every_page_model_has_a_public_page_in_each_language(audit_plan):
    assert not audit_plan["missing"], (
        "page types the audit cannot see (add them to the demo content):\n" + "\n".join(audit_plan["missing"])
    )


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("device", DEVICES)
def test_every_public_page_type_meets_wcag_21_aa(open_page, audit_plan, device, language):
    page = open_page(DEVICES[device], language)
    problems = []
    for name, url in audit_plan["urls"][language]:
        page.goto(url)
        problems += audit(page, name, device)

    # The 429 page as the portal answers it (status, headers with the CSP, body), served at the
    # portal's address: exhausting the server's real allowance would take thousands of requests.
    throttled = audit_plan["throttled"][language]
    page.route("**/429/", lambda route: route.fulfill(**throttled))
    page.goto(f"/{language}/429/")
    problems += audit(page, "429 page", device)

    assert not problems, f"{len(problems)} accessibility problems ({device}, {language}):\n" + "\n".join(
        problems
    )


# What the keyboard's focus is on: enough to find a control and to judge that a sighted keyboard
# user sees it (on screen, not covered, not inside something hidden) and sees that it has focus.
FOCUSED = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const labels = [...(element.labels || [])];
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.name ?? null,
        text: (element.innerText || "").trim().slice(0, 80),
        classes: [...element.classList],
        value: element.value ?? null,
        checked: element.checked ?? null,
        open: element.parentElement?.open ?? null,
        visible: element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
            && box.width >= 2 && box.height >= 2
            && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth
            && !element.closest("[aria-hidden=true]")
            && hit !== null && (element.contains(hit) || labels.some(label => label.contains(hit))),
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
    };
}"""
KEYBOARD_LABELS = {
    "es": {"apply": "Aplicar filtros", "sort": "Ordenar"},
    "en": {"apply": "Apply filters", "sort": "Sort"},
}


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, wanted, limit=200):
    """Presses Tab until the focused element is `wanted`; every element on the way must be seen."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["visible"], f"the focus landed on something a keyboard user cannot see: {element}"
        assert element["indicator"], f"the focused element shows no focus indicator: {element}"
        if wanted(element):
            return element
    raise AssertionError(f"{limit} presses of Tab did not reach the element")


def parameters(page):
    return parse_qs(urlsplit(page.url).query)


def records_found(page):
    return int("".join(filter(str.isdigit, page.locator(".record-results .search-summary").inner_text())))


@pytest.mark.parametrize(("language", "device"), [("es", "desktop"), ("en", "phone")])
def test_the_register_search_works_with_the_keyboard_alone(open_page, audit_plan, steps, language, device):
    labels = KEYBOARD_LABELS[language]
    page = open_page(DEVICES[device], language)
    page.goto(dict(audit_plan["urls"][language])["register search"])
    total = records_found(page)

    skip = tab_to(page, lambda element: True, limit=1)
    assert "skip-link" in skip["classes"], f"the first Tab stop is not the skip link: {skip}"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"

    facet = tab_to(page, lambda element: element["tag"] == "summary" and not element["open"])
    page.keyboard.press("Enter")
    assert focused(page)["open"], f"Enter did not open the facet {facet['text']}"
    steps(page, "a folded facet opened")
    ticked = []
    for _ in range(2):
        tab_to(page, lambda element: element["tag"] == "input" and element["checked"] is False)
        page.keyboard.press("Space")
        assert focused(page)["checked"]
        ticked.append(focused(page))
    tab_to(page, lambda element: element["tag"] == "button" and element["text"] == labels["apply"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    steps(page, "two values applied")
    filtered = records_found(page)
    assert 0 < filtered < total
    facet_values = {element["value"] for element in ticked}
    assert set(parameters(page)[ticked[0]["name"]]) == facet_values
    assert page.locator(".chips .chip").count() == 2

    tab_to(page, lambda element: "chip" in element["classes"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    steps(page, "a chip removed")
    assert page.locator(".chips .chip").count() == 1
    assert len(set(parameters(page)[ticked[0]["name"]]) & facet_values) == 1
    assert 0 < records_found(page) < filtered

    sort = tab_to(page, lambda element: element["id"] == "id_sort", limit=400)
    page.keyboard.press("ArrowDown")
    chosen = focused(page)["value"]
    assert chosen != sort["value"]
    tab_to(page, lambda element: element["tag"] == "button" and element["text"] == labels["sort"], limit=1)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    steps(page, "sorted")
    assert parameters(page)["sort"] == [chosen]
    assert page.locator("#id_sort").input_value() == chosen
