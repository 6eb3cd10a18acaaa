"""Pure comparison rules: given two statements (or a speaker's run of them), decide
whether they add up, and if not return a typed :class:`~onrecord.models.Flag` whose
one-sentence explanation is built from the structured comparison.

Statements come in as the plain dicts the store streams (``iter_statements``) or that
tests build; :func:`claim_of` turns one into a :class:`Claim` with its proposition keys.
Each rule looks at one kind of discrepancy:

* :func:`number_drift` -- the same counted thing in the same scope with values that the
  qualifiers ("about", "at least", ...) cannot reconcile;
* :func:`reversal` -- one speaker taking opposite stances on the same proposition;
* :func:`disagreement` -- two speakers doing so at about the same time;
* :func:`hedge_change` -- a claim that acquires or loses a qualifier;
* :func:`vanished` -- a claim a speaker repeated that stops while they keep talking on the topic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from ..models import Evidence, Flag, Span
from .propositions import content_keys, negated, scope_names, stances

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
    "RULES_VERSION",
    "DISAGREEMENT_DAYS",
]

RULES_VERSION = "onrecord.flags.v1"
DISAGREEMENT_DAYS = 3  # two speakers contradicting each other count as a disagreement within this window
REVERSAL_DAYS = 60
_TOLERANCE = {"about": 0.15, "approximately": 0.15, "nearly": 0.12, "": 0.01}
_HEDGE_KINDS_COMPARED = ("approximation", "preliminary", "scope", "modal")
_HEDGE_SYNONYMS = {"primary": "main", "principal": "main", "chief": "main", "approximate": "approximately",
                   "roughly": "approximately", "around": "about", "some": "about"}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "who", "which"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement as the rules see it."""

    id: str
    text: str
    start: int = 0
    end: int = 0
    article: str = ""  # the article id as shown (the input's own id when it had one)
    article_db: str = ""  # the stored article id
    outlet: str = ""
    date: str = ""  # YYYY-MM-DD, said_on or the publication date
    speaker: str = ""  # canonical speaker key ("" when unknown)
    speaker_name: str = ""
    language: str = "en"
    quantities: tuple[Mapping[str, Any], ...] = ()
    hedges: tuple[Mapping[str, Any], ...] = ()
    modality: str = ""
    polarity: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)
    stances: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    negated: bool = False
    names: frozenset[str] = field(default_factory=frozenset)

    @property
    def who(self) -> str:
        return self.speaker_name or self.outlet or "an unnamed source"

    def evidence(self) -> Evidence:
        return Evidence(self.id, self.article_db or self.article, Span(self.start, self.end, self.text),
                        self.date or None, self.speaker_name or None, self.outlet)


def _day(value: str | None) -> str:
    return (value or "")[:10]


def claim_of(st: Mapping[str, Any]) -> Claim:
    """Build a :class:`Claim` from a statement dict (store export shape or a hand-made one)."""
    content = st.get("content") or {}
    text = content.get("text") or st.get("text") or ""
    article = st.get("article") or {}
    speaker = st.get("speaker") or {}
    mention = (st.get("speaker_mention") or {}).get("text") or ""
    name = speaker.get("name") or st.get("speaker_name") or ("" if mention.lower() in _PRONOUNS else mention)
    key = speaker.get("id") or (name.lower().strip() if name else "")
    language = st.get("language") or article.get("language") or "en"
    speaker_words = frozenset(w.lower() for w in re.findall(r"\w+", name))
    polarity = st.get("polarity") or ("negative" if negated(text, language) else "positive")
    return Claim(
        id=st.get("id") or "",
        text=text,
        start=int(content.get("start") or 0),
        end=int(content.get("end") or len(text)),
        article=st.get("article_id") or article.get("id") or "",
        article_db=article.get("id") or st.get("article_id") or "",
        outlet=article.get("outlet") or st.get("outlet") or "",
        date=_day(st.get("said_on") or st.get("published") or article.get("published")),
        speaker=key,
        speaker_name=name,
        language=language,
        quantities=tuple(st.get("quantities") or ()),
        hedges=tuple(st.get("hedges") or ()),
        modality=st.get("modality") or "",
        polarity=polarity,
        keys=content_keys(text, language),
        stances=stances(text, language),
        negated=negated(text, language),
        names=scope_names(text, speaker_words),
    )


def _days_between(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
    except ValueError:
        return None


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…") + "”"


def _on(c: Claim) -> str:
    return f" on {c.date}" if c.date else ""


def _flag(type_: str, score: float, explanation: str, claims: Iterable[Claim], topic: str = "") -> Flag:
    return Flag(type_, round(max(0.0, min(1.0, score)), 3), explanation, tuple(c.evidence() for c in claims),
                topic=topic, detector=RULES_VERSION)


# -- numbers ---------------------------------------------------------------------------------
def interval(q: Mapping[str, Any], approximate: bool = False) -> tuple[float, float, int] | None:
    """The values a quantity admits given its qualifier: (low, high, bound) where bound is
    +1 for a lower bound ("at least"), -1 for an upper bound ("no more than"), 0 otherwise."""
    v, lo, hi = q.get("value"), q.get("low"), q.get("high")
    qual = q.get("qualifier") or ""
    if v is None:
        if lo is None and hi is None:
            return None
        return (float(lo) if lo is not None else 0.0, float(hi) if hi is not None else math.inf, 0)
    v = float(v)
    if qual in ("at_least",):
        return (v, math.inf, 1)
    if qual == "more_than":
        return (v * 1.0001, math.inf, 1)
    if qual in ("at_most", "up_to"):
        return (0.0, v, -1)
    if qual == "less_than":
        return (0.0, v * 0.9999, -1)
    if qual == "nearly":
        return (v * (1 - _TOLERANCE["nearly"]), v, 0)
    tol = _TOLERANCE.get(qual, 0.15 if qual else 0.01)
    if approximate:
        tol = max(tol, 0.15)
    return (v * (1 - tol), v * (1 + tol), 0)


def quantities_conflict(qa: Mapping[str, Any], qb: Mapping[str, Any], approx_a: bool = False,
                        approx_b: bool = False) -> bool:
    """Whether two values for the same thing cannot both hold given their qualifiers."""
    ia, ib = interval(qa, approx_a), interval(qb, approx_b)
    if ia is None or ib is None:
        return False
    if ia[1] < ib[0] or ib[1] < ia[0]:
        return True
    # opposite one-sided bounds meeting at one value: "no more than 10 days" vs "at least 10 days"
    return ia[2] * ib[2] == -1 and max(ia[0], ib[0]) >= min(ia[1], ib[1])


def _approximate(c: Claim) -> bool:
    return any(h.get("kind") in ("approximation", "preliminary") for h in c.hedges)


def _local_stances(c: Claim, q: Mapping[str, Any]) -> frozenset[tuple[str, int]]:
    """Stances in the clause around one number ("600 soldiers had left" vs "2,500 arrived")."""
    rel_s, rel_e = int(q.get("start", c.start)) - c.start, int(q.get("end", c.start)) - c.start
    if not 0 <= rel_s <= len(c.text):
        rel_s, rel_e = 0, len(c.text)
    left = max(c.text.rfind(ch, 0, rel_s) for ch in ".;,") + 1
    right_cands = [i for i in (c.text.find(ch, rel_e) for ch in ".;") if i >= 0]
    right = min(right_cands) if right_cands else len(c.text)
    return stances(c.text[left:right], c.language) | _process(c.text[left:right])


_PROCESS = re.compile(r"\b(?:had|have|has)\s+(?:now\s+|already\s+)?(left|returned|arrived|departed)\b"
                      r"|\b(left|arrived|returned\s+home)\b", re.I)


def _process(text: str) -> frozenset[tuple[str, int]]:
    out = set()
    for m in _PROCESS.finditer(text):
        word = (m.group(1) or m.group(2) or "").lower()
        out.add(("movement", 1 if word.startswith("arrived") else -1))
    return frozenset(out)


def _scope_ok(a: Claim, b: Claim) -> bool:
    """Same place/body scope: two sets of names that are both present must share one."""
    years_a = set(re.findall(r"\b(?:19|20)\d\d\b", a.text))
    years_b = set(re.findall(r"\b(?:19|20)\d\d\b", b.text))
    if years_a and years_b and not years_a & years_b:
        return False
    return not (a.names and b.names and not a.names & b.names)


def _same_thing(qa: Mapping[str, Any], qb: Mapping[str, Any]) -> bool:
    ca, cb = (qa.get("counted") or "").lower(), (qb.get("counted") or "").lower()
    return bool(ca) and ca == cb and (qa.get("unit") or "") == (qb.get("unit") or "")


def number_drift(a: Claim, b: Claim) -> Flag | None:
    """Values for the same counted thing (same unit, same scope) that their qualifiers cannot reconcile."""
    if a.article_db == b.article_db and a.article_db:
        return None
    if not _scope_ok(a, b):
        return None
    best: tuple[float, Mapping, Mapping] | None = None
    for qa in a.quantities:
        if any(_same_thing(qa, qb) and not quantities_conflict(qa, qb, _approximate(a), _approximate(b))
               for qb in b.quantities):
            continue  # a's value is matched in b
        for qb in b.quantities:
            if not _same_thing(qa, qb) or not quantities_conflict(qa, qb, _approximate(a), _approximate(b)):
                continue
            if any(_same_thing(qb, qa2) and not quantities_conflict(qa2, qb, _approximate(a), _approximate(b))
                   for qa2 in a.quantities):
                continue  # b's value is matched in a
            la, lb = _local_stances(a, qa), _local_stances(b, qb)
            if any((axis, -sign) in lb for axis, sign in la) or (la ^ lb) & {("movement", -1), ("movement", 1)}:
                continue  # different events ("arrived" vs "left")
            va, vb = _magnitude(qa), _magnitude(qb)
            ratio = max(va, vb) / max(min(va, vb), 1e-9) if va and vb else 2.0
            if best is None or ratio < best[0]:
                best = (ratio, qa, qb)
    if best is None:
        return None
    ratio, qa, qb = best
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    q1, q2 = (qa, qb) if first is a else (qb, qa)
    thing = q1.get("counted") or "figure"
    direction = "raised" if _magnitude(q2) > _magnitude(q1) else "lowered" if _magnitude(q2) < _magnitude(q1) else "requalified"
    who = first.who if first.who == second.who else f"{first.who} and then {second.who}"
    qual = f" (qualifiers: {_qual(q1)} vs {_qual(q2)})" if (q1.get("qualifier") or q2.get("qualifier")) else ""
    explanation = (
        f"{who} gave the {thing} count as “{_qty(q1)}”{_on(first)} and as “{_qty(q2)}”{_on(second)}:"
        f" {direction} beyond what the qualifiers allow{qual}."
    )
    score = 0.55 + min(0.4, math.log(ratio) if ratio > 1 else 0.2)
    return _flag("number_drift", score, explanation, (first, second), topic=thing)


def _magnitude(q: Mapping[str, Any]) -> float:
    v = q.get("value")
    if v is not None:
        return float(v)
    lo, hi = q.get("low"), q.get("high")
    vals = [float(x) for x in (lo, hi) if x is not None]
    return sum(vals) / len(vals) if vals else 0.0


def _qual(q: Mapping[str, Any]) -> str:
    return (q.get("qualifier") or "exact").replace("_", " ")


def _qty(q: Mapping[str, Any]) -> str:
    return q.get("text") or str(q.get("value"))


# -- stances ---------------------------------------------------------------------------------
_GENERIC_KEYS = frozenset({"will", "would", "situation", "people", "government", "country", "city", "state"})


def _opposed(a: Claim, b: Claim) -> tuple[str, int, str] | None:
    """(kind, strength, axis) when a and b take opposite positions on one proposition."""
    shared = (a.keys & b.keys) - _GENERIC_KEYS
    union = a.keys | b.keys
    jaccard = len(shared) / len(union) if union else 0.0
    for axis, sign in sorted(a.stances):
        if (axis, -sign) in b.stances:
            return ("stance", len(shared), axis)
    if a.polarity and b.polarity and a.polarity != b.polarity and len(shared) >= 2 and jaccard >= 0.3:
        return ("polarity", len(shared), "polarity")
    return None


_AXIS_WORDS = {
    "presence": ("staying", "leaving"),
    "completion": ("done", "not done"),
    "control": ("under control/safe", "not under control/unsafe"),
    "open": ("open", "closed"),
    "direction": ("going up", "going down"),
    "knowledge": ("known", "unknown"),
    "agreement": ("agreed", "not agreed"),
    "polarity": ("affirmed", "denied"),
}


def _axis_change(axis: str, a: Claim, b: Claim) -> str:
    pos, neg = _AXIS_WORDS.get(axis, ("yes", "no"))
    if axis == "polarity":
        return f"{pos if a.polarity != 'negative' else neg} → {pos if b.polarity != 'negative' else neg}"
    sign_a = next((s for ax, s in a.stances if ax == axis), 1)
    return f"{pos if sign_a > 0 else neg} → {neg if sign_a > 0 else pos}"


def reversal(a: Claim, b: Claim) -> Flag | None:
    """One speaker taking opposite positions on the same proposition on different occasions."""
    if not a.speaker or a.speaker != b.speaker or a.article_db == b.article_db:
        return None
    if not a.date or not b.date or a.date == b.date:
        return None
    gap = _days_between(a.date, b.date)
    if gap is None or gap > REVERSAL_DAYS:
        return None
    opp = _opposed(a, b)
    if opp is None:
        return None
    kind, shared, axis = opp
    if kind == "stance" and shared == 0 and axis not in ("presence", "completion"):
        return None
    first, second = (a, b) if a.date < b.date else (b, a)
    explanation = (
        f"{first.who} said {_quote(first.text)}{_on(first)} but {_quote(second.text)}{_on(second)}"
        f" ({axis if axis != 'polarity' else 'same claim'}: {_axis_change(axis, first, second)})."
    )
    score = 0.6 + 0.1 * min(shared, 3) + (0.1 if kind == "stance" else 0.0)
    return _flag("reversal", score, explanation, (first, second), topic=axis)


def disagreement(a: Claim, b: Claim) -> Flag | None:
    """Two different speakers making incompatible statements about the same thing at about the same time."""
    if not a.speaker or not b.speaker or a.speaker == b.speaker or a.article_db == b.article_db:
        return None
    gap = _days_between(a.date, b.date) if a.date and b.date else None
    if gap is None or gap > DISAGREEMENT_DAYS:
        return None
    opp = _opposed(a, b)
    if opp is None or opp[1] == 0:
        return None
    kind, shared, axis = opp
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    topic = ", ".join(sorted((a.keys & b.keys) - _GENERIC_KEYS)[:3])
    explanation = (
        f"{first.who} ({first.date or 'undated'}) and {second.who} ({second.date or 'undated'}) contradict each"
        f" other on {topic or axis}: {_quote(first.text, 70)} vs {_quote(second.text, 70)}."
    )
    score = 0.55 + 0.1 * min(shared, 3) + (0.1 if kind == "stance" else 0.0)
    return _flag("disagreement", score, explanation, (first, second), topic=topic)


# -- hedges ----------------------------------------------------------------------------------
def _hedge_markers(c: Claim) -> dict[str, str]:
    """Normalised hedge words -> the original text, for the kinds that weaken a claim."""
    out: dict[str, str] = {}
    for h in c.hedges:
        if h.get("kind") not in _HEDGE_KINDS_COMPARED:
            continue
        words = [_HEDGE_SYNONYMS.get(w, w) for w in re.findall(r"\w+", (h.get("text") or "").lower())]
        if words:
            out[" ".join(words)] = h.get("text") or ""
    for q in c.quantities:
        if q.get("qualifier") in ("about", "approximately", "nearly"):
            out.setdefault("approximately", q.get("qualifier") or "")
    if re.search(r"\bapproximate(?:ly)?\b", c.text, re.I):
        out.setdefault("approximately", "approximate")
    return out


def _same_claim(a: Claim, b: Claim) -> str:
    """What the two statements share as one claim: a number, or most of their content words."""
    for qa in a.quantities:
        for qb in b.quantities:
            va, vb = qa.get("value"), qb.get("value")
            if va is not None and vb is not None and float(va) == float(vb) and float(va) >= 10:
                return qa.get("text") or str(va)
    shared = (a.keys & b.keys) - _GENERIC_KEYS
    smaller = min(len(a.keys), len(b.keys)) or 1
    if len(shared) >= 2 and len(shared) / smaller >= 0.4:
        return ", ".join(sorted(shared)[:3])
    return ""


def hedge_change(a: Claim, b: Claim) -> Flag | None:
    """A claim by the same speaker that acquires or loses a qualifier between two occasions."""
    if not a.speaker or a.speaker != b.speaker or a.article_db == b.article_db or a.date == b.date:
        return None
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    topic = _same_claim(first, second)
    if not topic:
        return None
    m1, m2 = _hedge_markers(first), _hedge_markers(second)
    gained = [m2[k] for k in m2 if k not in m1]
    lost = [m1[k] for k in m1 if k not in m2]
    if not gained and not lost:
        return None
    parts = []
    if gained:
        parts.append("acquired " + ", ".join(f"“{g}”" for g in gained))
    if lost:
        parts.append("lost " + ", ".join(f"“{x}”" for x in lost))
    explanation = (
        f"{first.who}'s claim about {topic} {' and '.join(parts)} between{_on(first).replace(' on', '') or ' two dates'}"
        f" and {second.date or 'later'}: {_quote(first.text, 60)} → {_quote(second.text, 60)}."
    )
    score = 0.5 + 0.15 * min(len(gained) + len(lost), 3)
    return _flag("hedge", score, explanation, (first, second), topic=topic)


# -- vanished --------------------------------------------------------------------------------
_VANISH_MIN_REPEATS = 2
_VANISH_MIN_GAP_DAYS = 2


def vanished(claims: Iterable[Claim]) -> list[Flag]:
    """Per speaker, a claim (a pair of distinctive keys) repeated on two or more days that the speaker
    stops making while still speaking on the topic for at least two more days afterwards."""
    by_speaker: dict[str, list[Claim]] = {}
    for c in claims:
        if c.speaker and c.date:
            by_speaker.setdefault(c.speaker, []).append(c)
    flags: list[Flag] = []
    for speaker, items in by_speaker.items():
        items.sort(key=lambda c: (c.date, c.id))
        pair_days: dict[tuple[str, str], list[Claim]] = {}
        for c in items:
            ks = sorted(c.keys - _GENERIC_KEYS)
            for i in range(len(ks)):
                for j in range(i + 1, len(ks)):
                    pair_days.setdefault((ks[i], ks[j]), []).append(c)
        best: dict[str, tuple[int, Flag]] = {}
        for pair, run in pair_days.items():
            days = sorted({c.date for c in run})
            if len(days) < _VANISH_MIN_REPEATS:
                continue
            last = run[-1]
            later = [c for c in items if c.date > last.date and (set(pair) & c.keys) and not set(pair) <= c.keys]
            if not later:
                continue
            gap = _days_between(last.date, later[-1].date)
            if gap is None or gap < _VANISH_MIN_GAP_DAYS:
                continue
            after = later[-1]
            explanation = (
                f"{last.who} said {_quote(last.text, 70)} on {len(days)} days ({days[0]} to {days[-1]}), then"
                f" stopped while still speaking on the topic, e.g. {_quote(after.text, 60)}{_on(after)}."
            )
            flag = _flag("vanished", 0.5 + 0.1 * min(len(days), 4), explanation, (run[0], last, after),
                         topic=" ".join(pair))
            key = run[0].id + last.id
            if key not in best or len(days) > best[key][0]:
                best[key] = (len(days), flag)
        flags.extend(f for _, f in best.values())
    return flags


# -- driver ----------------------------------------------------------------------------------
def compare_pair(a: Claim, b: Claim) -> list[Flag]:
    """All pairwise rules over one candidate pair."""
    out = []
    for rule in (number_drift, reversal, disagreement, hedge_change):
        flag = rule(a, b)
        if flag is not None:
            out.append(flag)
    return out
