"""Import and export of the sociale kaart as HSDS 3 JSON (docs/sociale-kaart-data.md)."""
