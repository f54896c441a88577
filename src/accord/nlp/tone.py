"""GDELT-style document tone: the V2Tone figures of GDELT's Global Knowledge Graph, computed from a
public word list because GDELT's own dictionary is not public.

GDELT defines them as percentages of a document's words: Tone = positive minus negative words,
Positive Score and Negative Score (both positive numbers), Polarity = Positive + Negative, Activity
Reference Density and Self/Group Reference Density, and the Word Count. accord counts as positive or
negative the words whose mean valence in VADER's lexicon (vaderSentiment, MIT licence; only its word
list is read, never VADER's scorer) is at least `VALENCE_THRESHOLD` away from neutral; the pronouns
are `kb/tone/pronouns.tsv`. Activity Reference Density is left null: GDELT's list of "active" words is
not public and accord has no defensible stand-in. Tone is a pure function of the text, so a stored
document's tone can be computed again from its text alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..kb.compiled import files_digest, load_compiled
from ..model import Tone

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
# VADER's raters scored words from -4 to +4; a mean below 1 either way is a word they barely leaned on.
VALENCE_THRESHOLD = 1.0

# A word is a run of letters, with apostrophes inside it ("don't", "Iran's"); digits, hyphens and
# other punctuation separate words and are not words themselves.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class ToneWords:
    """The word lists tone is counted with: lexicon words by sign, and the pronouns."""

    positive: frozenset[str]
    negative: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=1)
def tone_words() -> ToneWords:
    """VADER's words past the threshold and the project's pronouns, from the installed packages (no
    network): kept compiled between runs (accord.kb.compiled), loaded once per process."""
    lexicon = Path(str(resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE)))
    return load_compiled("tone-words", lambda: _read_tone_words(lexicon), [files_digest([lexicon])])


def _read_tone_words(lexicon: Path) -> ToneWords:
    text = lexicon.read_text(encoding="utf-8")
    positive, negative = set(), set()
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not _WORD.fullmatch(fields[0]):
            continue  # emoticons and hyphenated entries can never match a word of ours
        valence = float(fields[1])
        if valence >= VALENCE_THRESHOLD:
            positive.add(fields[0].lower())
        elif valence <= -VALENCE_THRESHOLD:
            negative.add(fields[0].lower())
    return ToneWords(frozenset(positive), frozenset(negative), _pronouns())


def _pronouns() -> frozenset[str]:
    from ..kb import builtin_table, data_path

    table = builtin_table(data_path("tone", "pronouns.tsv"))
    return frozenset(row.fields["pronoun"].lower() for row in table.rows()) if table else frozenset()


def words(text: str) -> list[str]:
    """The text's words, lower case, curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("’", "'"))


def document_tone(text: str) -> Tone:
    """The GDELT-style tone of a text; a text without words has every figure 0."""
    counts = Counter(words(text))
    lists = tone_words()
    positive = negative = pronouns = 0
    for word, n in counts.items():
        key = word[:-2] if word.endswith("'s") else word  # "Iran's" is "iran", "peace's" is "peace"
        if key in lists.positive:
            positive += n
        elif key in lists.negative:
            negative += n
        if word in lists.pronouns:
            pronouns += n
    total = counts.total()

    def share(count: int) -> float:
        return round(100 * count / total, 4) if total else 0.0

    return Tone(
        tone=share(positive - negative),
        positive=share(positive),
        negative=share(negative),
        polarity=share(positive + negative),
        activity_density=None,
        self_group_density=share(pronouns),
        word_count=total,
    )
