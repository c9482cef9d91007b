"""Custom actions of the Wmo wegwijzer; rasa-sdk imports every submodule of this package."""

from actions import logboek  # noqa: F401  (identifiers stay out of the log from the start)
from actions.productie import controleer_geheimen

# In production the action server files meldingen only with a real token (actions/productie.py).
controleer_geheimen(["SOCIALE_KAART_MELDING_TOKEN"])
