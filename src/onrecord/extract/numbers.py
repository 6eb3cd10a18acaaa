"""Number words and numerals: parse "20,000", "20 000", "20.000", "14.2", "twenty-four",
"a dozen", "20 thousand", "hundreds" into floats (or ranges).

Pure functions over strings; per-language lexicons keyed by language code. English is
complete for news use; Russian has the basic number words (nominative and the common
oblique forms).

Conventions (documented once, relied on by ``quantities``):

* A vague plural ("dozens", "hundreds", "thousands", "tens of thousands") has no single value:
  it parses to the range ``[2 * scale, 10 * scale - 1]`` ("hundreds" -> 200..999; "dozens" ->
  24..99 because a dozen is 12 but "dozens" is used like "tens").
* ``20.000`` (one dot, exactly three digits after it) is read as European thousands only when
  the caller says a fractional reading is implausible (``dot_thousands=True``: a count of
  things, or a language that writes decimals with a comma). ``1.234.567`` is always thousands.
* ``1,5`` (comma, not followed by exactly three digits) is a decimal comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "NumberLexicon",
    "LEXICONS",
    "lexicon",
    "parse_numeral",
    "parse_number_words",
    "parse_number",
    "ParsedNumber",
]


@dataclass(frozen=True)
class NumberLexicon:
    """The number words of one language."""

    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]  # words that are a whole hundred ("сто", "двести"); English uses "hundred"
    scales: dict[str, int]  # multiplying words: hundred, thousand, million, ...
    specials: dict[str, float]  # "dozen" -> 12, "half" -> 0.5 (applied as a multiplier)
    vague: dict[str, tuple[float, float]]  # "hundreds" -> (200, 999)
    vague_prefix: dict[str, float]  # "tens" (of thousands) -> 10, "hundreds" (of thousands) -> 100
    joiners: frozenset[str] = field(default_factory=frozenset)  # "and", "a"
    few: tuple[str, ...] = ()  # "several", "a few": before a scale word, a vague range like the plural
    abbreviations: dict[str, int] = field(default_factory=dict)  # "bn", "m", "k" (after digits)

    def words(self) -> list[str]:
        """Every word that may appear inside a spelled-out number, longest first."""
        ws = set(self.units) | set(self.tens) | set(self.hundreds) | set(self.scales) | set(self.specials)
        return sorted(ws, key=len, reverse=True)


def _plural_scales(scales: dict[str, int], plurals: dict[str, str]) -> dict[str, int]:
    out = dict(scales)
    for plural, singular in plurals.items():
        out[plural] = scales[singular]
    return out


_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
              "trillion": 1_000_000_000_000}

EN = NumberLexicon(
    units=_EN_UNITS,
    tens=_EN_TENS,
    hundreds={},
    scales=_EN_SCALES,
    specials={"dozen": 12, "half": 0.5},
    vague={"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
           "millions": (2e6, 999_999_999), "billions": (2e9, 999_999_999_999)},
    vague_prefix={"tens": 10, "hundreds": 100, "dozens": 12},
    joiners=frozenset({"and", "a", "an"}),
    few=("several", "a few", "a couple of"),
    abbreviations={"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                   "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000},
)

RU = NumberLexicon(
    units={
        "ноль": 0, "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2,
        "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5,
        "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
        "десять": 10, "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
        "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
        "восемнадцать": 18, "девятнадцать": 19,
    },
    tens={
        "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "пятьдесят": 50,
        "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    },
    hundreds={
        "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
        "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    },
    scales=_plural_scales(
        {"тысяча": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000},
        {"тысячи": "тысяча", "тысяч": "тысяча", "тыс": "тысяча", "миллиона": "миллион", "миллионов": "миллион",
         "млн": "миллион", "миллиарда": "миллиард", "миллиардов": "миллиард", "млрд": "миллиард"},
    ),
    specials={"десяток": 10, "полтора": 1.5, "полторы": 1.5},
    vague={"десятки": (20, 99), "сотни": (200, 999), "тысячи": (2_000, 9_999)},
    vague_prefix={"десятки": 10, "сотни": 100},
    joiners=frozenset({"и"}),
    few=("несколько",),
    abbreviations={"тыс": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000},
)

LEXICONS: dict[str, NumberLexicon] = {"en": EN, "ru": RU}


def lexicon(language: str) -> NumberLexicon:
    """The lexicon for ``language`` (falls back to English)."""
    return LEXICONS.get((language or "en").split("-")[0].lower(), EN)


_SPACES = "\u00a0\u202f\u2009 "
_RE_SPACE_GROUPS = re.compile(rf"^\d{{1,3}}(?:[{_SPACES}]\d{{3}})+$")
_RE_COMMA_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_RE_DOT_GROUPS_MANY = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$")
_RE_DOT_GROUP_ONE = re.compile(r"^\d{1,3}\.\d{3}(?:,\d+)?$")
_RE_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_numeral(text: str, *, dot_thousands: bool = False) -> float | None:
    """Parse a numeral written with digits: ``20,000`` ``20 000`` ``20.000`` ``14.2`` ``1,5``.

    ``dot_thousands`` says whether ``20.000`` (a single dot group) means twenty thousand.
    Returns ``None`` when ``text`` is not a numeral.
    """
    s = text.strip()
    if not s or not s[0].isdigit():
        return None
    if _RE_SPACE_GROUPS.match(s):
        return float(re.sub(rf"[{_SPACES}]", "", s))
    if _RE_COMMA_GROUPS.match(s):
        return float(s.replace(",", ""))
    if _RE_DOT_GROUPS_MANY.match(s) or (dot_thousands and _RE_DOT_GROUP_ONE.match(s)):
        return float(s.replace(".", "").replace(",", "."))
    if _RE_PLAIN.match(s):
        return float(s.replace(",", "."))
    return None


_RE_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A parsed number: a point ``value`` or a vague range ``low``..``high``."""

    value: float | None
    low: float | None = None
    high: float | None = None


def parse_number_words(text: str, language: str = "en", *, dot_thousands: bool = False) -> ParsedNumber | None:
    """Parse a spelled-out (or mixed) number: ``twenty-four``, ``a dozen``, ``20 thousand``,
    ``2.5 million``, ``three hundred and five``, ``hundreds``, ``tens of thousands``.

    Returns ``None`` when any word is not a number word.
    """
    lex = lexicon(language)
    words = [w for w in _RE_WORD_SPLIT.split(text.strip().lower().rstrip(".")) if w]
    if not words:
        return None
    # vague plurals: "hundreds", "dozens", "tens of thousands", "hundreds of millions"
    if len(words) == 1 and words[0] in lex.vague:
        low, high = lex.vague[words[0]]
        return ParsedNumber(None, float(low), float(high))
    if len(words) == 3 and words[1] in ("of", "из") and words[0] in lex.vague_prefix and words[2] in lex.vague:
        factor = lex.vague_prefix[words[0]]
        base = lex.vague[words[2]][0] / 2  # "thousands" -> 1000
        return ParsedNumber(None, 2 * factor * base, 10 * factor * base - 1)
    for few in lex.few:  # "several thousand" -> 2000..9999, like "thousands"
        fw = few.split()
        if words[:len(fw)] == fw and len(words) == len(fw) + 1 and words[-1] in lex.scales:
            scale = lex.scales[words[-1]]
            return ParsedNumber(None, 2.0 * scale, 10.0 * scale - 1)
    total = 0.0
    current = 0.0
    seen = False
    multiplier = 1.0
    for i, w in enumerate(words):
        if w in lex.joiners:
            continue
        if w[0].isdigit():
            num = parse_numeral(w, dot_thousands=dot_thousands)
            if num is None:
                return None
            current += num
        elif w in lex.units:
            current += lex.units[w]
        elif w in lex.tens:
            current += lex.tens[w]
        elif w in lex.hundreds:
            current += lex.hundreds[w]
        elif w in lex.specials:
            val = lex.specials[w]
            if val < 1:  # "half a million": a multiplier on what follows
                multiplier *= val
                continue
            current = (current or 1) * val
        elif w in lex.scales or w in lex.abbreviations:
            scale = lex.scales.get(w) or lex.abbreviations[w]
            if scale == 100 and w not in lex.abbreviations:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return ParsedNumber((total + current) * multiplier)


def parse_number(text: str, language: str = "en", *, dot_thousands: bool = False) -> ParsedNumber | None:
    """Parse digits or words; ``None`` if ``text`` is not a number."""
    num = parse_numeral(text, dot_thousands=dot_thousands)
    if num is not None:
        return ParsedNumber(num)
    m = _RE_DIGITS_THEN_WORD.match(text.strip())
    if m:  # "1.5bn", "2.5 million", "20 тыс."
        base = parse_numeral(m.group(1), dot_thousands=dot_thousands)
        scale = parse_number_words(m.group(2), language)
        if base is not None and scale is not None and scale.value:
            return ParsedNumber(base * scale.value)
        return None
    return parse_number_words(text, language, dot_thousands=dot_thousands)


_RE_DIGITS_THEN_WORD = re.compile(r"^(\d[\d.,\u00a0\u202f ]*\d|\d)\s*([^\d\s.,].*)$")


@lru_cache(maxsize=None)
def word_pattern(language: str) -> str:
    """A regex alternation of the language's number words (for building larger patterns)."""
    lex = lexicon(language)
    words = lex.words() + sorted(lex.vague, key=len, reverse=True)
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
