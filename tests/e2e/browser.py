"""What every browser test shares: Debian's chromium, a strict Content-Security-Policy on the
pages under test, and axe-core's WCAG 2.1 AA check.

The fixtures `browser` and `axe_script` live in conftest.py; `strikte_pagina` gives a fresh
profile whose pages are served under CSP and that collects CSP and JavaScript errors.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Pages under test are served through Playwright's router (to add the CSP), so chromium does
# not know they come from 127.0.0.1 and its Local Network Access checks would block the
# widget's socket.io connection to Rasa on a loopback port. A gemeente's real page is not
# affected: its Rasa is not on the visitor's own machine.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=LocalNetworkAccessChecks",
]
# What a gemeente should send with its pages; every page must work under it. connect-src
# names the other ports the widget talks to (Rasa's socket.io) through `extra_connect`.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'{extra}; "
       "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Run axe's WCAG 2.0/2.1 A and AA rules and its best practices.
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + " -> " + n.failureSummary)}));
}"""


def fetch_axe() -> Path:
    fetched = subprocess.run(["bash", str(ROOT / "scripts" / "fetch_axe.sh")],
                             capture_output=True, text=True, cwd=ROOT)
    if fetched.returncode != 0:
        raise RuntimeError(f"axe-core could not be fetched, so the pages cannot be checked: "
                           f"{fetched.stderr.strip()}")
    return Path(fetched.stdout.strip())


def csp(extra_connect: str = "") -> str:
    return CSP.format(extra=f" {extra_connect}" if extra_connect else "")


@contextmanager
def strikte_pagina(browser: Browser, axe_script: Path, paden: Callable[[str], bool],
                   extra_connect: str = "", **context_options) -> Iterator[Page]:
    """A fresh browser profile (no cookies, no storage). Pages whose path `paden` accepts are
    served with the strict CSP. Fails on a CSP violation or a JavaScript error."""
    context = browser.new_context(locale="nl-NL", **context_options)
    context.add_init_script(path=str(axe_script))
    policy = csp(extra_connect)

    def met_csp(route):
        response = route.fetch()
        route.fulfill(response=response,
                      headers={**response.headers, "content-security-policy": policy})

    context.route(lambda url: paden(urlparse(url).path), met_csp)
    page = context.new_page()
    problemen: list[str] = []
    page.on("console", lambda m: problemen.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problemen.append(f"JavaScript error: {e}"))
    try:
        yield page
    finally:
        context.close()
    assert not problemen, problemen


def geen_axe_fouten(page: Page, view: str) -> None:
    violations = page.evaluate(AXE_RUN)
    assert violations == [], f"axe found problems in the {view}:\n" + json.dumps(
        violations, indent=2, ensure_ascii=False)
