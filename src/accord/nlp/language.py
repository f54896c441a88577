"""Which language a document is in, and whether accord extracts from it.

The detector is py3langid (BSD-3-Clause; a fork of langid.py whose naive Bayes model ships inside the
wheel, 4.6 MB, so nothing is downloaded), restricted to the languages of `Settings.languages`
(ACCORD_LANGUAGES) and run on the first SAMPLE_CHARS characters: under 1 ms a document. The decision:

- a text with fewer than MIN_WORDS words is too short to judge: the language stated by the input (a
  JSON Lines `language`, an HTML page's metadata) is kept, else English, with no confidence;
- a text the detector gives a language with at least MIN_CONFIDENCE is in that language, whatever the
  input stated (a page template's `lang="en"` is often wrong), with a warning when the two differ;
- below that (tables of figures, mixed text) the stated language, else English, is kept, with the
  detector's probability for it as its confidence.

Only documents in SUPPORTED languages go through the extractors; any other is kept with its language,
its confidence, empty extraction lists and a warning saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import UsageError
from ..kb.compiled import load_compiled
from ..model import Document

SUPPORTED = ("en",)  # the languages accord's extractors, word lists and model read
SAMPLE_CHARS = 1000  # enough for a confident verdict on an article's opening; bounds the cost
MIN_WORDS = 20
MIN_CONFIDENCE = 0.9
_WORD = re.compile(r"[^\W\d_]{2,}")

NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pl": "Polish",
    "pt": "Portuguese", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    """A document's language, the detector's confidence in it (None: not judged) and any warnings."""

    language: str
    confidence: float | None
    warnings: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        """Whether accord extracts from text in this language."""
        return self.language in SUPPORTED


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's identifier restricted to `languages`, loaded once per process from the compiled cache
    (accord.kb.compiled): building it decompresses the whole model (about 1 s), loading it 0.1 s."""
    import py3langid

    key = [f"py3langid {py3langid.__version__}", ",".join(languages)]
    return load_compiled("language-detector", lambda: _build_identifier(languages), key)


def _build_identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    unknown = sorted(set(languages) - set(identifier.labels))
    if unknown:
        raise UsageError(
            f"ACCORD_LANGUAGES: {', '.join(unknown)} not known to the language detector "
            "(give ISO 639-1 codes such as en,es,fr,de)"
        )
    identifier.set_languages(list(languages))
    # set_languages keeps the whole model (all 142 classes, about 28 MB) to restrict again later, which
    # accord never does: keep only the restricted one
    identifier._full_model = identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes
    return identifier


def check_languages(languages: tuple[str, ...]) -> None:
    """Load the detector for `languages` now, so an unknown code is a UsageError before any work."""
    _identifier(languages)


def judge(document: Document, languages: tuple[str, ...]) -> Verdict:
    """The language of `document` among `languages` (see the module docstring for the rules)."""
    stated = document.stated_language
    fallback = stated or "en"
    sample = document.text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return _verdict(fallback, None)
    ranked = dict(_identifier(languages).rank(sample))
    best = max(ranked, key=ranked.__getitem__)
    if ranked[best] < MIN_CONFIDENCE:
        return _verdict(fallback, ranked.get(fallback))
    notes: tuple[str, ...] = ()
    if stated and stated != best:
        notes = (f"the input says the language is {_name(stated)}, but the text reads as {_name(best)}",)
    return _verdict(best, ranked[best], notes)


def _verdict(language: str, confidence: float | None, notes: tuple[str, ...] = ()) -> Verdict:
    confidence = None if confidence is None else round(float(confidence), 4)
    if language not in SUPPORTED:
        sure = "" if confidence is None else f", confidence {confidence:.2f}"
        notes += (
            f"the text is in {_name(language)}{sure}; accord extracts only from "
            f"{', '.join(_name(code) for code in SUPPORTED)} text, so it found no actors, quotes, events, "
            "times or places in it",
        )
    return Verdict(language, confidence, notes)


def _name(code: str) -> str:
    return f"{NAMES[code]} ({code})" if code in NAMES else code
