"""Free-text analysis: PII spans in batches of strings, and spaCy NER on short values.

:func:`analyze_texts` runs Presidio's analyzer (its recognizers plus ours and any custom ones)
over many strings at once through ``BatchAnalyzerEngine`` (one ``nlp.pipe`` pass), keeps the
entities that matter for an audit, and resolves overlaps (highest score wins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..entities import text_entities
from .validators import parse_date

__all__ = ["Span", "DEFAULT_TEXT_ENTITIES", "TextCache", "analyze_texts", "ner_labels"]

# Entities reported in free text by default: the taxonomy's text-searched ones. Presidio's noisy
# guesses on codes (US_BANK_NUMBER, US_DRIVER_LICENSE, DATE_TIME, NRP, ORGANIZATION, URL...) are left out.
DEFAULT_TEXT_ENTITIES = text_entities()
_MIN_SCORE = {"PHONE_NUMBER": 0.4, "US_PASSPORT": 0.4}
_DEFAULT_MIN_SCORE = 0.5


@dataclass(frozen=True)
class Span:
    """One PII span in a text: ``text[start:end]`` is an ``entity`` with confidence ``score``."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str = ""


@lru_cache(maxsize=8)
def _engine(recognizers_key: tuple | None):
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine

    from .nlp import get_analyzer, get_nlp_engine

    if not recognizers_key:
        return BatchAnalyzerEngine(analyzer_engine=get_analyzer())
    from .recognizers import to_presidio

    base = get_analyzer()
    analyzer = AnalyzerEngine(nlp_engine=get_nlp_engine(), supported_languages=["en"])
    # same recognizers as the shared analyzer, plus the custom ones, without mutating the shared one
    for rec in base.registry.recognizers:
        if rec not in analyzer.registry.recognizers and rec.name not in {r.name for r in analyzer.registry.recognizers}:
            analyzer.registry.add_recognizer(rec)
    for custom in recognizers_key:
        analyzer.registry.add_recognizer(to_presidio(custom))
    return BatchAnalyzerEngine(analyzer_engine=analyzer)


# a span of years: "2019 - 2023", "1998/2002" (terms of office, seasons)
_YEAR_RANGE = re.compile(r"^(?:1[89]|20)\d{2}\s*[-\u2013/]\s*(?:1[89]|20)\d{2}$")


def _not_a_phone(span: str) -> bool:
    """2024-03-01, (13.10.2022, 2019 - 2023, 2025, 99812 are valid numbers somewhere: in a text they are
    dates, year ranges and refs."""
    core = span.strip(" ()[]")
    return (parse_date(core) is not None or bool(_YEAR_RANGE.match(core))
            or sum(c.isdigit() for c in span) < 7)  # fmt: skip


def _resolve(text: str, results, entities: set[str]) -> list[Span]:
    kept: list[Span] = []
    for r in sorted(results, key=lambda r: (-r.score, r.start)):
        if r.entity_type not in entities or r.score < _MIN_SCORE.get(r.entity_type, _DEFAULT_MIN_SCORE):
            continue
        if r.entity_type == "PHONE_NUMBER" and _not_a_phone(text[r.start : r.end]):
            continue
        if any(r.start < k.end and k.start < r.end for k in kept):
            continue
        name = ""
        meta = getattr(r, "recognition_metadata", None) or {}
        name = meta.get("recognizer_name", "")
        kept.append(Span(r.entity_type, r.start, r.end, round(float(r.score), 3), name))
    return sorted(kept, key=lambda s: s.start)


class TextCache:
    """Presidio's results per distinct text, for one run: each text is analysed once, whoever asks.

    Holds the analyzer's raw results (every entity, before :func:`analyze_texts` keeps the ones a
    caller wants), per set of custom recognizers, so callers wanting different entities share them.
    One instance per run (a check run, a report), passed explicitly; nothing is kept between runs.
    """

    def __init__(self) -> None:
        self._raw: dict[tuple, dict[str, list]] = {}
        self.analysed = 0  # texts sent to Presidio
        self.reused = 0  # texts answered from the cache

    def results(self, texts: list[str], custom: tuple, batch_size: int) -> list[list]:
        """Raw Presidio results for each of ``texts`` (non-empty strings), analysing only new ones."""
        known = self._raw.setdefault(custom, {})
        new = list(dict.fromkeys(t for t in texts if t not in known))
        if new:
            engine = _engine(custom or None)
            for text, res in zip(new, engine.analyze_iterator(new, language="en", batch_size=batch_size), strict=True):
                known[text] = res
        self.analysed += len(new)
        self.reused += len(texts) - len(new)
        return [known[t] for t in texts]


def analyze_texts(
    texts: list[str],
    *,
    entities: list[str] | tuple[str, ...] | None = None,
    custom: tuple = (),
    batch_size: int = 64,
    cache: TextCache | None = None,
) -> list[list[Span]]:
    """PII spans in each text (same order as ``texts``), batched through spaCy's ``nlp.pipe``.

    ``entities`` limits the entity types (default :data:`DEFAULT_TEXT_ENTITIES` plus custom ones);
    ``custom`` is a tuple of :class:`~privacy_audit.detect.recognizers.CustomRecognizer`; ``cache``
    (a :class:`TextCache`) answers texts already analysed in this run. Non-strings and empty strings
    give no spans.
    """
    wanted = set(entities) if entities else set(DEFAULT_TEXT_ENTITIES) | {c.entity for c in custom}
    out: list[list[Span]] = [[] for _ in texts]
    idx = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip()]
    if not idx:
        return out
    todo = [texts[i] for i in idx]
    if cache is not None:
        results = cache.results(todo, tuple(custom), batch_size)
    else:
        # only the recognizers of the wanted entities run (the spans kept are the same: Presidio drops
        # duplicates per entity type, and _resolve drops other entities before it resolves overlaps);
        # a request redacting three texts then never builds the URL recognizer's regex, say
        engine = _engine(tuple(custom) or None)
        asked = sorted(wanted & set(engine.analyzer_engine.get_supported_entities(language="en")))
        if not asked:
            return out
        results = engine.analyze_iterator(todo, language="en", batch_size=batch_size, entities=asked)
    for i, res in zip(idx, results, strict=True):
        out[i] = _resolve(texts[i], res, wanted)
    return out


def ner_labels(texts: list[str], *, batch_size: int = 128) -> list[list[tuple[str, int, int]]]:
    """spaCy NER entities ``(label, start_char, end_char)`` for each short text, batched."""
    from .nlp import get_nlp_engine

    nlp = get_nlp_engine().nlp["en"]
    keep = [p for p in ("tok2vec", "ner") if p in nlp.pipe_names]
    disable = [p for p in nlp.pipe_names if p not in keep]
    return [
        [(e.label_, e.start_char, e.end_char) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size, disable=disable)
    ]
