"""The carer entry end to end in the browser: the example page for mantelzorgers starts the
mantelzorgscan in the widget, the carer answers four questions (buttons in Dutch, typed
answers in Frisian), and gets a personal overview of the local offer from the sociale kaart,
with the next steps as buttons. Strict CSP and axe-core, as every page."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.browser import geen_axe_fouten
from tests.e2e.test_widget import ANTWOORD_MS, invoer, log, widget_pagina

SOORTEN_NL = ("Mantelzorgconsulent:", "Even vrij van de zorg:", "Praten met andere mantelzorgers:",
              "Cursus:", "Waardering:", "Hulp bij het gesprek met de gemeente:")
SOORTEN_FY = ("Mantelsoargkonsulint:", "Efkes frij fan de soarch:",
              "Prate mei oare mantelsoargers:", "Kursus:", "Wurdearring:",
              "Help by it petear mei de gemeente:")


def open_scan(page: Page, stack) -> None:
    page.goto(f"{stack.sk_url}/mantelzorger/")
    page.get_by_role("button", name="Doe de mantelzorgscan").click()
    expect(log(page)).to_contain_text("Goed dat u even aan uzelf denkt", timeout=ANTWOORD_MS)


def kies(page: Page, knop: str, volgende: str) -> None:
    page.get_by_role("button", name=knop, exact=True).click()
    expect(log(page)).to_contain_text(volgende, timeout=ANTWOORD_MS)


def typ(page: Page, tekst: str, volgende: str, taal: str = "fy") -> None:
    veld = invoer(page, taal)
    veld.fill(tekst)
    veld.press("Enter")
    expect(log(page)).to_contain_text(volgende, timeout=ANTWOORD_MS)


def test_carer_scan_with_buttons_gives_a_personal_overview(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        open_scan(page, stack)
        expect(log(page)).to_contain_text("In welke plaats woont u?", timeout=ANTWOORD_MS)
        geen_axe_fouten(page, "carer scan, first question")
        typ(page, "Drachten", "Voor wie zorgt u?", taal="nl")
        kies(page, "Mijn vader of moeder", "Hoeveel uur per week")
        kies(page, "Meer dan 20 uur", "Hoe lang zorgt u al?")
        kies(page, "Langer dan 2 jaar", "Hoe zwaar is de zorg nu voor u?")
        kies(page, "8", "Dit is er voor mantelzorgers in de gemeente Smallingerland")

        # Heavy care: the kind sentence first, then the consulent and respite care on top.
        expect(log(page)).to_contain_text("U geeft aan dat de zorg zwaar voelt")
        aanbod = page.locator(".wegwijzer__bericht--bot").filter(
            has_text="mantelzorgers in de gemeente Smallingerland")
        expect(aanbod).to_have_count(1)
        teksten = page.locator(".wegwijzer__bericht--bot").all_inner_texts()
        begin = next(i for i, t in enumerate(teksten) if "in de gemeente Smallingerland" in t)
        na_intro = teksten[begin + 1:]
        for soort in SOORTEN_NL:
            assert any(soort in t for t in na_intro), (soort, na_intro)
        assert SOORTEN_NL[0] in na_intro[0] and SOORTEN_NL[1] in na_intro[1]
        assert not any("€" in t for t in teksten), "the scan never names an amount"
        expect(page.get_by_role("button", name="Melding doen")).to_be_visible()
        geen_axe_fouten(page, "carer scan overview")

        # From the overview: contact with the consulent.
        kies(page, "Contact met de mantelzorgconsulent", "U kunt de mantelzorgconsulent bellen")


def test_carer_scan_in_frisian_with_typed_answers(browser, axe_script, stack):
    with widget_pagina(browser, axe_script, stack) as page:
        open_scan(page, stack)
        page.get_by_role("button", name="Frysk").click()
        expect(log(page)).to_contain_text("fierder yn it Frysk", timeout=ANTWOORD_MS)
        expect(log(page)).to_contain_text("Yn hokker plak wenje jo?", timeout=ANTWOORD_MS)
        typ(page, "Snits", "Foar wa soargje jo?")
        typ(page, "myn mem", "Hoefolle oeren yn 'e wike")
        typ(page, "sawat 4 oeren", "Hoe lang soargje jo al?")
        typ(page, "in moanne", "Hoe swier is de soarch no foar jo?")
        typ(page, "twa", "Dit is der foar mantelsoargers yn de gemeente")

        expect(log(page)).to_contain_text("Fijn dat it no goed giet")
        teksten = page.locator(".wegwijzer__bericht--bot").all_inner_texts()
        for soort in SOORTEN_FY:
            assert any(soort in t for t in teksten), (soort, teksten)
        geen_axe_fouten(page, "carer scan overview in Frisian")
