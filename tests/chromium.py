"""Debian's Chromium driven by Playwright, against the site served like GitHub Pages."""

from __future__ import annotations

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium calls Google's services at start; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.exit(f"Chromium not found at {CHROMIUM}: run `sudo apt-get install chromium` (or bash tests/require-tools.sh)", returncode=1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def wait_until(page, expression: str, timeout: int = 10000, interval: int = 50) -> None:
    """Wait until a JavaScript expression is true in the page.

    Playwright's wait_for_function evaluates its predicate with eval() inside the page, which
    the site's Content-Security-Policy forbids (no 'unsafe-eval'), so it fails at random.
    page.evaluate goes through the DevTools protocol, which the policy does not govern.
    """
    waited = 0
    while not page.evaluate(expression):
        if waited >= timeout:
            raise AssertionError(f"timed out after {timeout} ms waiting for: {expression}")
        page.wait_for_timeout(interval)
        waited += interval


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio of two opaque CSS colours as getComputedStyle gives them (rgb(r, g, b))."""
    def luminance(css: str) -> float:
        channels = [int(part) / 255 for part in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
