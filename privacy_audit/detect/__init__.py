"""Detection: Presidio set-up, recognizers, validators, header lexicon, column evidence, free text."""

from .nlp import DEFAULT_MODEL, MODEL_ENV, configure_offline, get_analyzer, get_nlp_engine, model_name
from .text import DEFAULT_TEXT_ENTITIES, Span, analyze_texts

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_TEXT_ENTITIES",
    "MODEL_ENV",
    "Span",
    "analyze_text",
    "analyze_texts",
    "configure_offline",
    "get_analyzer",
    "get_nlp_engine",
    "model_name",
]


def analyze_text(text: str, *, entities: list[str] | None = None) -> list[Span]:
    """PII spans in one text (see :func:`analyze_texts` for many)."""
    return analyze_texts([text], entities=entities)[0]
