"""Reporting lexicons: the words that introduce what someone said, believes or intends.

Keyed by language code. Each cue lemma maps to a :class:`Cue` with a hand-set
weight (how often the word really reports a statement in news text) and the
argument frames that may carry the content:

* ``c`` - a clause: ``said (that) ...``, ``"...," he said``, ``he said: ...``
* ``x`` - an infinitive: ``wants to ...``, ``vowed to ...``, ``urged X to ...``
* ``o`` - an object or prepositional object: ``called for ...``, ``criticized ...``

Weights were set by hand while reading news text (and the PolNeAR training
split); they only rank candidates, the rules decide. An empty frame set keeps a
word known as a cue without giving it content of its own ("released a video" is
no statement; "released a statement saying ..." reports through the noun).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Cue", "CUES", "LABEL_WORDS", "NOMINAL_CUES", "LIGHT_VERBS", "COMPLEMENT_PREPS", "RECEIVING_VERBS",
           "REACTION_VERBS", "NAMING_WORDS", "HEARING", "hearing_body", "HEADLINE_CUES", "ACCORDING_TO", "OBJECT_PREPS", "SOURCE_NOUNS", "cues_for", "SPEECH_NOUNS"]


@dataclass(frozen=True, slots=True)
class Cue:
    weight: float
    frames: str  # subset of "cxo"


def _table(spec: dict[str, tuple[float, str]]) -> dict[str, Cue]:
    return {lemma: Cue(w, frames) for lemma, (w, frames) in spec.items()}


_C, _X, _O = "c", "x", "o"

_EN: dict[str, tuple[float, str]] = {
    # speech verbs
    "say": (0.95, "co"), "tell": (0.9, "cx"), "add": (0.85, "c"), "write": (0.85, "c"),
    "ask": (0.7, "cxo"), "note": (0.85, "c"), "report": (0.85, "c"), "announce": (0.85, "co"),
    "suggest": (0.8, "co"), "argue": (0.9, "c"), "explain": (0.85, "c"), "continue": (0.4, "c"),
    "claim": (0.9, "cx"), "insist": (0.9, "c"), "warn": (0.9, "c"), "stress": (0.85, "c"),
    "acknowledge": (0.85, "co"), "declare": (0.85, "co"), "tweet": (0.9, "c"), "reply": (0.85, "c"),
    "respond": (0.7, "c"), "state": (0.85, "c"), "conclude": (0.8, "c"), "recall": (0.8, "co"),
    "admit": (0.85, "co"), "deny": (0.85, "co"), "confirm": (0.85, "co"), "reveal": (0.8, "co"),
    "predict": (0.85, "co"), "promise": (0.85, "cxo"), "vow": (0.9, "cx"), "pledge": (0.9, "cxo"),
    "assert": (0.9, "c"), "complain": (0.85, "c"), "concede": (0.85, "c"), "reiterate": (0.85, "co"),
    "indicate": (0.7, "c"), "estimate": (0.75, "c"), "joke": (0.85, "c"), "lament": (0.85, "co"),
    "mention": (0.6, "co"), "remark": (0.85, "c"), "repeat": (0.6, "c"), "observe": (0.7, "c"),
    "testify": (0.85, "c"), "allege": (0.9, "c"), "contend": (0.9, "c"),     "emphasize": (0.85, "co"), "caution": (0.85, "c"), "boast": (0.85, "c"), "quip": (0.9, "c"),
    "proclaim": (0.85, "c"), "post": (0.5, "c"), "charge": (0.6, "c"), "counter": (0.85, "c"),
    "scoff": (0.7, "c"), "muse": (0.8, "c"), "retort": (0.9, "c"),
    "shout": (0.8, "c"), "yell": (0.8, "c"), "chant": (0.7, "c"), "hint": (0.8, "c"),
    "signal": (0.6, "c"), "speculate": (0.85, "c"), "theorize": (0.85, "c"), "point": (0.7, "o"),
    "agree": (0.6, "cx"), "disagree": (0.6, "c"), "answer": (0.6, "c"),     "assure": (0.8, "c"), "remind": (0.8, "c"), "inform": (0.8, "c"), "demand": (0.8, "cxo"),
    "read": (0.4, "c"), "put": (0.3, "c"), "describe": (0.6, "o"), "discuss": (0.5, "o"),
    "show": (0.6, "c"), "find": (0.6, "c"), "learn": (0.5, "c"), "highlight": (0.6, "o"),
    "cite": (0.6, "o"), "question": (0.6, "o"), "echo": (0.6, "o"),
    "express": (0.6, "o"), "call": (0.6, "xo"), "urge": (0.85, "x"), "advise": (0.8, "xc"), "instruct": (0.7, "x"), "order": (0.5, "x"),
    # beliefs, knowledge, perception as positions
    "think": (0.8, "c"), "believe": (0.9, "c"), "feel": (0.6, "c"),
    "fear": (0.8, "co"), "hope": (0.8, "cx"), "hop": (0.8, "cx"), "expect": (0.7, "cxo"), "worry": (0.7, "c"),
    "doubt": (0.7, "c"), "suspect": (0.7, "c"), "see": (0.35, "c"), "know": (0.45, "c"), "view": (0.5, "o"),
    "consider": (0.4, "c"), "understand": (0.5, "c"), "realize": (0.6, "c"), "assume": (0.6, "c"),
    "bet": (0.6, "c"), "wonder": (0.7, "c"), "seem": (0.5, "x"), "appear": (0.5, "x"),
    "figure": (0.5, "c"), "guess": (0.6, "c"), "imagine": (0.5, "c"), "reckon": (0.7, "c"),
    "convince": (0.6, "c"),     # intentions and wishes
    "want": (0.75, "xo"), "plan": (0.75, "x"), "intend": (0.85, "x"), "seek": (0.7, "xo"),
    "refuse": (0.8, "x"), "decline": (0.75, "x"), "threaten": (0.85, "x"), "aim": (0.5, "x"),
    "prefer": (0.6, "xo"), "like": (0.3, "x"), "wish": (0.7, "cx"),     "decide": (0.6, "x"), "offer": (0.5, "xo"), "propose": (0.75, "cxo"), "recommend": (0.8, "co"),
    # positions taken towards something
    "criticize": (0.6, "o"), "endorse": (0.6, "o"), "support": (0.5, "o"), "praise": (0.6, "o"),
    "oppose": (0.6, "o"), "defend": (0.6, "o"), "accuse": (0.7, "o"), "blame": (0.6, "o"),
    "reject": (0.6, "o"), "dismiss": (0.6, "o"), "attack": (0.5, "o"), "blast": (0.7, "o"),
    "slam": (0.7, "o"), "denounce": (0.7, "o"), "decry": (0.7, "o"), "condemn": (0.7, "o"),
    "applaud": (0.6, "o"), "hail": (0.6, "o"), "tout": (0.6, "o"), "welcome": (0.4, "o"),
    "talk": (0.6, "o"), "refer": (0.6, "o"),
    "apologize": (0.7, "o"), "congratulate": (0.6, "o"), "recognize": (0.5, "co"),
    "challenge": (0.5, "o"), "ignore": (0.4, "o"), "name": (0.3, "o"), "list": (0.4, "o"), "weigh": (0.6, "o"),
    "back": (0.5, "o"), "quote": (0.6, "c"), "regard": (0.4, ""), "cast": (0.4, ""), "paint": (0.4, ""),
    "depict": (0.5, ""),
    "identify": (0.5, "o"), "favor": (0.6, "o"), "nominate": (0.5, "o"), "deem": (0.6, "co"),
    "promote": (0.5, "o"), "advocate": (0.7, "o"), "portray": (0.6, "o"), "comment": (0.7, "co"),
    "underscore": (0.7, "co"), "attribute": (0.6, "o"), "rail": (0.7, "o"), "voice": (0.6, "o"), "label": (0.6, "o"),
    "characterize": (0.7, "o"), "brand": (0.6, "o"), "dub": (0.6, "o"), "credit": (0.5, "o"),
    "invoke": (0.5, "o"), "champion": (0.6, "o"), "disclose": (0.6, "co"),
    "address": (0.5, "o"), "accept": (0.4, "o"), "pursue": (0.5, "o"),
    "compare": (0.6, "o"), "liken": (0.7, "o"), "share": (0.4, "o"), "retweet": (0.7, "o"), "release": (0.4, ""),
    "publish": (0.5, "o"), "issue": (0.4, "o"), "email": (0.6, "co"), "bemoan": (0.8, "co"), "downplay": (0.7, "o"),
    "rebuke": (0.7, "o"), "lambaste": (0.8, "o"), "assail": (0.8, "o"), "contrast": (0.6, "o"),
    "articulate": (0.7, "o"), "rebut": (0.7, "o"), "introduce": (0.4, ""),
    "encourage": (0.6, "xo"), "request": (0.6, "xo"), "persuade": (0.6, "x"), "eye": (0.5, "o"),
    "pronounce": (0.6, "o"), "approve": (0.4, "o"), "authorize": (0.4, "o"),
    "outline": (0.5, "o"), "reference": (0.6, "o"), "thank": (0.5, "o"), "mock": (0.6, "o"), }

# Russian lemmas (natasha / spaCy ru lemmatisers give these infinitives).
_RU: dict[str, tuple[float, str]] = {
    "сказать": (0.95, "c"), "говорить": (0.9, "c"), "заявить": (0.95, "c"), "заявлять": (0.9, "c"),
    "сообщить": (0.9, "c"), "сообщать": (0.85, "c"), "отметить": (0.9, "c"), "отмечать": (0.85, "c"),
    "подчеркнуть": (0.9, "c"), "добавить": (0.85, "c"), "пояснить": (0.85, "c"), "рассказать": (0.85, "c"),
    "написать": (0.8, "c"), "считать": (0.8, "c"), "полагать": (0.8, "c"), "думать": (0.7, "c"),
    "уверить": (0.7, "c"), "предупредить": (0.9, "c"), "признать": (0.85, "c"), "отрицать": (0.8, "co"),
    "подтвердить": (0.85, "c"), "объявить": (0.85, "c"), "обещать": (0.85, "cx"), "пообещать": (0.85, "cx"),
    "намереваться": (0.85, "x"), "хотеть": (0.6, "x"), "планировать": (0.75, "x"), "призвать": (0.8, "x"),
    "ответить": (0.8, "c"), "напомнить": (0.85, "c"), "уточнить": (0.85, "c"), "указать": (0.8, "c"),
}

CUES: dict[str, dict[str, Cue]] = {"en": _table(_EN), "ru": _table(_RU)}

# "according to X" and equivalents: (first word, second word) lower-cased.
ACCORDING_TO: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("according", "to"),),
    "ru": (("по", "словам"), ("по", "мнению"), ("по", "данным")),
}

# prepositions that carry the content of an object-frame cue: called FOR, pointed TO/OUT
OBJECT_PREPS: dict[str, frozenset[str]] = {
    "en": frozenset({"for", "on", "to", "about", "of", "out", "against", "at"}),
    "ru": frozenset(),
}

# nouns that are a source's statement: "in a statement", "his remarks"
SPEECH_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"statement", "claim", "remark", "comment", "interview", "speech", "tweet",
                     "message", "letter", "post", "announcement", "assertion", "warning", "argument",
                     "suggestion", "promise", "pledge", "belief", "view", "allegation", "charge"}),
    "ru": frozenset({"заявление", "сообщение", "интервью"}),
}

# words that can stand as a source on their own in a colon lead-in ("Shoygu: ...")
SOURCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "source",
                     "sources", "aide", "aides", "statement"}),
    "ru": frozenset(),
}


# words of section labels and kickers before a colon ("The Latest:", "Q:", "Breaking:", "Twitter:"):
# such a lead names no speaker
LABEL_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "note", "update", "updated", "updates", "photo", "photos", "editor", "watch", "read", "related", "source",
        "credit", "video", "image", "q", "a", "q&a", "question", "answer", "correction", "warning", "tags",
        "breaking", "busted", "exclusive", "live", "name", "opinion", "analysis", "transcript", "latest", "byline",
        "notice", "email", "newsletter", "twitter", "facebook", "instagram", "plus", "bombshell", "look",
        "wow", "review", "quiz", "timeline", "factbox", "explainer", "editorial", "recap", "preview", "podcast",
        "listen", "graphic", "map", "chart", "sponsored", "advertisement"}),
    "ru": frozenset({"фото", "видео", "обновлено", "читайте", "справка"}),
}


# nouns that report a position when someone owns them: "her vow to ...", "his claim that ..."
NOMINAL_CUES: dict[str, dict[str, float]] = {
    "en": {
        "claim": 0.7, "statement": 0.5, "assertion": 0.7, "argument": 0.6, "belief": 0.7, "promise": 0.7,
        "pledge": 0.7, "vow": 0.7, "proposal": 0.6, "call": 0.6, "demand": 0.6, "refusal": 0.7, "warning": 0.7,
        "suggestion": 0.7, "insistence": 0.7, "charge": 0.5, "allegation": 0.6, "accusation": 0.7,
        "opposition": 0.6, "endorsement": 0.6, "praise": 0.6, "comment": 0.5, "remark": 0.6, "hope": 0.5, "fear": 0.5,
        "desire": 0.6, "intention": 0.6, "push": 0.5, "threat": 0.5, "announcement": 0.6, "admission": 0.7,
        "denial": 0.7, "prediction": 0.7, "recommendation": 0.6, "stance": 0.5,
        "opinion": 0.6, "attack": 0.4, "defense": 0.4, "request": 0.5, "assessment": 0.6, "decision": 0.5, "question": 0.5,
    },
    "ru": {"заявление": 0.6, "обещание": 0.6, "призыв": 0.6, "требование": 0.6},
}

# verbs whose object noun carries the speech act: "made the argument that", "expressed support for"
LIGHT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"make", "give", "issue", "express", "offer", "voice", "reiterate", "repeat", "renew",
                     "deliver", "lend", "throw", "announce", "share", "signal", "register"}),
    "ru": frozenset(),
}

# prepositions that bring a verb's object, so that a noun after them is what the verb acts on:
# "vouched for his plan", "railed against her proposal", "expanded on his remarks"
COMPLEMENT_PREPS: dict[str, frozenset[str]] = {
    "en": frozenset({"to", "on", "upon", "at", "against", "for", "about", "with", "over", "into", "of"}),
    "ru": frozenset(),
}

# verbs of receiving someone else's position: "won the endorsement of", "faced questions about"
RECEIVING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"win", "earn", "secure", "receive", "get", "gain", "land", "snag", "pick", "sew", "garner",
                     "collect", "lose", "court", "face", "field", "entertain", "dodge", "deflect", "duck",
                     "sidestep", "draw", "attract"}),
    "ru": frozenset(),
}

# verbs of reacting to someone else's position: "Clinton bashed Trump's proposal"
REACTION_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"criticize", "criticise", "attack", "reject", "dismiss", "oppose", "mock", "slam", "blast",
                     "question", "challenge", "denounce", "condemn", "ridicule", "decry", "rebuke", "praise",
                     "welcome", "applaud", "hail", "support", "endorse", "back", "ignore", "respond", "answer",
                     "counter", "rebut", "scoff", "deride", "lambaste", "assail", "fault", "blame", "cite",
                     "quote", "echo", "note", "hear", "read", "see", "discuss", "debate", "investigate"}),
    "ru": frozenset(),
}

# words that introduce a name in quotation marks, not anyone's words: (right before the quotation,
# before an "as" right before it): titled "PayDay Dump", known to fans as "El Toro"
NAMING_WORDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"titled", "entitled", "dubbed", "nicknamed", "named", "so-called", "codenamed"}),
           frozenset({"billed", "nicknamed", "marketed"})),
    "ru": (frozenset({"названием", "прозвищем", "называемый", "называемая", "называемое", "называемые"}), frozenset()),
}

# verbs of taking evidence and the bodies that take it: "the court heard that ...", "..., a jury was told";
# such a verb is a cue only with one of these subjects, and the body is not the speaker
HEARING: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"hear"}),
           frozenset({"court", "jury", "tribunal", "inquiry", "inquest", "hearing", "trial", "panel", "committee",
                      "judge", "magistrate", "magistrates", "juror", "jurors"})),
}


# inflected reporting words that mark a headline as a statement: "Jeb Bush Praises Rubio"
HEADLINE_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({
        "says", "said", "say", "calls", "slams", "blasts", "praises", "endorses", "tweets", "claims", "warns",
        "vows", "urges", "tells", "defends", "plans", "wants", "finds", "supports", "rips", "knocks", "attacks",
        "trashes", "backs", "predicts", "denies", "admits", "pledges", "accuses", "dismisses", "rejects",
        "questions", "touts", "hails", "mocks", "reveals", "announces", "insists", "suggests", "argues", "thinks",
        "believes", "fears", "hopes", "seeks", "blame", "blames", "criticizes", "condemns", "denounces", "lashes",
        "slam", "blast", "praise", "endorse", "urge", "warn", "vow", "call", "tout", "back", "defend", "reject",
    }),
}


def cues_for(language: str) -> dict[str, Cue]:
    """The cue lexicon for ``language`` (English when the language has none)."""
    return CUES.get(language) or CUES["en"]


def hearing_body(verb: Token) -> bool:
    """Whether ``verb`` is a verb of taking evidence whose subject is a body that takes it ("the court heard")."""
    verbs, bodies = HEARING.get(verb.doc.lang_, (frozenset(), frozenset()))
    return verb.lemma_ in verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in bodies for c in verb.children)
