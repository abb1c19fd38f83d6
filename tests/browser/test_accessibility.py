"""Accessibility in a real browser: axe-core's WCAG 2.0/2.1 A and AA rules on every public page type
in both languages at phone and desktop widths, and the register search used with the keyboard only.

What is audited and how to read a failure: docs/accessibility.md.
"""

import json

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
