"""Person and organisation names: cleaning, honorific stripping and transliteration-tolerant keys.

A *key* is a spelling-insensitive skeleton of a name token: the same person written
"Sergei Shoigu", "Sergey Shoygu", "Сергей Шойгу" or "SERGEJ SCHOIGU" gets the same
first-name key and surname key. Keys are for matching only; display names keep the
spelling found in the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "HONORIFICS",
    "PersonName",
    "clean_name",
    "strip_honorifics",
    "token_key",
    "parse_person",
    "name_key",
    "alias_key",
    "looks_like_name",
    "first_names_compatible",
    "surname_variant",
    "variant_keys",
]

# Words that precede a name without being part of it. Role words ("President",
# "Minister") live in titles.py; this list is honorifics and ranks only.
HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "gen", "general", "lieutenant", "brig", "brigadier", "col", "colonel", "maj", "major", "lt", "capt", "captain", "adm", "admiral",
        "sgt", "sen", "senator", "rep", "gov", "pres", "president", "premier", "minister", "chancellor",
        "judge", "justice", "rev", "father", "sheikh", "king", "queen", "prince", "princess", "mayor",
        "herr", "frau", "monsieur", "madame", "mme", "m", "sr", "jr", "st",
        # Russian
        "г-н", "г-жа", "господин", "госпожа", "президент", "министр", "генерал",
    }
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd"})

# Cyrillic → Latin (a plain BGN-like table; keys make the remaining differences vanish).
_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
         "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"],
    )
)

# Ordered rewrites applied to a lower-case ASCII token. Order matters: longer first.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("j", "y"),  # Zh/J/Y all meet: Zhaksylov, Jaksylov, Tokajev
    ("kh", "h"),
    ("ch", "c"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("tz", "ts"),
    ("ou", "u"),
    ("y", "i"),  # Sergey/Sergei, Shoygu/Shoigu, Dmitry/Dmitri
    ("ie", "e"),  # -iev/-yev/-ev, Yevgeny/Evgeny
    ("(?<=.)ia", "a"),  # -iya/-ya endings; a leading Ya-/Ja-/Ia- stays "ia"
    ("(?<=.)io", "o"),
    ("(?<=.)iu", "u"),
    ("ei", "e"),  # Sergei/Serge, Alexei/Aleksey
    ("ai", "a"),  # Tokaev/Tokayev
    ("oi", "o"),  # Shoigu/Shoygu
    ("h", ""),
)
_REWRITES_RE = tuple((re.compile(old), new) for old, new in _REWRITES)
_DOUBLE = re.compile(r"(.)\1+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
_TRIM = " \t\n\r\"'“”‘’«»„‚()[],.;:!?-–—"
_POSSESSIVE = re.compile(r"['’]s$")


def _deaccent(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        if low in _CYR:
            out.append(_CYR[low])
            continue
        out.append(ch)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_name(text: str) -> str:
    """A display form: whitespace collapsed, quotes/punctuation and possessive trimmed."""
    s = _SPACES.sub(" ", text).strip(_TRIM)
    s = _POSSESSIVE.sub("", s)
    return s.strip(_TRIM)


def _bare(word: str) -> str:
    return word.lower().strip(".").strip(_TRIM)


_TITLE_PARTS = HONORIFICS | {"prosecutor", "deputy", "vice", "prime", "chief", "attorney", "secretary", "first"}


def _is_honorific(word: str) -> bool:
    bare = _bare(word)
    if bare in HONORIFICS:
        return True
    parts = bare.split("-")
    return len(parts) > 1 and all(p in _TITLE_PARTS for p in parts)


def strip_honorifics(name: str) -> str:
    """Drop leading honorifics/ranks ("Mr.", "Gen.", "President", "Prosecutor-General") and trailing suffixes ("Jr.")."""
    words = clean_name(name).split()
    while len(words) > 1 and _is_honorific(words[0]):
        words.pop(0)
    while len(words) > 1 and _bare(words[-1]) in _SUFFIXES:
        words.pop()
    return " ".join(words).strip(_TRIM)


def token_key(token: str) -> str:
    """Transliteration-tolerant skeleton of one name token (may contain a hyphen: Kassym-Jomart)."""
    s = _deaccent(token).lower()
    s = _NON_ALNUM.sub("", s)
    if not s:
        return ""
    for _ in range(4):  # to a fixed point: "Dmitriyev" -> "dmitriiev" -> "dmitriev" -> "dmitrev"
        before = s
        for pattern, new in _REWRITES_RE:
            s = pattern.sub(new, s)
        s = _DOUBLE.sub(r"\1", s)
        if s == before:
            break
    return s


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into given names and surname, with their keys."""

    display: str
    given: str
    surname: str
    given_key: str
    surname_key: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.given_key, self.surname_key)

    @property
    def has_given(self) -> bool:
        return bool(self.given_key)


_PARTICLES = frozenset({"van", "von", "der", "de", "da", "di", "le", "la", "al", "el", "bin", "ibn", "du", "dos", "del"})


def parse_person(name: str) -> PersonName:
    """Split a person name: the last word (with particles such as "van der") is the surname."""
    display = strip_honorifics(name)
    words = [w for w in display.split() if w.strip(_TRIM)]
    if not words:
        return PersonName(display, "", "", "", "")
    # "Shoigu, Sergei" (catalogue order)
    if "," in display and len(words) >= 2 and words[0].endswith(","):
        words = words[1:] + [words[0].rstrip(",")]
    sur = [words.pop()]
    while words and words[-1].lower() in _PARTICLES:
        sur.insert(0, words.pop())
    given_words = [w for w in words if _bare(w) not in HONORIFICS] if len(words) > 1 else words
    given = " ".join(given_words)
    surname = " ".join(sur)
    gkey = token_key(given_words[0]) if given_words else ""
    return PersonName(display, given, surname, gkey, "".join(token_key(w) for w in sur))


def name_key(name: str) -> str:
    """One string key for a full person name: ``given|surname`` (given may be empty)."""
    p = parse_person(name)
    return f"{p.given_key}|{p.surname_key}"


def alias_key(alias: str) -> str:
    """Key used in the alias table: the whole alias, each word keyed, honorifics dropped."""
    words = strip_honorifics(alias).split()
    words = [w for w in words if _bare(w) not in {"the"}]
    return " ".join(k for k in (token_key(w) for w in words) if k)


def first_names_compatible(a: str, b: str) -> bool:
    """Given-name keys that may be the same person: equal, or one is an initial of the other."""
    if not a or not b:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


_VARIANT_MIN = 6  # shorter surnames differ by one letter too often to be spellings of one name


def variant_keys(key: str) -> set[str]:
    """``key`` and every one-letter deletion of it: two keys within one edit (or one swap) share one.

    Blocking keys for :func:`surname_variant`, so a corpus needs no pairwise comparison."""
    if len(key) < _VARIANT_MIN:
        return {key}
    return {key} | {key[:i] + key[i + 1:] for i in range(1, len(key))}  # the first letter must agree


def surname_variant(a: str, b: str) -> bool:
    """Two surname keys that are spelling variants of one name ("Whitcombe"/"Whitcomb",
    "Lindqvist"/"Lindquist" after keying): both long, same first letter, one edit apart."""
    if a == b:
        return True
    if min(len(a), len(b)) < _VARIANT_MIN or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    return bool(variant_keys(a) & variant_keys(b))


_CAP = re.compile(r"^[A-ZА-ЯЁ][\w'’\-]*\.?$")


def looks_like_name(text: str) -> bool:
    """Capitalised words only (after honorifics), at most six: a plausible proper name."""
    words = strip_honorifics(text).split()
    return 0 < len(words) <= 6 and all(_CAP.match(w) or w.lower() in _PARTICLES for w in words)
