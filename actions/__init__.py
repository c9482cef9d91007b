"""Custom actions of the Wmo wegwijzer; rasa-sdk imports every submodule of this package."""

from actions import logboek  # noqa: F401  (identifiers stay out of the log from the start)
