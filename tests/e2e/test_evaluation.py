"""Routing accuracy on conversations that the model never saw in training.

tests/eval/ holds the held-out set: written apart from bot/data, never copied into it and never
studied for fixes. tests/dev/ holds the development set, written apart as well, whose misses we
do study; its figures show how far tuning got, the held-out figures what a resident will see.
Targets: Dutch (issue 4) 95% overall and 100% on crisis; Frisian (issue 6) 93% routing and
98% of replies in the resident's language. The floors below sit just under what is measured now
and guard against regressions; the figures are printed next to the targets (make test shows
them), so a shortfall is never hidden.
"""

from __future__ import annotations

from pathlib import Path

from evaluate_conversations import (
    Bot,
    accuracy,
    evaluate,
    groep_van,
    load,
    report,
    taal_accuracy,
)

ROOT = Path(__file__).resolve().parents[2]
# make test-e2e prints these files after the tests, so the figures show in every run.
RESULTS = ROOT / "var" / "test-results"
TARGET_OVERALL, TARGET_CRISIS = 0.95, 1.0
TARGET_FY_OVERALL, TARGET_FY_TAAL = 0.93, 0.98
# Frisian floors (issue 6): just under the measurement with the Frisian training data and one
# DIET per language (docs/frysk.md).
FLOOR_FY_OVERALL, FLOOR_FY_CRISIS, FLOOR_FY_TAAL = 0.90, 0.87, 0.95
FLOOR_FY_DEV_OVERALL, FLOOR_FY_DEV_CRISIS, FLOOR_FY_DEV_TAAL = 0.93, 0.90, 0.94


def evaluate_file(stack, path: Path, title: str, report_name: str) -> tuple[float, float, float]:
    """(overall, crisis, reply language) accuracy of one file; writes and prints the report."""
    uitkomsten = evaluate(Bot(stack.rasa_url, stack.auth_token), load(path))
    good, total = accuracy(uitkomsten)["alle"]
    crisis_good, crisis_total = accuracy(
        [u for u in uitkomsten if groep_van(u.case["route"]) == "crisis"])["alle"]
    frysk = "_fy" in path.name
    target = TARGET_FY_OVERALL if frysk else TARGET_OVERALL
    taal = taal_accuracy(uitkomsten)
    text = (f"{title} ({path.relative_to(ROOT)})\n{report(uitkomsten)}\n"
            f"overall {good / total:.1%} (target {target:.0%}), "
            f"crisis {crisis_good / crisis_total:.1%} (target {TARGET_CRISIS:.0%})"
            + (f", reply language {taal:.1%} (target {TARGET_FY_TAAL:.0%})" if frysk else "")
            + "\n")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / report_name).write_text(text, encoding="utf-8")
    print(text)
    return good / total, crisis_good / crisis_total, taal


def test_dutch_held_out_conversations_reach_the_right_route_first_time(stack):
    overall, crisis, _ = evaluate_file(stack, ROOT / "tests" / "eval" / "gesprekken_nl.yml",
                                       "Dutch held-out evaluation", "evaluatie_nl.txt")
    assert crisis >= 0.90
    assert overall >= 0.89


def test_dutch_development_conversations_keep_what_tuning_reached(stack):
    overall, crisis, _ = evaluate_file(stack, ROOT / "tests" / "dev" / "gesprekken_dev_nl.yml",
                                       "Dutch development set (tuned on)",
                                       "evaluatie_dev_nl.txt")
    assert crisis >= 0.97
    # 94.6% before issue 7; 91.1% since its new intents (terugbellen, mantelzorgscan_starten):
    # more Dutch questions now fall below the fallback's ambiguity margin. A floor under the
    # measurement, until that is won back (issue 7's closing note).
    assert overall >= 0.90


def test_frisian_held_out_conversations_are_routed_and_answered_in_frisian(stack):
    overall, crisis, taal = evaluate_file(stack, ROOT / "tests" / "eval" / "gesprekken_fy.yml",
                                          "Frisian held-out evaluation", "evaluatie_fy.txt")
    assert taal >= FLOOR_FY_TAAL
    assert crisis >= FLOOR_FY_CRISIS
    assert overall >= FLOOR_FY_OVERALL


def test_frisian_development_conversations_keep_what_tuning_reached(stack):
    overall, crisis, taal = evaluate_file(stack, ROOT / "tests" / "dev" / "gesprekken_dev_fy.yml",
                                          "Frisian development set (tuned on)",
                                          "evaluatie_dev_fy.txt")
    assert taal >= FLOOR_FY_DEV_TAAL
    assert crisis >= FLOOR_FY_DEV_CRISIS
    assert overall >= FLOOR_FY_DEV_OVERALL
