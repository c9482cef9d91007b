"""The resident widget (widget/widget.js) in Debian's browser, against the real stack.

The pages are the demo pages sociale_kaart serves (/ and /mantelzorger/), each under the strict
Content-Security-Policy (so an inline script or style fails the test), with connect-src opened
for Rasa's socket.io port only. The widget talks to Rasa's socket.io channel
(bot/kanalen/widget.py); staff messages come in through Rasa's HTTP API, as KCC replies will.
axe-core checks every state for WCAG 2.1 AA problems.

With WMO_WIDGET_SCREENSHOTS=1 the tests also save the screenshots of docs/widget.md in
docs/img/ (desktop, phone, Frisian, offline).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import csp, geen_axe_fouten, strikte_pagina

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from stack import free_port  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "img" if os.environ.get("WMO_WIDGET_SCREENSHOTS") else None
ANTWOORD_MS = 40_000  # a turn with the sociale kaart takes a few seconds on a busy machine
PAGINAS = ("/", "/index.html", "/mantelzorger/", "/mantelzorger/index.html")
VRAAG = "Ik kan mijn huis niet meer schoonhouden"
PLAATSVRAAG = "In welke plaats woont u?"
# Records what the widget asks the browser to read aloud, instead of speaking.
SPRAAK_OPNEMEN = """
window.__gesproken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (u) {
    window.__gesproken.push({tekst: u.text, taal: u.lang});
  };
}
"""


def screenshot(page: Page, naam: str) -> None:
    """Saves docs/img/widget-<naam>.png when WMO_WIDGET_SCREENSHOTS is set."""
    if SCREENSHOTS:
        page.wait_for_timeout(300)  # the typing dots and scrolling settle
        page.screenshot(path=str(SCREENSHOTS / f"widget-{naam}.png"))


def rasa_origins(rasa_url: str) -> str:
    return f"{rasa_url} {rasa_url.replace('http://', 'ws://', 1)}"


@contextmanager
def widget_pagina(browser, axe_script, stack, extra: str = "", **opties) -> Iterator[Page]:
    connect = " ".join(filter(None, [rasa_origins(stack.rasa_url), extra]))
    with strikte_pagina(browser, axe_script, lambda pad: pad in PAGINAS,
                        extra_connect=connect, **opties) as page:
        yield page


@pytest.fixture
def page(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        yield page


def log(page: Page):
    return page.locator(".wegwijzer__log")


def invoer(page: Page, taal: str = "nl"):
    return page.get_by_label("Typ uw vraag of antwoord" if taal == "nl"
                             else "Typ jo fraach of antwurd")


def zeg(page: Page, tekst: str) -> None:
    veld = invoer(page)
    veld.fill(tekst)
    veld.press("Enter")


def open_chat(page: Page, stack, pad: str = "/") -> None:
    """The demo page, the launcher, and the bot's greeting."""
    page.goto(f"{stack.sk_url}{pad}")
    page.get_by_role("button", name="Vraag het de wegwijzer").click()
    expect(page.locator(".wegwijzer__bericht--bot").first).to_be_visible(timeout=ANTWOORD_MS)
    expect(invoer(page)).to_be_focused()


def sessie_id(page: Page, ingang: str = "inwoner") -> str:
    sessie = page.evaluate(f"() => sessionStorage.getItem('wegwijzer:{ingang}:sessie')")
    assert sessie, "the widget keeps its session id in sessionStorage"
    return sessie


def naar_widget(stack, sessie: str, events: list[dict]) -> None:
    """Events through Rasa's HTTP API, sent on to the widget: how KCC staff replies arrive."""
    answer = httpx.post(
        f"{stack.rasa_url}/conversations/{sessie}/tracker/events",
        params={"token": stack.auth_token, "output_channel": "socketio",
                "execute_side_effects": "true"},
        json=events, timeout=30)
    assert answer.status_code == 200, answer.text


def test_conversation_with_quick_replies(page, stack):
    page.goto(f"{stack.sk_url}/")
    launcher = page.get_by_role("button", name="Vraag het de wegwijzer")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    geen_axe_fouten(page, "page with the chat closed")

    launcher.click()
    expect(page.get_by_role("dialog", name="Wmo wegwijzer")).to_be_visible()
    expect(log(page)).to_contain_text("Ik ben de Wmo wegwijzer", timeout=ANTWOORD_MS)
    # The start message is hidden: the resident sees no message of their own yet.
    expect(page.locator(".wegwijzer__bericht--inwoner")).to_have_count(0)

    zeg(page, VRAAG)
    expect(page.locator(".wegwijzer__bericht--inwoner").last).to_have_text(f"U{VRAAG}")
    expect(log(page)).to_contain_text(PLAATSVRAAG, timeout=ANTWOORD_MS)
    zeg(page, "Drachten")
    melding = page.get_by_role("button", name="Melding doen")
    expect(melding).to_be_visible(timeout=ANTWOORD_MS)
    expect(log(page)).to_contain_text("Smallingerland")
    # Phone numbers and web addresses in the bot's text are links.
    expect(log(page).locator("a[href='tel:140512']").first).to_have_text("14 0512")
    expect(log(page).locator("a[href^='https://']").first).to_be_visible()
    geen_axe_fouten(page, "open chat with messages and a quick reply")
    screenshot(page, "desktop")

    melding.click()
    expect(page.locator(".wegwijzer__bericht--inwoner").last).to_contain_text("Melding doen")
    expect(log(page)).to_contain_text("voor uzelf of voor iemand anders", timeout=ANTWOORD_MS)
    expect(melding).to_have_count(0)  # answered: the old button is gone
    expect(invoer(page)).to_be_focused()


def test_reload_keeps_the_conversation(page, stack):
    open_chat(page, stack)
    zeg(page, VRAAG)
    expect(log(page)).to_contain_text(PLAATSVRAAG, timeout=ANTWOORD_MS)
    berichten = page.locator(".wegwijzer__bericht")
    aantal = berichten.count()
    sessie = sessie_id(page)

    page.reload()
    # Still open, the same messages and the same session; nothing is sent again.
    expect(page.get_by_role("dialog", name="Wmo wegwijzer")).to_be_visible()
    expect(berichten).to_have_count(aantal)
    expect(log(page)).to_contain_text(VRAAG)
    assert sessie_id(page) == sessie
    page.wait_for_timeout(1500)  # time for the socket to join the session again
    expect(berichten).to_have_count(aantal)

    # The bot goes on where it was: it still waits for the place.
    zeg(page, "Drachten")
    expect(log(page)).to_contain_text("Smallingerland", timeout=ANTWOORD_MS)
    expect(page.get_by_role("button", name="Melding doen")).to_be_visible(timeout=ANTWOORD_MS)


def test_frisian_toggle(page, stack):
    open_chat(page, stack)
    page.get_by_role("button", name="Frysk").click()
    expect(page.get_by_role("button", name="Frysk")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("aside.wegwijzer")).to_have_attribute("lang", "fy")
    expect(page.get_by_role("dialog", name="Wmo-paadwizer")).to_be_visible()
    expect(page.get_by_role("button", name="Ferstjoere")).to_be_visible()
    expect(page.get_by_role("button", name="Gruttere letters")).to_be_visible()

    bevestiging = page.locator(".wegwijzer__bericht--bot", has_text="fierder yn it Frysk")
    expect(bevestiging).to_be_visible(timeout=ANTWOORD_MS)
    expect(bevestiging).to_have_attribute("lang", "fy")
    expect(page.locator(".wegwijzer__bericht--inwoner")).to_have_count(0)  # sent hidden

    veld = invoer(page, "fy")
    veld.fill("Ik kin myn hûs net mear skjin hâlde")
    veld.press("Enter")
    expect(log(page)).to_contain_text("Yn hokker plak wenje jo?", timeout=ANTWOORD_MS)
    expect(page.locator(".wegwijzer__bericht--bot").last).to_have_attribute("lang", "fy")
    geen_axe_fouten(page, "chat in Frisian")
    screenshot(page, "frysk")

    # The choice stays after a reload.
    page.reload()
    expect(page.get_by_role("dialog", name="Wmo-paadwizer")).to_be_visible()


def test_keyboard_only(page, stack):
    page.goto(f"{stack.sk_url}/")
    launcher = page.get_by_role("button", name="Vraag het de wegwijzer")
    for _ in range(20):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el === document.activeElement"):
            break
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(invoer(page)).to_be_focused()
    expect(log(page)).to_contain_text("Ik ben de Wmo wegwijzer", timeout=ANTWOORD_MS)

    page.keyboard.type(VRAAG)
    page.keyboard.press("Enter")
    expect(log(page)).to_contain_text(PLAATSVRAAG, timeout=ANTWOORD_MS)
    page.keyboard.type("Drachten")
    page.keyboard.press("Enter")
    melding = page.get_by_role("button", name="Melding doen")
    expect(melding).to_be_visible(timeout=ANTWOORD_MS)

    # The quick reply sits just above the text box: one Shift+Tab back.
    page.keyboard.press("Shift+Tab")
    expect(melding).to_be_focused()
    page.keyboard.press("Enter")
    expect(log(page)).to_contain_text("voor uzelf of voor iemand anders", timeout=ANTWOORD_MS)
    expect(invoer(page)).to_be_focused()

    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()


def test_larger_text_and_phone_size(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        open_chat(page, stack)
        normaal = page.locator(".wegwijzer__bericht").first.evaluate(
            "el => parseFloat(getComputedStyle(el).fontSize)")
        groot = page.get_by_role("button", name="Grotere letters")
        groot.click()
        expect(groot).to_have_attribute("aria-pressed", "true")
        groter = page.locator(".wegwijzer__bericht").first.evaluate(
            "el => parseFloat(getComputedStyle(el).fontSize)")
        assert groter >= normaal * 1.25
        geen_axe_fouten(page, "chat with larger text")
        page.reload()
        expect(groot).to_have_attribute("aria-pressed", "true")  # remembered

    with widget_pagina(browser, axe_script, stack,
                       viewport={"width": 390, "height": 844}, is_mobile=True,
                       has_touch=True) as page:
        page.goto(f"{stack.sk_url}/")
        launcher = page.get_by_role("button", name="Vraag het de wegwijzer")
        box = launcher.bounding_box()
        assert box and box["height"] >= 44 and box["x"] + box["width"] <= 390
        geen_axe_fouten(page, "phone-sized page with the chat closed")
        launcher.tap()
        expect(log(page)).to_contain_text("Ik ben de Wmo wegwijzer", timeout=ANTWOORD_MS)
        paneel = page.get_by_role("dialog", name="Wmo wegwijzer").bounding_box()
        assert paneel == {"x": 0, "y": 0, "width": 390, "height": 844}, paneel
        for knop in page.locator(".wegwijzer button:visible").all():
            maat = knop.bounding_box()
            assert maat and maat["height"] >= 44 and maat["width"] >= 44, knop.text_content()
        geen_axe_fouten(page, "phone-sized chat")
        zeg(page, VRAAG)
        expect(log(page)).to_contain_text(PLAATSVRAAG, timeout=ANTWOORD_MS)
        screenshot(page, "telefoon")


OFFLINE_PAGINA = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Test: de wegwijzer is offline</title>
<script src="/widget.js" data-rasa-url="{rasa}" {gemeente} data-open="true" defer></script>
</head><body><main><h1>Test: de wegwijzer is offline</h1></main></body></html>"""


def test_offline_shows_phone_number_and_hours(browser, axe_script, stack):
    dicht = f"http://127.0.0.1:{free_port()}"  # nobody listens there
    extra = rasa_origins(dicht)
    with widget_pagina(browser, axe_script, stack, extra=extra) as page:
        policy = csp(f"{rasa_origins(stack.rasa_url)} {extra}")

        def testpagina(gemeente: str):
            body = OFFLINE_PAGINA.format(rasa=dicht, gemeente=gemeente)
            return lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8",
                headers={"content-security-policy": policy}, body=body)

        page.route("**/offline.html", testpagina('data-gemeente="GM0090"'))
        page.route("**/offline-zonder-gemeente.html", testpagina(""))

        page.goto(f"{stack.sk_url}/offline.html")
        status = page.get_by_role("status")
        expect(status).to_contain_text("De wegwijzer werkt nu niet", timeout=15_000)
        expect(status).to_contain_text("Bel de gemeente Smallingerland: 14 0512.")
        expect(status).to_contain_text("op werkdagen van 8.30 tot 17.00 uur")
        expect(status.get_by_role("link", name="14 0512")).to_have_attribute("href", "tel:140512")
        geen_axe_fouten(page, "offline message")
        screenshot(page, "offline")

        # A message typed now is not lost: it stays in the box.
        zeg(page, "Hallo")
        expect(invoer(page)).to_have_value("Hallo")
        expect(page.locator(".wegwijzer__bericht--inwoner")).to_have_count(0)

        page.get_by_role("button", name="Frysk").click()
        expect(status).to_contain_text("De paadwizer wurket no net")
        expect(status).to_contain_text("Belje de gemeente Smellingerlân: 14 0512.")

        page.goto(f"{stack.sk_url}/offline-zonder-gemeente.html")
        page.get_by_role("button", name="Nederlands").click()
        expect(page.get_by_role("status")).to_contain_text(
            "Bel uw gemeente op 14 met daarachter het netnummer van uw woonplaats.",
            timeout=15_000)


def test_staff_message_and_waiting_line(page, stack):
    open_chat(page, stack)
    sessie = sessie_id(page)

    naar_widget(stack, sessie, [{"event": "bot", "data": {"custom": {"overdracht": "wachten"}}}])
    wachten = page.locator(".wegwijzer__wachten")
    expect(wachten).to_have_text("U wacht op een medewerker.")

    naar_widget(stack, sessie, [{"event": "bot", "text": "Hallo, ik ben Anna. Ik help u verder.",
                                 "metadata": {"medewerker": "Anna de Vries"}}])
    bericht = page.locator(".wegwijzer__bericht--medewerker")
    expect(bericht).to_contain_text("Anna, gemeente")
    expect(bericht).to_contain_text("Hallo, ik ben Anna. Ik help u verder.")
    expect(bericht.locator(".wegwijzer__afzender")).to_be_visible()
    expect(wachten).to_be_hidden()  # a person answered
    geen_axe_fouten(page, "chat with a staff message")

    naar_widget(stack, sessie, [{"event": "bot", "data": {"custom": {"overdracht": "wachten"}}}])
    expect(wachten).to_be_visible()
    naar_widget(stack, sessie, [{"event": "bot", "data": {"custom": {"overdracht": "terug"}}}])
    expect(wachten).to_be_hidden()

    page.reload()  # a staff message stays a staff message after a reload
    expect(page.locator(".wegwijzer__bericht--medewerker")).to_contain_text("Anna, gemeente")


def test_html_in_a_message_is_text(page, stack):
    meldingen: list[str] = []
    page.on("dialog", lambda dialog: (meldingen.append(dialog.message), dialog.dismiss()))
    open_chat(page, stack)
    aanval = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">klik</a>'
    naar_widget(stack, sessie_id(page), [{"event": "bot", "text": aanval,
                                          "metadata": {"medewerker": "Anna"}}])
    bericht = page.locator(".wegwijzer__bericht--medewerker")
    expect(bericht).to_contain_text(aanval)
    page.wait_for_timeout(500)
    assert page.locator(".wegwijzer img").count() == 0
    assert page.locator(".wegwijzer a[href^='javascript']").count() == 0
    assert meldingen == []


def test_read_aloud(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        page.add_init_script(SPRAAK_OPNEMEN)
        open_chat(page, stack)
        groet = page.locator(".wegwijzer__bericht--bot").first
        groet.get_by_role("button", name="Voorlezen").click()
        gesproken = page.evaluate("() => window.__gesproken")
        assert len(gesproken) == 1
        assert gesproken[0]["taal"] == "nl-NL"
        assert gesproken[0]["tekst"].startswith("Hallo! Ik ben de Wmo wegwijzer")
        assert "Voorlezen" not in gesproken[0]["tekst"]

        page.get_by_role("button", name="Frysk").click()
        frysk = page.locator(".wegwijzer__bericht--bot", has_text="fierder yn it Frysk")
        expect(frysk).to_be_visible(timeout=ANTWOORD_MS)
        frysk.get_by_role("button", name="Foarlêze").click()
        gesproken = page.evaluate("() => window.__gesproken")
        assert gesproken[-1]["taal"] == "fy-NL"
        assert gesproken[-1]["tekst"].startswith("Goed, ik skriuw fierder yn it Frysk")


def test_read_aloud_hidden_without_speech_synthesis(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        page.add_init_script("Object.defineProperty(window, 'speechSynthesis', "
                             "{value: undefined});")
        open_chat(page, stack)
        expect(page.locator(".wegwijzer__bericht--bot").first).to_be_visible()
        expect(page.get_by_role("button", name="Voorlezen")).to_have_count(0)


def test_carer_page_starts_its_own_conversation(page, stack):
    page.goto(f"{stack.sk_url}/mantelzorger/")
    launcher = page.get_by_role("button", name="Doe de mantelzorgscan")
    geen_axe_fouten(page, "carer page with the chat closed")
    launcher.click()
    expect(page.locator(".wegwijzer__bericht--bot").first).to_be_visible(timeout=ANTWOORD_MS)
    expect(page.locator(".wegwijzer__bericht--inwoner")).to_have_count(0)
    # Its own session, next to a resident conversation in the same tab.
    assert page.evaluate("() => sessionStorage.getItem('wegwijzer:inwoner:sessie')") is None
    assert sessie_id(page, "mantelzorger")
    geen_axe_fouten(page, "carer chat")


def test_reconnects_by_itself_when_rasa_is_back(page, stack):
    """Last in this file: it restarts Rasa (about a minute and a half)."""
    open_chat(page, stack)
    stack.services["rasa"].stop()
    status = page.get_by_role("status")
    expect(status).to_contain_text("De wegwijzer werkt nu niet", timeout=30_000)
    expect(status).to_contain_text("14 0512")

    stack.restart("rasa")  # waits until Rasa answers again
    expect(status).to_contain_text("De verbinding is terug", timeout=60_000)
    zeg(page, VRAAG)
    expect(log(page)).to_contain_text(PLAATSVRAAG, timeout=ANTWOORD_MS)
