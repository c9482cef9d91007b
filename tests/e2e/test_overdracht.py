"""The whole handover, as the issue tells it: a resident in the widget asks for a person, a KCC
medewerker logs in to the console, takes the conversation and replies, the resident sees the
reply with the medewerker's first name, the medewerker sees the resident's answer, hands back,
and the bot answers again. Two browser profiles, both under the strict CSP, against the real
stack: the bot's own handover action files the question and pauses the conversation.

Also the call-back request: a resident can ask the gemeente to call back (offered in the widget
when the KCC is closed); it arrives in the KCC queue with the number, and the conversation
itself keeps no number.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
from playwright.sync_api import expect

from tests.e2e.browser import geen_axe_fouten, strikte_pagina
from tests.e2e.test_kcc_console import inloggen, tracker
from tests.e2e.test_widget import ANTWOORD_MS, SCREENSHOTS, log, open_chat, widget_pagina, zeg


@pytest.fixture(scope="module")
def medewerker(stack):
    gebruikersnaam = f"kcc-{uuid.uuid4().hex[:6]}"
    return {"gebruikersnaam": gebruikersnaam, "voornaam": gebruikersnaam.capitalize(),
            "wachtwoord": stack.staff_account(gebruikersnaam, "kcc", ["GM0090"])}


def test_resident_asks_for_a_person_staff_take_reply_and_hand_back(browser, axe_script, stack,
                                                                    medewerker):
    with widget_pagina(browser, axe_script, stack) as inwoner, \
            strikte_pagina(browser, axe_script,
                           lambda pad: pad in ("/kcc/", "/kcc/index.html")) as kcc:
        open_chat(inwoner, stack)
        zeg(inwoner, "Ik kan niet meer zelf naar de winkel rijden, is er vervoer?")
        expect(log(inwoner)).to_contain_text("In welke plaats woont u?", timeout=ANTWOORD_MS)
        zeg(inwoner, "Drachten")
        expect(log(inwoner)).to_contain_text("Smallingerland", timeout=ANTWOORD_MS)

        zeg(inwoner, "Ik wil liever met een medewerker praten")
        expect(log(inwoner)).to_contain_text("kan nu in deze chat met u praten",
                                             timeout=ANTWOORD_MS)
        expect(log(inwoner)).to_contain_text("Schrijf in één zin", timeout=ANTWOORD_MS)
        samenvatting = f"Ik zoek vervoer naar de winkel {uuid.uuid4().hex[:4]}"
        zeg(inwoner, samenvatting)
        expect(log(inwoner)).to_contain_text("Ik zoek een medewerker voor u",
                                             timeout=ANTWOORD_MS)
        expect(inwoner.get_by_text("U wacht op een medewerker.")).to_be_visible()
        geen_axe_fouten(inwoner, "widget while waiting for a medewerker")

        # The medewerker finds it in the queue and sees what the bot learned.
        kcc.goto(f"{stack.sk_url}/kcc/")
        inloggen(kcc, medewerker["gebruikersnaam"], medewerker["wachtwoord"])
        kaart = kcc.get_by_role("listitem").filter(
            has=kcc.get_by_role("heading", name="vervoer", exact=True))
        expect(kaart).to_have_count(1, timeout=10_000)
        expect(kaart).to_contain_text("Smallingerland")
        kaart.get_by_role("button", name="Oppakken").click()
        expect(kcc.get_by_role("heading", name="Gesprek: vervoer")).to_be_focused()
        expect(kcc.locator("dt:text-is('Samenvatting van de wegwijzer') + dd")).to_have_text(
            samenvatting)
        expect(kcc.locator("dt:text-is('Al aangeboden') + dd")).to_contain_text(
            "Telefoonnummer en inloop van het gemeenteteam")
        transcript = kcc.locator("[data-veld='transcript']")
        expect(transcript).to_contain_text("is er vervoer?")

        # The resident hears who joined; the medewerker's reply carries the first name.
        expect(log(inwoner)).to_contain_text(
            f"{medewerker['voornaam']} van de gemeente praat nu met u", timeout=ANTWOORD_MS)
        antwoord = kcc.get_by_label("Uw antwoord aan de inwoner")
        antwoord.fill("Goedemiddag! Er is een vervoersdienst. Zal ik u het nummer geven?")
        antwoord.press("Enter")
        van_medewerker = inwoner.locator(".wegwijzer__bericht--medewerker").last
        expect(van_medewerker).to_contain_text("Er is een vervoersdienst", timeout=ANTWOORD_MS)
        expect(van_medewerker).to_contain_text(f"{medewerker['voornaam']}, gemeente")
        expect(inwoner.get_by_text("U wacht op een medewerker.")).to_be_hidden()
        geen_axe_fouten(inwoner, "widget with a medewerker's message")

        # The resident answers; the bot stays silent and the console shows it live. A person
        # answers now, so the widget shows no typing dots and starts no time-out.
        zeg(inwoner, "Ja graag, dat nummer wil ik hebben")
        expect(inwoner.locator(".wegwijzer__typen")).to_be_hidden()
        expect(transcript.locator(".kcc-bericht--inwoner").last).to_contain_text(
            "dat nummer wil ik hebben", timeout=15_000)
        geen_axe_fouten(kcc, "console during a live conversation")
        if SCREENSHOTS:
            kcc.screenshot(path=str(SCREENSHOTS / "kcc-console.png"), full_page=True)
            inwoner.screenshot(path=str(SCREENSHOTS / "widget-medewerker.png"))

        kcc.get_by_role("button", name="Terug naar de wegwijzer").click()
        expect(log(inwoner)).to_contain_text("U praat nu weer met de wegwijzer",
                                             timeout=ANTWOORD_MS)
        berichten = inwoner.locator(".wegwijzer__bericht--bot")
        voor = berichten.count()
        zeg(inwoner, "Ik kan mijn huis niet meer schoonhouden")
        expect(berichten).not_to_have_count(voor, timeout=ANTWOORD_MS)
        expect(log(inwoner)).to_contain_text("14 0512", timeout=ANTWOORD_MS)


def test_a_call_back_request_reaches_the_queue_without_the_number_in_the_conversation(
        stack, conversation, medewerker):
    conversation.say("Ik heb een vraag over vervoer in Drachten")
    assert "één zin" in conversation.say("/terugbellen")
    assert "telefoonnummer" in conversation.say("Vraag over de regiotaxi")
    assert "nummer" in conversation.say("ik heb geen telefoon")  # asked again
    assert "Wanneer" in conversation.say("bel me op 06-12345678")
    assert "belt u terug" in conversation.say("In de middag")

    with httpx.Client(base_url=stack.sk_url, timeout=10) as staff:
        ingelogd = staff.post("/staff/login", json={
            "gebruikersnaam": medewerker["gebruikersnaam"],
            "wachtwoord": medewerker["wachtwoord"]})
        assert ingelogd.status_code == 200, ingelogd.text
        mijn = [o for o in staff.get("/kcc/wachtrij").json() if o["soort"] == "terugbellen"
                and o["gemeente_code"] == "GM0090"]
        details = [staff.get(f"/kcc/overdrachten/{o['id']}").json() for o in mijn]
        gevonden = [d for d in details if d["samenvatting"] == "Vraag over de regiotaxi"]
        assert len(gevonden) == 1
        assert (gevonden[0]["telefoon"], gevonden[0]["belmoment"]) == ("0612345678",
                                                                      "In de middag")
    stored = str(tracker(stack, conversation)["events"])
    assert "12345678" not in stored
