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

from components.taal_herkenning import allinne_taalfraach, herken_taal, sker_frysk

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
            taal = herken_taal(text)
            if taal is None:
                continue
            entities = [{"entity": ENTITY, "value": taal, "start": 0, "end": len(text),
                         "confidence_entity": 1.0, "extractor": self.__class__.__name__}]
            if taal == "fy" and sker_frysk(text):
                entities.append({**entities[0], "entity": ENTITY_ZEKER, "value": "ja"})
            message.set(ENTITIES, [*message.get(ENTITIES, []), *entities], add_to_output=True)
            if allinne_taalfraach(text) and message.get(INTENT):
                # The others at half their confidence, so the FallbackClassifier does not
                # find it ambiguous.
                ranking = [{"name": INTENT_TAAL, "confidence": 1.0}, *(
                    {**r, "confidence": r["confidence"] / 2}
                    for r in message.get(INTENT_RANKING_KEY) or [] if r["name"] != INTENT_TAAL)]
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
