"""Search latency of the sociale kaart at 1k, 10k and 100k services, on SQLite and PostgreSQL.

Usage (in the sociale kaart environment, from the project root):
    python benchmarks/search_bench.py [--sizes 1000 10000 100000] [--postgres] [--queries 200]

Generates services with the real taxonomy, gemeenten and texts in the style of the example
data, bulk-loads them, then times GET /search through the real FastAPI app (in process):
filtered searches (gemeente + question) and unfiltered ones. Prints p50 and p95 in ms, and the
time to build the search index once after loading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlmodel import Session, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sociale_kaart.core.config import Settings  # noqa: E402
from sociale_kaart.example_data import load_example_data  # noqa: E402
from sociale_kaart.hsds.importer import bump_version  # noqa: E402
from sociale_kaart.main import create_app  # noqa: E402
from sociale_kaart.models import (  # noqa: E402
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
    Woonplaats,
)

WORDS = (
    "hulp", "thuis", "buurt", "samen", "ouderen", "vrijwilligers", "bezoek", "koffie",
    "wandelen", "vervoer", "boodschappen", "klussen", "tuin", "maaltijd", "advies", "gesprek",
    "zorg", "steun", "mantelzorg", "dagbesteding", "inloop", "dorp", "wijk", "huis", "trap",
    "douche", "scootmobiel", "rolstoel", "taxi", "bus", "eten", "koken", "formulieren", "geld",
)
QUERIES = ["hulp bij het schoonmaken", "scootmobiel", "ik voel me eenzaam", "klusjes in huis",
           "vervoer naar het ziekenhuis", "steun voor mantelzorgers", "maaltijden aan huis",
           "traplift", "iemand om mee te praten", "dagbesteding dementie", "schulden",
           "skjinmeitsje", "help by de boadskippen", "clientondersteuning", "rolstoel lenen"]
HERKOMST = {"bron": "benchmark", "laatst_gecontroleerd": dt.date(2026, 11, 1), "voorbeeld": True}
CHUNK = 5000


def _rows(count: int, rng: random.Random, session: Session) -> dict[type, list[dict]]:
    terms = [t.id for t in session.exec(select(TaxonomyTerm)) if t.parent_id]
    places = [(p, p.latitude, p.longitude) for p in session.exec(select(Woonplaats))
              if p.latitude is not None and p.longitude is not None]
    if not places:
        raise SystemExit("The example data has no coordinates; build it first.")
    rows: dict[type, list[dict]] = {model: [] for model in (
        Organization, Service, Location, ServiceAtLocation, ServiceArea, Attribute, Language,
        Phone, Schedule)}
    for n in range(count):
        place, latitude, longitude = rng.choice(places)
        term = rng.choice(terms)
        sid, lid = f"bench-svc-{n}", f"bench-loc-{n}"
        if n % 10 == 0:
            rows[Organization].append({"id": f"bench-org-{n // 10}",
                                       "name": f"Organisatie {n // 10}", **HERKOMST})
        text = " ".join(rng.choices(WORDS, k=14))
        rows[Service].append({
            "id": sid, "organization_id": f"bench-org-{n // 10}",
            "name": f"{rng.choice(WORDS).capitalize()} {place.naam} {n}",
            "description": f"{text.capitalize()}.", "status": "active",
            "toegang_type": rng.choice(["algemeen", "algemeen", "maatwerk", "informatie"]),
            "doelgroepen": ["iedereen"], "clientondersteuning": False, **HERKOMST})
        rows[Location].append({"id": lid, "name": f"Locatie {n}", "location_type": "physical",
                               "latitude": latitude + rng.uniform(-0.02, 0.02),
                               "longitude": longitude + rng.uniform(-0.02, 0.02),
                               **HERKOMST})
        rows[ServiceAtLocation].append({"id": f"bench-sal-{n}", "service_id": sid,
                                        "location_id": lid, **HERKOMST})
        rows[ServiceArea].append({"service_id": sid, "gemeente_code": place.gemeente_code})
        rows[Attribute].append({"link_id": sid, "link_type": "service", "taxonomy_term_id": term})
        rows[Language].append({"service_id": sid, "code": "nl"})
        rows[Phone].append({"service_id": sid, "number": "0512 000 000", "type": "voice",
                            **HERKOMST})
        rows[Schedule].append({"service_id": sid, "freq": "WEEKLY", "byday": "MO",
                               "description": "Maandag open.", **HERKOMST})
    return rows


def load(session: Session, count: int, seed: int = 7) -> float:
    started = time.perf_counter()
    rows = _rows(count, random.Random(seed), session)
    for model, values in rows.items():
        for start in range(0, len(values), CHUNK):
            session.execute(insert(model), values[start:start + CHUNK])
    bump_version(session)
    session.commit()
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_searches(client: TestClient, gemeenten: list[str], count: int,
                  rng: random.Random, by_meaning: bool) -> dict[str, tuple[float, float]]:
    results = {}
    for label, filtered in (("filtered", True), ("unfiltered", False)):
        times = []
        for _ in range(count):
            params = {"q": rng.choice(QUERIES), "betekenis": str(by_meaning).lower()}
            if filtered:
                params["gemeente"] = rng.choice(gemeenten)
            started = time.perf_counter()
            response = client.get("/search", params=params)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
        results[label] = (statistics.median(times), percentile(times, 0.95))
    return results


def run(database_url: str, size: int, queries: int, by_meaning: bool = False) -> None:
    # One client asks hundreds of times in a row: no rate limit, which would measure the 429s.
    app = create_app(Settings(database_url, ROOT / "widget", "http://localhost:5005",
                              limiet_voorraad=10**9, limiet_per_seconde=10**9))
    with Session(app.state.engine) as session:
        load_example_data(session)
        load_seconds = load(session, size)
        gemeenten = sorted({g for g in session.exec(select(ServiceArea.gemeente_code))})
        started = time.perf_counter()
        app.state.search_cache.get(session)
        index_seconds = time.perf_counter() - started
    client = TestClient(app)
    client.get("/search", params={"q": "warm up", "betekenis": str(by_meaning).lower()})
    timings = time_searches(client, gemeenten, queries, random.Random(size), by_meaning)
    backend = database_url.split(":")[0].split("+")[0] + ("+betekenis" if by_meaning else "")
    for label, (p50, p95) in timings.items():
        print(f"{backend:10} {size:>7} services  {label:10}  p50 {p50:6.1f} ms  "
              f"p95 {p95:6.1f} ms  (load {load_seconds:5.1f} s, index {index_seconds:5.1f} s)",
              flush=True)
    app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--betekenis", action="store_true",
                        help="search by meaning too (the semantic category step)")
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            run(f"sqlite:///{tmp}/bench.db", size, args.queries, args.betekenis)
    if args.postgres:
        from tests.postgres_server import PostgresServer
        with PostgresServer() as server:
            for size in args.sizes:
                name = f"bench_{size}"
                server.create_database(name)
                run(server.url(name), size, args.queries, args.betekenis)
                server.drop_database(name)


if __name__ == "__main__":
    main()
