"""The language a resident writes becomes the entity `taal`, which fills the slot `taal`.

The rules live in taal_herkenning.py. No entity means "not clear": the slot keeps its value, so
a place name or "ja" never switches the language.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_ranking import zeker_eerst
from components.taal_herkenning import taalkar

ENTITY = "taal"
# Also set when the Frisian is beyond doubt; see actions/taal.py for where that matters.
ENTITY_ZEKER = "taal_zeker"
# A message that only asks for the other language gets this intent, whatever the model read in
# it: the bot confirms the switch, and a form asks its question again in that language.
INTENT_TAAL = "taal_kiezen"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class TaalHerkenning(GraphComponent):
    """Put it after the intent classifier and before the FallbackClassifier."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> TaalHerkenning:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            kar = taalkar(text)
            if kar.taal is None:
                continue
            entities = [{"entity": ENTITY, "value": kar.taal, "start": 0, "end": len(text),
                         "confidence_entity": 1.0, "extractor": self.__class__.__name__}]
            if kar.sker_frysk:
                entities.append({**entities[0], "entity": ENTITY_ZEKER, "value": "ja"})
            message.set(ENTITIES, [*message.get(ENTITIES, []), *entities], add_to_output=True)
            if kar.allinne_fraach and message.get(INTENT):
                ranking = zeker_eerst(INTENT_TAAL, message.get(INTENT_RANKING_KEY) or [])
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
