"""Speed-ups for Rasa 3.6 internals that cost much and change nothing, each measured.

Loaded by gesprekken/opslag.py, as that module is always imported in the Rasa server process.
Figures: docs/benchmarks.md ("Before and after the fixes").

- Rasa checks every answer of the action server with `jsonschema.validate`, which first checks
  the schema itself against the JSON Schema meta-schema, on every call. Under load that was a
  third of the Rasa process's time. The schema never changes, so it is checked once here and
  the compiled validator is reused; answers are checked exactly as before.
- To load a DIET or TED model, Rasa first trains it for one step on an example, only so that
  Keras creates the weights, and then overwrites them with the trained ones. Tracing that
  training step (with its gradients) was 50 of the 70 seconds Rasa needs to start. Here the
  trained weights are read first; TensorFlow fills in each weight when the prediction step
  creates it, so the model ends up with exactly the trained weights
  (scripts/check_fast_model_load.py compares every weight with Rasa's own way).
- For each next action, Rasa asks all three policies and takes the most confident one; on a
  tie, the RulePolicy wins, then the MemoizationPolicy, then TED. When a rule or a memorised
  story is fully sure (confidence 1.0), TED's answer cannot be chosen, yet computing it was a
  fifth of the Rasa process's time. Here TED gets the other policies' answers first and
  skips its own work when one of them is fully sure. The chosen action is the same. This
  only holds for a TED without end-to-end training (whose text predictions would overrule
  rules); for such a TED it always computes.
- Reading a conversation turns every stored event back into an object; Rasa finds the class
  of each event by walking all subclasses of Event, every time (5% of the Rasa process's
  time with PostgreSQL). The classes do not change while Rasa runs, so each name is looked
  up once.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from typing import Any

import tensorflow as tf
from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.nlu.constants import TEXT
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

__all__ = ["installeer", "laad_zonder_trainingsstap", "ted_na_zekere_regels"]

logger = logging.getLogger(__name__)
_rasa_laden = RasaModel.load.__func__  # type: ignore[attr-defined]
_ted_voorspellen = TEDPolicy.predict_action_probabilities
_dask_init = DaskGraphRunner.__init__
_event_soort = Event.resolve_by_type
_event_soorten: dict[str, type[Event]] = {}
VOORSPELLING = "wegwijzer_voorspelling_"
VOORSPELLEN = "predict_action_probabilities"


@functools.lru_cache(maxsize=1)
def _antwoord_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _valideer_antwoord(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _antwoord_validator().validate(result)
    except ValidationError as e:
        # The same message as Rasa's own, so logs and docs stay recognisable.
        e.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


def laad_zonder_trainingsstap(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """RasaModel.load, with the same arguments, without the training step."""
    if finetune_mode or predict_data_example is None:
        # Fine-tuning needs the optimiser's state, which only the training step creates.
        return _rasa_laden(cls, model_file_name, model_data_example, predict_data_example,
                           finetune_mode, *args, **kwargs)
    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
                  run_eagerly=config.get(RUN_EAGERLY))
    status = model.load_weights(model_file_name)
    # The first prediction creates the weights; each takes its trained value as it is made.
    model.run_inference(predict_data_example)
    # The optimiser's state is in the file but not needed to predict.
    status.expect_partial()
    logger.debug("Loaded %s from %s without a training step.", cls.__name__, model_file_name)
    return model


def ted_na_zekere_regels(schema: GraphSchema) -> GraphSchema:
    """The prediction graph with the RulePolicy's and MemoizationPolicy's answers as inputs
    of TED (as keyword arguments, which TED's predict takes and ignores)."""
    regels = [naam for naam, node in schema.nodes.items()
              if node.fn == VOORSPELLEN and issubclass(node.uses, MemoizationPolicy)]
    nodes = dict(schema.nodes)
    for naam, node in schema.nodes.items():
        if node.fn == VOORSPELLEN and issubclass(node.uses, TEDPolicy) and regels:
            extra = {f"{VOORSPELLING}{nummer}": regel for nummer, regel in enumerate(regels)}
            nodes[naam] = dataclasses.replace(node, needs={**node.needs, **extra})
    return GraphSchema(nodes)


def _ted_kan_niet_winnen(ted: TEDPolicy, andere: list[PolicyPrediction]) -> bool:
    if ted.only_e2e or TEXT in ted.fake_features:
        return False
    return any(p.max_confidence >= 1.0 and not p.is_end_to_end_prediction for p in andere)


def _ted_voorspel(self: TEDPolicy, tracker: Any, domain: Any, *args: Any,
                  **kwargs: Any) -> PolicyPrediction:
    andere = [kwargs.pop(k) for k in list(kwargs) if k.startswith(VOORSPELLING)]
    if self.model is not None and _ted_kan_niet_winnen(self, andere):
        return self._prediction(self._default_predictions(domain))
    return _ted_voorspellen(self, tracker, domain, *args, **kwargs)


def _dask_met_volgorde(self: DaskGraphRunner, graph_schema: GraphSchema, *args: Any,
                       **kwargs: Any) -> None:
    _dask_init(self, ted_na_zekere_regels(graph_schema), *args, **kwargs)


def _event_klasse(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    klasse = _event_soorten.get(type_name)
    if klasse is None:
        klasse = _event_soort(type_name, default)
        if klasse is not None and klasse is not default:
            _event_soorten[type_name] = klasse
    return klasse


def installeer() -> None:
    RemoteAction._validate_action_result = _valideer_antwoord  # type: ignore[method-assign]
    RasaModel.load = classmethod(laad_zonder_trainingsstap)  # type: ignore[assignment]
    TEDPolicy.predict_action_probabilities = _ted_voorspel  # type: ignore[method-assign]
    DaskGraphRunner.__init__ = _dask_met_volgorde  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_event_klasse)  # type: ignore[method-assign,assignment]
