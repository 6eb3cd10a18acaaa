"""Normalised proposition keys: what a statement is about and which way it leans.

Pure functions over plain text, no parser. A statement's proposition is

* ``keys``: content words, stemmed, stopwords removed, mapped to a small set of
  concepts so that "mission" and "task", "abroad" and "foreign" compare equal;
* ``stances``: (axis, sign) pairs from per-language event lexicons -- "stay" and
  "withdraw" lie on the ``presence`` axis with opposite signs, "completed" and "carry
  out ... until" on ``completion`` -- flipped when a negator precedes the word;
* ``negated``: whether the text negates its main claim ("no", "not", "never").

English is complete; Russian is basic (stems are truncated words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "STOPWORDS",
    "CONCEPTS",
    "STANCE_LEXICONS",
    "Proposition",
    "Stance",
    "stance_details",
    "tokens",
    "stem",
    "content_keys",
    "stances",
    "negated",
    "proposition",
    "scope_names",
]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having he
        her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
        not now of off on once only or other our ours ourselves out over own same she should so some such than that
        the their theirs them themselves then there these they this those through to too under until up very was we
        were what when where which while who whom why will with would you your yours yourself yourselves said says
        say told tell telling asked ask according mr ms mrs dr one two three four five six seven eight nine ten
        first last week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday saturday
        sunday january february march april may june july august september october november december jan feb mar
        apr jun jul aug sep sept oct nov dec year years time still already yet ever never nobody nothing none
        must might shall us let going get got make made many much well even however since though although whether
        there's it's that's n't 's among""".split()
    ),
    "ru": frozenset(
        """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
        меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам
        ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего
        раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы
        нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
        про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им
        более всегда конечно всю между сказал заявил""".split()
    ),
}

# concept -> stems (after :func:`stem`) that mean it; lets differently worded claims share keys
CONCEPTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "foreign": ("foreign", "abroad", "overseas", "outsid", "external", "foreigner"),
        "task": ("mission", "task", "job", "objective", "goal", "assignment"),
        "troop": ("troop", "soldier", "servicem", "servicemen", "contingent", "personnel", "unit", "forc",
                  "forces", "army", "military", "deployment", "deploy"),
        "death": ("dead", "die", "died", "death", "kill", "fatality", "fataliti", "victim", "toll", "bodi", "body"),
        "injured": ("injur", "wound", "hurt"),
        "attacker": ("militant", "terrorist", "attacker", "attack", "gunman", "gunmen", "bandit", "insurgent", "rioter"),
        "detain": ("detain", "arrest", "custody", "detaine", "detention"),
        "charge": ("charg", "charge", "prosecut", "indict", "case"),
        "missing": ("missing", "unaccounted"),
        "citizen": ("citizen", "national", "nationality", "nationaliti"),
        "main": ("main", "primary", "principal", "chief", "primari"),
        "withdraw": ("withdraw", "withdrawal", "pullout", "leav", "leave", "depart", "departure"),
        "stay": ("stay", "remain"),
        "complete": ("complet", "finish", "accomplish", "done", "over"),
        "stabil": ("stabil", "stabl", "stable", "calm", "normal", "control"),
        "train": ("train", "trained"),
        "airport": ("airport", "airfield"),
        "protest": ("protest", "protester", "demonstr", "demonstrator", "rally", "march"),
        "price": ("price", "cost", "tariff"),
        "damage": ("damag", "destroy", "destruct"),
        "evacuate": ("evacu", "evacuate", "evacuee"),
        "resign": ("resign", "resignation", "step", "quit"),
        "elect": ("elect", "election", "vote", "ballot", "poll"),
        "recall": ("recall", "defect", "fault", "faulti"),
    },
    "ru": {
        "foreign": ("иностр", "зарубе", "за рубежом", "рубеж"),
        "task": ("задач", "миссия", "миссии"),
        "troop": ("войск", "военн", "контин", "солда"),
        "death": ("погиб", "жертв", "убит", "смерт"),
        "attacker": ("терро", "боеви", "банди"),
        "detain": ("задер", "арест"),
        "withdraw": ("вывод", "уйдут", "покин"),
        "stay": ("оста",),
        "complete": ("завер", "выпол"),
    },
}

# Stance lexicons: word form (lower case, whole word or phrase) -> (axis, sign). A negator
# within three words before the form flips the sign. Forms, not stems, so "completely"
# is not "completed".
STANCE_LEXICONS: dict[str, dict[str, tuple[str, int]]] = {
    "en": {
        # presence of people/forces/officials in a place or post
        "stay": ("presence", 1), "stays": ("presence", 1), "staying": ("presence", 1), "stayed": ("presence", 1),
        "remain": ("presence", 1), "remains": ("presence", 1), "remained": ("presence", 1),
        "as long as necessary": ("presence", 1), "as long as it is needed": ("presence", 1),
        "as long as it was needed": ("presence", 1),
        "withdraw": ("presence", -1), "withdraws": ("presence", -1), "withdrawing": ("presence", -1),
        "withdrawal": ("presence", -1), "withdrawn": ("presence", -1), "withdrew": ("presence", -1),
        "pull out": ("presence", -1), "pulling out": ("presence", -1), "pullout": ("presence", -1),
        "begin leaving": ("presence", -1), "start leaving": ("presence", -1), "leaving": ("presence", -1),
        "will leave": ("presence", -1), "depart": ("presence", -1), "departure": ("presence", -1),
        "coming home": ("presence", -1), "return home": ("presence", -1),
        "resign": ("presence", -1), "resigns": ("presence", -1), "step down": ("presence", -1),
        # whether a task/mission/operation is finished
        "completed": ("completion", 1), "complete": ("completion", 1), "accomplished": ("completion", 1),
        "finished": ("completion", 1), "is done": ("completion", 1), "was done": ("completion", 1),
        "is over": ("completion", 1), "was over": ("completion", 1), "ended": ("completion", 1),
        "carry out": ("completion", -1), "carry on": ("completion", -1), "keep working": ("completion", -1), "continue": ("completion", -1), "continues": ("completion", -1),
        "ongoing": ("completion", -1), "unfinished": ("completion", -1), "incomplete": ("completion", -1),
        # whether a situation/place is under control and safe
        "under control": ("control", 1), "calm": ("control", 1), "stabilised": ("control", 1),
        "stabilized": ("control", 1), "safe": ("control", 1), "secured": ("control", 1), "secure": ("control", 1),
        "out of control": ("control", -1), "unsafe": ("control", -1), "dangerous": ("control", -1),
        "risk of attacks": ("control", -1), "chaos": ("control", -1),
        "safe to drink": ("control", 1), "safe to eat": ("control", 1), "no reason for concern": ("control", 1),
        "drink": ("control", 1), "risk": ("control", -1), "risks": ("control", -1), "danger": ("control", -1),
        "contaminated": ("control", -1), "polluted": ("control", -1), "toxic": ("control", -1),
        "stopped": ("control", 1), "contained": ("control", 1), "halted": ("control", 1),
        # whether a facility/service is open or running
        "open": ("open", 1), "reopen": ("open", 1), "reopens": ("open", 1), "reopened": ("open", 1),
        "resume": ("open", 1), "resumed": ("open", 1), "hand over": ("open", 1), "handed over": ("open", 1),
        "closed": ("open", -1), "shut": ("open", -1), "suspended": ("open", -1),
        "banned": ("open", -1), "lifted": ("open", 1),
        # direction of a measure
        "increase": ("direction", 1), "increased": ("direction", 1), "rise": ("direction", 1), "risen": ("direction", 1),
        "raise": ("direction", 1), "grow": ("direction", 1), "decrease": ("direction", -1), "fall": ("direction", -1),
        "fallen": ("direction", -1), "cut": ("direction", -1), "reduce": ("direction", -1), "reduced": ("direction", -1),
        # admitting or rejecting responsibility/knowledge
        "knew": ("knowledge", 1), "aware": ("knowledge", 1), "informed": ("knowledge", 1),
        "no information": ("knowledge", -1), "unaware": ("knowledge", -1),
    },
    "ru": {
        "останутся": ("presence", 1), "останется": ("presence", 1), "оставаться": ("presence", 1),
        "вывод": ("presence", -1), "покинут": ("presence", -1), "уйдут": ("presence", -1),
        "выполнена": ("completion", 1), "завершена": ("completion", 1), "завершен": ("completion", 1),
        "продолжат": ("completion", -1),
        "под контролем": ("control", 1), "спокойно": ("control", 1),
        "открыт": ("open", 1), "закрыт": ("open", -1),
    },
}

_NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor", "cannot", "without"}),
    "ru": frozenset({"не", "нет", "никогда", "ни"}),
}
_CONDITIONAL: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:if|unless|until|till|whether|once|when|before|asked)\b"
                     r"|\b(?:statement|claim|announcement|assertion|reports?)\s+that\b"),
    "ru": re.compile(r"(?<!\w)(?:если|пока|когда|ли)(?!\w)"),
}
# negators of the claim itself (not of a stance word): "no foreign nationals are among the dead"
_CLAIM_NEGATION: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:no|not|never|none|nobody|nothing|n't|cannot|no\s+longer|ruled?\s+out|den(?:y|ies|ied))\b|n['’]t\b",
        re.I,
    ),
    "ru": re.compile(r"(?<!\w)(?:не|нет|никогда|ни)(?!\w)", re.I),
}


def _lang(language: str | None) -> str:
    lang = (language or "en").split("-")[0].lower()
    return lang if lang in STOPWORDS else "en"


# multi-word expressions rewritten before tokenising, so that they meet their one-word synonyms
PHRASES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": tuple((re.compile(p, re.I), r) for p, r in (
        (r"\b(?:other|another|foreign)\s+(?:countries|country|states|state|nations)\b", "foreign"),
        (r"\boutside\s+the\s+country\b", "abroad"),
        (r"\bdeath\s+toll\b", "deaths"),
        (r"\blaw\s+enforcement\s+officers?\b", "police"),
        (r"\b(?:remains?|remained|stays?|stayed)\s+in\s+force\b", "persists"),
        (r"\bin\s+force\b", "effective"),
    )),
}


def normalise_phrases(text: str, language: str = "en") -> str:
    for pattern, repl in PHRASES.get(_lang(language), ()):
        text = pattern.sub(repl, text)
    return text


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphenated words are split ("foreign-trained" -> foreign, trained)."""
    return [t.replace("’", "'") for t in _WORD.findall(text.lower())]


_EN_SUFFIXES = ("ational", "ization", "isation", "ments", "ment", "ness", "ings", "ing", "edly", "ies", "ied",
                "ers", "ed", "es", "er", "ly", "s")


@lru_cache(maxsize=65536)
def stem(word: str, language: str = "en") -> str:
    """A light stem: English suffix stripping, Russian truncation to five letters."""
    w = word.lower().replace("'s", "")
    if _lang(language) == "ru":
        return w[:5]
    if len(w) <= 4:
        return w
    for suf in _EN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


@lru_cache(maxsize=8)
def _concept_index(language: str) -> dict[str, str]:
    lang = _lang(language)
    index: dict[str, str] = {}
    for concept, stems in CONCEPTS.get(lang, {}).items():
        for s in stems:
            index[stem(s, lang)] = concept
            index[s] = concept
    return index


@lru_cache(maxsize=200_000)
def content_keys(text: str, language: str = "en") -> frozenset[str]:
    """Content stems of ``text`` minus stopwords, mapped to concepts where the lexicon knows them."""
    lang = _lang(language)
    stops = STOPWORDS[lang]
    index = _concept_index(lang)
    keys = set()
    for tok in tokens(normalise_phrases(text, lang)):
        if tok in stops or len(tok) < 3:
            continue
        s = stem(tok, lang)
        keys.add(index.get(s) or index.get(tok) or s)
    return frozenset(keys)


@lru_cache(maxsize=8)
def _stance_pattern(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    lex = STANCE_LEXICONS.get(_lang(language), {})
    forms = sorted(lex, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.I)
    return pattern, lex


@dataclass(frozen=True, slots=True)
class Stance:
    """One position a text takes: the axis and sign, the content keys of its sentence, and whether the
    sentence bounds it in time ("until further notice", "for now")."""

    axis: str
    sign: int
    keys: frozenset[str]
    temporary: bool = False


@lru_cache(maxsize=100_000)
def stance_details(text: str, language: str = "en") -> tuple[Stance, ...]:
    """Every stance word of the text with its sentence's keys; words inside a conditional or reported
    clause ("until the job is done", "whether it had finished", "his statement that ...") are skipped."""
    lang = _lang(language)
    pattern, lex = _stance_pattern(lang)
    negators = _NEGATORS[lang]
    lowered = normalise_phrases(text, lang).lower().replace("’", "'")
    out: list[Stance] = []
    for m in pattern.finditer(lowered):
        axis, sign = lex[m.group(0)]
        clause = re.split(r"[.;:!?,«»\"“”]", lowered[: m.start()])[-1]
        if _CONDITIONAL[lang].search(clause):
            continue
        before = tokens(lowered[max(0, m.start() - 40) : m.start()])[-3:]
        if any(t in negators or t.endswith("n't") for t in before):
            sign = -sign
        s_start = max(lowered.rfind(ch, 0, m.start()) for ch in ".;!?") + 1
        ends = [i for i in (lowered.find(ch, m.end()) for ch in ".;!?") if i >= 0]
        sentence = lowered[s_start : min(ends) if ends else len(lowered)]
        temporary = bool(_TEMPORARY.get(lang, _NEVER).search(sentence))
        out.append(Stance(axis, sign, content_keys(sentence, lang), temporary))
    return tuple(out)


@lru_cache(maxsize=100_000)
def stances(text: str, language: str = "en") -> frozenset[tuple[str, int]]:
    """(axis, sign) pairs the text takes; an axis taken both ways is dropped (no clear stance)."""
    found: dict[str, set[int]] = {}
    for st in stance_details(text, language):
        found.setdefault(st.axis, set()).add(st.sign)
    return frozenset((axis, next(iter(signs))) for axis, signs in found.items() if len(signs) == 1)


_NEVER = re.compile(r"(?!x)x")
_TEMPORARY: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:until|till|for\s+now|for\s+the\s+time\s+being|until\s+further\s+notice|temporarily|for\s+the\s+foreseeable\s+future)\b"
                     r"|\b(?:on|by|before)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    "ru": re.compile(r"(?<!\w)(?:до|пока|временно)(?!\w)"),
}


_CONTRAST = re.compile(r"[,;–—-]\s*(?:and\s+|but\s+)?not\s+[^,.;]*$|[,;–—-]\s*(?:and\s+|but\s+)?not\s+[^,.;]*[,.;]", re.I)


def negated(text: str, language: str = "en") -> bool:
    """Whether the text negates what it claims; a contrastive tail ("abroad, not in Valdoria") is no negation."""
    lang = _lang(language)
    return bool(_CLAIM_NEGATION[lang].search(_CONTRAST.sub(" ", text) if lang == "en" else text))


_CAP = re.compile(r"(?<![.!?«“\"]\s)(?<!^)\b([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*)")


def scope_names(text: str, exclude: frozenset[str] = frozenset()) -> frozenset[str]:
    """Capitalised names inside a sentence (not at its start): places and bodies that scope a number."""
    out = set()
    for m in _CAP.finditer(text):
        start = m.start()
        prefix = text[:start].rstrip()
        if not prefix or prefix[-1] in ".!?«“\"'‘(":
            continue
        name = m.group(1).lower()
        if name in exclude or name in STOPWORDS["en"]:
            continue
        out.add(name)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Proposition:
    keys: frozenset[str]
    stances: frozenset[tuple[str, int]]
    negated: bool


def proposition(text: str, language: str = "en") -> Proposition:
    """The normalised proposition of one statement text."""
    return Proposition(content_keys(text, language), stances(text, language), negated(text, language))
