"""Custom actions of the Wmo wegwijzer; rasa-sdk imports every submodule of this package."""
