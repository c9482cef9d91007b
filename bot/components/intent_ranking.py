"""Putting one intent first, for components that overrule the trained model.

Pure Python, so tests/bot can check it without Rasa.
"""

from __future__ import annotations

from typing import Any

__all__ = ["zeker_eerst"]


def zeker_eerst(intent: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ranking with `intent` first and sure. The other intents keep their order at half
    their confidence: a message that is also clearly about transport must not look ambiguous
    to the FallbackClassifier, which would then answer "I did not understand"."""
    return [{"name": intent, "confidence": 1.0},
            *({**r, "confidence": r["confidence"] / 2} for r in ranking if r["name"] != intent)]
