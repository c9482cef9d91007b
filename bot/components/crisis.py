"""A safety net under the trained model: signs of crisis always become a crisis intent.

DIET learns crisis wordings from the training data, but a crisis must never be missed because
a message also talks about something else, or is worded in a way the model has not seen. The
rules for that live in crisis_signalen.py; this component applies them after the intent
classifier and before the FallbackClassifier.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.crisis_signalen import crisis_intent, likely_crisis, without_guessed_crisis
from components.intent_ranking import zeker_eerst

CRISIS_SIGNAAL = "crisis_signaal"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisSignalen(GraphComponent):
    """Put it after the intent classifier and before the FallbackClassifier."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CrisisSignalen:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            ranking = message.get(INTENT_RANKING_KEY) or []
            signaal = crisis_intent(text)
            intent = signaal or likely_crisis(text, ranking)
            if intent is not None:
                ranking = zeker_eerst(intent, ranking)
            else:
                ranking = without_guessed_crisis(text, ranking)
            if ranking:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            # A clear sign, not the model's guess: the melding form acts on it even in an
            # answer that is otherwise valid (actions/melding_form.py).
            message.set(CRISIS_SIGNAAL, signaal is not None, add_to_output=True)
        return messages
