"""Find and normalise the numbers in a stretch of parsed text.

``find_quantities(doc_or_span, language)`` is pure: it reads the text and the existing
parse (no second parse) and returns :class:`~onrecord.models.Quantity` records with
absolute character offsets into ``doc.text``.

Normalisation choices:

* ``value`` is a point value; ranges ("2-3 billion", "two or three days") and vague
  plurals ("hundreds") have ``value=None`` and ``low``/``high``.
* ``unit``: ``""`` for counts, ``"%"`` for percentages, ``"pp"`` for percentage points,
  an ISO currency code for money ("$200 million" -> 200000000 ``USD``), ``"day"`` for every
  duration (hours, weeks, months and years are converted to days: 24 hours -> 1, a month
  -> 30, a year -> 365) so that "twenty-four hours" and "ten days" compare directly, and
  a short measure code for distances, areas and weights, kept as stated ("km", "cm", "t", "kg",
  "ha"), and litres for every volume ("4,000 litres" -> ``l``; millilitres and cubic metres are
  converted; gallons stay ``gal``). :func:`convertible` and :func:`to_base` compare units of one
  dimension (2 t = 2,000 kg).
* ``counted`` is the group name of the thing counted (see :mod:`.counted`), found through
  the dependency parse.
* ``qualifier``: about, approximately, at_least, at_most, more_than, less_than, nearly,
  up_to. The span covers the number with its currency, scale and unit, not the qualifier
  and not the counted noun.
* Years ("in 2021"), days of the month ("January 11"), clock times, ordinals and numbers
  inside names ("COVID-19", "F-16") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from ..models import Quantity
from .counted import (PARTITIVES, STATE_HEADS, STATE_WORDS, canonical_counted, compose, counted_state, event_group,
                      lexicon_phrases, state_of_verb)
from .numbers import lexicon, parse_number

__all__ = ["find_quantities", "counted_phrases", "QUALIFIERS", "DURATION_DAYS", "CURRENCIES", "UNIT_DIMENSIONS",
           "unit_dimension", "to_base", "convertible"]

QUALIFIERS: dict[str, dict[str, str]] = {
    "en": {
        "about": "about", "around": "about", "roughly": "about", "some": "about", "an estimated": "about",
        "estimated": "about", "circa": "about", "~": "about", "or so": "about",
        "approximately": "approximately", "approx.": "approximately",
        "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
        "not less than": "at_least", "a minimum of": "at_least", "or more": "at_least",
        "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
        "a maximum of": "at_most", "within": "at_most", "no longer than": "at_most",
        "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
        "in excess of": "more_than", "+": "more_than", "-plus": "more_than", "plus": "more_than",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
        "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
        "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    },
    "ru": {
        "около": "about", "примерно": "approximately", "приблизительно": "approximately",
        "порядка": "about", "не менее": "at_least", "как минимум": "at_least", "не более": "at_most",
        "более": "more_than", "свыше": "more_than", "больше": "more_than", "менее": "less_than",
        "меньше": "less_than", "почти": "nearly", "до": "up_to",
    },
}
_SUFFIX_QUALIFIERS = {"or so", "or more", "+", "-plus", "plus"}

CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "₽": "RUB", "rub": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB", "tenge": "KZT", "kzt": "KZT",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "долларов": "USD", "доллара": "USD", "евро": "EUR",
    # several countries pay in crowns (SEK, NOK, DKK, CZK, ISK); which one the text rarely says
    "crown": "crown", "crowns": "crown", "krona": "crown", "kronor": "crown", "krone": "crown",
    "kroner": "crown", "koruna": "crown",
}
DURATION_DAYS: dict[str, float] = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14,
    "month": 30, "year": 365, "decade": 3650,
    "секунда": 1 / 86400, "минута": 1 / 1440, "час": 1 / 24, "день": 1, "сутки": 1, "неделя": 7,
    "месяц": 30, "год": 365,
}
_DURATION_FORMS = {
    "en": r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?",
    "ru": r"секунд[аы]?|минут[аы]?|час(?:а|ов)?|дн(?:я|ей)|день|суток|сутки|недел[иья]|месяц(?:а|ев)?|год(?:а)?|лет",
}
_RU_DURATION_LEMMA = {"секунд": "секунда", "минут": "минута", "час": "час", "дн": "день", "ден": "день",
                      "сут": "сутки", "недел": "неделя", "меся": "месяц", "год": "год", "лет": "год"}
# measure word -> (unit code, multiplier to that code). Volumes are normalised to litres
# (millilitres, hectolitres, cubic metres -> ``l``) because news mixes them for one spill or
# reservoir; gallons stay ``gal`` (US or imperial is rarely said) and barrels ``barrel``.
# Lengths and masses keep the unit as stated ("40 centimetres" -> ``cm``, "two tonnes" -> ``t``);
# :func:`convertible` / :func:`to_base` compare any two units of one dimension.
_MEASURES: dict[str, tuple[str, float]] = {
    **{w: ("km", 1.0) for w in ("km", "kilometre", "kilometres", "kilometer", "kilometers", "км")},
    **{w: ("m", 1.0) for w in ("metre", "metres", "meter", "meters")},
    **{w: ("cm", 1.0) for w in ("cm", "centimetre", "centimetres", "centimeter", "centimeters")},
    **{w: ("mm", 1.0) for w in ("mm", "millimetre", "millimetres", "millimeter", "millimeters")},
    **{w: ("mile", 1.0) for w in ("mile", "miles")},
    **{w: ("kg", 1.0) for w in ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos", "кг")},
    **{w: ("g", 1.0) for w in ("gram", "grams", "gramme", "grammes")},
    **{w: ("lb", 1.0) for w in ("lb", "lbs")},
    **{w: ("t", 1.0) for w in ("ton", "tons", "tonne", "tonnes", "metric tons", "тонн", "тонны")},
    **{w: ("l", 1.0) for w in ("litre", "litres", "liter", "liters", "литров", "литра")},
    **{w: ("l", 0.001) for w in ("ml", "millilitre", "millilitres", "milliliter", "milliliters")},
    **{w: ("l", 100.0) for w in ("hectolitre", "hectolitres", "hectoliter", "hectoliters")},
    **{w: ("l", 1000.0) for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")},
    **{w: ("gal", 1.0) for w in ("gallon", "gallons")},
    **{w: ("barrel", 1.0) for w in ("barrel", "barrels")},
    **{w: ("ha", 1.0) for w in ("hectare", "hectares")},
    **{w: ("km2", 1.0) for w in ("square kilometre", "square kilometres", "square kilometer",
                                 "square kilometers", "km2", "km²")},
}
# unit code -> (dimension, size in the dimension's base unit)
UNIT_DIMENSIONS: dict[str, tuple[str, float]] = {
    "mm": ("length", 0.001), "cm": ("length", 0.01), "m": ("length", 1.0), "km": ("length", 1000.0),
    "mile": ("length", 1609.344),
    "g": ("mass", 0.001), "kg": ("mass", 1.0), "lb": ("mass", 0.45359237), "t": ("mass", 1000.0),
    "l": ("volume", 1.0), "gal": ("volume", 3.785411784), "barrel": ("volume", 158.987294928),
    "ha": ("area", 10_000.0), "km2": ("area", 1_000_000.0),
    "day": ("time", 1.0),
}


def unit_dimension(unit: str) -> str:
    """The dimension of a unit code ("length", "volume", ...); other units are their own dimension
    (a currency, ``%``, ``""`` for counts)."""
    return UNIT_DIMENSIONS.get(unit, (unit, 1.0))[0]


def to_base(value: float | None, unit: str) -> float | None:
    """``value`` in the base unit of its dimension (metres, kilograms, litres, square metres, days);
    a unit with no dimension is returned unchanged."""
    if value is None:
        return None
    return value * UNIT_DIMENSIONS.get(unit, (unit, 1.0))[1]


def convertible(a: str, b: str) -> bool:
    """Can values in units ``a`` and ``b`` be compared after :func:`to_base`?"""
    return a == b or (a in UNIT_DIMENSIONS and b in UNIT_DIMENSIONS and UNIT_DIMENSIONS[a][0] == UNIT_DIMENSIONS[b][0])


_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
           r"январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|"
           r"октябр[яь]|ноябр[яь]|декабр[яь]")
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|of|from|before|after|early|late|mid|spring|summer|autumn|fall|winter|"
    rf"year|в|с|до|к)|{_MONTHS}|\d{{1,2}},?)\s*-?\s*$", re.I)
_DATE_DAY_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.I)
_DATE_DAY_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.I)
_TIME_AFTER = re.compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC))", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_AGE_AFTER = re.compile(r"^[\s-]+old\b", re.I)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|the|this|that|which|last)\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)

_CHANGE_VERBS = frozenset({
    "rise", "climb", "reach", "stand", "increase", "grow", "jump", "fall", "drop", "decline", "decrease",
    "be", "total", "exceed", "hit", "top", "surpass", "number", "amount", "soar", "double", "put", "estimate",
    "revise", "raise", "lower", "cut", "reduce", "bring",
})
# "put the damage at $50m", "raised rates to 10%": the object is what the number measures
_OBJECT_VERBS = frozenset({"put", "estimate", "revise", "raise", "lower", "cut", "bring", "set", "increase",
                           "reduce", "double", "peg", "place"})
_NUMBER_NOUNS = frozenset({"number", "figure", "total", "tally", "count", "estimate", "share", "proportion",
                           "level", "rate", "amount", "quantity", "volume"})


_SINGLE_DURATIONS = "second|minute|hour|day|week|fortnight|month|year|decade"
# "a" counts as one only where a bound or preposition asks for an amount ("within a year", "at least a month")
_ARTICLE_ONE_BEFORE = re.compile(r"\b(?:within|in|for|after|over|least|most|than|about|nearly|almost|to)\s+$", re.I)
_COULD_REACH_BEFORE = re.compile(r"\b(?:could|may|might)\s+(?:\w+\s+)?(?:reach|top|exceed)\s+$", re.I)
_HALF_BEFORE = re.compile(r"\b(?:than|by|about|nearly|almost|over|under|roughly|around|just)\s+$", re.I)
_RELATIVE_AFTER = re.compile(r"^\s+(?:ago|later|earlier|before|after|or\s+two)\b", re.I)
# a spelled-out number after these refers back to things already named ("the two countries")
_REFERRING_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
# words that make a sentence about money: an unknown noun after "40 million" there is a currency
_MONEY_WORDS = frozenset({"cost", "price", "budget", "spend", "pay", "fund", "worth", "fine", "loan", "invest",
                          "investment", "compensation", "revenue", "bill", "salary", "wage", "tax", "debt", "aid"})


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]


_DIGITS = (r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"
           r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d])"
           r"|\d+(?:[.,]\d+)?(?![\d])")


@lru_cache(maxsize=None)
def _pattern(language: str) -> _Pattern:
    lex = lexicon(language)
    words = "|".join(re.escape(w) for w in lex.words())
    vague = "|".join(re.escape(w) for w in sorted(lex.vague, key=len, reverse=True))
    prefix = "|".join(re.escape(w) for w in lex.vague_prefix)
    scales = "|".join(re.escape(w) for w in sorted(lex.scales, key=len, reverse=True) if lex.scales[w] >= 1000)
    abbrevs = "|".join(re.escape(w) for w in sorted(lex.abbreviations, key=len, reverse=True))
    # a spelled-out number: "twenty-four", "a dozen", "half a million", "three hundred and five"
    word_num = (rf"(?:(?:an?|half\s+an?)\s+(?=(?:{words})\b))?(?:{words})"
                rf"(?:(?:\s+and\s+|\s+an?\s+|[\s\-]+)(?:{words}))*")
    few = "|".join(r"\s+".join(map(re.escape, f.split())) for f in lex.few)
    all_scales = "|".join(re.escape(w) for w in sorted(lex.scales, key=len, reverse=True))
    # "within a year", "more than half": an article before a duration is one; "half" alone is 50%
    article = (rf"|an?(?=[\s-](?:{_SINGLE_DURATIONS})\b)|half(?![\s-]+(?:an?|{words})\b)"
               if language == "en" else "")
    num = (rf"(?:(?:{few})\s+(?:{all_scales})\b|(?:{_DIGITS})(?:\s*(?:{scales})\b|\s?(?:{abbrevs})\b)?"
           rf"|(?:{prefix})\s+of\s+(?:{vague})|(?:{vague})|{word_num}{article})")
    currency_pre = r"(?P<cur>US\$|\$|€|£|₽|¥|(?:USD|EUR|GBP|RUB|KZT)\s?)"
    currency_words = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True) if c[0].isalpha())
    measures = "|".join(re.escape(m) for m in sorted(_MEASURES, key=len, reverse=True))
    unit = (rf"(?P<unit>\s?%|\s?(?:percent|per\s+cent|процент(?:а|ов)?)\b|\s+percentage\s+points?\b"
            rf"|[\s-](?:{_DURATION_FORMS.get(language, _DURATION_FORMS['en'])})\b"
            rf"|\s+(?:(?:US|U\.S\.)\s+)?(?:{currency_words})\b|[\s-]?(?:{measures})(?![\w²³]))")
    regex = re.compile(
        rf"(?<![\w\-.,$€£])(?:{currency_pre})?(?P<n1>{num})"
        rf"(?:(?P<sep>\s*[\-\u2013\u2014]\s*|\s+(?:to|or|and|до|или)\s+)(?:{currency_pre.replace('cur', 'cur2')})?"
        rf"(?P<n2>{num}))?{unit}?(?![\w])",
        re.I,
    )
    quals = QUALIFIERS.get(language, QUALIFIERS["en"])
    before = "|".join(re.escape(q) for q in sorted(quals, key=len, reverse=True) if q not in _SUFFIX_QUALIFIERS)
    after = "|".join(re.escape(q) for q in sorted(_SUFFIX_QUALIFIERS, key=len, reverse=True))
    return _Pattern(
        regex=regex,
        qualifier_before=re.compile(rf"(?:^|[^\w])(?P<q>{before})\s*$", re.I),
        qualifier_after=re.compile(rf"^\s*(?P<q>{after})(?!\w)", re.I),
    )


def _doc_and_offset(doc_or_span: Any) -> tuple[Any, int, int]:
    """The Doc, and the [start, end) character range to read."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    if doc is doc_or_span:
        return doc, 0, len(doc.text)
    return doc, doc_or_span.start_char, doc_or_span.end_char


def find_quantities(doc_or_span: Any, language: str = "en") -> list[Quantity]:
    """Every quantity in a spaCy ``Doc`` or ``Span``, with absolute offsets."""
    return [q for q, _ in counted_phrases(doc_or_span, language)]


def counted_phrases(doc_or_span: Any, language: str = "en") -> list[tuple[Quantity, str]]:
    """Like :func:`find_quantities`, with the raw counted phrase ("people killed") next to each."""
    doc, lo, hi = _doc_and_offset(doc_or_span)
    text = doc.text
    lang = (language or "en").split("-")[0].lower()
    pat = _pattern(lang)
    out: list[tuple[Quantity, str]] = []
    for m in pat.regex.finditer(text, lo, hi):
        for start, end, groups in _split_range(text, m):
            q = _build(doc, text, start, end, groups, lang, pat)
            if q is not None:
                out.append(q)
    return out


def _split_range(text: str, m: re.Match[str]) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """A "from 10 to 20" change is two numbers, not a range."""
    g = m.groupdict()
    g["_spans"] = {k: m.span(k) for k in ("n1", "n2", "unit", "sep")}
    if g["n2"] and _FROM_BEFORE.search(text[max(0, m.start() - 8):m.start()]) and g["sep"].strip() == "to":
        first = dict(g, n2=None, unit=None, sep=None)
        yield m.start(), m.end("n1"), first
        second = dict(g, n1=g["n2"], n2=None, cur=g["cur2"] or g["cur"], sep=None)
        second["_spans"] = dict(g["_spans"], n1=m.span("n2"))
        yield m.start("n2") - (len(g["cur2"]) if g["cur2"] else 0), m.end(), second
        return
    yield m.start(), m.end(), g


def _unit_of(raw: str | None, language: str) -> tuple[str, float]:
    """(unit code, multiplier) for the unit suffix."""
    if not raw:
        return "", 1.0
    u = " ".join(raw.strip(" -").lower().split())
    if u in ("%", "percent", "per cent") or u.startswith("процент"):
        return "%", 1.0
    if u.startswith("percentage point"):
        return "pp", 1.0
    u = re.sub(r"^(?:us|u\.s\.)\s+", "", u)
    if u in CURRENCIES:
        return CURRENCIES[u], 1.0
    if u in _MEASURES:
        return _MEASURES[u]
    single = u[:-1] if u.endswith("s") else u
    if single in DURATION_DAYS:
        return "day", DURATION_DAYS[single]
    for stem, lemma in _RU_DURATION_LEMMA.items():
        if u.startswith(stem):
            return "day", DURATION_DAYS[lemma]
    return u, 1.0


def _dot_thousands(text_after: str, language: str, has_unit: bool) -> bool:
    """Is "20.000" twenty thousand here? Yes in comma-decimal languages, and for counts of things."""
    if language != "en":
        return True
    return not has_unit


def _parse(raw: str, language: str, dot_thousands: bool) -> tuple[float | None, float | None, float | None]:
    num = parse_number(raw.strip(), language, dot_thousands=dot_thousands)
    if num is None:
        return None, None, None
    return num.value, num.low, num.high


def _build(doc: Any, text: str, start: int, end: int, g: dict[str, Any], language: str,
           pat: _Pattern, lookback: bool = True) -> tuple[Quantity, str] | None:
    n1, n2 = g["n1"], g["n2"]
    spans = g["_spans"]
    after = text[end:end + 12]
    before = text[max(0, start - 30):start]
    unit_raw = g.get("unit")
    cur = (g.get("cur") or g.get("cur2") or "").strip().lower()
    is_digits = n1[0].isdigit()
    if is_digits and not n2 and not cur and not unit_raw:
        if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or _DATE_DAY_BEFORE.search(before) \
                or _DATE_DAY_AFTER.match(after):
            return None
        if re.fullmatch(r"(1[89]|20)\d\d", n1) and (_YEAR_BEFORE.search(before) or not _plural_follows(doc, start, end)):
            return None
    if _AGE_AFTER.match(after) or (n1.lower() == "one" and not n2 and _PRONOUN_ONE_BEFORE.search(before)):
        return None
    unit, mult = _unit_of(unit_raw, language)
    if cur:
        unit = CURRENCIES.get(cur.rstrip(), CURRENCIES.get(cur, unit)) or unit
    word = n1.strip().lower()
    if not is_digits and not n2 and _REFERRING_BEFORE.search(before) and word in lexicon(language).units:
        return None
    dot_k = _dot_thousands(after, language, bool(unit))
    if word in ("a", "an", "half") and not n2:
        if word == "half" and not unit and _HALF_BEFORE.search(before):
            v1, lo1, hi1, unit = 50.0, None, None, "%"
        elif word != "half" and unit == "day" and _ARTICLE_ONE_BEFORE.search(before) \
                and not _RELATIVE_AFTER.match(text[end:end + 12]):
            v1, lo1, hi1 = 1.0, None, None
        else:
            return None
    else:
        v1, lo1, hi1 = _parse(n1, language, dot_k)
        if v1 is None and lo1 is None:
            return None
        if not is_digits and not _has_number_token(doc, spans["n1"]):
            return None
    value, low, high = v1, lo1, hi1
    if n2:
        v2, lo2, hi2 = _parse(n2, language, dot_k)
        if v2 is None:
            return None
        # "2-3 billion": the scale of the second number applies to the first
        if v1 is not None and v1 < v2 and not re.search(r"[^\d.,\s]", n1.strip()):
            scale = _trailing_scale(n2, language)
            if scale and v1 * scale <= v2:
                v1 *= scale
        if v1 is None or v1 >= v2:  # "10-7" is not a range; keep the first number only
            return None
        value, low, high = None, v1 * mult, v2 * mult
    elif value is not None:
        value *= mult
    elif low is not None and high is not None:
        low, high = low * mult, high * mult
    qualifier = ""
    qm = pat.qualifier_before.search(before)
    q_quals = QUALIFIERS.get(language, QUALIFIERS["en"])
    if qm:
        word = qm.group("q").lower()
        if not (word == "over" and unit == "day") and not (word == "under" and unit == ""):
            qualifier = q_quals.get(word, "")
    if not qualifier and _COULD_REACH_BEFORE.search(before):
        qualifier = "up_to"  # "could reach 40 million": a ceiling, not a value
    qa = pat.qualifier_after.match(text[end:end + 10])
    if qa and not qualifier:
        qualifier = q_quals.get(qa.group("q").lower(), "")
    raw_counted, counted, wanted = _counted(doc, start, end, unit, language)
    if wanted:  # the thing is named earlier: "the figure is 225", "4,000 litres escaped"
        earlier = _antecedent(doc, text, start, unit, _clean(value), wanted, language, pat) if lookback else ""
        state = counted
        counted = canonical_counted(f"{state} {earlier}" if state else earlier, language) if earlier else ""
    if not unit and counted and raw_counted and _money_amount(doc, start, end, n1, counted, language):
        unit = counted  # "40 million valds": a currency the lexicon does not know
        noun = doc[_tokens(doc, start, end).end]
        end = noun.idx + len(noun.text)
        counted = _counted(doc, start, end, unit, language)[1]  # what the amount is: "the cost ... could reach"
    quantity = Quantity(
        value=_clean(value), start=start, end=end, text=text[start:end], low=_clean(low), high=_clean(high),
        unit=unit, counted=counted, qualifier=qualifier,
    )
    return quantity, raw_counted


def _antecedent(doc: Any, text: str, start: int, unit: str, value: float | None, wanted: str, language: str,
                pat: _Pattern) -> str:
    """The counted group of the nearest earlier quantity of the document (within 3,000 characters)
    with the same unit -- and the same value first when ``wanted`` is "value"."""
    same_value = same_unit = ""
    for m in pat.regex.finditer(text, max(0, start - 3000), start):
        for s, e, g in _split_range(text, m):
            built = _build(doc, text, s, e, g, language, pat, lookback=False) if e <= start else None
            if built is None or not built[0].counted or built[0].unit != unit:
                continue
            same_unit = built[0].counted
            if value is not None and built[0].value == value:
                same_value = built[0].counted
    if wanted == "value":
        return same_value or (same_unit if unit else "")
    return same_unit


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    r = round(x, 6)
    return float(int(r)) if r == int(r) else r


def _trailing_scale(raw: str, language: str) -> float | None:
    lex = lexicon(language)
    last = raw.strip().lower().split()[-1] if raw.strip() else ""
    m = re.search(r"([^\d\s.,]+)$", raw.strip().lower())
    word = m.group(1) if m else last
    return lex.scales.get(word) or lex.abbreviations.get(word)


def _money_amount(doc: Any, start: int, end: int, raw: str, counted: str, language: str) -> bool:
    """Is "<n> million <noun>" an amount of money? The noun names no known thing (one unknown
    word), a scale word precedes it, and the sentence talks about money ("cost", "fund")."""
    span = _tokens(doc, start, end)
    if span is None or " " in counted or counted in lexicon_phrases(language) or span.end >= len(doc):
        return False
    if not re.search(r"(?:million|billion|trillion|thousand|bn|m)\s*$", raw.strip(), re.I):
        return False
    if doc[span.end].lemma_.lower() != counted:
        return False
    return any(t.lemma_.lower() in _MONEY_WORDS for t in span.sent)


def _plural_follows(doc: Any, start: int, end: int) -> bool:
    """A year-like number is a count only before a plural noun ("2000 troops", not "the 2022 budget")."""
    span = _tokens(doc, start, end)
    if span is None or span.end >= len(doc):
        return False
    return doc[span.end].tag_ in ("NNS", "NNPS")


def _governing_verb(tok: Any) -> tuple[Any, str]:
    """The verb a number hangs from, and how: ("rose", "pobj") for "rose to 20"."""
    head = tok.head
    if head is tok:
        return None, ""
    if head.pos_ in ("VERB", "AUX"):
        return head, tok.dep_
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "pobj"
    return None, ""


def _has_number_token(doc: Any, span: tuple[int, int]) -> bool:
    """Spelled-out numbers must be tagged as numbers by the parser ("no one" is not 1)."""
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    if s is None:
        return False
    return any(t.pos_ == "NUM" or t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "thousands", "several",
                                                             "millions", "billions", "scores")
               for t in s)


def _tokens(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _noun_phrase(tok: Any, language: str = "en") -> list[Any]:
    """The noun with its compound modifiers ("death toll"), and an adjective that makes a lexicon
    phrase with it ("armed people", "foreign nationals")."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound",) and c.pos_ in ("NOUN", "PROPN", "ADJ")
            and c.lower_ not in _MEASURES and c.lemma_.lower() not in _MEASURES]  # not "ten-kilometre"
    adj = [c for c in tok.lefts if c.dep_ == "amod"]
    if adj and " ".join(t.lemma_.lower() for t in [adj[-1]] + mods + [tok]) in lexicon_phrases(language):
        mods = [adj[-1]] + mods
    return mods + [tok]


def _group(noun: Any, language: str, state: str = "", by: Any = None) -> tuple[str, str]:
    """(raw phrase, group) of a counted noun in a state ("officers" + injured -> injured police officer)."""
    if not state:
        state, by = counted_state(noun, language)
    phrase = _noun_phrase(noun, language)
    raw = " ".join(t.text for t in sorted(phrase + ([by] if by is not None and by not in phrase else []),
                                          key=lambda t: t.i))
    lemmas = " ".join(t.lemma_.lower() for t in phrase)
    group = canonical_counted(f"{state} {lemmas}" if state else lemmas, language)
    return raw, group


def _referent(figure: Any) -> Any:
    """What a figure is said to refer to ("the figure ... referred to the troops"), if anything."""
    verb = figure.head
    if figure.dep_ != "nsubj" or verb.lemma_.lower() not in _REFER_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN":
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            return next((o for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
    return None


def _copular_attribute(num: Any, language: str) -> tuple[str, str] | None:
    """(raw, group) of the lexicon noun a counted subject is said to be ("Three of the dead were
    citizens of other countries" -> foreigner); None when there is none."""
    if num.dep_ != "nsubj" or num.head.lemma_ != "be":
        return None
    for attr in num.head.children:
        if attr.dep_ != "attr" or attr.pos_ != "NOUN":
            continue
        of = [o for c in attr.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.subtree if o.i > c.i]
        tail = attr.doc[attr.i + 1:of[-1].i + 1] if of else []
        phrases = [f"{attr.lemma_.lower()} {' '.join(t.lower_ for t in tail)}",
                   " ".join(t.lemma_.lower() for t in [attr, *tail])] if of else []
        phrases.append(" ".join(t.lemma_.lower() for t in _noun_phrase(attr, language)))
        known = lexicon_phrases(language)
        phrase = next((p for p in phrases if p in known), None)
        if phrase is not None:
            return attr.text, known[phrase]
    return None


def _qualified(noun: Any, group: str, language: str) -> str:
    """A group made precise by what the noun is a part or a kind of: "a ten-kilometre stretch of
    the river" -> river stretch, "the cost of repairing ..." -> repair cost, "trams were running on
    two lines" -> tram line."""
    if noun.lemma_.lower() not in _GENERIC_NOUNS or group != noun.lemma_.lower() or \
            any(c.dep_ == "compound" and c.lower_ not in _MEASURES for c in noun.children):
        return group
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp") and o.pos_ in ("NOUN", "VERB")), None)
            if obj is not None:
                return f"{obj.lemma_.lower()} {group}"
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None) if verb is not None else None
    if subj is not None and noun.lemma_.lower() in _ROUTE_NOUNS:
        return f"{subj.lemma_.lower()} {group}"
    return group


_REFER_VERBS = frozenset({"refer", "apply", "cover", "concern", "relate", "include"})
# nouns that say little alone: what they are a part of, or what runs on them, is the thing
_ROUTE_NOUNS = frozenset({"line", "route", "service"})
_GENERIC_NOUNS = _ROUTE_NOUNS | frozenset({"stretch", "section", "segment", "length", "strip", "portion",
                                           "cost", "bill", "damage", "loss", "price"})
# a human-state group -> its state ("the dead" -> dead)
_STATE_OF_GROUP = {"death": "dead", "injured": "injured", "detainee": "detained", "evacuee": "evacuated",
                   "refugee": "displaced", "missing": "missing"}

# nouns that stand for an earlier number ("the figure is 225")
_FIGURE_NOUNS = frozenset({"figure", "number", "total", "tally", "count", "estimate"})
# what a pronoun or a bare "figure" can stand for
_NOT_ANTECEDENT = frozenset(_MEASURES) | frozenset(DURATION_DAYS) | frozenset(f"{d}s" for d in DURATION_DAYS) \
    | _NUMBER_NOUNS | frozenset({"percent", "time", "way", "part", "home", "thing"})


def _pronoun_antecedent(doc: Any, before: int, state: str, language: str) -> tuple[Any, str] | None:
    """The nearest plural noun before token ``before`` ("dead fish ... dozens of them")
    that can be in ``state``; None if there is none within 80 tokens."""
    for i in range(before - 1, max(-1, before - 80), -1):
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ in _NOT_ANTECEDENT or t.lemma_.lower() in _NOT_ANTECEDENT \
                or t.ent_type_ in ("DATE", "TIME"):
            continue
        plural = t.tag_ in ("NNS", "NNPS") or "Plur" in t.morph.get("Number") or any(
            c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in STATE_WORDS) for c in t.children)
        if not plural:
            continue
        raw, group = _group(t, language)
        if state in STATE_HEADS and canonical_counted(t.lemma_, language) not in STATE_HEADS[state]:
            continue
        return t, group
    return None


def _counted(doc: Any, start: int, end: int, unit: str, language: str) -> tuple[str, str, str]:
    """(raw phrase, group, wanted antecedent) of the thing counted; the group is "" when nothing is
    counted. The antecedent is "value" ("the figure is 225") or "unit" ("4,000 litres escaped")
    when the thing is named only earlier in the document; the caller looks it up."""
    span = _tokens(doc, start, end)
    if span is None or len(span) == 0:
        return "", "", ""
    outer = [t for t in span if not span.start <= t.head.i < span.end or t.head is t]
    root = next((t for t in outer if t.dep_ != "det"), span.root)  # "a ten-kilometre stretch": not "a"
    noun = None
    nxt = doc[span.end] if span.end < len(doc) else None
    # "20 dead", "2,000 detained", "30 wounded"
    if unit == "" and nxt is not None and nxt.tag_ in ("VBN", "VBD", "JJ") and not (
            nxt.dep_ in ("amod", "compound") and nxt.head.i > nxt.i) and (
            event_group(nxt.lemma_, language) or canonical_counted(nxt.lower_, language) != nxt.lower_):
        grp = event_group(nxt.lemma_, language) or canonical_counted(nxt.lower_, language)
        return nxt.text, grp, ""
    for c in root.children:  # "hundreds of people", "20% of the economy", "$5m in aid", "74 of them"
        if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i >= span.end:
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj and (c.lower_ == "of" or unit not in ("", "%", "day")):
                noun = pobj[0]
                break
    if noun is None and unit not in ("", "%", "pp", "day") and nxt is not None and nxt.lower_ in ("in", "of", "for"):
        pobj = [x for x in nxt.children if x.dep_ == "pobj"]  # "$5m in aid", attached to the verb
        noun = pobj[0] if pobj else None
    if noun is None and unit != "day":
        if root.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod", "npadvmod") and root.head.pos_ in (
                "NOUN", "PROPN") and root.head.i >= span.end:
            noun = root.head
        elif unit == "" and nxt is not None and nxt.pos_ == "NOUN" and root.dep_ not in ("pobj", "dobj"):
            noun = nxt
    measured = unit in UNIT_DIMENSIONS and unit != "day"
    if noun is None and unit != "day":
        verb, rel = _governing_verb(root)
        if verb is not None:
            state = state_of_verb(verb, rel, language) if (unit == "" or measured) else ""
            if state and unit == "":  # "About 2,000 were detained"
                return verb.text, canonical_counted(state, language), ""
            if state:  # "about 4,000 litres escaped": what escaped is named earlier
                return verb.text, state, "unit"
            if verb.lemma_ in _CHANGE_VERBS and rel in ("pobj", "attr", "dobj", "npadvmod", "advmod", "oprd"):
                subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                if verb.lemma_ in _OBJECT_VERBS and rel == "pobj":
                    subj = [c for c in verb.children if c.dep_ == "dobj"] or subj
                if subj and subj[0].pos_ in ("NOUN", "PROPN"):
                    noun = subj[0]
    if noun is None and root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in _FIGURE_NOUNS:
        referent = _referent(root.head.head)
        if referent is not None:  # "the earlier figure of 2,500 had referred only to the troops"
            return _group(referent, language)[0], _group(referent, language)[1], ""
        return root.head.head.text, "", "value"  # "the figure of 20,000 was approximate"
    if noun is None:
        return "", "", "unit" if measured else ""
    while noun.lemma_.lower() in _NUMBER_NOUNS:  # "the number of dead", "its estimate of the amount of solvent"
        of = [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
              if x.dep_ == "pobj"]
        if of:
            noun = of[0]
            continue
        if noun.lemma_.lower() in _FIGURE_NOUNS and not [c for c in noun.children if c.dep_ == "compound"]:
            return noun.text, "", "value"  # "the figure is 225", "put the figure at 3,800 litres"
        break
    if noun.pos_ == "PRON" and noun.lower_ in ("them", "those", "these", "us", "whom"):
        state, by = counted_state(noun, language)
        found = _pronoun_antecedent(doc, span.start, state, language)
        if found is None:
            return noun.text, canonical_counted(state, language) if state else "", ""
        ante, group = found
        return f"{noun.text} ({ante.text})", canonical_counted(f"{state} {group}" if state else group, language), ""
    state, by = counted_state(noun, language)
    while noun.lemma_.lower() in PARTITIVES:  # "150 pieces of equipment", "19 members of the security forces"
        of = [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
              if x.dep_ == "pobj"]
        if not of:
            break
        noun = of[0]
    attr = _copular_attribute(root, language)
    if attr is not None and noun.i != root.i:  # "Three of the dead were citizens of other countries"
        kind = canonical_counted(noun.lemma_.lower(), language)
        return attr[0], compose(_STATE_OF_GROUP.get(kind, state), attr[1]), ""
    raw, group = _group(noun, language, state, by)
    return raw, _qualified(noun, group, language), ""
