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
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.taal_herkenning import herken_taal

ENTITY = "taal"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class TaalHerkenning(GraphComponent):
    """Put it anywhere after the tokenizer."""

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
            entity = {"entity": ENTITY, "value": taal, "start": 0, "end": len(text),
                      "confidence_entity": 1.0, "extractor": self.__class__.__name__}
            message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages
