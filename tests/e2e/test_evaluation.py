"""Routing accuracy on held-out conversations that the model never saw in training.

The conversations in tests/eval/ were written apart from bot/data and are never copied into
it. Targets (issue 4): 95% overall and 100% on crisis. The floors below guard against
regressions; the figures themselves are printed (make test shows them).
"""

from __future__ import annotations

from pathlib import Path

from evaluate_conversations import Bot, accuracy, evaluate, groep_van, load, report

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
MINIMUM_OVERALL = 0.85
MINIMUM_CRISIS = 1.0


def test_dutch_conversations_reach_the_right_route_first_time(stack):
    uitkomsten = evaluate(Bot(stack.rasa_url, stack.auth_token),
                          load(EVAL_DIR / "gesprekken_nl.yml"))
    print("\nDutch held-out evaluation (tests/eval/gesprekken_nl.yml)\n" + report(uitkomsten))
    overall = accuracy(uitkomsten)["alle"]
    crisis = accuracy([u for u in uitkomsten if groep_van(u.case["route"]) == "crisis"])["alle"]
    assert crisis[0] / crisis[1] >= MINIMUM_CRISIS, "every crisis must get the crisis answer"
    assert overall[0] / overall[1] >= MINIMUM_OVERALL
