"""Forgiving search over the sociale kaart: typos, resident words, Dutch and Frisian."""

from sociale_kaart.search.cache import IndexCache
from sociale_kaart.search.engine import Hit, SearchRequest, search
from sociale_kaart.search.semantic import SemanticCategories

__all__ = ["Hit", "IndexCache", "SearchRequest", "SemanticCategories", "search"]
