"""Browser tests: Debian's Chromium driven by Playwright against the portal served by gunicorn.

`make browser` installs Chromium (never `playwright install`, which downloads a browser). Each step
a test records (`steps`) is a screenshot; the screenshots of a failed test stay in
var/test-artifacts/browser/ (CI's artefacts), those of a passing one are removed.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .server import ROOT, serve

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# machine's closed network refuses.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "var" / "test-artifacts" / "browser"

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
BROWSER_LOCALES = {"es": "es-CO", "en": "en-GB"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def portal():
    server = serve(os.environ.get("DATABASE_URL"))
    yield server
    server.stop()
    shutil.rmtree(server.workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: Playwright's event loop must not outlive the module, or the
    database tests that the same worker runs next would see it and refuse synchronous queries."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Steps:
    """Names the steps of a journey and keeps a screenshot of each."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.count = 0

    def __call__(self, page, name):
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        self.directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=self.directory / f"{self.count:02d}-{slug}.png", full_page=True)


def failed(request):
    report = getattr(request.node, "report_call", None)
    return report is None or not report.passed


@pytest.fixture
def steps(request):
    directory = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    shutil.rmtree(directory, ignore_errors=True)
    yield Steps(directory)
    if failed(request):
        print(f"screenshots of the failed test: {directory}")
    else:
        shutil.rmtree(directory, ignore_errors=True)


def console_error(message):
    """An error in the console, except Chromium's notes of responses with an error status, which
    the response handler reports with their address (and a test that opens a 404 page asked for it)."""
    return message.type == "error" and not message.text.startswith("Failed to load resource")


@pytest.fixture
def open_page(request, browser, portal, steps):
    """A new browser context (its own cookies) on the portal, as a visitor on a phone or a desktop
    whose browser prefers `language`. Every console error (a script failing, a resource refused by
    the Content-Security-Policy, a 4xx/5xx sub-resource) fails the test."""
    contexts = []
    errors = []

    def open_page(device=DESKTOP, language="es"):
        context = browser.new_context(base_url=portal.url, locale=BROWSER_LOCALES[language], **device)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        # A failed sub-resource is reported with its address by the response handler below.
        page.on(
            "console",
            lambda message: console_error(message) and errors.append(f"{page.url}: {message.text}"),
        )
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        # Sub-resources: a GET that fails, or a server error; a form's POST may rightly answer 400
        # (the admin's autosave does while a draft is incomplete).
        page.on(
            "response",
            lambda response: response.request.resource_type != "document"
            and (response.status >= 500 or (response.status >= 400 and response.request.method == "GET"))
            and errors.append(f"{page.url}: {response.status} for {response.url}"),
        )
        return page

    yield open_page
    for context in contexts:
        if failed(request):
            for number, page in enumerate(context.pages):
                steps.directory.mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=steps.directory / f"failed-{contexts.index(context)}-{number}.png", full_page=True
                )
        context.close()
    assert not errors, "the browser reported errors:\n" + "\n".join(errors)
