"""Smoke test as a resident: Debian's chromium opens the page and gets an answer."""

from __future__ import annotations

from playwright.sync_api import expect


def test_resident_asks_and_gets_the_team(stack, browser):
    page = browser.new_page()
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
