"""Smoke test as a resident: Debian's chromium opens the page and gets an answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def test_resident_asks_and_gets_the_team(stack, page):
    page.goto(f"{stack.sk_url}/")
    expect(page.get_by_role("heading", name="Wmo wegwijzer")).to_be_visible()

    box = page.get_by_label("Uw vraag")
    box.fill("Ik kan mijn huis niet meer schoonhouden. Waar moet ik zijn?")
    box.press("Enter")
    expect(page.locator(".ww-msg--bot").first).to_contain_text("In welke plaats woont u?",
                                                                timeout=30_000)

    box.fill("Drachten")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator(".ww-log")).to_contain_text("Smallingerland", timeout=30_000)
    expect(page.locator(".ww-log")).to_contain_text("14 0512")
    expect(box).to_be_focused()
