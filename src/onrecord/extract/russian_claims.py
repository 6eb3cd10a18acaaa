"""Claims inside Russian statements: quantities, hedges, modality, polarity and ``said_on``.

Pure functions over the article text and natasha tokens (any objects with ``start``,
``stop``, ``text``, ``pos``, ``lemma`` and ``feats``); nothing here loads a model.
The records and conventions are the English claims stage's (:mod:`.claims`):

* A quantity's span covers the number with its scale, currency and unit ("200 млн долларов",
  "десяти дней", "15%"), not the qualifier and not the counted noun. Durations are in days
  (``unit="day"``: "сутки" -> 1, "пять лет" -> 1825); money carries an ISO code; percentages
  ``%``. Bare "сутки"/"суток" is one day. Vague amounts ("сотни", "несколько тысяч") have
  ``low``/``high`` and no ``value``. Days of the month, years and ordinals are not quantities.
* ``counted`` is the natasha lemma of the governed noun ("погибших" -> "погибший"), grouped
  into the English counted keys ("death", "troop", ...); "человек" next to an event verb
  ("погибли 164 человека", "2 тысячи задержаны") takes the event's group, as in English.
* Qualifiers: около/примерно/порядка/приблизительно -> about, почти -> nearly,
  не менее/по меньшей мере/как минимум -> at_least, не более -> at_most, до -> up_to,
  более/свыше/больше -> more_than, менее/меньше -> less_than, в течение (a duration) -> at_most.
* Hedge kinds as in English. "предположительно" is preliminary; "пока" alone is temporal,
  "пока не ..." / "до тех пор, пока ..." is a condition covering its clause (like "until ...").
  Durations and deadlines ("в течение десяти дней", "до 19 января") are temporal hedges; an
  approximating qualifier and a vague amount are approximation hedges.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from ..models import Hedge, Quantity, Statement
from .counted import EVENT_VERBS, NOUN_GROUPS
from .dates import parse_published, resolve_date
from .numbers import ParsedNumber, lexicon, parse_number
from .quantities import DURATION_DAYS

__all__ = [
    "RU_CLAIMS_EXTRACTOR",
    "RU_COUNTED",
    "RU_QUALIFIERS",
    "RU_HEDGES",
    "find_quantities_ru",
    "find_hedges_ru",
    "modality_ru",
    "polarity_ru",
    "said_on_ru",
    "annotate_russian",
]

RU_CLAIMS_EXTRACTOR = "onrecord.claims.ru.v1"

# Russian lemmas -> the English counted keys of :mod:`.counted` (its "ru" table, widened)
_EXTRA_COUNTED: dict[str, tuple[str, ...]] = {
    "death": ("убитый", "умерший", "погибнуть", "убить", "умереть"),
    "injured": ("ранение", "раненые", "ранить"),
    "detainee": ("задержание", "арест", "задержать", "арестовать"),
    "terrorist": ("экстремист", "боевики", "террористы", "вооружённый", "вооруженный"),
    "troop": ("военнослужащие", "военные", "боец", "личный состав"),
    "peacekeeper": ("миротворец", "миротворцы"),
    "person": ("жители", "граждане", "мирный житель"),
    "evacuee": ("эвакуированный", "эвакуировать"),
    "refugee": ("беженец", "переселенец"),
    "missing": ("пропавший", "пропасть"),
    "protester": ("протестующий", "демонстрант", "митингующий"),
}
RU_COUNTED: dict[str, str] = {
    syn: group
    for table in (NOUN_GROUPS["ru"], _EXTRA_COUNTED)
    for group, syns in table.items()
    for syn in syns
}
_EVENTS_RU = {**EVENT_VERBS["ru"], "эвакуировать": "evacuee", "убивать": "death", "погибать": "death",
              "задерживать": "detainee", "пропасть": "missing", "пострадать": "injured", "ранение": "injured"}

# qualifier phrases (lower case, longest first when matched) -> the English qualifier names
RU_QUALIFIERS: dict[str, str] = {
    "около": "about", "примерно": "about", "порядка": "about", "приблизительно": "about",
    "почти": "nearly", "не менее": "at_least", "не менее чем": "at_least", "по меньшей мере": "at_least",
    "как минимум": "at_least", "не более": "at_most", "не более чем": "at_most", "не свыше": "at_most",
    "до": "up_to", "более": "more_than", "более чем": "more_than", "свыше": "more_than", "больше": "more_than",
    "менее": "less_than", "менее чем": "less_than", "меньше": "less_than", "в течение": "at_most",
}
_APPROXIMATING = frozenset({"около", "примерно", "порядка", "приблизительно", "почти"})

_CURRENCY = {"доллар": "USD", "рубль": "RUB", "евро": "EUR", "тенге": "KZT", "юань": "CNY",
             "$": "USD", "€": "EUR", "₽": "RUB"}
_MEASURE = {"километр": "km", "км": "km", "тонна": "t", "тонн": "t", "килограмм": "kg", "кг": "kg",
            "литр": "l", "гектар": "ha"}
_PERCENT = {"%", "процент"}
_SCALE_WORDS = frozenset({"тыс", "тысяча", "млн", "миллион", "млрд", "миллиард"})
_MONTH_LEMMAS = frozenset("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split())
_MONTH_FORMS = re.compile(r"^(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)", re.I)

_ANY_WORD = r"[\w\-]+"
RU_HEDGES: dict[str, tuple[str, ...]] = {
    "preliminary": (
        r"по\s+(?:предварительным|первым|первоначальным|уточн[её]нным)\s+(?:данным|сведениям|оценкам|подсч[её]там)",
        r"по\s+предварительной\s+(?:информации|оценке)", r"предварительн\w*",
        r"(?:может|могут)\s+(?:ещё\s+|еще\s+)?(?:измениться|быть\s+уточнен\w*|быть\s+пересмотрен\w*)",
        r"подлеж\w+\s+уточнению", r"уточняется", r"уточняются", r"предположительно",
        r"(?:пока\s+)?не\s+подтвержден\w*", r"неподтвержд[её]нн\w*",
    ),
    "approximation": (
        r"(?:около|примерно|порядка|приблизительно|почти)(?=\s+(?:{NUM}))",
        r"приблизительно", r"ориентировочно",
    ),
    "scope": (
        r"(?:главн|основн|первоочередн|ключев)\w*\s+(?:задач|мисси|цел)\w*",
        r"в\s+основном", r"частично", r"отчасти", r"в\s+(?:ряде|некоторых)\s+(?:район|регион|город|случа|област)\w*",
        r"(?:большая|большую|значительная|значительную)\s+часть",
    ),
    "temporal": (
        r"пока(?:\s+что)?(?!\s+не\b)", r"на\s+данн(?:ый|ом)\s+(?:момент|этапе)", r"на\s+сегодняшний\s+день",
        r"до\s+сих\s+пор", r"до\s+особого\s+распоряжения", r"в\s+настоящее\s+время",
        r"в\s+течение\s+(?:{ANY}\s+){0,2}?(?:суток|дн(?:я|ей)|недел[иь]|месяц(?:а|ев)?|час(?:а|ов)?|лет|года?)",
        r"(?:до|к|не\s+позднее)\s+\d{1,2}\s+(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*",
        r"к\s+концу\s+(?:недели|месяца|года)",
    ),
    "condition": (
        r"если\b[^,.;]*", r"в\s+случае(?:,?\s+если)?\b[^,.;]*", r"при\s+условии\b[^.;]*",
        r"(?:до\s+тех\s+пор,?\s+)?пока\s+не\b[^,.;]*",
    ),
    "modal": (
        r"(?:может|могут|можем|можете|могу|мог|могла|могли|могло)(?!\s+(?:ещё\s+|еще\s+)?(?:измениться|быть\s+уточнен))",
        r"возможно", r"вероятно", r"не\s+исключено", r"видимо", r"по-видимому",
    ),
    "attribution": (r"якобы", r"по\s+некоторым\s+данным", r"по\s+сообщениям", r"как\s+сообщается"),
}
_HEDGE_PRIORITY = {"condition": 0, "preliminary": 1, "approximation": 2, "temporal": 3, "scope": 4,
                   "attribution": 5, "modal": 6}


@lru_cache(maxsize=1)
def _hedge_regex() -> list[tuple[str, "re.Pattern[str]"]]:
    num = r"\d|" + "|".join(re.escape(w) for w in _number_words())
    out = []
    for kind, alts in RU_HEDGES.items():
        for alt in alts:
            pat = alt.replace("{NUM}", num).replace("{ANY}", _ANY_WORD)
            out.append((kind, re.compile(rf"(?<![\w\-])(?:{pat})(?![\w\-])", re.I)))
    return out


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    lex = lexicon("ru")
    return frozenset(set(lex.units) | set(lex.tens) | set(lex.hundreds) | set(lex.specials)
                     | {"сорок", "девяносто", "сто", "полтора", "пятьдесят", "шестьдесят", "семьдесят",
                        "восемьдесят", "сорока", "ста", "полутора", "пятидесяти", "шестидесяти", "семидесяти",
                        "восьмидесяти", "девяноста", "двухсот", "трехсот", "трёхсот", "пятисот"})


def _lemma(tok: Any) -> str:
    return (getattr(tok, "lemma", None) or tok.text).lower().replace("ё", "е")


def _low(tok: Any) -> str:
    return tok.text.lower().replace("ё", "е")


def _is_number_word(tok: Any) -> bool:
    low = _low(tok)
    if low in {"один", "одна", "одно", "одного", "одной", "одну"}:
        return False  # "один из ..." is rarely a count; digits say "1"
    return low in _number_words() or (tok.pos == "NUM" and _lemma(tok) in _number_words())


def _is_digit(tok: Any) -> bool:
    return tok.text[:1].isdigit() and parse_number(tok.text, "ru", dot_thousands=True) is not None


def _in(tokens: Sequence[Any], start: int, end: int) -> list[Any]:
    return [t for t in tokens if start <= t.start and t.stop <= end]


def _qualifier(toks: list[Any], i: int) -> tuple[str, int | None]:
    """The qualifier right before token ``i`` and the index where it starts."""
    for width in (3, 2, 1):
        if i - width < 0:
            continue
        phrase = " ".join(_low(t) for t in toks[i - width:i])
        if phrase in RU_QUALIFIERS:
            return RU_QUALIFIERS[phrase], i - width
    return "", None


def _counted(toks: list[Any], i: int, j: int) -> str:
    """The counted thing for a number ending before token ``j``: the governed noun's lemma, grouped."""
    lemma = ""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        lem = _lemma(t)
        if t.pos in ("NOUN", "PROPN") or (t.pos == "VERB" and lem in _EVENTS_RU) or lem in RU_COUNTED:
            lemma = lem
            break
        if t.pos != "ADJ":
            break
    if lemma in _EVENTS_RU:
        return _EVENTS_RU[lemma]
    group = RU_COUNTED.get(lemma, lemma)
    if group in ("person", ""):
        # "2 тысячи задержаны", "40 получили ранения", "погибли 164 человека": an event word nearby
        # names the group; look ahead first, then back, never across a comma or "и"
        ahead = []
        for t in toks[j:j + 4]:
            if t.text in (",", ".", ";") or _low(t) == "и":
                break
            ahead.append(t)
        back = []
        for t in reversed(toks[max(0, i - 6):i]):
            if t.text in (",", ".", ";", "—") or _low(t) == "и":
                break
            back.append(t)
        for t in ahead + back:
            lem = _lemma(t)
            if lem in _EVENTS_RU:
                return _EVENTS_RU[lem]
    return group


def find_quantities_ru(text: str, tokens: Sequence[Any], start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]`` read from its natasha tokens; offsets are absolute."""
    end = len(text) if end is None else end
    toks = _in(tokens, start, end)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        low = _low(t)
        vague = low in lexicon("ru").vague and not (i and (_is_digit(toks[i - 1]) or _is_number_word(toks[i - 1])))
        few = low == "несколько" and i + 1 < len(toks) and _lemma(toks[i + 1]) in _SCALE_WORDS
        bare_day = not (i and (_is_digit(toks[i - 1]) or _is_number_word(toks[i - 1]))) and (
            low in ("сутки", "суток")
            or (i >= 2 and _low(toks[i - 1]) == "течение" and _lemma(t) in DURATION_DAYS and t.pos == "NOUN"))
        if not (_is_digit(t) or _is_number_word(t) or vague or few or bare_day):
            i += 1
            continue
        j = i + 1
        parts = [t.text if _is_digit(t) else low if vague else _lemma(t)]
        if few:
            parts, j = ["несколько", _lemma(toks[i + 1])], i + 2
        elif vague and i + 1 < len(toks) and _lemma(toks[i + 1]) in _SCALE_WORDS and low in lexicon("ru").vague_prefix:
            parts, j = [low, _lemma(toks[i + 1])], i + 2  # "десятки тысяч" = "tens of thousands"
        elif not vague and not bare_day:
            while j < len(toks):
                n = toks[j]
                if _is_digit(n) and _is_digit(toks[j - 1]) and len(n.text) == 3 and n.start - toks[j - 1].stop == 1:
                    parts[-1] += " " + n.text  # "20 000" split in two tokens
                elif _is_number_word(n) or _lemma(n) in _SCALE_WORDS:
                    parts.append(_lemma(n))
                elif n.text == "." and _lemma(toks[j - 1]) in ("тыс", "млн", "млрд") and n.start == toks[j - 1].stop:
                    pass  # "тыс."
                else:
                    break
                j += 1
        if bare_day:
            parsed = parse_number("1")
        elif vague and len(parts) == 2:
            lex = lexicon("ru")
            factor, scale = lex.vague_prefix[parts[0]], (lex.scales.get(parts[1]) or lex.abbreviations[parts[1]])
            parsed = ParsedNumber(None, 2.0 * factor * scale, 10.0 * factor * scale - 1)
        else:
            parsed = parse_number(" ".join(parts), "ru", dot_thousands=True)
        nxt = toks[j] if j < len(toks) else None
        prev = toks[i - 1] if i else None
        # not quantities: days of the month, years, ordinals ("2-й")
        if parsed is None or (nxt is not None and (_MONTH_FORMS.match(nxt.text) or _lemma(nxt) in _MONTH_LEMMAS)) \
                or (nxt is not None and _lemma(nxt) == "год" and re.fullmatch(r"(1[89]|20)\d\d", t.text)) \
                or (nxt is not None and nxt.text == "-" and j + 1 < len(toks) and toks[j + 1].text.isalpha()
                    and len(toks[j + 1].text) <= 3):
            i = j
            continue
        value, lo, hi = parsed.value, parsed.low, parsed.high
        q_start, q_end, unit, counted = t.start, toks[j - 1].stop, "", ""
        if bare_day:  # "сутки", "в течение месяца": one of the unit
            unit = "day"
            value = DURATION_DAYS.get(_lemma(t), 1.0)
        elif prev is not None and prev.text in _CURRENCY and prev.stop == t.start:
            unit, q_start = _CURRENCY[prev.text], prev.start
        elif nxt is not None and (_lemma(nxt) in _PERCENT or nxt.text == "%"):
            unit, q_end, j = "%", nxt.stop, j + 1
        elif nxt is not None and _lemma(nxt) in _CURRENCY:
            unit, q_end, j = _CURRENCY[_lemma(nxt)], nxt.stop, j + 1
        elif nxt is not None and _lemma(nxt) in DURATION_DAYS and nxt.pos == "NOUN":
            factor = DURATION_DAYS[_lemma(nxt)]
            value, lo, hi = (x * factor if x is not None else None for x in (value, lo, hi))
            unit, q_end, j = "day", nxt.stop, j + 1
        elif nxt is not None and _lemma(nxt) in _MEASURE:
            unit, q_end, j = _MEASURE[_lemma(nxt)], nxt.stop, j + 1
        else:
            counted = _counted(toks, i, j)
        qualifier, _ = _qualifier(toks, i - (1 if q_start < t.start else 0))
        if qualifier == "at_most" and unit != "day" and _low(toks[i - 1]) == "течение":
            qualifier = ""
        if qualifier == "up_to" and i >= 2 and toks[i - 2].pos == "VERB":
            qualifier = ""  # "вырос до 7,5%": the value reached, not a ceiling
        out.append(Quantity(value=value, start=q_start, end=q_end, text=text[q_start:q_end], low=lo, high=hi,
                            unit=unit, counted=counted, qualifier=qualifier))
        i = j
    return out


def find_hedges_ru(text: str, start: int = 0, end: int | None = None,
                   quantities: Iterable[Quantity] = ()) -> list[Hedge]:
    """Hedges in ``text[start:end]``; overlapping finds keep the longest (then the stronger kind)."""
    end = len(text) if end is None else end
    part = text[start:end]
    found: list[Hedge] = []
    for kind, rx in _hedge_regex():
        for m in rx.finditer(part):
            s, e = start + m.start(), start + m.end()
            while e > s and text[e - 1] in " ,":
                e -= 1
            found.append(Hedge(kind, s, e, text[s:e]))
    for q in quantities:  # a vague amount is itself an approximation
        if q.value is None:
            found.append(Hedge("approximation", q.start, q.end, q.text))
    found.sort(key=lambda h: (-(h.end - h.start), _HEDGE_PRIORITY[h.kind], h.start))
    kept: list[Hedge] = []
    for h in found:
        if all(h.end <= k.start or k.end <= h.start for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


_FUTURE_AUX = frozenset({"будет", "будут", "будем", "буду", "будешь", "будете"})
_POSSIBLE = frozenset({"может", "могут", "можем", "можете", "могу", "мог", "могла", "могли", "могло", "возможно", "исключено", "вероятно"})
_NECESSARY = frozenset({"должен", "должна", "должны", "должно", "нужно", "надо", "необходимо", "обязан", "обязаны"})
_INTENTION = frozenset({"планировать", "намереваться", "собираться", "обещать", "пообещать", "намерен",
                        "намерена", "намерены", "готовиться", "решить"})
_NEGATORS = frozenset({"не", "нет", "никогда", "ни", "ничего", "никто"})
_NOT_NEGATION_AFTER_NE = frozenset({"менее", "более", "позднее", "позже", "раньше", "только", "исключено", "свыше",
                                    "меньше", "больше"})
_NEGATIVE_CUES = frozenset({"отрицать", "опровергнуть", "опровергать", "отвергнуть", "отвергать", "отклонить"})


def _main_clause(tokens: Sequence[Any], start: int, end: int, hedges: Iterable[Hedge]) -> list[Any]:
    """The content's tokens outside its condition clauses."""
    cond = [(h.start, h.end) for h in hedges if h.kind == "condition"]
    return [t for t in _in(tokens, start, end) if not any(a <= t.start < b for a, b in cond)]


def modality_ru(tokens: Sequence[Any], start: int, end: int, hedges: Iterable[Hedge] = ()) -> str:
    """``intention`` | ``necessary`` | ``possible`` | ``future`` | ``asserted`` of the content's main clause."""
    toks = _main_clause(tokens, start, end, hedges)
    words = {_low(t) for t in toks}
    lemmas = {_lemma(t) for t in toks}
    if lemmas & _INTENTION or words & _INTENTION:
        return "intention"
    if words & _NECESSARY:
        return "necessary"
    if words & _POSSIBLE:
        return "possible"
    if words & _FUTURE_AUX or any(t.pos in ("VERB", "AUX") and (t.feats or {}).get("Tense") == "Fut" for t in toks):
        return "future"
    return "asserted"


def polarity_ru(tokens: Sequence[Any], start: int, end: int, cue_lemma: str = "",
                hedges: Iterable[Hedge] = ()) -> str:
    """``negative`` when the main clause is negated ("не покинут", "угрозы нет") or the cue denies it
    ("отрицает, что ..."); two negations cancel. "не менее"/"не более" are qualifiers, not negation."""
    toks = _main_clause(tokens, start, end, hedges)
    neg = False
    for a, b in zip(toks, toks[1:] + [None]):
        low = _low(a)
        if low in _NEGATORS and not (low == "не" and b is not None and (
                _low(b) in _NOT_NEGATION_AFTER_NE or (b.feats or {}).get("VerbForm") == "Inf")):  # "не допустить"
            neg = True
            break
    if cue_lemma.lower() in _NEGATIVE_CUES:
        neg = not neg
    return "negative" if neg else "positive"


_MONTHS_RU = r"(?:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
_SAID_ON = re.compile(
    rf"(?<!\w)(?:(?:в|во)\s+(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
    rf"|(?P<md>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS_RU})(?:\s+(?P<y2>\d{{4}}))?)"
    rf"|(?P<rel>позавчера|вчера|сегодня))(?!\w)",
    re.I,
)


def said_on_ru(text: str, sentence: tuple[int, int], content: tuple[int, int], published: str | None,
               cue: tuple[int, int] | None = None) -> str | None:
    """The day a statement was made: a date phrase in its sentence, outside the content, resolved
    against ``published`` ("во вторник", "11 января", "вчера"); the one nearest the cue wins."""
    base = parse_published(published)
    hits = [m for m in _SAID_ON.finditer(text, sentence[0], sentence[1])
            if m.end() <= content[0] or m.start() >= content[1]]
    if not hits:
        return None
    anchor = cue[0] if cue else content[0]
    best = min(hits, key=lambda m: abs(m.start() - anchor))
    return resolve_date(best, base, past_only=True)


def annotate_russian(text: str, tokens: Sequence[Any], statements: Iterable[Statement], published: str | None,
                     sentences: Sequence[tuple[int, int]] = ()) -> list[Statement]:
    """The statements with quantities, hedges, said_on, modality and polarity filled in (never dropped)."""
    out = []
    for st in statements:
        cs, ce = st.content.start, st.content.end
        quantities = find_quantities_ru(text, tokens, cs, ce)
        hedges = find_hedges_ru(text, cs, ce, quantities)
        anchor = st.cue.start if st.cue is not None else cs
        sent = next(((a, b) for a, b in sentences if a <= anchor < b), (max(0, cs - 200), min(len(text), ce + 200)))
        if st.cue is not None and not (sent[0] <= cs < sent[1]):  # a lead-in in another sentence
            sent = (min(sent[0], cs), max(sent[1], ce))
        cue_lemma = next((_lemma(t) for t in tokens if st.cue is not None and t.start == st.cue.start), "")
        out.append(replace(
            st,
            quantities=tuple(quantities),
            hedges=tuple(hedges),
            said_on=said_on_ru(text, sent, (cs, ce), published, (st.cue.start, st.cue.end) if st.cue else None),
            modality=modality_ru(tokens, cs, ce, hedges),
            polarity=polarity_ru(tokens, cs, ce, cue_lemma, hedges),
        ))
    return out
