"""Search quality on labelled queries, written apart from the synonym lists.

Three sets: `queries.yml` was used while tuning the synonyms (its misses were looked at), so
it is a development set; `queries_fresh.yml` was written later by someone who never saw the
synonyms, but its per-category figures guided one round of synonym work; `queries_holdout3.yml`
was written last, without any feedback, and is the honest measure. The fresh and holdout sets
are only ever looked at as figures. Prints top-1 and top-3 accuracy overall, per
language and per main category.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session

from sociale_kaart.core.config import PROJECT_ROOT, Settings
from sociale_kaart.main import create_app
from sociale_kaart.search import SearchRequest, SemanticCategories, search

EVAL_DIR = Path(__file__).parent / "search_eval"
# Floors against regressions, just under what is measured now. The goal is 95% top-3 on
# both; it is not reached yet (see docs/benchmarks.md and the issue notes).
TOP3_MINIMUM = {("queries.yml", False): 0.94, ("queries_fresh.yml", False): 0.85,
                ("queries.yml", True): 0.95, ("queries_fresh.yml", True): 0.87,
                ("queries_holdout3.yml", False): 0.87, ("queries_holdout3.yml", True): 0.89}


def _queries(name: str) -> list[dict]:
    return yaml.safe_load((EVAL_DIR / name).read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def index(sqlite_template):
    # Search quality does not depend on the database, so one backend is enough.
    app = create_app(Settings(f"sqlite:///{sqlite_template}", PROJECT_ROOT / "widget",
                              "http://rasa.test"))
    with Session(app.state.engine) as session:
        yield app.state.search_cache.get(session)
    app.state.engine.dispose()


def _correct(index, hit, expected: set[str]) -> bool:
    return bool(index.doc_terms[hit.doc] & expected)


@pytest.fixture(scope="module")
def semantic():
    return SemanticCategories()


@pytest.mark.parametrize(("name", "by_meaning"), sorted(TOP3_MINIMUM),
                         ids=lambda v: {True: "betekenis", False: "woorden"}.get(v, v))
def test_top3_accuracy_on_labelled_queries(index, semantic, name, by_meaning):
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # top1, top3, count
    misses = []
    for case in _queries(name):
        expected = set(case["verwacht"])
        closeness = semantic.closeness(index, case["q"]) if by_meaning else None
        hits = search(index, SearchRequest(q=case["q"], gemeente=case.get("gemeente"),
                                           taal=case.get("taal", "nl"), limit=3,
                                           by_meaning=closeness))
        top1 = bool(hits) and _correct(index, hits[0], expected)
        top3 = any(_correct(index, h, expected) for h in hits)
        for key in ("alle", f"taal {case.get('taal', 'nl')}", case["verwacht"][0]):
            tally[key][0] += top1
            tally[key][1] += top3
            tally[key][2] += 1
        if not top3:
            got = [sorted(index.doc_terms[h.doc] - {"informatie"})[:2] for h in hits]
            misses.append(f"{case['q']!r} verwacht {sorted(expected)}, kreeg {got}")
    mode = "woorden en betekenis" if by_meaning else "woorden"
    print(f"\nsearch quality on {name}, {mode} (top-1 / top-3 / queries):")
    for key, (top1, top3, count) in sorted(tally.items(), key=lambda kv: (kv[0] != "alle", kv[0])):
        print(f"  {key:28} {top1 / count:6.1%} {top3 / count:6.1%} {count:4d}")
    if name == "queries.yml" and not by_meaning:  # the fresh set stays unread: figures only
        for miss in misses:
            print("  miss:", miss)
    overall = tally["alle"]
    assert overall[1] / overall[2] >= TOP3_MINIMUM[name, by_meaning], f"{len(misses)} misses"
