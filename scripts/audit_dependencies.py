"""Audits the product's Python environments with pip-audit against PyPI's vulnerability data.

Every finding must be in the table "Accepted findings" of docs/dependency-audit.md (one row per
vulnerability, package and environment, with the reason it stays); anything else fails the audit.
The table is read from the document itself, so the reasons people read are the list the check
uses. Run with the audit environment's Python (`make audit` does):
    python scripts/audit_dependencies.py bot=VENV actions=VENV sociale_kaart=VENV

Exit status: 0 every finding is accepted; 1 a finding is not, or the table cannot be read;
2 the vulnerability data could not be had, so nothing was audited.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCEPTED_DOC = ROOT / "docs" / "dependency-audit.md"
ACCEPTED_HEADING = "## Accepted findings"
REQUIRED_COLUMNS = ("ID", "Environment", "Package", "Why it stays")

# What requests says when PyPI cannot be reached at all (no DNS, no route, time-out).
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Max retries", "Timeout")


class CannotAudit(Exception):
    """The vulnerability data could not be had; the message says why in plain words."""


@dataclass(frozen=True)
class Finding:
    environment: str
    package: str
    version: str
    id: str
    aliases: tuple[str, ...]
    fixed_in: tuple[str, ...]
    description: str

    def ids(self) -> set[str]:
        return {self.id, *self.aliases}


@dataclass(frozen=True)
class Accepted:
    id: str
    environments: frozenset[str]
    package: str

    def covers(self, finding: Finding) -> bool:
        return (finding.environment in self.environments and finding.package == self.package
                and self.id in finding.ids())


@dataclass
class Audit:
    environment: str
    packages: int
    findings: list[Finding]


def normalized(package: str) -> str:
    """PEP 503 name, so `ruamel.yaml`, `ruamel_yaml` and `ruamel-yaml` are one package."""
    return re.sub(r"[-_.]+", "-", package).lower()


def read_accepted(document: Path) -> list[Accepted]:
    lines = document.read_text(encoding="utf-8").splitlines()
    if ACCEPTED_HEADING not in lines:
        raise ValueError(f"{document}: no '{ACCEPTED_HEADING}' heading")
    table_rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[lines.index(ACCEPTED_HEADING) + 1:],
                                  start=lines.index(ACCEPTED_HEADING) + 2):
        if line.startswith("|"):
            cells = [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]
            table_rows.append((number, cells))
        elif table_rows or line.startswith("#"):
            break
    if len(table_rows) < 2:
        raise ValueError(f"{document}: no table under '{ACCEPTED_HEADING}'")
    header = table_rows[0][1]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ValueError(f"{document}: the accepted table has no column {', '.join(missing)}")
    column = {name: header.index(name) for name in REQUIRED_COLUMNS}
    accepted = []
    for number, cells in table_rows[2:]:  # the second row is the |---| line
        if len(cells) != len(header):
            raise ValueError(f"{document}:{number}: {len(cells)} cells, "
                             f"the header has {len(header)}")
        if not all(cells[column[name]] for name in REQUIRED_COLUMNS):
            raise ValueError(f"{document}:{number}: every row needs an id, environment, package "
                             "and the reason it stays")
        environments = frozenset(e.strip() for e in cells[column["Environment"]].split(","))
        accepted.append(Accepted(cells[column["ID"]], environments,
                                 normalized(cells[column["Package"]])))
    return accepted


def site_packages(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages"))
    if not found:
        raise SystemExit(f"{venv}: no site-packages; build the environment first (make setup)")
    return found[0]


def run_pip_audit(environment: str, venv: Path) -> Audit:
    command = [sys.executable, "-m", "pip_audit", "--path", str(site_packages(venv)),
               "--format", "json", "--desc", "on", "--aliases", "on", "--progress-spinner", "off"]
    # pip-audit exits 1 both when it finds something and when it crashes: the JSON tells which.
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        last_line = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        if any(error in result.stderr for error in NETWORK_ERRORS):
            raise CannotAudit(
                f"{environment}: could not reach PyPI to look up known vulnerabilities. "
                f"The network said: {last_line}") from None
        raise CannotAudit(f"{environment}: pip-audit failed: {last_line}") from None
    return audit_from_report(environment, report)


def audit_from_report(environment: str, report: dict) -> Audit:
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    if skipped:
        raise CannotAudit(
            f"{environment}: PyPI gave no vulnerability data for {len(skipped)} of "
            f"{len(dependencies)} packages ({skipped[0]['skip_reason']})")
    findings = [
        Finding(environment, normalized(d["name"]), d["version"], vuln["id"],
                tuple(vuln.get("aliases", [])), tuple(vuln.get("fix_versions", [])),
                vuln.get("description") or "")
        for d in dependencies for vuln in d.get("vulns", [])
    ]
    return Audit(environment, len(dependencies), findings)


def first_sentence(text: str, limit: int = 110) -> str:
    sentence = re.split(r"(?<=\.)\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"


def describe(finding: Finding) -> str:
    aliases = f" ({', '.join(sorted(finding.aliases))})" if finding.aliases else ""
    fixed = ", ".join(finding.fixed_in) or "no fixed release yet"
    return (f"  {finding.environment}: {finding.package} {finding.version}  {finding.id}{aliases}"
            f"  fixed in: {fixed}\n      {first_sentence(finding.description)}")


def report(audits: list[Audit], failures: list[str], accepted: list[Accepted]) -> int:
    new: list[Finding] = []
    used: set[Accepted] = set()
    for audit in audits:
        covering = {f: [a for a in accepted if a.covers(f)] for f in audit.findings}
        fresh = [f for f, rows in covering.items() if not rows]
        used.update(row for rows in covering.values() for row in rows)
        new += fresh
        vulnerable = len({f.package for f in audit.findings})
        print(f"  {audit.environment:<14} {audit.packages:>4} packages, {vulnerable:>2} with known "
              f"vulnerabilities, {len(audit.findings):>3} findings: "
              f"{len(audit.findings) - len(fresh)} accepted, {len(fresh)} new")
    for failure in failures:
        print(f"  {failure.split(':', 1)[0]:<14} NOT AUDITED")

    if new:
        print(f"\nNot in the accepted table of {ACCEPTED_DOC.relative_to(ROOT)} ({len(new)}):")
        for finding in new:
            print(describe(finding))
        print("Upgrade the package where its lock file allows it; otherwise add a row with the "
              "reason it stays and how the deployment mitigates it (see 'When a new finding "
              "appears' in that document).")
    if failures:
        print("\nThe audit could not be done, so nothing is known about these environments:")
        for failure in failures:
            print(f"  {failure}")
        print("pip-audit asks PyPI's JSON API about every installed version. 'Not found' for every "
              "package means the PyPI this machine reaches is a mirror that serves packages but "
              "not that API; a network error means PyPI cannot be reached at all. CI must reach "
              "PyPI's JSON API over HTTPS for this check.")
        return 2
    audited = {audit.environment for audit in audits}
    stale = [a for a in accepted if a not in used and a.environments & audited]
    if stale:
        print(f"\nAccepted in {ACCEPTED_DOC.relative_to(ROOT)} but no longer reported "
              "(remove these rows):")
        for row in stale:
            print(f"  {row.id} {row.package} ({', '.join(sorted(row.environments))})")
    return 1 if new else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("environments", nargs="+", metavar="NAME=VENV",
                        help="an environment to audit, e.g. bot=.cache/venvs/bot-1234")
    parser.add_argument("--report-unavailable", action="store_true",
                        help="exit 0 when the vulnerability data cannot be had (after saying so): "
                             "for CI in a workplace whose PyPI mirror has no JSON API")
    args = parser.parse_args()
    try:
        accepted = read_accepted(ACCEPTED_DOC)
    except ValueError as error:
        print(f"Cannot read the accepted findings: {error}", file=sys.stderr)
        return 1

    audits, failures = [], []
    for item in args.environments:
        environment, _, venv = item.partition("=")
        try:
            audits.append(run_pip_audit(environment, Path(venv)))
        except CannotAudit as cannot:
            failures.append(str(cannot))
    status = report(audits, failures, accepted)
    if status == 2 and args.report_unavailable:
        print("\nNOT AUDITED. --report-unavailable: going on without the audit.")
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
