"""Role phrases ("the Kazakh president", "Interior Minister", "its spokesman") and organisation phrases.

Lexicons are keyed by language code. A *role key* is a normal form used for matching
and for the role table: lower case, determiners dropped, "minister of the interior"
→ "interior minister", "spokeswoman" → "spokesperson".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import clean_name, looks_like_name

__all__ = [
    "ROLE_HEADS",
    "ORG_HEADS",
    "Apposition",
    "role_key",
    "role_head",
    "is_role_phrase",
    "is_org_phrase",
    "org_key",
    "roles_match",
    "appositions",
]

# Head words (or two-word heads) of roles, per language. Longest first when matching.
ROLE_HEADS: dict[str, tuple[str, ...]] = {
    "en": (
        "prime minister", "vice president", "deputy prime minister", "foreign minister", "defence minister",
        "defense minister", "interior minister", "finance minister", "press secretary", "attorney general",
        "prosecutor general", "head of state", "chief executive", "secretary general", "secretary-general",
        "president", "premier", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
        "mayor", "governor", "chancellor", "chairman", "chairwoman", "chair", "director", "ambassador",
        "envoy", "commander", "prosecutor", "senator", "lawmaker", "leader", "king", "queen", "ceo",
        "organiser", "organizer", "adviser", "advisor", "aide", "head", "chief", "official", "representative",
    ),
    "ru": (
        "премьер-министр", "вице-президент", "пресс-секретарь", "генеральный прокурор", "глава государства",
        "президент", "министр", "мэр", "губернатор", "председатель", "представитель", "посол", "глава",
    ),
}
_SYNONYMS = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "defense": "defence", "organizer": "organiser",
    "advisor": "adviser", "chairwoman": "chair", "chairman": "chair", "secretary-general": "secretary general",
    "premier": "prime minister", "head of state": "president", "chief executive": "ceo",
    "пресс-секретарь": "spokesperson", "президент": "president", "министр": "minister", "мэр": "mayor",
    "глава государства": "president", "премьер-министр": "prime minister", "губернатор": "governor",
    "представитель": "spokesperson",
}
ORG_HEADS: dict[str, tuple[str, ...]] = {
    "en": (
        "ministry", "government", "agency", "office", "service", "department", "council", "committee",
        "commission", "police", "army", "military", "kremlin", "white house", "company", "bank", "party",
        "court", "parliament", "administration", "embassy", "union", "cabinet", "authorities", "group",
        "organisation", "organization", "corporation", "inc", "ltd", "force", "forces", "guard", "directorate",
        "bureau", "secretariat", "prosecutor's office", "press service", "federation", "association", "side",
        "kremlin", "utility", "newspaper", "outlet", "channel", "network", "city", "municipality",
        # news outlets ("the Mirsk Herald", "Northern Wire") and company forms ("Ostrel Chemicals", "Acme Ltd")
        "herald", "post", "times", "gazette", "tribune", "journal", "daily", "wire", "news", "chronicle",
        "telegraph", "observer", "courier", "press", "radio", "television", "tv", "broadcaster", "magazine",
        "llc", "plc", "corp", "co", "gmbh", "holdings", "industries", "chemicals", "motors", "airlines",
        "airways", "pharmaceuticals", "technologies", "systems", "partners", "capital", "institute",
        "university", "foundation", "fund", "firm", "airport", "hospital", "school", "club",
    ),
    "ru": ("министерство", "правительство", "кремль", "агентство", "служба", "администрация", "мвд", "мид"),
}
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "former", "then",
                          "current", "new", "acting", "interim"})
_WORD = re.compile(r"[\w'’\-]+", re.UNICODE)
_OF = re.compile(r"^(?P<head>.+?)\s+(?:of|for)\s+(?:the\s+)?(?P<what>.+)$")


def _heads(language: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return table.get(language) or table["en"]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def role_head(text: str, language: str = "en") -> str:
    """The role head word(s) found in ``text`` (the right-most one), or ""."""
    low = " " + " ".join(_words(text)) + " "
    best, best_at = "", -1
    for head in _heads(language, ROLE_HEADS):
        at = low.rfind(" " + head + " ")
        if at > best_at or (at == best_at and at >= 0 and len(head) > len(best)):
            best, best_at = head, at
    return best


def is_role_phrase(text: str, language: str = "en") -> bool:
    return bool(role_head(text, language))


def role_key(text: str, language: str = "en") -> str:
    """Normal form of a role phrase: "the minister of the interior" → "interior minister"."""
    words = [w for w in _words(text) if w not in _DETERMINERS]
    phrase = " ".join(words)
    for old, new in sorted(_SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        phrase = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, phrase)
    m = _OF.match(phrase)
    if m and role_head(m.group("head"), language):
        phrase = f"{m.group('what')} {m.group('head')}"
    phrase = re.sub(r"'s\b|’s\b", "", phrase)
    return " ".join(phrase.split())


def roles_match(bare: str, known: str) -> bool:
    """A bare role ("president") matches a qualified one ("kazakh president") with the same head;
    qualifiers must not contradict (every bare qualifier word appears in the known role)."""
    if not bare or not known:
        return False
    if bare == known:
        return True
    b, k = bare.split(), known.split()
    if b[-1] != k[-1]:
        return False
    return all(w in k for w in b[:-1])


def is_org_phrase(text: str, language: str = "en") -> bool:
    """An organisation head ends the phrase (or is followed by "of/for ..."): "the Interior Ministry",
    "the Ministry of Defence"; not "12 former senior police officers"."""
    words = _words(text)
    low = " " + " ".join(words) + " "
    for h in _heads(language, ORG_HEADS):
        at = low.rfind(" " + h + " ")
        if at < 0:
            continue
        after = low[at + len(h) + 2:].split()
        if not after or after[0] in ("of", "for", "in") or (words and words[0][:1].isupper() is False and False):
            return True
    return False


def org_key(text: str) -> str:
    """Normal form of an organisation: "the Ministry of the Interior" → "interior ministry"."""
    words = [w for w in _words(clean_name(text)) if w not in _DETERMINERS]
    phrase = " ".join(words)
    m = _OF.match(phrase)
    if m and m.group("head").split()[-1] in ("ministry", "department", "office", "council", "committee", "government",
                                             "agency", "bureau", "commission"):
        phrase = f"{m.group('what')} {m.group('head')}"
    phrase = phrase.replace("internal affairs", "interior").replace("defense", "defence")
    return re.sub(r"'s\b|’s\b", "", phrase).strip()


@dataclass(frozen=True, slots=True)
class Apposition:
    """A role attached to a named person in the text ("Interior Minister Teodor Vasko")."""

    name: str
    name_start: int
    name_end: int
    role: str  # role key
    role_text: str
    start: int  # span of the whole apposition
    end: int
    current: bool = True  # False for "former ...", "ex-...": not evidence of holding the role now


_NAME_RE = r"(?:[A-ZА-ЯЁ][\w'’]+(?:-[A-ZА-ЯЁ]?[\w'’]+)?)(?:\s+(?:van |von |de |al-)?[A-ZА-ЯЁ][\w'’]+(?:-[A-ZА-ЯЁ]?[\w'’]+)?){1,3}"
_CAPS = r"(?:[A-ZА-ЯЁ][\w'’\-]+\s+){0,3}"
_SENT_START = frozenset({"The", "But", "And", "In", "On", "At", "After", "As", "When", "Meanwhile", "However", "A", "An"})


def _role_alternation(language: str) -> str:
    heads = sorted(_heads(language, ROLE_HEADS), key=len, reverse=True)
    return "|".join(re.escape(h) for h in heads)


_SINGLE_HEADS = {lang: frozenset(h for h in heads if " " not in h) for lang, heads in ROLE_HEADS.items()}
_CACHE: dict[str, tuple[re.Pattern, re.Pattern, re.Pattern]] = {}


def _patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    if language not in _CACHE:
        alt = _role_alternation(language)
        before = re.compile(rf"(?P<role>{_CAPS}(?i:{alt}))\s+(?P<name>{_NAME_RE})")
        after = re.compile(
            rf"(?P<name>{_NAME_RE}),\s+(?P<role>(?:(?:the|a|an|its|his|her)\s+)?[^,.;:\"“”«»]{{0,60}}?\b(?i:{alt})\b[^,.;:\"“”«»]{{0,40}}?)(?=[,.;:]|\s+(?:said|says|told|added))"
        )
        lead = re.compile(
            rf"(?P<role>\b(?i:the|its|his|her|their)\s+[^,.;:\"“”«»]{{0,50}}?\b(?i:{alt})\b[^,.;:\"“”«»]{{0,40}}?),\s+(?P<name>{_NAME_RE}),"
        )
        _CACHE[language] = (before, after, lead)
    return _CACHE[language]


_PAST = re.compile(r"\b(?:former|ex|then|outgoing|sacked|dismissed|late|бывший)\b", re.IGNORECASE)


def _current(role_text: str) -> bool:
    return not _PAST.search(role_text)


def _trim_qualifiers(role_text: str) -> str:
    words = role_text.split()
    while words and words[0] in _SENT_START:
        words.pop(0)
    return " ".join(words)


_ROLE_LEADS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_ROLE_TAILS = frozenset({"of", "in", "for", "at", "to"})


def _plausible_role(role_text: str, name_words: list[str], language: str) -> bool:
    """An apposed phrase is a role when it starts with a determiner, a capital or the head,
    and nothing but an "of/in/for ..." complement follows the head."""
    rwords = role_text.split()
    if len(rwords) > 9 or any(w.lower().strip(".") in _SINGLE_HEADS.get(language, _SINGLE_HEADS["en"]) for w in name_words):
        return False
    first = rwords[0]
    head = role_head(role_text, language)
    if not head:
        return False
    if not (first.lower() in _ROLE_LEADS or first[:1].isupper() or role_text.lower().startswith(head)):
        return False
    low = " ".join(_words(role_text))
    after = low[low.rfind(head) + len(head):].split()
    return not after or after[0] in _ROLE_TAILS


def appositions(text: str, language: str = "en") -> list[Apposition]:
    """Role–name appositions found by pattern in plain text (no parse needed).

    Three shapes: "Interior Minister Teodor Vasko", "Oskar Tell, the ministry's spokesman,"
    and "the mayor of Mirsk, Mira Roshan,".
    """
    before, after, lead = _patterns(language)
    found: list[Apposition] = []
    for m in before.finditer(text):
        role_text = _trim_qualifiers(m.group("role"))
        name = m.group("name")
        if not role_text or not looks_like_name(name):
            continue
        found.append(Apposition(name, m.start("name"), m.end("name"), role_key(role_text, language), role_text,
                                m.start(), m.end(), _current(role_text)))
    for pat in (after, lead):
        for m in pat.finditer(text):
            name = m.group("name")
            words = name.split()
            while words and words[0] in _SENT_START:
                words.pop(0)
            if len(words) < 2 or not looks_like_name(" ".join(words)):
                continue
            shift = len(name) - len(" ".join(words))
            role_text = m.group("role").strip()
            if not _plausible_role(role_text, words, language):
                continue
            found.append(Apposition(" ".join(words), m.start("name") + shift, m.end("name"),
                                    role_key(role_text, language), role_text, m.start(), m.end(), _current(role_text)))
    found.sort(key=lambda a: (a.name_start, -len(a.role)))
    out: list[Apposition] = []
    for a in found:
        if out and out[-1].name_start == a.name_start and out[-1].role == a.role:
            continue
        out.append(a)
    return out
