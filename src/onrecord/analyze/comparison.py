"""Pairwise comparison rules over propositions: given two statements, decide whether they
add up, and if not return a typed :class:`~onrecord.models.Flag` whose one-sentence
explanation is built from the structured comparison.

A shared proposition is required for every flag here: the same event axis from the event
lexicon (:data:`~onrecord.analyze.propositions.STANCE_LEXICONS`: stay/withdraw, completed/
carry on, safe/risk, open/closed, ...) with an overlapping argument (a content word of both
sentences besides the event words), or a denial whose subject and predicate the other
statement asserts ("No foreign nationals are among the dead" vs "Three of the dead were
citizens of other countries").

* :func:`reversal` -- one speaker, different days, opposite positions; an earlier position
  bounded in time ("closed until Monday") is not contradicted by a later one;
* :func:`disagreement` -- two speakers, at most ``DISAGREEMENT_DAYS`` apart;
* :func:`hedge_change` -- one proposition that acquires or loses a qualifier (largely, main,
  may, preliminary, unconfirmed) over time.

Numbers are compared as chains, not pairs (:mod:`.chains`); :func:`number_drift` here runs
a chain over two statements, for tests and one-off checks.
"""

from __future__ import annotations

from typing import Iterable

from ..models import Flag
from .chains import interval, number_flags, quantities_conflict
from .claims import GENERIC_KEYS, RULES_VERSION, Claim, claim_of, days_between, make_flag, on_date, quote
from .propositions import STANCE_LEXICONS, content_keys
from .vanishing import vanished

__all__ = [
    "Claim",
    "claim_of",
    "interval",
    "quantities_conflict",
    "number_drift",
    "reversal",
    "disagreement",
    "hedge_change",
    "vanished",
    "compare_pair",
    "opposition",
    "RULES_VERSION",
    "DISAGREEMENT_DAYS",
    "REVERSAL_DAYS",
    "HEDGE_CROSS_SPEAKER_DAYS",
]

DISAGREEMENT_DAYS = 1  # two speakers contradicting each other count as a disagreement within this window
REVERSAL_DAYS = 60  # one speaker's positions further apart than this are not compared
HEDGE_CROSS_SPEAKER_DAYS = 7  # a qualifier another source adds counts within this window
PROPOSITION_MARKERS = frozenset({"largely", "main", "may", "preliminary", "unconfirmed"})

_STANCE_STEMS: dict[str, frozenset[str]] = {}


def _stance_stems(language: str) -> frozenset[str]:
    if language not in _STANCE_STEMS:
        forms = STANCE_LEXICONS.get(language, STANCE_LEXICONS["en"])
        _STANCE_STEMS[language] = frozenset().union(*(content_keys(f, language) for f in forms))
    return _STANCE_STEMS[language]


def _denied_by(a: Claim, b: Claim) -> int:
    """How many words of a denial in ``a`` the other statement ``b`` asserts (0: none applies)."""
    best = 0
    for subject, predicate in a.denials:
        if not subject <= b.keys or (predicate and not predicate & b.keys):
            continue
        if any(subject & s for s, _ in b.denials):
            continue  # b denies it too
        best = max(best, len(subject) + len(predicate & b.keys))
    return best if best >= 2 else 0


def opposition(a: Claim, b: Claim, *, over_time: bool = False) -> tuple[str, int, str] | None:
    """(kind, strength, axis) when ``a`` and ``b`` take opposite positions on one proposition.

    ``over_time``: ``a`` is the earlier statement of the same speaker; a position bounded in time
    is then not contradicted, and a nominal event without a subject ("the withdrawal will begin")
    may answer the speaker's earlier position on the same axis.
    """
    generic = GENERIC_KEYS | _stance_stems(a.language) | a.name_keys | b.name_keys
    best: tuple[str, int, str] | None = None
    for sa in a.stance_list:
        for sb in b.stance_list:
            if sa.axis != sb.axis or sa.sign != -sb.sign or (over_time and sa.temporary):
                continue
            shared = len((sa.keys & sb.keys) - generic)
            if shared or (over_time and sa.axis == "presence"):
                if best is None or shared > best[1]:
                    best = ("stance", shared, sa.axis)
    if best:
        return best
    denied = _denied_by(a, b) or _denied_by(b, a)
    return ("denial", denied, "polarity") if denied else None


_AXIS_WORDS = {
    "presence": ("staying", "leaving"),
    "completion": ("done", "not done"),
    "control": ("safe/under control", "unsafe/not under control"),
    "open": ("open", "closed"),
    "direction": ("going up", "going down"),
    "knowledge": ("known", "unknown"),
    "polarity": ("affirmed", "denied"),
}


def _axis_change(axis: str, a: Claim, b: Claim) -> str:
    pos, neg = _AXIS_WORDS.get(axis, ("yes", "no"))
    if axis == "polarity":
        first = neg if a.denials else pos
        return f"{first} → {pos if first == neg else neg}"
    sign_a = next((s.sign for s in a.stance_list if s.axis == axis), 1)
    return f"{pos if sign_a > 0 else neg} → {neg if sign_a > 0 else pos}"


def _ordered(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    return (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)


def _nested(a: Claim, b: Claim) -> bool:
    return a.article_db == b.article_db and (a.start <= b.start < a.end or b.start <= a.start < b.end)


def reversal(a: Claim, b: Claim) -> Flag | None:
    """One speaker taking opposite positions on the same proposition on different days."""
    if not a.speaker or a.speaker != b.speaker or not a.date or not b.date or a.date == b.date:
        return None
    gap = days_between(a.date, b.date)
    if gap is None or gap > REVERSAL_DAYS:
        return None
    first, second = _ordered(a, b)
    opp = opposition(first, second, over_time=True)
    if opp is None:
        return None
    kind, shared, axis = opp
    explanation = (
        f"{first.who} said {quote(first.text)}{on_date(first)} but {quote(second.text)}{on_date(second)}"
        f" ({axis if axis != 'polarity' else 'same claim'}: {_axis_change(axis, first, second)})."
    )
    score = 0.6 + 0.08 * min(shared, 3) + (0.1 if first.direct or second.direct else 0.0)
    return make_flag("reversal", score, explanation, (first, second), topic=axis)


def disagreement(a: Claim, b: Claim) -> Flag | None:
    """Two different speakers taking opposite positions on one proposition at about the same time."""
    if not a.speaker or not b.speaker or a.speaker == b.speaker or _nested(a, b):
        return None
    gap = days_between(a.date, b.date) if a.date and b.date else None
    if gap is None or gap > DISAGREEMENT_DAYS:
        return None
    first, second = _ordered(a, b)
    opp = opposition(first, second)
    if opp is None or opp[1] == 0:
        return None
    kind, shared, axis = opp
    topic = ", ".join(sorted((first.keys & second.keys) - GENERIC_KEYS - _stance_stems(a.language))[:3])
    explanation = (
        f"{first.who} ({first.date}) and {second.who} ({second.date}) contradict each other on"
        f" {topic or axis} ({_axis_change(axis, first, second)}): {quote(first.text, 70)} vs {quote(second.text, 70)}."
    )
    score = 0.55 + 0.08 * min(shared, 3) + (0.1 if first.direct or second.direct else 0.0) - 0.05 * gap
    return make_flag("disagreement", score, explanation, (first, second), topic=topic or axis)


def _same_proposition(a: Claim, b: Claim) -> str:
    generic = GENERIC_KEYS | _stance_stems(a.language) | a.name_keys | b.name_keys
    for sa in a.stance_list:
        for sb in b.stance_list:
            if sa.axis == sb.axis and sa.sign == sb.sign:
                shared = (sa.keys & sb.keys) - generic
                if shared:
                    return ", ".join(sorted(shared)[:3])
    shared = (a.keys & b.keys) - generic
    larger = max(len(a.keys - a.name_keys), len(b.keys - b.name_keys)) or 1
    if len(shared) >= 3 and len(shared) / larger >= 0.5:  # both say mostly the same, not one inside the other
        return ", ".join(sorted(shared)[:3])
    return ""


def hedge_change(a: Claim, b: Claim) -> Flag | None:
    """One proposition that acquires (or, for the same speaker, loses) a qualifier between two days."""
    if a.article_db == b.article_db or not a.date or not b.date or a.date == b.date:
        return None
    if not a.speaker and not b.speaker:
        return None
    gap = days_between(a.date, b.date)
    same = a.speaker == b.speaker
    if gap is None or gap > REVERSAL_DAYS or (not same and gap > HEDGE_CROSS_SPEAKER_DAYS):
        return None
    first, second = _ordered(a, b)
    m1, m2 = first.markers & PROPOSITION_MARKERS, second.markers & PROPOSITION_MARKERS
    gained, lost = sorted(m2 - m1), sorted(m1 - m2) if same else []
    if not gained and not lost:
        return None
    if opposition(first, second, over_time=same) is not None:
        return None  # a change of position, not of qualification
    topic = _same_proposition(first, second)
    if not topic:
        return None
    parts = []
    if gained:
        parts.append("acquired " + ", ".join(f"“{g}”" for g in gained))
    if lost:
        parts.append("lost " + ", ".join(f"“{x}”" for x in lost))
    who = first.who if same else f"{first.who} → {second.who}"
    explanation = (
        f"The claim about {topic} ({who}) {' and '.join(parts)} between {first.date} and {second.date}:"
        f" {quote(first.text, 60)} → {quote(second.text, 60)}."
    )
    score = 0.5 + 0.1 * min(len(gained) + len(lost), 2) + (0.1 if same else 0.0) + (0.05 if second.direct else 0.0)
    return make_flag("hedge", score, explanation, (first, second), topic=topic)


def number_drift(a: Claim, b: Claim) -> Flag | None:
    """The number-chain rules over two statements: the drift flag between them, if any."""
    return next((f for f in number_flags([a, b]) if f.type == "number_drift"), None)


def compare_pair(a: Claim, b: Claim) -> list[Flag]:
    """All pairwise proposition rules over one candidate pair (numbers are compared as chains)."""
    if not a.day or not b.day:
        return []
    gap = abs(a.day - b.day)
    if a.speaker == b.speaker:
        rules = (reversal, hedge_change) if gap and gap <= REVERSAL_DAYS else ()
    else:
        rules = (disagreement,) if gap <= DISAGREEMENT_DAYS else ()
        if gap and gap <= HEDGE_CROSS_SPEAKER_DAYS and (a.markers ^ b.markers) & PROPOSITION_MARKERS:
            rules += (hedge_change,)
    out = []
    for rule in rules:
        flag = rule(a, b)
        if flag is not None:
            out.append(flag)
    return out


def compare_all(pairs: Iterable[tuple[Claim, Claim]]) -> list[Flag]:
    return [f for a, b in pairs for f in compare_pair(a, b)]
