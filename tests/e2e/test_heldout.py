"""Answer quality on held-out conversations the model never saw in training."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import Conversation

CONVERSATIONS = yaml.safe_load(
    (Path(__file__).with_name("heldout_conversations.yml")).read_text(encoding="utf-8")
)["conversations"]

# The opening words of utter_toegang for each topic (bot/domain.yml).
TOPIC_MARKERS = {
    "huishouden": "Voor hulp in het huishouden",
    "vervoer": "Voor hulp bij vervoer",
    "wonen": "Voor hulp bij wonen",
    "eenzaamheid": "meer mensen ontmoeten",
    "algemeen": "Met uw vraag",
}
MINIMUM_ACCURACY = 0.8


def test_heldout_conversations_reach_the_right_topic_and_gemeente(stack):
    misses = []
    for case in CONVERSATIONS:
        talk = Conversation(stack.rasa_url)
        first = talk.say(case["vraag"])
        answer = talk.say(case["plaats"])
        if case["gemeente"] not in answer or TOPIC_MARKERS[case["onderwerp"]] not in answer:
            said = f"{case['vraag']!r} / {case['plaats']!r}"
            misses.append(f"{said} -> {first[:60]!r} {answer[:90]!r}")
    accuracy = 1 - len(misses) / len(CONVERSATIONS)
    print(f"\nheld-out accuracy: {accuracy:.0%} of {len(CONVERSATIONS)} conversations")
    for miss in misses:
        print("  miss:", miss)
    assert accuracy >= MINIMUM_ACCURACY, "\n".join(misses)
