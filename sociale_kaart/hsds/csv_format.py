"""Services as a spreadsheet: one row per service, for gemeenten that keep their map in Excel.

A CSV file becomes an HSDS document and goes through the same checks and the same import;
mistakes are reported per row ("regel 3"), counting the header as row 1. A row holds one
location and opening hours as text only, so exporting JSON-imported data to CSV drops the days
and times of schedules and any further locations; CSV to CSV goes round unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from sociale_kaart.text import normalise

__all__ = ["COLUMNS", "csv_from_document", "document_from_csv", "gemeente_names_to_codes",
           "row_names"]

COLUMNS = [
    "id", "organization_id", "organization_name", "name", "description", "description_fy",
    "toegang_type", "categorieen", "gemeenten", "talen", "telefoon", "email", "url",
    "application_process", "fees_description", "eligibility_description", "doelgroepen",
    "clientondersteuning", "onafhankelijk", "openingstijden", "locatie_id", "locatie_naam",
    "adres", "postcode", "plaats", "latitude", "longitude", "toegankelijkheid", "status",
    "bron", "laatst_gecontroleerd", "voorbeeld",
]
_LIST_SEPARATOR = ";"
_TRUE = {"ja", "true", "1", "waar", "yes"}
_FALSE = {"nee", "false", "0", "onwaar", "no"}


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(_LIST_SEPARATOR) if part.strip()]


def _bool(value: str) -> bool | str | None:
    text = value.strip().lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return value  # left as text, so validation names the row and the column


def _number(value: str) -> float | str | None:
    text = value.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return value


def _or_none(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _location(row: dict[str, str]) -> list[dict[str, Any]]:
    if not (row.get("locatie_id") or "").strip():
        return []
    address = []
    if (row.get("adres") or "").strip():
        address = [{"address_1": row["adres"].strip(), "postal_code": _or_none(row.get("postcode")),
                    "city": (row.get("plaats") or "").strip()}]
    return [{"id": f"sal-{row['id'].strip()}", "location": {
        "id": row["locatie_id"].strip(),
        "name": _or_none(row.get("locatie_naam")),
        "latitude": _number(row.get("latitude") or ""),
        "longitude": _number(row.get("longitude") or ""),
        "addresses": address,
        "accessibility": [{"description": t} for t in _split(row.get("toegankelijkheid") or "")],
    }}]


def _service(row: dict[str, str]) -> dict[str, Any]:
    service: dict[str, Any] = {
        key: _or_none(row.get(key)) for key in (
            "id", "organization_id", "name", "description", "description_fy", "email", "url",
            "application_process", "fees_description", "eligibility_description", "bron",
            "laatst_gecontroleerd")
    }
    service.update({
        "id": (row.get("id") or "").strip(),
        "name": (row.get("name") or "").strip(),
        "organization_id": (row.get("organization_id") or "").strip(),
        "toegang_type": (row.get("toegang_type") or "").strip(),
        "status": _or_none(row.get("status")) or "active",
        "doelgroepen": _split(row.get("doelgroepen") or ""),
        "clientondersteuning": _bool(row.get("clientondersteuning") or "") or False,
        "onafhankelijk": _bool(row.get("onafhankelijk") or ""),
        "voorbeeld": _bool(row.get("voorbeeld") or ""),
        "attributes": [{"taxonomy_term_id": c} for c in _split(row.get("categorieen") or "")],
        "service_areas": [{"gemeente_code": g} for g in _split(row.get("gemeenten") or "")],
        "languages": [{"code": t.lower()} for t in _split(row.get("talen") or "")],
        "phones": [{"number": n} for n in _split(row.get("telefoon") or "")],
        "schedules": [{"description": t} for t in _split(row.get("openingstijden") or "")],
        "service_at_locations": _location(row),
    })
    return service


def document_from_csv(text: str, bron: str, laatst_gecontroleerd: str) -> dict[str, Any]:
    """An HSDS document from CSV text (comma or semicolon separated, as Excel saves it)."""
    sample = text[:4096]
    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
    rows = list(reader)
    organizations: dict[str, dict[str, Any]] = {}
    for row in rows:
        org_id = (row.get("organization_id") or "").strip()
        if org_id and (row.get("organization_name") or "").strip():
            organizations.setdefault(org_id, {"id": org_id,
                                              "name": row["organization_name"].strip()})
    return {
        "bron": bron,
        "laatst_gecontroleerd": laatst_gecontroleerd,
        "organizations": list(organizations.values()),
        "services": [_service(row) for row in rows],
    }


def gemeente_names_to_codes(doc: dict[str, Any], codes: dict[str, str]) -> None:
    """Let a sheet name a gemeente ("Súdwest-Fryslân", "Ljouwert") where a code is expected.

    `codes` maps normalised Dutch and Frisian names to CBS codes; unknown names stay as they
    are, so the import check reports them.
    """
    for service in doc.get("services", []):
        for area in service.get("service_areas", []):
            area["gemeente_code"] = codes.get(normalise(area["gemeente_code"]),
                                              area["gemeente_code"])


def row_names(fouten: list[str]) -> list[str]:
    """Say 'regel 3' where the HSDS check said 'services[1]': people count rows in a sheet."""
    return [re.sub(r"^services\[(\d+)\]", lambda m: f"regel {int(m.group(1)) + 2}", f)
            for f in fouten]


def _join(items: list[Any]) -> str:
    return _LIST_SEPARATOR.join(str(i) for i in items if i not in (None, ""))


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def csv_from_document(doc: dict[str, Any]) -> str:
    org_names = {o["id"]: o["name"] for o in doc.get("organizations", [])}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in doc.get("services", []):
        sal = (s.get("service_at_locations") or [None])[0]
        location = sal["location"] if sal else {}
        address = (location.get("addresses") or [{}])[0]
        writer.writerow({
            **{key: s.get(key) or "" for key in (
                "id", "organization_id", "name", "description", "description_fy",
                "toegang_type", "email", "url", "application_process", "fees_description",
                "eligibility_description", "status", "bron", "laatst_gecontroleerd")},
            "organization_name": org_names.get(s["organization_id"], ""),
            "categorieen": _join([a["taxonomy_term_id"] for a in s["attributes"]]),
            "gemeenten": _join([a["gemeente_code"] for a in s["service_areas"]]),
            "talen": _join([lang["code"] for lang in s["languages"]]),
            "telefoon": _join([p["number"] for p in s["phones"]]),
            "openingstijden": _join([sch.get("description") for sch in s["schedules"]]),
            "doelgroepen": _join(s.get("doelgroepen") or []),
            "clientondersteuning": "ja" if s.get("clientondersteuning") else "nee",
            "onafhankelijk": {True: "ja", False: "nee"}.get(s.get("onafhankelijk"), ""),
            "voorbeeld": "ja" if s.get("voorbeeld") else "nee",
            "locatie_id": location.get("id", ""),
            "locatie_naam": location.get("name") or "",
            "adres": address.get("address_1", ""),
            "postcode": address.get("postal_code") or "",
            "plaats": address.get("city", ""),
            "latitude": _blank_if_none(location.get("latitude")),
            "longitude": _blank_if_none(location.get("longitude")),
            "toegankelijkheid": _join([a["description"]
                                       for a in location.get("accessibility", [])]),
        })
    return out.getvalue()
