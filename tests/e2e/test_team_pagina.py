"""The team page (widget/medewerker/) in Debian's chromium, against the real stack.

Staff accounts come from the real CLI (python -m sociale_kaart.medewerkers), meldingen from
the real API (POST /meldingen with the action server's token). Every page runs under a strict
Content-Security-Policy, so an inline script or style would show up as a failure here, and
axe-core checks the login view, the list and one melding for WCAG 2.1 AA problems.
axe-core is fetched at test time by scripts/fetch_axe.sh (pinned version and checksum).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import geen_axe_fouten, strikte_pagina

ROOT = Path(__file__).resolve().parents[2]
PER_PAGINA = 25  # as in team.js
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]
VERLOPEN = "Uw sessie is verlopen. Log opnieuw in."


def nieuwe_melding(stack, gemeente: str, **velden) -> dict:
    body = {
        "gemeente_code": gemeente, "voor_wie": "zelf", "naam": "Test Inwoner",
        "telefoon": "06 12345678", "woonplaats": "Drachten",
        "vraag": "Ik kan mijn huis niet meer schoonhouden.", "clientondersteuning": "nee",
        "mantelzorger": "weet_niet", "toestemming_versturen": True, "taal": "nl", **velden,
    }
    answer = httpx.post(f"{stack.sk_url}/meldingen", json=body, timeout=10, headers={
        "Authorization": f"Bearer {stack.melding_token}", "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return answer.json()


@pytest.fixture(scope="module")
def team(stack):
    """One team account for Smallingerland (GM0090), one KCC account, and meldingen: more
    than one page for GM0090, then one to look at, then one of Leeuwarden (GM0080)."""
    suffix = uuid.uuid4().hex[:6]
    gebruikersnaam = f"team-smallingerland-{suffix}"
    wachtwoord = stack.staff_account(gebruikersnaam, "team", ["GM0090"])
    kcc = f"kcc-{suffix}"
    kcc_wachtwoord = stack.staff_account(kcc, "kcc", ["GM0090"])
    for nummer in range(PER_PAGINA):
        nieuwe_melding(stack, "GM0090", naam=f"Vuller {nummer}")
    melding = nieuwe_melding(
        stack, "GM0090", voor_wie="ander", toestemming_ander=True, naam="Sjoukje de Boer",
        naam_ander="Grietje de Boer",
        telefoon="0512-123456", email="sjoukje@voorbeeld.nl", woonplaats="Drachten",
        vraag="Mijn moeder kan niet meer zelf douchen.\n<img src=x onerror=alert(1)>",
        belmoment="dinsdagochtend", clientondersteuning="ja", mantelzorger="ja", taal="fy")
    ander = nieuwe_melding(stack, "GM0080", naam="Pieter Leeuwarden", woonplaats="Leeuwarden")
    return {"gebruikersnaam": gebruikersnaam, "wachtwoord": wachtwoord, "kcc": kcc,
            "kcc_wachtwoord": kcc_wachtwoord, "melding": melding, "ander": ander,
            "url": f"{stack.sk_url}/medewerker/"}


@pytest.fixture
def page(browser, axe_script):
    """A fresh profile whose team page is served with the strict CSP."""
    with strikte_pagina(browser, axe_script,
                        lambda pad: pad in ("/medewerker/", "/medewerker/index.html"),
                        accept_downloads=True) as page:
        yield page


def bericht(page: Page, waar: str = "pagina"):
    """One of the page's message areas (role status): "pagina" at the top, "export" next to
    the download buttons, "status" in the status form."""
    return page.locator(f"[role='status'][data-bericht='{waar}']")


def inloggen(page: Page, team: dict, gebruikersnaam: str | None = None,
             wachtwoord: str | None = None) -> None:
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam or team["gebruikersnaam"])
    page.get_by_label("Wachtwoord").fill(wachtwoord or team["wachtwoord"])
    page.get_by_role("button", name="Inloggen").click()


def open_ingelogd(page: Page, team: dict) -> None:
    page.goto(team["url"])
    inloggen(page, team)
    expect(page.get_by_role("heading", name="Meldingen", exact=True)).to_be_visible()


def rij(page: Page, nummer: str):
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=nummer, exact=True))


def nederlandse_datum(iso: str, lang: bool = False) -> str:
    """'22-11-2026' (the list), or '22 november 2026' (one melding), in Dutch time."""
    dag = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(
        ZoneInfo("Europe/Amsterdam"))
    if lang:
        return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"
    return f"{dag:%d-%m-%Y}"


def test_login_list_and_scoping(page, team):
    melding, ander = team["melding"], team["ander"]
    page.goto(team["url"])
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_hidden()
    geen_axe_fouten(page, "login view")

    inloggen(page, team, wachtwoord="dit-is-niet-goed")
    expect(bericht(page)).to_contain_text("Gebruikersnaam of wachtwoord klopt niet")
    expect(page.get_by_label("Wachtwoord")).to_have_value("")
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("aria-invalid", "true")
    geen_axe_fouten(page, "login view with an error")

    inloggen(page, team)
    expect(page.get_by_role("heading", name="Meldingen", exact=True)).to_be_focused()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.get_by_text("U ziet de meldingen van: Smallingerland (GM0090).")).to_be_visible()
    expect(page).to_have_title(re.compile("^Meldingen"))

    tabel = page.get_by_role("table")
    expect(tabel.get_by_role("columnheader")).to_have_text(
        ["Nummer", "Datum", "Woonplaats", "Status"])
    expect(rij(page, melding["nummer"]).get_by_role("cell")).to_have_text(
        [nederlandse_datum(melding["aangemaakt_op"]), "Drachten", "Nieuw"])
    # The newest melding of Smallingerland is on top: Leeuwarden's newer one is not there.
    expect(tabel.get_by_role("row").nth(1)).to_contain_text(melding["nummer"])
    expect(tabel).not_to_contain_text(ander["nummer"])
    expect(tabel).not_to_contain_text("Leeuwarden")
    expect(tabel.get_by_role("row")).to_have_count(PER_PAGINA + 1)
    geen_axe_fouten(page, "list view")

    paging = page.get_by_role("navigation", name="Pagina's met meldingen")
    expect(paging).to_contain_text(re.compile(r"Pagina 1 van \d+"))
    expect(paging.get_by_role("link", name="Vorige pagina")).to_be_hidden()
    paging.get_by_role("link", name="Volgende pagina").click()
    expect(paging).to_contain_text(re.compile(r"Pagina 2 van \d+"))
    expect(tabel).not_to_contain_text(melding["nummer"])
    expect(tabel.get_by_role("row").nth(1)).to_be_visible()
    expect(tabel).not_to_contain_text(ander["nummer"])
    expect(page.get_by_role("heading", name="Meldingen", exact=True)).to_be_focused()
    paging.get_by_role("link", name="Vorige pagina").click()
    expect(rij(page, melding["nummer"])).to_be_visible()

    # Another gemeente's melding cannot be opened by its address either.
    page.goto(f"{team['url']}#/melding/{ander['nummer']}")
    expect(bericht(page)).to_contain_text("Deze melding is er niet")
    expect(page.get_by_role("definition")).to_have_count(0)


def test_open_melding_and_change_status(page, team):
    melding = team["melding"]
    open_ingelogd(page, team)
    rij(page, melding["nummer"]).get_by_role("link").click()

    titel = page.get_by_role("heading", name=f"Melding {melding['nummer']}")
    expect(titel).to_be_focused()
    velden = {
        "Status": "Nieuw",
        "Voor wie is de melding?": "Voor een ander (een naaste). De ander vindt de melding goed.",
        "Naam van de melder": "Sjoukje de Boer",
        "Telefoon": "0512123456",
        "E-mail": "sjoukje@voorbeeld.nl",
        "Woonplaats": "Drachten",
        "Gemeente": "Smallingerland (GM0090)",
        "Vraag": "Mijn moeder kan niet meer zelf douchen.\n<img src=x onerror=alert(1)>",
        "Beste moment om te bellen": "dinsdagochtend",
        "Wil hulp van een cliëntondersteuner": "Ja",
        "Heeft een mantelzorger": "Ja",
        "Taal": "Fries",
        "Team": melding["team_naam"],
    }
    expect(page.locator("dt")).to_contain_text(list(velden))
    if melding.get("naam_ander"):  # newer API: the name of the naaste the melding is about
        velden["Naam van de persoon om wie het gaat"] = "Grietje de Boer"
    for label, waarde in velden.items():
        dd = page.locator(f"dt:text-is('{label}') + dd")
        if label == "Vraag":  # shown as text, with its line break: never as HTML
            assert dd.inner_text() == waarde
        else:
            expect(dd).to_contain_text(waarde)
    assert page.locator(".mw-velden img").count() == 0
    expect(page.locator("dt:text-is('Gemeld op') + dd")).to_contain_text(
        nederlandse_datum(melding["aangemaakt_op"], lang=True))
    expect(page.get_by_role("link", name="0512123456")).to_have_attribute(
        "href", "tel:0512123456")
    geen_axe_fouten(page, "detail view")

    page.get_by_label("Nieuwe status").select_option(label="In behandeling")
    page.get_by_role("button", name="Status opslaan").click()
    expect(bericht(page, "status")).to_have_text(
        f"Opgeslagen. De status van melding {melding['nummer']} is nu ‘In behandeling’.")
    expect(page.locator("dt:text-is('Status') + dd")).to_have_text("In behandeling")
    geen_axe_fouten(page, "detail view after a change")

    # After a reload the session comes back from GET /staff/me, and the change is stored.
    page.reload()
    expect(titel).to_be_visible()
    expect(page.locator("dt:text-is('Status') + dd")).to_have_text("In behandeling")
    page.get_by_role("link", name="Terug naar de lijst").click()
    expect(rij(page, melding["nummer"]).get_by_role("cell").last).to_have_text("In behandeling")

    page.get_by_label("Toon meldingen met status").select_option(label="Nieuw")
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(bericht(page)).to_contain_text("met de status ‘Nieuw’")
    expect(page.get_by_role("table")).not_to_contain_text(melding["nummer"])
    page.get_by_label("Toon meldingen met status").select_option(label="In behandeling")
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(rij(page, melding["nummer"])).to_be_visible()
    expect(page.get_by_role("navigation", name="Pagina's met meldingen")).to_be_hidden()
    page.reload()
    expect(page.get_by_label("Toon meldingen met status")).to_have_value("in_behandeling")
    expect(rij(page, melding["nummer"])).to_be_visible()


def test_export_csv_and_json(page, team):
    melding, ander = team["melding"], team["ander"]
    open_ingelogd(page, team)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV (voor Excel)").click()
    download = info.value
    assert re.fullmatch(r"meldingen-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    csv_text = raw.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("gemeente_code;")
    assert melding["nummer"] in csv_text
    assert ander["nummer"] not in csv_text
    expect(bericht(page, "export")).to_contain_text(
        f"{download.suggested_filename} is gedownload")

    # The status filter goes with the download.
    page.get_by_label("Toon meldingen met status").select_option(label="Afgerond")
    page.get_by_role("button", name="Toon", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    afgerond = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert all(m["status"] == "afgerond" for m in afgerond)
    assert melding["nummer"] not in {m["nummer"] for m in afgerond}

    page.get_by_label("Toon meldingen met status").select_option(label="Alle meldingen")
    page.get_by_role("button", name="Toon", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    alle = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert melding["nummer"] in {m["nummer"] for m in alle}
    assert {m["gemeente_code"] for m in alle} == {"GM0090"}


def test_logout_and_expired_session(page, team):
    open_ingelogd(page, team)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(bericht(page)).to_have_text("U bent uitgelogd.")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    expect(page.get_by_role("table")).to_be_hidden()
    expect(page.locator("tbody tr")).to_have_count(0)  # no personal data left in the page
    page.reload()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_hidden()

    # A session that ends on the server (here: the cookie is gone) brings back the login.
    inloggen(page, team)
    rij(page, team["melding"]["nummer"]).get_by_role("link").click()
    expect(page.get_by_role("heading", name=f"Melding {team['melding']['nummer']}")).to_be_visible()
    page.context.clear_cookies()
    page.get_by_role("button", name="Status opslaan").click()  # unchanged: no request
    page.get_by_label("Nieuwe status").select_option(label="Afgerond")
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(bericht(page)).to_have_text(VERLOPEN)
    expect(page.locator("dd")).to_have_count(0)
    # Logging in again brings the medewerker back to the melding, still unchanged.
    inloggen(page, team)
    expect(page.locator("dt:text-is('Status') + dd")).to_have_text("In behandeling")

    page.context.clear_cookies()
    page.reload()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(bericht(page)).to_have_text(VERLOPEN)


def test_keyboard_only(page, team):
    page.goto(team["url"])
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Ga naar de inhoud")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    page.keyboard.type(team["gebruikersnaam"])
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type(team["wachtwoord"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Meldingen", exact=True)).to_be_focused()

    link = page.get_by_role("link", name=team["melding"]["nummer"], exact=True)
    for _ in range(15):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    expect(link).to_be_focused()
    # The focus can be seen: a ring around the link.
    ring = link.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el)"
                         ".outlineWidth")
    assert ring == "solid 3px"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=f"Melding {team['melding']['nummer']}")
           ).to_be_focused()

    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("link", name="Terug naar de lijst")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Meldingen", exact=True)).to_be_focused()

    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    expect(bericht(page)).to_have_text("U bent uitgelogd.")


def test_account_without_team_role(page, team):
    page.goto(team["url"])
    inloggen(page, team, team["kcc"], team["kcc_wachtwoord"])
    expect(page.get_by_role("heading", name="Geen toegang tot meldingen")).to_be_visible()
    expect(page.get_by_role("table")).to_be_hidden()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
