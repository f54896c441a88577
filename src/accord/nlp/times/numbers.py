"""Reading numbers, years and decades from the word stream, in digits or in words ("twenty four",
"5 1/2", "a couple of", "nineteen ninety-six", "the year two thousand", "1990s", "'80s")."""

from __future__ import annotations

import re

from .lexicon import Lexicon

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_YEAR = re.compile(r"^(1[0-9]|20|21)\d\d$")
_DECADE = re.compile(r"^(?:(\d\d)?(\d)0)'?s$")  # 1990s, 90s, 1990's
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _digits(word: str) -> float | None:
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    fraction = _FRACTION.match(word)
    if fraction and int(fraction.group(2)) != 0:
        return int(fraction.group(1)) / int(fraction.group(2))
    return None


def read_number(words: list[str], i: int, lex: Lexicon) -> tuple[int, float] | None:
    """A number starting at words[i], as (end index, value): "24", "5 1/2", "twenty-four",
    "a hundred", "a couple of", "a dozen", "a"/"an" (one)."""
    if i >= len(words):
        return None
    value = _digits(words[i])
    if value is not None:
        end = i + 1
        if end < len(words) and _FRACTION.match(words[end]) and value == int(value):
            value += _digits(words[end]) or 0
            end += 1
        return end, value
    if words[i] in ("a", "an"):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in ("couple", "dozen", "hundred", "thousand", "pair"):
            end, value = read_number(words, i + 1, lex) or (i + 2, 1.0)
            return end, value
        return i + 1, 1.0
    return _number_words(words, i, lex)


def _number_words(words: list[str], i: int, lex: Lexicon) -> tuple[int, float] | None:
    total, current, end, last = 0.0, 0.0, i, None
    j = i
    while j < len(words):
        word = words[j]
        if word == "-" and last is not None and j + 1 < len(words) and lex.kind(words[j + 1], "number"):
            j += 1
            continue
        raw = lex.kind(word, "number")
        if raw is None or word in ("a", "an", "half"):
            break
        v = float(raw)
        if word in ("couple", "pair"):
            current, end, last = 2.0, j + 1, "unit"
            if j + 1 < len(words) and words[j + 1] == "of":
                end = j + 2
            break
        if v == 12 and word == "dozen":
            current = (current or 1) * 12
        elif v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        elif v >= 20 and v % 10 == 0:
            if last in ("unit", "tens", "teen"):
                break
            current += v
            last = "tens"
            end = j + 1
            j += 1
            continue
        else:
            if last in ("unit", "teen"):
                break
            current += v
            last = "teen" if v >= 10 else "unit"
            end = j + 1
            j += 1
            continue
        last = "scale"
        end = j + 1
        j += 1
    if end == i:
        return None
    return end, total + current


def read_year(words: list[str], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A year starting at words[i], as (end index, year): "1998", "'98", "nineteen ninety-six",
    "two thousand (and) one"."""
    if i >= len(words):
        return None
    word = words[i]
    if _YEAR.match(word):
        return i + 1, int(word)
    if word in ("'", "’") and i + 1 < len(words) and re.fullmatch(r"\d\d", words[i + 1]):
        return i + 2, _two_digit_year(int(words[i + 1]))
    if re.fullmatch(r"['’]\d\d", word):
        return i + 1, _two_digit_year(int(word[1:]))
    spoken = _spoken_year(words, i, lex)
    return spoken


def _two_digit_year(number: int) -> int:
    return 2000 + number if number < 30 else 1900 + number


def _spoken_year(words: list[str], i: int, lex: Lexicon) -> tuple[int, int] | None:
    first = lex.kind(words[i], "number")
    if first is None or words[i] in ("a", "an"):
        return None
    head = float(first)
    if 10 <= head <= 20 and words[i] not in ("ten",):  # "nineteen ninety-six"
        rest = _number_words(words, i + 1, lex)
        if rest and 10 <= rest[1] < 100:
            return rest[0], int(head * 100 + rest[1])
        return None
    if words[i] == "two" and i + 1 < len(words) and words[i + 1] == "thousand":  # "two thousand (and) one"
        end = i + 2
        nxt = end + 1 if end < len(words) and words[end] == "and" else end
        rest = _number_words(words, nxt, lex)
        if rest and rest[1] < 100:
            return rest[0], 2000 + int(rest[1])
        return end, 2000
    return None


def read_decade(words: list[str], i: int) -> tuple[int, int] | None:
    """A decade starting at words[i], as (end index, year // 10): "1990s", "'80s", "the nineties"."""
    if i >= len(words):
        return None
    word = words[i]
    start = i
    if word in ("'", "’") and i + 1 < len(words):
        i += 1
        word = words[i]
    if word in DECADE_WORDS:
        return i + 1, 190 + DECADE_WORDS[word]
    match = _DECADE.match(word.replace("’", "'"))
    if match:
        century = match.group(1)
        if century is None:  # "80s" alone is more often an age than a decade; "'80s" is a decade
            return (i + 1, 190 + int(match.group(2))) if start != i else None
        return i + 1, int(century) * 10 + int(match.group(2))
    return None
