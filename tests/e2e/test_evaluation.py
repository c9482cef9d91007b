"""Routing accuracy on held-out conversations that the model never saw in training.

The conversations in tests/eval/ were written apart from bot/data and are never copied into
it. Targets (issue 4): 95% overall and 100% on crisis; both are not reached yet. The floors
below sit just under what is measured now and guard against regressions; the figures are
printed next to the targets (make test shows them), so a shortfall is never hidden.
"""

from __future__ import annotations

from pathlib import Path

from evaluate_conversations import Bot, accuracy, evaluate, groep_van, load, report

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "eval"
# make test-e2e prints this file after the tests, so the figures show in every run.
REPORT = ROOT / "var" / "test-results" / "evaluatie_nl.txt"
TARGET_OVERALL, MINIMUM_OVERALL = 0.95, 0.84
TARGET_CRISIS, MINIMUM_CRISIS = 1.0, 0.84


def test_dutch_conversations_reach_the_right_route_first_time(stack):
    uitkomsten = evaluate(Bot(stack.rasa_url, stack.auth_token),
                          load(EVAL_DIR / "gesprekken_nl.yml"))
    text = "Dutch held-out evaluation (tests/eval/gesprekken_nl.yml)\n" + report(uitkomsten)
    good, total = accuracy(uitkomsten)["alle"]
    crisis_good, crisis_total = accuracy(
        [u for u in uitkomsten if groep_van(u.case["route"]) == "crisis"])["alle"]
    text += (f"\noverall {good / total:.1%} (target {TARGET_OVERALL:.0%}), "
             f"crisis {crisis_good / crisis_total:.1%} (target {TARGET_CRISIS:.0%})\n")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    assert crisis_good / crisis_total >= MINIMUM_CRISIS
    assert good / total >= MINIMUM_OVERALL
