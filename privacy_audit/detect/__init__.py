"""Detection: Presidio set-up, recognizers, validators and column evidence."""

from .nlp import DEFAULT_MODEL, MODEL_ENV, configure_offline, get_analyzer, get_nlp_engine, model_name

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "configure_offline", "get_analyzer", "get_nlp_engine", "model_name"]
