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
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from ..models import Evidence, Flag, Span
from .propositions import STANCE_LEXICONS, Stance, content_keys, negated, scope_names, stance_details, stances

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
DISAGREEMENT_DAYS = 1  # two speakers contradicting each other count as a disagreement within this window
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
    published: str = ""  # YYYY-MM-DD, the article's publication date
    speaker: str = ""  # canonical speaker key ("" when unknown)
    speaker_name: str = ""
    language: str = "en"
    quantities: tuple[Mapping[str, Any], ...] = ()
    hedges: tuple[Mapping[str, Any], ...] = ()
    modality: str = ""
    polarity: str = ""
    kind: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)
    stances: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    stance_list: tuple[Stance, ...] = ()
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
    is_neg = negated(text, language) and (st.get("polarity") or "negative") == "negative"
    polarity = "negative" if is_neg else "positive"
    return Claim(
        id=st.get("id") or "",
        text=text,
        start=int(content.get("start") or 0),
        end=int(content.get("end") or len(text)),
        article=st.get("article_id") or article.get("id") or "",
        article_db=article.get("id") or st.get("article_id") or "",
        outlet=article.get("outlet") or st.get("outlet") or "",
        date=_day(st.get("said_on") or st.get("published") or article.get("published")),
        published=_day(article.get("published") or st.get("published")),
        speaker=key,
        speaker_name=name,
        language=language,
        quantities=tuple(st.get("quantities") or ()),
        hedges=tuple(st.get("hedges") or ()),
        modality=st.get("modality") or "",
        polarity=polarity,
        kind=st.get("kind") or "",
        keys=content_keys(text, language),
        stances=stances(text, language),
        stance_list=tuple(stance_details(text, language)),
        negated=negated(text, language),
        names=scope_names(text, speaker_words),
    )


def _days_between(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
    except ValueError:
        return None


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).strip("\"“”«»'‘’ ,")
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


_GENERIC_COUNTED = frozenset({"", "person", "people", "they", "them", "figure", "number", "total"})
_PARTIAL_BEFORE = re.compile(r"\b(?:among\s+(?:them|whom|those|the\s+\w+)|including|of\s+whom|first|only|another|additional)"
                             r"\s+(?:are\s+|were\s+)?(?:\w+\s+){0,2}$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s*(?:\w+\s+)?of\s+(?:the|them|those|whom|these)\b", re.I)
_NEGATED_BEFORE = re.compile(r"\b(?:nothing\s+like|not|no|never|far\s+from|nowhere\s+near)\s+(?:\w+\s+){0,2}$", re.I)
_TALLY = re.compile(r"\b(?:now|so\s+far|to\s+date|already|as\s+of|still|yet|up\s+to\s+now)\b", re.I)


def counted_key(q: Mapping[str, Any], language: str = "en") -> str:
    """The counted thing as a concept ("kostravan military personnel" -> troop); "" for generic counts."""
    return _counted_key(q.get("counted") or "", language)


@lru_cache(maxsize=50_000)
def _counted_key(counted: str, language: str) -> str:
    raw = counted.lower()
    if raw in _GENERIC_COUNTED:
        return ""
    keys = content_keys(raw.split()[-1], language) if raw.split() else frozenset()
    key = next(iter(keys), raw)
    return "" if key in ("peopl", "person") else key


def _around(c: Claim, q: Mapping[str, Any]) -> tuple[str, str, str]:
    """(text before the number, the number, text after it) within the statement."""
    s, e = int(q.get("start", c.start)) - c.start, int(q.get("end", c.start)) - c.start
    if not 0 <= s <= e <= len(c.text):
        return "", q.get("text") or "", ""
    return c.text[:s], c.text[s:e], c.text[e:]


def _clause(c: Claim, q: Mapping[str, Any]) -> str:
    before, num, after = _around(c, q)
    left = re.split(r"[.;:!?]", before)[-1]
    right = re.split(r"[.;:!?]", after)[0]
    return left + num + right


def asserted_total(c: Claim, q: Mapping[str, Any]) -> bool:
    """A number the statement asserts as a total: not negated ("nothing like 20,000"), not a part
    ("31 of the dead", "including 19"), not a running tally ("have now been detained")."""
    before, _, after = _around(c, q)
    tail = before[-40:]
    return not (_NEGATED_BEFORE.search(tail) or _PARTIAL_BEFORE.search(tail) or _PARTIAL_AFTER.match(after))


_HEAD_WORDS = re.compile(r"^\s*((?:[^\W\d_][\w’'-]*\s*){1,3})")
_GENERIC_HEADS = frozenset({"people", "persons", "person", "individuals", "of", "more", "others"})


def _head(c: Claim, q: Mapping[str, Any]) -> str:
    """The noun right after the number as a concept ("164 victims" -> death); "" for people/none."""
    return _head_of(_around(c, q)[2][:60], c.language)


@lru_cache(maxsize=100_000)
def _head_of(after: str, language: str) -> str:
    from .propositions import STOPWORDS

    m = _HEAD_WORDS.match(after)
    if not m:
        return ""
    words = []
    for w in m.group(1).lower().split():
        if w in STOPWORDS["en"] and w not in _GENERIC_HEADS:
            break
        words.append(w)
    if not words or any(w in _GENERIC_HEADS for w in words):
        return ""
    for w in words:
        keys = content_keys(w, language)
        if keys:
            return next(iter(keys))
    return ""


def _tally(c: Claim, q: Mapping[str, Any]) -> bool:
    return bool(_TALLY.search(_clause(c, q)))


def _same_thing(a: Claim, qa: Mapping[str, Any], b: Claim, qb: Mapping[str, Any]) -> bool:
    """Same unit and same counted thing; a generic count ("people") matches a specific one only when
    the statements share two or more content words besides it."""
    if (qa.get("unit") or "") != (qb.get("unit") or ""):
        return False
    ka, kb = counted_key(qa, a.language), counted_key(qb, b.language)
    ha, hb = _head(a, qa), _head(b, qb)
    if ha and hb and ha != hb:
        return False  # "19 officers" vs "164 victims": a part and the whole
    if ka and kb:
        return ka == kb
    shared = (a.keys & b.keys) - _GENERIC_KEYS - {ka, kb}
    if (ka and ka in b.keys) or (kb and kb in a.keys):
        return len(shared) >= 1  # "20,000 militants" vs "several thousand armed people ... attacks"
    return len(shared) >= 2


def _value_in(q: Mapping[str, Any], c: Claim) -> bool:
    """The number appears in the other statement (whatever it counts there)."""
    v = q.get("value")
    return v is not None and any(o.get("value") is not None and float(o["value"]) == float(v) for o in c.quantities)


def drift_choice(a: Claim, b: Claim, *, same_article: bool = False) -> tuple[float, Mapping, Mapping] | None:
    """The closest pair of values for the same thing that cannot both hold (ratio, qa, qb), if any."""
    if (a.article_db == b.article_db and a.article_db and not same_article) or not _scope_ok(a, b):
        return None
    later = b if (b.date, b.id) >= (a.date, a.id) else a
    best: tuple[float, Mapping, Mapping] | None = None
    qas = [q for q in a.quantities if asserted_total(a, q) and not _value_in(q, b)]
    qbs = [q for q in b.quantities if asserted_total(b, q) and not _value_in(q, a)]
    for qa in qas:
        if any(_same_thing(a, qa, b, qb) and not quantities_conflict(qa, qb, _approximate(a), _approximate(b))
               for qb in b.quantities):
            continue  # a's value is matched in b
        for qb in qbs:
            if not _same_thing(a, qa, b, qb) or not quantities_conflict(qa, qb, _approximate(a), _approximate(b)):
                continue
            if _tally(later, qb if later is b else qa):
                continue  # a running count that says it moved on ("now", "so far")
            la, lb = _local_stances(a, qa), _local_stances(b, qb)
            if any((axis, -sign) in lb for axis, sign in la) or (la ^ lb) & {("movement", -1), ("movement", 1)}:
                continue  # different events ("arrived" vs "left")
            va, vb = _magnitude(qa), _magnitude(qb)
            ratio = max(va, vb) / max(min(va, vb), 1e-9) if va and vb else 2.0
            if best is None or ratio < best[0]:
                best = (ratio, qa, qb)
    return best


def number_drift(a: Claim, b: Claim) -> Flag | None:
    """Values for the same counted thing (same unit, same scope) that their qualifiers cannot reconcile,
    over time (two speakers on the same day disagree instead; see :func:`disagreement`)."""
    if a.speaker != b.speaker and a.date and a.date == b.date:
        return None
    best = drift_choice(a, b)
    if best is None:
        return None
    ratio, qa, qb = best
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    q1, q2 = (qa, qb) if first is a else (qb, qa)
    thing = counted_key(q1, first.language) or counted_key(q2, second.language) or (q1.get("counted") or "figure")
    direction = "raised" if _magnitude(q2) > _magnitude(q1) else "lowered" if _magnitude(q2) < _magnitude(q1) else "requalified"
    who = first.who if first.who == second.who else f"{first.who} and then {second.who}"
    qual = f" (qualifiers: {_qual(q1)} vs {_qual(q2)})" if (q1.get("qualifier") or q2.get("qualifier")) else ""
    explanation = (
        f"{who} gave the {thing} count as “{_qty(q1)}”{_on(first)} and as “{_qty(q2)}”{_on(second)}:"
        f" {direction} beyond what the qualifiers allow{qual}."
    )
    score = 0.55 + min(0.4, math.log(ratio) if ratio > 1 else 0.2)
    return _flag("number_drift", score, explanation, (first, second), topic=f"{thing}: {_magnitude(q1):g} → {_magnitude(q2):g}")


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
_GENERIC_KEYS = frozenset({"will", "would", "situation", "people", "peopl", "government", "govern", "country",
                           "city", "state", "stay", "withdraw", "complete", "stabil", "statement", "report",
                           "figur", "numb", "total"})


def _shared(a: Claim, b: Claim) -> frozenset[str]:
    return (a.keys & b.keys) - _GENERIC_KEYS


_STANCE_STEMS: dict[str, frozenset[str]] = {}


def _stance_stems(language: str) -> frozenset[str]:
    if language not in _STANCE_STEMS:
        forms = STANCE_LEXICONS.get(language, STANCE_LEXICONS["en"])
        _STANCE_STEMS[language] = frozenset().union(*(content_keys(f, language) for f in forms))
    return _STANCE_STEMS[language]


def _opposed(a: Claim, b: Claim, *, over_time: bool = False) -> tuple[str, int, str] | None:
    """(kind, shared content words, axis) when a and b take opposite positions on one proposition.

    Opposite stances count when their sentences share a content word (the same speaker may also
    flip on ``presence`` without repeating the subject: "will stay" -> "the withdrawal will begin").
    ``over_time``: an earlier stance bounded in time ("closed until Monday") is not contradicted later.
    """
    generic = _GENERIC_KEYS | _stance_stems(a.language)
    best: tuple[str, int, str] | None = None
    for sa in a.stance_list:
        for sb in b.stance_list:
            if sa.axis != sb.axis or sa.sign != -sb.sign or (over_time and sa.temporary):
                continue
            shared = len((sa.keys & sb.keys) - generic)
            if shared or (over_time and a.speaker == b.speaker and sa.axis == "presence"):
                if best is None or shared > best[1]:
                    best = ("stance", shared, sa.axis)
    if best:
        return best
    shared_keys = _shared(a, b)
    union = (a.keys | b.keys) - _GENERIC_KEYS
    jaccard = len(shared_keys) / len(union) if union else 0.0
    if (a.polarity != b.polarity and len(shared_keys) >= 2 and jaccard >= 0.3
            and min(len(a.keys), len(b.keys)) >= 3):
        return ("polarity", len(shared_keys), "polarity")
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
    first, second = (a, b) if a.date < b.date else (b, a)
    opp = _opposed(first, second, over_time=True)
    if opp is None:
        return None
    kind, shared, axis = opp
    explanation = (
        f"{first.who} said {_quote(first.text)}{_on(first)} but {_quote(second.text)}{_on(second)}"
        f" ({axis if axis != 'polarity' else 'same claim'}: {_axis_change(axis, first, second)})."
    )
    score = 0.6 + 0.1 * min(shared, 3) + (0.1 if kind == "stance" else 0.0)
    return _flag("reversal", score, explanation, (first, second), topic=axis)


def _numbers_disagree(a: Claim, b: Claim) -> str:
    """A description when two statements give irreconcilable numbers for one thing, or one denies the other's."""
    got = drift_choice(a, b, same_article=True)
    if got is not None:
        return f"“{_qty(got[1])}” vs “{_qty(got[2])}”"
    for qa in a.quantities:
        for qb in b.quantities:
            va, vb = qa.get("value"), qb.get("value")
            if va is None or vb is None or float(va) != float(vb) or float(va) < 10:
                continue
            if _negated_number(a, qa) != _negated_number(b, qb):
                return f"“{_qty(qa)}”, asserted by one and denied by the other"
    return ""


def _negated_number(c: Claim, q: Mapping[str, Any]) -> bool:
    return bool(_NEGATED_BEFORE.search(_around(c, q)[0][-40:]))


def disagreement(a: Claim, b: Claim) -> Flag | None:
    """Two different speakers making incompatible statements about the same thing at about the same time:
    opposite stances or polarity on shared content, or numbers for one thing that cannot both hold."""
    if not a.speaker or not b.speaker or a.speaker == b.speaker:
        return None
    gap = _days_between(a.date, b.date) if a.date and b.date else None
    if gap is None or gap > DISAGREEMENT_DAYS:
        return None
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    numbers = _numbers_disagree(first, second) if gap <= 1 else ""
    opp = None if numbers else _opposed(a, b)
    if not numbers and (opp is None or opp[1] == 0):
        return None
    topic = ", ".join(sorted(_shared(a, b))[:3])
    what = numbers or (topic or (opp[2] if opp else ""))
    explanation = (
        f"{first.who} ({first.date or 'undated'}) and {second.who} ({second.date or 'undated'}) contradict each"
        f" other on {what}: {_quote(first.text, 70)} vs {_quote(second.text, 70)}."
    )
    shared = opp[1] if opp else 2
    score = 0.55 + 0.1 * min(shared, 3) + (0.1 if numbers or (opp and opp[0] == "stance") else 0.0)
    return _flag("disagreement", score, explanation, (first, second), topic=topic or what)


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


HEDGE_CROSS_SPEAKER_DAYS = 7


def _same_claim(a: Claim, b: Claim) -> str:
    """What the two statements share as one claim: a number for one thing, a stance on shared content,
    or most of their content words."""
    for qa in a.quantities:
        if not asserted_total(a, qa):
            continue
        for qb in b.quantities:
            if not asserted_total(b, qb):
                continue
            va, vb = qa.get("value"), qb.get("value")
            if va is not None and vb is not None and float(va) == float(vb) and float(va) >= 10:
                return qa.get("text") or str(va)
            if _same_thing(a, qa, b, qb) and counted_key(qa, a.language):
                return counted_key(qa, a.language)
    shared = _shared(a, b)
    if shared and a.stances & b.stances:
        return ", ".join(sorted(shared)[:3])
    smaller = min(len(a.keys), len(b.keys)) or 1
    if len(shared) >= 3 and len(shared) / smaller >= 0.6:
        return ", ".join(sorted(shared)[:3])
    return ""


def hedge_change(a: Claim, b: Claim) -> Flag | None:
    """A claim that acquires or loses a qualifier between two occasions (same speaker, or another
    speaker within a week)."""
    if a.article_db == b.article_db or not a.date or not b.date or a.date == b.date:
        return None
    gap = _days_between(a.date, b.date)
    if gap is None or gap > REVERSAL_DAYS or (a.speaker != b.speaker and gap > HEDGE_CROSS_SPEAKER_DAYS):
        return None
    if not a.speaker and not b.speaker:
        return None
    first, second = (a, b) if (a.date, a.id) <= (b.date, b.id) else (b, a)
    topic = _same_claim(first, second)
    if not topic:
        return None
    m1, m2 = _hedge_markers(first), _hedge_markers(second)
    if not any(ch.isdigit() for ch in topic):  # values differ: "about" tracks the new figure, not a hedge
        m1.pop("approximately", None)
        m2.pop("approximately", None)
    gained = [m2[k] for k in m2 if k not in m1]
    lost = [m1[k] for k in m1 if k not in m2]
    if not gained and not lost:
        return None
    parts = []
    if gained:
        parts.append("acquired " + ", ".join(f"“{g}”" for g in gained))
    if lost:
        parts.append("lost " + ", ".join(f"“{x}”" for x in lost))
    who = first.who if first.speaker == second.speaker else f"{first.who} → {second.who}"
    explanation = (
        f"The claim about {topic} ({who}) {' and '.join(parts)} between {first.date} and {second.date}:"
        f" {_quote(first.text, 60)} → {_quote(second.text, 60)}."
    )
    score = 0.5 + 0.15 * min(len(gained) + len(lost), 3) - (0.1 if first.speaker != second.speaker else 0.0)
    return _flag("hedge", score, explanation, (first, second), topic=topic)


# -- vanished --------------------------------------------------------------------------------
VANISH_MIN_STATEMENTS = 5
VANISH_MIN_DAYS = 3
VANISH_QUIET_DAYS = 3
VANISH_MAX_SHARE = 0.25


def vanished(claims: Iterable[Claim]) -> list[Flag]:
    """Claims made repeatedly that stop while the coverage goes on.

    A claim is a pair of content words stated together (by anyone) in at least three statements over
    at least two days; it has vanished when the statements of the following ``VANISH_QUIET_DAYS`` days
    or more (at least two days of them, still sharing words with it) never state the pair again.
    Overlapping candidates are merged, the best-supported kept.
    """
    items = sorted((c for c in claims if c.date), key=lambda c: (c.date, c.id))
    if not items:
        return []
    df: dict[str, int] = {}
    for c in items:
        for k in c.keys - _GENERIC_KEYS:
            df[k] = df.get(k, 0) + 1
    limit = max(3 * VANISH_MIN_STATEMENTS, int(len(items) * VANISH_MAX_SHARE))
    runs: dict[tuple[str, str], list[Claim]] = {}
    for c in items:
        ks = sorted(k for k in c.keys - _GENERIC_KEYS if df[k] <= limit and len(k) > 3)
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                runs.setdefault((ks[i], ks[j]), []).append(c)
    last_day = items[-1].date
    candidates: list[tuple[int, tuple[str, str], list[Claim], list[Claim]]] = []
    for pair, run in runs.items():
        days = sorted({c.date for c in run})
        if len(run) < VANISH_MIN_STATEMENTS or len(days) < VANISH_MIN_DAYS:
            continue
        quiet = _days_between(days[-1], last_day)
        if quiet is None or quiet < VANISH_QUIET_DAYS:
            continue
        words = set().union(*(c.keys for c in run)) - _GENERIC_KEYS - set(pair)
        after = [c for c in items if c.date > days[-1] and len(c.keys & words) >= 2]
        if len({c.date for c in after}) < 2:
            continue
        candidates.append((len(run), pair, run, after))
    candidates.sort(key=lambda t: (-t[0], t[1]))
    taken: set[str] = set()
    flags: list[Flag] = []
    for size, pair, run, after in candidates:
        ids = {c.id for c in run}
        if len(ids & taken) * 2 >= len(ids):
            continue
        taken |= ids
        days = sorted({c.date for c in run})
        speakers = sorted({c.who for c in run})
        explanation = (
            f"The claim {_quote(run[-1].text, 70)} ({' '.join(pair)}) was made {size} times from {days[0]} to"
            f" {days[-1]} by {', '.join(speakers[:3])}{' and others' if len(speakers) > 3 else ''}, then not again"
            f" although the topic was still covered until {after[-1].date} ({_quote(after[-1].text, 50)})."
        )
        score = 0.4 + 0.05 * min(size, 8)
        flags.append(_flag("vanished", score, explanation, run[:12], topic=" ".join(pair)))
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
