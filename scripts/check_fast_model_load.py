"""Check that the fast way of loading the trained model (bot/gesprekken/versnelling.py) gives
exactly the weights Rasa's own way gives: every weight of every DIET and TED model, compared.

Usage, in the bot's environment, from bot/:  python ../scripts/check_fast_model_load.py MODEL
`make test-stories` runs it. Exits 1 with the first difference.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import tensorflow as tf
from gesprekken import versnelling
from rasa.engine.loader import load_predict_graph_runner
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.utils.tensorflow.models import RasaModel


def tf_models(model_path: Path) -> dict[str, RasaModel]:
    """Load the whole trained graph and collect the TensorFlow models inside it."""
    storage_dir = Path(tempfile.mkdtemp(prefix="wmo-model-"))
    _, runner = load_predict_graph_runner(storage_dir, model_path, LocalModelStorage,
                                          DaskGraphRunner)
    found: dict[str, RasaModel] = {}
    for name, node in runner._instantiated_nodes.items():
        component = node._component
        if isinstance(getattr(component, "model", None), RasaModel):
            found[name] = component.model
        for taal, sub in getattr(component, "_modellen", {}).items():
            found[f"{name}/{taal}"] = sub.model
    return found


def weights(model_path: Path) -> dict[str, dict[str, np.ndarray]]:
    # Keras numbers layer names per session; a new session gives both loads the same names.
    tf.keras.backend.clear_session()
    return {name: {w.name: w.numpy() for w in model.weights}
            for name, model in tf_models(model_path).items()}


def main(model_path: Path) -> int:
    own = weights(model_path)
    RasaModel.load = classmethod(versnelling.laad_zonder_trainingsstap)  # type: ignore[assignment]
    fast = weights(model_path)
    if len(own) < 3 or own.keys() != fast.keys():
        print(f"models differ: {sorted(own)} and {sorted(fast)}")
        return 1
    compared = 0
    for name, own_weights in own.items():
        if own_weights.keys() != fast[name].keys():
            print(f"{name}: only Rasa's way has {sorted(own_weights.keys() - fast[name].keys())}"
                  f", only the fast way has {sorted(fast[name].keys() - own_weights.keys())}")
            return 1
        for weight, value in own_weights.items():
            if not np.array_equal(value, fast[name][weight]):
                print(f"{name}: weight {weight} differs")
                return 1
            compared += 1
    print(f"    fast model loading: {compared} weights in {len(own)} models, all equal")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
