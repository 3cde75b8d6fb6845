"""Value semantics for names: are a column's words the names of people, or of things?

A header that says "name" does not say whose name: airports, airlines, wines, countries, circuits,
parties and projects have names too. The values decide, from three kinds of evidence:

* **given names**: the share of values whose first word is a known given name. The gazetteer is the
  US Census Bureau's 1990 first-name lists (5,494 names, public domain) as shipped by the ``names``
  package (MIT); it holds many names of European and Latin-American origin, and it is read, never
  sampled from. Not Faker's lists.
* **spaCy NER** on the values in natural order (``"ROSSI, MARIO"`` -> ``"Mario Rossi"``; names written
  in capitals, two words or more, are read in title case, which the English model needs): the share tagged PERSON and the
  share tagged as an organisation, place, product, work, event or group (``ORG``, ``GPE``, ``LOC``,
  ``FAC``, ``PRODUCT``, ``WORK_OF_ART``, ``EVENT``, ``NORP``, ``LAW``, ``LANGUAGE``).
* **a kind word**: names of things of one kind share a word (``... Airport``, ``Circuit ...``,
  ``Landkreis ...``); people's names do not (surnames vary, and given names are spread over many).
  Name particles (de, van, von) and abbreviations written with a dot (``Dip.``, ``Dr.``) are left out.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

__all__ = ["NameSemantics", "given_names", "name_semantics", "ner_form"]

_NON_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW", "LANGUAGE"})
# particles and connectors that recur in people's names (and in place names) without saying whose name it is
_PARTICLES = frozenset({
    "van", "von", "der", "den", "del", "della", "delle", "dei", "degli", "dos", "das", "los", "las", "les", "ter",
    "ten", "zum", "zur", "und", "and", "het", "san", "santa", "saint", "sainte", "mac", "bin", "ben", "ibn", "the",
    "de", "da", "di", "du", "do", "la", "le", "el", "y", "e", "i",
})  # fmt: skip
# titles written before names without a dot (Mme, Herr, Sra): they recur in people's names
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "mme", "mlle", "mmes", "herr", "frau", "sig", "sigra", "signor", "signora",
    "sr", "sra", "srta", "dr", "prof", "dott", "dhr", "mevr", "mevrouw", "meneer", "pan", "pani", "fru", "hr",
    "sir", "dame", "lord", "lady", "rev", "dona", "don",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+\.?")
_LAST_FIRST = re.compile(r"^([^\W\d_][^,\d&+]*),\s*([^\W\d_a-z][^\W\d_]*\.?(?:[ \-][^\W\d_a-z][^\W\d_]*\.?)?)$")
_PAREN_TAIL = re.compile(r"\s*\((?:[^()]|\([^()]{0,8}\)){1,30}\)$")  # (figlia), ((01632)960626)
KIND_SHARE = 0.3  # a word in this share of the values marks names of things of one kind
_MIN_KIND_VALUES = 5


def _fold(text: str) -> str:
    nfkd = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


@cache
def given_names() -> frozenset[str]:
    """Given names (folded to lower-case ASCII, 3+ letters) of the US Census 1990 first-name lists."""
    root = importlib.resources.files("names")
    out: set[str] = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for line in root.joinpath(fname).read_text(encoding="ascii").splitlines():
            word = line.split(maxsplit=1)[0].lower() if line.strip() else ""
            if len(word) >= 3:
                out.add(word)
    return frozenset(out)


def ner_form(value: str) -> str:
    """The value as the NER model reads names best: natural order, no bracketed tail, title case for
    values written in capitals (``"SILVA, JOAO"`` -> ``"Joao Silva"``)."""
    v = _PAREN_TAIL.sub("", value.strip()) or value.strip()
    m = _LAST_FIRST.match(v)
    if m:
        v = f"{m[2]} {m[1]}"
    letters = [c for c in v if c.isalpha()]
    # two words or more: a one-word value in capitals is as often an acronym (MGEN, AXA) as a name
    if letters and all(c.isupper() for c in letters) and len(letters) >= 4 and len(v.split()) >= 2:
        v = v.title()
    return v


def _words(value: str) -> list[str]:
    """Folded words of a value, without abbreviations written with a dot and without particles."""
    return [w for w in (_fold(t) for t in _WORD.findall(value) if not t.endswith("."))
            if w not in _PARTICLES and w not in _TITLES]


def _caps_first(form: str) -> bool:
    parts = [p for p in form.split() if p.rstrip(".").lower() not in _TITLES]
    return len(parts) >= 2 and parts[0].isupper() and not parts[-1].isupper()


@dataclass(frozen=True)
class NameSemantics:
    """What a sample of word values says about whose names they are (shares of ``n`` values)."""

    n: int
    given: float  # first word a known given name
    ner_person: float  # NER: PERSON over most of the value
    ner_other: float  # NER: an organisation, place, product, work, event... over most of the value
    kind_word: str  # the commonest word (folded)
    kind_share: float  # share of values holding it

    @property
    def person(self) -> bool:
        """The values read as people's names: many given names, or NER reads half as persons."""
        return not self.thing and (self.given >= 0.4 or self.ner_person >= 0.5)

    @property
    def thing(self) -> bool:
        """The values read as names of things: a shared kind word, or NER reads them as organisations,
        places, products or works and rarely as persons."""
        return self.kind_share >= KIND_SHARE or (self.ner_other >= 0.5 and self.ner_person < 0.25 and self.given < 0.3)

    def describe(self) -> str:
        """One line of evidence."""
        text = (f"given names {self.given:.0%}, spaCy PERSON {self.ner_person:.0%}, "
                f"organisation/place/product/work {self.ner_other:.0%} of {self.n} values")  # fmt: skip
        if self.kind_share >= KIND_SHARE:
            text += f"; {self.kind_share:.0%} share one word ('{self.kind_word[:1]}***': names of one kind of thing)"
        return text


def name_semantics(
    values: Sequence[str], ner: Callable[[list[str]], list[list[tuple[str, int, int]]]] | None = None
) -> NameSemantics:
    """:class:`NameSemantics` of word values (at most the first 96 are read; ``ner`` as in
    :func:`.text.ner_labels`, ``None`` to skip NER)."""
    pool = [v for v in values if 2 <= len(v) <= 60][:96]
    n = len(pool)
    if n == 0:
        return NameSemantics(0, 0.0, 0.0, 0.0, "", 0.0)
    gazetteer = given_names()
    forms = [ner_form(v) for v in pool]
    words = [_words(f) for f in forms]
    # the first word, or the last when the first is a surname written in capitals ("ROSSI Anna")
    given = sum(bool(w) and (w[0] in gazetteer or (_caps_first(f) and w[-1] in gazetteer))
                for f, w in zip(forms, words, strict=True)) / n
    counts = Counter(t for w in words for t in dict.fromkeys(w) if len(t) >= 3)
    kind_word, kind_n = counts.most_common(1)[0] if counts else ("", 0)
    # a given name shared by many values (Maria, José) is no kind word; a handful of values shows no kind
    kind_share = 0.0 if kind_word in gazetteer or n < _MIN_KIND_VALUES else kind_n / n
    person = other = 0
    if ner is not None:
        for f, ents in zip(forms, ner(forms), strict=True):
            per = sum(e - s for lab, s, e in ents if lab == "PERSON")
            oth = sum(e - s for lab, s, e in ents if lab in _NON_PERSON_LABELS)
            person += per >= 0.6 * len(f)
            other += oth >= 0.5 * len(f)
    return NameSemantics(n, round(given, 3), round(person / n, 3), round(other / n, 3), kind_word, round(kind_share, 3))
