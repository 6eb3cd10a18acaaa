"""Number chains: every figure for one counted thing in one scope, in date order.

A *measurement* is one number a statement asserts as a total (not negated, not a part
such as "19 of them", not a tally of something else), with the thing it counts, its
unit, its scope (the place names and years of its sentence) and the interval its
qualifier allows (``about`` ±15 %, ``at least`` a lower bound, ranges and vague amounts
as intervals). The same figure from the same source seen again (a reprint, a restatement)
is one measurement with several appearances.

Measurements of one thing are split into scope chains and walked in date order:

* **number_drift** -- a figure that no earlier figure of its chain's current run allows
  (one flag per change: 164 -> 225 -> 238 gives two);
* **disagreement** -- two sources giving irreconcilable figures for the thing on the same
  day, or one asserting a figure another denies ("nothing like 20,000");
* **hedge** -- a figure-marker (preliminary, approximate, estimate, may change) that the
  chain's earlier appearances lacked ("20,000" -> "the figure of 20,000 was approximate").
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple

from ..extract.quantities import to_base, unit_dimension
from ..models import Flag
from .claims import FIGURE_MARKERS, Claim, make_flag, on_date, quote
from .propositions import STOPWORDS, content_keys

__all__ = ["Measurement", "interval", "quantities_conflict", "measurements", "number_flags", "TOLERANCE",
           "thing_of"]

TOLERANCE = {"about": 0.15, "approximately": 0.15, "nearly": 0.12, "": 0.01}
APPROX_TOLERANCE = 0.2  # a figure its speaker calls approximate/an estimate
DRIFT_BASE, DISAGREE_BASE, HEDGE_BASE = 0.6, 0.7, 0.6
_COUNTABLE = ("death", "injured", "detain", "charge", "attacker", "troop", "evacuate", "citizen", "protest",
              "missing", "homeless")
_GENERIC = frozenset({"", "person", "people", "persons", "individuals", "they", "them", "those", "figure",
                      "number", "total", "peopl", "other", "others", "more"})
# counts of a movement out are not counts of the stock ("600 soldiers had left" vs "3,000 deployed")
_FLOW_OUT = re.compile(r"\b(?:left|leaving|departed|returned(?:\s+home)?|withdrawn|pulled\s+out|gone\s+home)\b", re.I)
# dimensions whose figures an unknown thing may share (a count, a currency or a share may not)
_PHYSICAL = frozenset({"volume", "mass", "length", "area"})
_ORG_WORDS = frozenset({"agency", "ministry", "department", "company", "party", "council", "service", "services",
                        "office", "bureau", "news", "press", "chemicals", "group", "police", "court", "post", "wire",
                        "herald", "times", "corporation", "inc", "ltd", "bank", "union", "association"})


class Measurement(NamedTuple):
    claim: Claim
    q: Mapping[str, Any]
    thing: str
    unit: str  # the dimension for measures ("volume": litres, gallons, cubic metres), else the unit
    scope: frozenset[str]
    low: float  # in the base unit of the dimension (litres, metres, kilograms, days)
    high: float
    bound: int  # +1 lower bound ("at least"), -1 upper bound, 0 two-sided
    magnitude: float


# -- intervals -------------------------------------------------------------------------------
def interval(q: Mapping[str, Any], approximate: bool = False) -> tuple[float, float, int] | None:
    """The values a quantity admits given its qualifier: (low, high, bound)."""
    v, lo, hi = q.get("value"), q.get("low"), q.get("high")
    qual = q.get("qualifier") or ""
    if v is None:
        if lo is None and hi is None:
            return None
        return (float(lo) if lo is not None else 0.0, float(hi) if hi is not None else math.inf, 0)
    v = float(v)
    if qual == "at_least":
        return (v, math.inf, 1)
    if qual == "more_than":
        return (v * 1.0001, math.inf, 1)
    if qual in ("at_most", "up_to"):
        return (0.0, v, -1)
    if qual == "less_than":
        return (0.0, v * 0.9999, -1)
    if qual == "nearly":
        return (v * (1 - TOLERANCE["nearly"]), v, 0)
    tol = TOLERANCE.get(qual, 0.15 if qual else 0.01)
    if approximate:
        tol = max(tol, APPROX_TOLERANCE)
    return (v * (1 - tol), v * (1 + tol), 0)


def _conflict(ia: tuple[float, float, int], ib: tuple[float, float, int]) -> bool:
    if ia[1] < ib[0] or ib[1] < ia[0]:
        return True
    # opposite one-sided bounds meeting at one value: "no more than 10 days" vs "at least 10 days"
    return ia[2] * ib[2] == -1 and max(ia[0], ib[0]) >= min(ia[1], ib[1])


def quantities_conflict(qa: Mapping[str, Any], qb: Mapping[str, Any], approx_a: bool = False,
                        approx_b: bool = False) -> bool:
    """Whether two values for the same thing cannot both hold given their qualifiers."""
    ia, ib = interval(qa, approx_a), interval(qb, approx_b)
    return ia is not None and ib is not None and _conflict(ia, ib)


def _mconflict(a: Measurement, b: Measurement) -> bool:
    return _conflict((a.low, a.high, a.bound), (b.low, b.high, b.bound))


# -- what a number counts ----------------------------------------------------------------------
_PARTIAL_BEFORE = re.compile(r"\b(?:among\s+(?:them|whom|those|the\s+\w+)|including|of\s+whom|only|another|additional)"
                             r"\s+(?:are\s+|were\s+)?(?:\w+\s+){0,2}$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:the|them|those|whom|these|its|our|their)\b", re.I)
_NEGATED_BEFORE = re.compile(r"\b(?:nothing\s+like|not|no|never|far\s+from|nowhere\s+near)\s+(?:\w+\s+){0,2}$", re.I)
_REFERS_BACK = re.compile(r"\b(?:the|that|this|its|his|her|their|earlier|previous|initial)\s+(?:\w+\s+)?"
                          r"(?:figure|number|toll|total|estimate|count)\b", re.I)
_NATIONAL = re.compile(r"\b(?:across|throughout)\s+the\s+country\b|\bnationwide\b|\bcountrywide\b", re.I)
_HEAD_WORDS = re.compile(r"^\s*(?:of\s+)?((?:[^\W\d_][\w’'-]*\s*){1,3})")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TALLY = re.compile(r"\b(?:now|so\s+far|to\s+date|already|as\s+of|up\s+to\s+now)\b", re.I)
# "now put the figure at 3,800": a revised estimate, not a running count that grew
_REVISION = re.compile(r"\b(?:put|puts|revised?|revises|corrected|corrects|estimates?|re-?estimated)\s+"
                       r"(?:\w+\s+){0,2}(?:figure|estimate|number|total|amount|count)\b", re.I)


def _around(c: Claim, q: Mapping[str, Any]) -> tuple[str, str, str]:
    s, e = int(q.get("start", c.start)) - c.start, int(q.get("end", c.start)) - c.start
    if not 0 <= s <= e <= len(c.text):
        return "", q.get("text") or "", ""
    return c.text[:s], c.text[s:e], c.text[e:]


def _sentence(c: Claim, q: Mapping[str, Any]) -> str:
    before, num, after = _around(c, q)
    return re.split(r"[.;!?]\s", before)[-1] + num + re.split(r"[.;!?](?:\s|$)", after)[0]


def asserted(c: Claim, q: Mapping[str, Any]) -> bool:
    """A number the statement asserts as a total: not negated, not a part ("31 of the dead", "including 19")."""
    before, _, after = _around(c, q)
    tail = before[-40:]
    # "500 litres of the solvent" names the material; only a count "of the ..." is a part
    part_after = not q.get("unit") and _PARTIAL_AFTER.match(after)
    return not (_NEGATED_BEFORE.search(tail) or _PARTIAL_BEFORE.search(tail) or part_after)


def negated_number(c: Claim, q: Mapping[str, Any]) -> bool:
    return bool(_NEGATED_BEFORE.search(_around(c, q)[0][-40:]))


@lru_cache(maxsize=100_000)
def _head(after: str, language: str) -> tuple[str, bool]:
    """(concept or stem of the noun after the number, whether it is specific): the first of up to three
    words that the concept lexicon knows ("Kostravan military personnel" -> troop), else the first word."""
    m = _HEAD_WORDS.match(after[:60])
    if not m:
        return "", False
    words = []
    for w in m.group(1).lower().split():
        if w in STOPWORDS["en"] or w in ("of", "more", "others"):
            break
        words.append(w)
    if not words:
        return "", False
    concepts = _concepts(language)
    keys = [next(iter(content_keys(w, language)), "") for w in words]
    for w, k in zip(words, keys):
        if w in _GENERIC or k in _GENERIC:
            return "", False
        if k in concepts:
            return k, True
    key = keys[0]
    if not key or words[0].endswith(("ed", "ing")):
        return "", False
    return key, True


@lru_cache(maxsize=8)
def _concepts(language: str) -> frozenset[str]:
    from .propositions import CONCEPTS

    return frozenset(CONCEPTS.get(language, CONCEPTS["en"]))


def _nearest_event(c: Claim, q: Mapping[str, Any]) -> str:
    """The countable concept nearest to the number in its sentence ("cases were opened against 1,110
    people, most on charges of rioting" -> charge)."""
    before, num, after = _around(c, q)
    left = re.split(r"[.;!?]\s", before)[-1]
    right = re.split(r"[.;!?](?:\s|$)", after)[0]
    best, best_d = "", 10**6
    for m in re.finditer(r"[^\W\d_][\w'’-]*", left):
        k = next(iter(content_keys(m.group(0), c.language)), "")
        if k in _COUNTABLE and len(left) - m.end() < best_d:
            best, best_d = k, len(left) - m.end()
    for m in re.finditer(r"[^\W\d_][\w'’-]*", right):
        k = next(iter(content_keys(m.group(0), c.language)), "")
        if k in _COUNTABLE and m.start() < best_d:
            best, best_d = k, m.start()
    return best


def thing_of(c: Claim, q: Mapping[str, Any]) -> str:
    """What the number counts, as a concept key ("164 victims" -> death, "600 soldiers had left" ->
    troop/withdraw, "19 officers had been killed" -> offic/death); "" when unknown."""
    head, specific = _head(_around(c, q)[2], c.language)
    counted = (q.get("counted") or "").lower()
    words = counted.split()
    if specific and len(words) > 1:
        keys = [next(iter(content_keys(w, c.language)), "") for w in words]
        if head in keys[:-1] and keys[-1] and keys[-1] not in _GENERIC:
            head = keys[-1]  # "two army depots": the parse's head noun is counted, not its modifier
    if specific and head in _COUNTABLE:
        thing = head
    elif specific:
        event = _nearest_event(c, q)
        thing = f"{head}/{event}" if event and event != head else head
    elif counted and counted not in _GENERIC and not q.get("unit"):
        thing = next(iter(content_keys(counted.split()[-1], c.language)), counted)
        if thing in _GENERIC:
            thing = _nearest_event(c, q)
        elif thing not in _COUNTABLE:
            event = _nearest_event(c, q)
            thing = f"{thing}/{event}" if event else thing
    elif counted and counted not in _GENERIC:
        thing = next(iter(content_keys(counted.split()[-1], c.language)), counted)
    else:
        thing = _nearest_event(c, q)
    if thing == "troop" and _FLOW_OUT.search(_sentence(c, q)):
        thing += "/withdraw"
    return thing


def _scope(c: Claim, q: Mapping[str, Any], people: frozenset[str]) -> frozenset[str]:
    """Place names and years of the number's sentence (organisations and people are no scope)."""
    sentence = _sentence(c, q).lower()
    scope = {n for n in c.names if n in sentence and not (set(n.split()) & (_ORG_WORDS | people))}
    scope |= set(_YEAR.findall(sentence))
    if _NATIONAL.search(sentence):
        scope.add("@national")
    return frozenset(scope)


def measurements(claims: Iterable[Claim]) -> list[Measurement]:
    """Every asserted total of the claims with its thing, scope and interval; figures that count an
    unknown thing but refer back ("the figure of 20,000") take the thing of the same value."""
    out: list[Measurement] = []
    unresolved: list[tuple[Claim, Mapping[str, Any]]] = []
    claims = list(claims)
    people = frozenset(w.lower() for c in claims for w in _person_words(c.speaker_name))
    for c in claims:
        approx = bool(c.markers & {"approximate", "estimate"})
        for q in c.quantities:
            if q.get("value") is None and q.get("low") is None and q.get("high") is None:
                continue
            if not asserted(c, q):
                continue
            thing = thing_of(c, q)
            if not thing:
                unresolved.append((c, q))
                continue
            out.append(_measurement(c, q, thing, approx, people))
    if unresolved:
        out += _resolve(unresolved, out, people)
    return out


def _resolve(unresolved: list[tuple[Claim, Mapping[str, Any]]], known_ms: list[Measurement],
             people: frozenset[str]) -> list[Measurement]:
    """Figures whose thing is unknown. A count that refers back ("the figure of 20,000") takes the
    thing of the same value from the same speaker or day. A measure ("4,000 litres escaped") takes
    the thing its speaker, day or article measured in the same dimension, else the only thing
    measured in that dimension, else the dimension itself ("@volume")."""
    known: dict[tuple[str, str, float], str] = {}
    by_dim: dict[tuple[str, str], str] = {}
    dim_things: dict[str, set[str]] = {}
    for m in known_ms:
        known.setdefault((m.claim.speaker, m.unit, m.magnitude), m.thing)
        known.setdefault((m.claim.date, m.unit, m.magnitude), m.thing)
        if m.unit in _PHYSICAL:
            for where in (m.claim.speaker, m.claim.date, m.claim.article_db):
                by_dim.setdefault((where, m.unit), m.thing)
            dim_things.setdefault(m.unit, set()).add(m.thing)
    out: list[Measurement] = []
    for c, q in unresolved:
        approx = bool(c.markers & {"approximate", "estimate"})
        dim = unit_dimension(q.get("unit") or "")
        if dim in _PHYSICAL:
            thing = next((by_dim[(w, dim)] for w in (c.speaker, c.date, c.article_db) if (w, dim) in by_dim), "")
            only = dim_things.get(dim, set())
            out.append(_measurement(c, q, thing or (next(iter(only)) if len(only) == 1 else f"@{dim}"), approx, people))
            continue
        mag = _magnitude(q)
        if mag < 10 and not q.get("unit"):
            continue
        thing = known.get((c.speaker, dim, mag)) or known.get((c.date, dim, mag))
        if thing and (_REFERS_BACK.search(c.text) or q.get("unit")):
            out.append(_measurement(c, q, thing, approx, people))
    return out


def _person_words(name: str) -> list[str]:
    """The words of a speaker name that looks like a person's (two or more capitalised words, no
    organisation word), which are then no place scope."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or {w.lower() for w in words} & _ORG_WORDS:
        return []
    return words


def _measurement(c: Claim, q: Mapping[str, Any], thing: str, approx: bool, people: frozenset[str]) -> Measurement:
    """A measurement in the base unit of its dimension, so that "2 tonnes" and "6,000 kg" or "4,000
    litres" and "4 cubic metres" compare."""
    unit = q.get("unit") or ""
    lo, hi, bound = interval(q, approx) or (0.0, math.inf, 0)
    lo, hi = to_base(lo, unit) or 0.0, to_base(hi, unit)
    return Measurement(c, q, thing, unit_dimension(unit), _scope(c, q, people), lo, math.inf if hi is None else hi,
                       bound, _magnitude(q))


def _magnitude(q: Mapping[str, Any]) -> float:
    """The figure's size in the base unit of its dimension (a range: its middle)."""
    v = q.get("value")
    unit = q.get("unit") or ""
    if v is not None:
        return float(to_base(float(v), unit) or 0.0)
    vals = [float(x) for x in (q.get("low"), q.get("high")) if x is not None]
    return float(to_base(sum(vals) / len(vals), unit) or 0.0) if vals else 0.0


def _qty(m: Measurement) -> str:
    qual = (m.q.get("qualifier") or "").replace("_", " ")
    text = m.q.get("text") or f"{m.magnitude:g}"
    return f"{qual} {text}" if qual and qual.lower() not in text.lower() else text


# -- chains ----------------------------------------------------------------------------------
def _order(m: Measurement) -> tuple:
    return (m.claim.date, not m.scope, not m.claim.direct, m.claim.published, m.claim.article, m.claim.start)


def chains(ms: Iterable[Measurement]) -> list[list[Measurement]]:
    """Measurements split by (thing, dimension), then into scope chains in date order: a measurement joins
    the chain sharing one of its scope names; without names, the chain whose recent figures it agrees
    with, else the chain last extended."""
    by_thing: dict[tuple[str, str], list[Measurement]] = {}
    for m in ms:
        by_thing.setdefault((m.thing, m.unit), []).append(m)
    out: list[list[Measurement]] = []
    for group in by_thing.values():
        group.sort(key=_order)
        scoped: list[tuple[set[str], list[Measurement]]] = []
        last: tuple[set[str], list[Measurement]] | None = None
        for m in group:
            target = None
            if m.scope:
                target = next((e for e in reversed(scoped) if e[0] & m.scope), None)
                if target is None:
                    target = next((e for e in reversed(scoped) if not e[0]), None)
            else:
                target = next((e for e in reversed(scoped) if any(not _mconflict(x, m) for x in e[1][-6:])), last)
            if target is None:
                target = (set(), [])
                scoped.append(target)
            target[1].append(m)
            target[0].update(m.scope)
            last = target
        out.extend(ch for _, ch in scoped)
    return out


def _source(m: Measurement) -> str:
    return m.claim.speaker or m.claim.outlet


def _first_appearances(chain: list[Measurement]) -> list[Measurement]:
    """One measurement per (source, magnitude): a figure restated later is the same figure seen again."""
    seen: set[tuple[str, float]] = set()
    out = []
    for m in chain:
        key = (_source(m), m.magnitude)
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def _same_day(by_day: Mapping[str, list[Measurement]], m: Measurement, limit: int = 3) -> list[Measurement]:
    """m and the other appearances of its figure on its day (all are evidence), exact words first."""
    same = [x for x in by_day.get(m.claim.date, ())[:200] if not _mconflict(x, m)]
    return sorted(same, key=lambda x: (x is not m, not x.claim.direct, x.claim.article, x.claim.start))[:limit]


def _by_day(chain: list[Measurement]) -> dict[str, list[Measurement]]:
    out: dict[str, list[Measurement]] = {}
    for m in chain:
        out.setdefault(m.claim.date, []).append(m)
    return out


def _tally(m: Measurement) -> bool:
    """A running count ("have now been detained"), whose growth is no drift."""
    sentence = _sentence(m.claim, m.q)
    return bool(_TALLY.search(sentence)) and not _REVISION.search(sentence)


def _drifts(chain: list[Measurement]) -> list[Flag]:
    """One flag per change: the figures of a day that no figure of the current run allows, against the
    latest conflicting day before. A source whose new figure the run allows but its own earlier figure
    does not ("less than 500 litres", the agency's "about 4,000", then its own "3,800") changed its
    figure too: the change joins the flag raised against that earlier figure, or makes its own."""
    found: list[tuple[list[Measurement], list[Measurement], list[Measurement]]] = []  # before, between, after
    against: dict[int, int] = {}  # id of a figure flagged as the "before" -> index in found
    run: list[Measurement] = []
    own: dict[str, Measurement] = {}  # each source's latest figure of an earlier day
    by_day = _by_day(chain)
    firsts_by_day = _by_day(_first_appearances(chain))
    for day in sorted(firsts_by_day):
        news = firsts_by_day[day]
        changed = [m for m in news if any(x.claim.date < day and _mconflict(x, m) for x in run)]
        moved: set[str] = set()
        for m in sorted(news, key=_order):
            mine = own.get(_source(m)) if _source(m) else None
            if m in changed or mine is None or _source(m) in moved or not _mconflict(mine, m):
                continue
            moved.add(_source(m))  # one change per source and day
            after = _same_day(by_day, m)
            if m.low > mine.high and all(_tally(x) for x in after):
                continue
            if id(mine) in against:
                before, between, later = found[against[id(mine)]]
                found[against[id(mine)]] = (before, between + later, after)
            else:
                against[id(mine)] = len(found)
                found.append((_same_day(by_day, mine), [], after))
        while changed:
            m = changed[0]
            cluster = [x for x in changed if not _mconflict(x, m)]
            changed = [x for x in changed if _mconflict(x, m)]
            earlier = [x for x in run if x.claim.date < day and _mconflict(x, m)]
            latest = max(x.claim.date for x in earlier)
            prev = min((x for x in earlier if x.claim.date == latest), key=_order)
            after = _same_day(by_day, m)
            if m.low > prev.high and all(_tally(x) for x in after):
                continue  # a running count ("have now been detained") that grew
            for x in earlier:
                against.setdefault(id(x), len(found))
            found.append((_same_day(by_day, prev), [], after))
        for m in news:
            run = [x for x in run if not _mconflict(x, m)][-12:] + [m]
        for m in news:
            if _source(m):
                own[_source(m)] = m
    return [_drift_flag(before, between, after) for before, between, after in found]


def _drift_flag(before: list[Measurement], between: list[Measurement], after: list[Measurement]) -> Flag:
    a, b = before[0], after[0]
    direction = "raised" if b.magnitude > a.magnitude else "lowered" if b.magnitude < a.magnitude else "requalified"
    who = a.claim.who if a.claim.who == b.claim.who else f"{a.claim.who} and then {b.claim.who}"
    thing = a.thing.replace("/", " ").lstrip("@")
    ratio = max(a.magnitude, b.magnitude) / max(min(a.magnitude, b.magnitude), 1e-9)
    via = "".join(f", “{_qty(m)}” ({m.claim.who}{on_date(m.claim)})" for m in between[:2])
    explanation = (f"{who} gave the {thing} count as “{_qty(a)}”{on_date(a.claim)}{via} and as “{_qty(b)}”"
                   f"{on_date(b.claim)}: {direction} beyond what the qualifiers allow.")
    score = DRIFT_BASE + min(0.3, 0.3 * math.log10(ratio)) + (0.05 if a.claim.speaker == b.claim.speaker else 0.0)
    return make_flag("number_drift", score, explanation, [m.claim for m in before + between[:2] + after],
                     topic=f"{thing}: {a.magnitude:g} → {b.magnitude:g}")


def _disagreements(chain: list[Measurement]) -> list[Flag]:
    """Same-day figures of two sources for one thing that cannot both hold."""
    flags = []
    by_day: dict[str, list[Measurement]] = {}
    for m in chain:
        by_day.setdefault(m.claim.date, []).append(m)
    for day, ms in by_day.items():
        if not day:
            continue
        done: set[tuple[str, str]] = set()
        for i, a in enumerate(ms[:50]):
            for b in ms[i + 1 : 50]:
                pair = tuple(sorted((a.claim.speaker, b.claim.speaker)))
                if not a.claim.speaker or not b.claim.speaker or a.claim.speaker == b.claim.speaker or pair in done:
                    continue
                if a.claim.article_db == b.claim.article_db and a.claim.start <= b.claim.start < a.claim.end:
                    continue  # one statement nested in the other
                if _mconflict(a, b):
                    done.add(pair)
                    explanation = (f"{a.claim.who} and {b.claim.who} give irreconcilable figures for the"
                                   f" {a.thing.replace('/', ' ')} on {day}: “{_qty(a)}” vs “{_qty(b)}”.")
                    flags.append(make_flag("disagreement", DISAGREE_BASE + 0.1, explanation, (a.claim, b.claim),
                                           topic=a.thing))
    return flags


def _hedges(chain: list[Measurement]) -> list[Flag]:
    """A figure-marker the chain's earlier appearances lacked: evidence are the first flat figures, the
    last flat one before the change, and the first hedged one."""
    flags = []
    first: list[Measurement] = []  # flat figures of the first day with one
    last: Measurement | None = None  # latest flat figure of an earlier day
    today: list[Measurement] = []  # flat figures of the current day
    seen_markers: set[str] = set()
    for m in sorted(chain, key=lambda x: (x.claim.date, not x.claim.direct, x.claim.article, x.claim.start)):
        if today and today[0].claim.date < m.claim.date:
            if not first:
                first = today[:3]
            last = max(today, key=lambda x: x.claim.direct)
            today = []
        marks = m.claim.markers & FIGURE_MARKERS
        new = marks - seen_markers
        if new and first and last is not None:
            words = ", ".join(f"“{w}”" for w in sorted(new))
            explanation = (f"The {m.thing.replace('/', ' ')} figure was given without qualification by"
                           f" {first[0].claim.who}{on_date(first[0].claim)} ({quote(first[0].claim.text, 60)}) but"
                           f" acquired {words} from {m.claim.who}{on_date(m.claim)}: {quote(m.claim.text, 70)}.")
            same = first[0].claim.speaker == m.claim.speaker
            flags.append(make_flag("hedge", HEDGE_BASE + 0.1 * len(new) + (0.1 if same else 0.0), explanation,
                                   [x.claim for x in first] + [last.claim, m.claim], topic=m.thing))
        seen_markers |= marks
        if not marks:
            today.append(m)
    return flags


def _denied(ms: list[Measurement], claims: Iterable[Claim]) -> list[Flag]:
    """A figure one source asserts and another, the same day, denies ("nothing like 20,000")."""
    asserted_by: dict[tuple[str, float], list[Measurement]] = {}
    for m in ms:
        if m.magnitude >= 10:
            asserted_by.setdefault((m.claim.date, m.magnitude), []).append(m)
    flags = []
    for c in claims:
        for q in c.quantities:
            if q.get("value") is None or not negated_number(c, q):
                continue
            key = (c.date, _magnitude(q))
            for m in asserted_by.get(key, [])[:5]:
                if m.claim.speaker and c.speaker and m.claim.speaker != c.speaker:
                    m = min((x for x in asserted_by[key] if x.claim.speaker == m.claim.speaker),
                            key=_order)
                    explanation = (f"{m.claim.who} asserted “{_qty(m)}” ({m.thing.replace('/', ' ')}) on {c.date}, and"
                                   f" {c.who} denied it the same day: {quote(c.text, 70)}.")
                    flags.append(make_flag("disagreement", DISAGREE_BASE + 0.15, explanation, (m.claim, c),
                                           topic=m.thing))
                    break
    return flags


def number_flags(claims: list[Claim]) -> list[Flag]:
    """Drift, same-day disagreement, figure hedges and denied figures over all claims' numbers."""
    ms = measurements(claims)
    flags: list[Flag] = []
    for chain in chains(ms):
        flags += _drifts(chain)
        flags += _disagreements(chain)
        flags += _hedges(chain)
    flags += _denied(ms, [c for c in claims if c.quantities])
    return flags
