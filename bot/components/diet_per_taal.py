"""Intent and entity classification with one DIET model per language of the message.

One DIET trained on Dutch and Frisian together answered Frisian well, but lost Dutch accuracy:
with twice the examples its confidence spreads, and long Dutch stories fell below the fallback
threshold (docs/frysk.md has the figures). So this component trains two DIET models with the
same settings:

- `nl`: every training example that is not clearly Frisian (Dutch, and what both languages
  share: place names, "ja", "scootmobiel");
- `fy`: every training example, Dutch and Frisian, so that mixed messages and Dutch words in
  Frisian sentences are understood.

A message goes to `fy` when components/taal_herkenning.py reads it as Frisian, else to `nl`.
Both models live inside this component's own resource, so Rasa's cache and model package
handle them like any other component.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.taal_herkenning import herken_taal

TALEN = ("nl", "fy")


def taal_van_bericht(text: str) -> str:
    """The model a message goes to: 'fy' for clearly Frisian, 'nl' for everything else."""
    return "fy" if herken_taal(text) == "fy" else "nl"


def voor_model(taal: str, message: Message) -> bool:
    """Whether a training example is part of the training data of model `taal`."""
    return taal == "fy" or taal_van_bericht(message.get(TEXT) or "") == "nl"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
     DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class DietPerTaal(GraphComponent):
    """Takes the place of DIETClassifier in the pipeline, with the same settings."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return DIETClassifier.get_default_config()

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 execution_context: ExecutionContext,
                 modellen: dict[str, DIETClassifier] | None = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._execution_context = execution_context
        self._modellen = modellen or {}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> DietPerTaal:
        return cls(config, model_storage, resource, execution_context)

    def train(self, training_data: TrainingData) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            eigen_opslag = LocalModelStorage(directory)
            for taal in TALEN:
                data = training_data.filter_training_examples(
                    lambda message, taal=taal: voor_model(taal, message))
                model = DIETClassifier.create(self._config, eigen_opslag, Resource(taal),
                                              self._execution_context)
                model.train(data)
                self._modellen[taal] = model
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> DietPerTaal:
        with model_storage.read_from(resource) as directory:
            eigen_opslag = LocalModelStorage(directory)
            modellen = {taal: DIETClassifier.load(config, eigen_opslag, Resource(taal),
                                                  execution_context) for taal in TALEN}
        return cls(config, model_storage, resource, execution_context, modellen)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._modellen[taal_van_bericht(message.get(TEXT) or "")].process([message])
        return messages
