"""The thing a number counts: a synonym lexicon, and the rules that read it off the parse.

**Convention.** ``counted`` is the *group* of what is counted, so that two phrasings of one
thing compare equal and two different things do not:

* a noun (phrase) takes its lexicon group, else its lemma: "fatalities", "the death toll",
  "bodies" -> ``death``; "troops", "servicemen", "personnel" -> ``troop``; "space heaters" ->
  ``space heater``;
* a *state* that changes what is counted -- a participle or adjective ("injured officers",
  "dead fish", "withdrawn soldiers", "spilled solvent") or the event verb whose patient the noun is
  ("164 people were killed", "2,000 were detained", "4,000 litres leaked", "police recovered
  2,700 weapons") -- is kept in front of the head: ``<state> <head>`` ("injured police officer",
  "dead fish", "withdrawn troop", "spilled solvent", "recovered weapon"). The head stays last,
  because the number chains in :mod:`onrecord.analyze` read the last word;
* for people in general ("people", "residents", "civilians", "protesters") a human state is the
  whole group: dead -> ``death``, injured -> ``injured``, detained -> ``detainee``, evacuated ->
  ``evacuee``, displaced -> ``refugee``, missing -> ``missing``; other states say ``<state> person``
  ("charged person"). Police officers, troops, foreigners, militants, firefighters ... keep their
  head ("dead police officer" = "police death"), so 19 dead officers do not join 164 dead people;
* "dead fish" is therefore ``dead fish``, apart from the human ``death`` group; "fish kill" is a
  synonym of it.

:func:`canonical_counted` applies the same decomposition to any phrase, so gold written as
"police death", "person charged" or "soldier" lands in the same group as the extractor's
"dead police officer", "charged person" or "troop".

Measured against MiniLM sentence embeddings on the golden set (see the claims evaluation
note): the lexicon groups better and costs nothing, so it is the default.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NOUN_GROUPS", "EVENT_VERBS", "INTRANSITIVE_EVENTS", "STATE_WORDS", "STATE_VERBS", "STATE_HEADS", "STATE_PLACES",
           "canonical_counted", "compose", "event_group", "counted_state", "state_of_verb", "lexicon_phrases"]

# group -> lemmas or lemma phrases (lower case) that mean it
NOUN_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "death": ("death", "dead", "fatality", "toll", "death toll", "body", "corpse", "killed", "life", "victim"),
        "injured": ("injured", "wounded", "injury", "wound"),
        "casualty": ("casualty",),
        "detainee": ("detainee", "detained", "arrest", "arrested", "detention", "arrestee"),
        "terrorist": ("terrorist", "militant", "insurgent", "extremist", "gunman", "bandit", "armed person",
                      "armed man", "armed people", "armed men"),
        "troop": ("troop", "soldier", "serviceman", "servicemen", "servicemember", "service member", "personnel",
                  "military personnel"),
        "peacekeeper": ("peacekeeper", "peacekeeping troop", "peacekeeping force"),
        "police officer": ("police officer", "officer", "policeman", "policemen", "policewoman", "police",
                           "law enforcement officer", "security force", "member of the security forces"),
        "foreigner": ("foreigner", "foreign national", "foreign citizen", "foreign", "citizen of other countries",
                      "citizen of other states"),
        "person": ("people", "person", "individual", "resident", "citizen", "civilian", "inhabitant"),
        "evacuee": ("evacuee", "evacuated"),
        "refugee": ("refugee", "displaced", "displaced person"),
        "missing": ("missing",),
        "region": ("region", "province", "oblast"),
        "protester": ("protester", "protestor", "demonstrator", "rioter"),
        "dead fish": ("dead fish", "fish kill", "fish death"),
    },
    "ru": {
        "death": ("погибший", "погибшие", "жертва", "тело", "смерть"),
        "injured": ("раненый", "пострадавший"),
        "detainee": ("задержанный", "задержанные", "арестованный"),
        "terrorist": ("террорист", "боевик", "бандит"),
        "troop": ("военнослужащий", "солдат", "военный"),
        "person": ("человек", "люди", "житель", "гражданин"),
        "region": ("регион", "область"),
    },
}

# event verbs (lemma) whose patient is what is counted: "20 people were killed" -> death
EVENT_VERBS: dict[str, dict[str, str]] = {
    "en": {
        "kill": "death", "die": "death", "perish": "death", "murder": "death", "execute": "death",
        "injure": "injured", "wound": "injured", "hurt": "injured",
        "detain": "detainee", "arrest": "detainee", "apprehend": "detainee",
        "evacuate": "evacuee", "displace": "refugee",
    },
    "ru": {
        "погибнуть": "death", "убить": "death", "умереть": "death",
        "ранить": "injured", "задержать": "detainee", "арестовать": "detainee",
    },
}
# verbs whose *subject* is the counted patient ("20 died")
INTRANSITIVE_EVENTS: dict[str, frozenset[str]] = {
    "en": frozenset({"die", "perish", "leak", "escape", "spill", "leave", "withdraw", "return", "pull"}),
    "ru": frozenset({"погибнуть", "умереть"}),
}

# a word (surface form or lemma) that names a state of the counted thing -> the state
STATE_WORDS: dict[str, str] = {
    "dead": "dead", "killed": "dead", "death": "dead", "fatality": "dead", "body": "dead", "corpse": "dead",
    "victim": "dead", "toll": "dead",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injury": "injured",
    "detained": "detained", "arrested": "detained", "detainee": "detained",
    "evacuated": "evacuated", "evacuee": "evacuated", "displaced": "displaced", "missing": "missing",
    "spilled": "spilled", "spilt": "spilled", "leaked": "spilled", "escaped": "spilled",
    "withdrawn": "withdrawn", "charged": "charged", "recovered": "recovered", "destroyed": "destroyed",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised", "treated": "treated",
    "suspected": "suspected", "unidentified": "unidentified",
}
# event verb lemma -> the state of its patient (passive subject, object, or subject of an intransitive)
STATE_VERBS: dict[str, str] = {
    "kill": "dead", "die": "dead", "perish": "dead", "murder": "dead", "execute": "dead",
    "injure": "injured", "wound": "injured", "hurt": "injured",
    "detain": "detained", "arrest": "detained", "apprehend": "detained",
    "evacuate": "evacuated", "displace": "displaced",
    "leak": "spilled", "spill": "spilled", "escape": "spilled", "release": "spilled",
    "withdraw": "withdrawn", "leave": "withdrawn", "return": "withdrawn", "pull": "withdrawn",
    "charge": "charged", "accuse": "charged", "recover": "recovered", "destroy": "destroyed",
    "hospitalise": "hospitalised", "hospitalize": "hospitalised", "suspect": "suspected",
}
# "1,110 remain in custody", "687 were still in hospital": a place that is a state
STATE_PLACES: dict[str, str] = {"custody": "detained", "detention": "detained", "jail": "detained",
                                "prison": "detained", "hospital": "hospitalised"}
# "still working to identify 31 of the dead", "have not identified": the patient is not identified yet
_PENDING_STATES = {"identify": "unidentified"}
# a human state of people in general is a group of its own
_PERSON_STATES = {"dead": "death", "injured": "injured", "detained": "detainee", "evacuated": "evacuee",
                  "displaced": "refugee", "missing": "missing"}
_GROUP_STATES = {group: state for state, group in _PERSON_STATES.items()}
# groups that are "people in general" for that rule (a state replaces them)
_GENERAL_PEOPLE = frozenset({"", "person", "protester", "casualty"})
# states that only change some heads ("600 soldiers left" is a withdrawal; "residents returned" is not)
STATE_HEADS = {"withdrawn": frozenset({"troop", "peacekeeper"})}
# "150 pieces of equipment", "19 members of the security forces": the thing is the partitive's object
PARTITIVES = frozenset({"piece", "member", "unit", "item", "head"})

# "sought medical help", "received treatment": the subject was treated
_CARE_VERBS = frozenset({"seek", "receive", "need", "require", "get"})
_CARE_NOUNS = frozenset({"help", "treatment", "care", "attention", "assistance"})
# "cases opened against N people": they were charged
_CHARGE_NOUNS = frozenset({"case", "charge", "proceeding", "indictment", "prosecution", "lawsuit"})

_INDEX: dict[str, dict[str, str]] = {}


def _index(language: str) -> dict[str, str]:
    lang = language if language in NOUN_GROUPS else "en"
    if lang not in _INDEX:
        _INDEX[lang] = {syn: group for group, syns in NOUN_GROUPS[lang].items() for syn in syns}
    return _INDEX[lang]


def lexicon_phrases(language: str = "en") -> dict[str, str]:
    """Every lexicon phrase of a language -> its group."""
    return _index(language)


def _head_group(words: list[str], index: dict[str, str]) -> str:
    p = " ".join(words)
    if p in index:
        return index[p]
    if words[-1] in index:
        return index[words[-1]]
    if words[0] in index and index[words[0]] == "person":  # "people die", "people kill"
        return index[words[0]]
    return p


def compose(state: str, head: str) -> str:
    """The group for a head group in a state ("dead", "police officer" -> "dead police officer")."""
    if not state or (state in STATE_HEADS and head not in STATE_HEADS[state]):
        return head
    if head in _GENERAL_PEOPLE:
        return _PERSON_STATES.get(state, f"{state} person")
    if head in _PERSON_STATES.values():  # "death", "injured" ... already carry a state
        return f"{state} {head}" if state in _PENDING_STATES.values() else head  # but "unidentified death"
    return f"{state} {head}"


def canonical_counted(phrase: str, language: str = "en") -> str:
    """The group name for a lemma phrase: the whole phrase if the lexicon has it; a partitive's
    object ("piece of equipment" -> equipment); else its state words ("dead", "injured", "death",
    "spilled" ...) composed with the group of the other words (the head: last word, then first)."""
    p = " ".join(phrase.lower().split())
    if not p:
        return ""
    index = _index(language)
    if p in index:
        return index[p]
    words = p.split()
    if language == "en" and "of" in words[1:]:
        i = words.index("of")
        obj = [w for w in words[i + 1:] if w not in ("the", "a", "an")]
        if obj and words[i - 1] in PARTITIVES:
            return canonical_counted(" ".join(obj), language)
    if language == "en":  # "person in custody" -> detained person
        words = [STATE_PLACES[w] if w in STATE_PLACES and i and words[i - 1] == "in" else w
                 for i, w in enumerate(words)]
    states = [STATE_WORDS[w] for w in words if w in STATE_WORDS] if language == "en" else []
    if not states:
        return _head_group(words, index)
    rest = [w for w in words if w not in STATE_WORDS and w not in ("of", "in", "the")]
    if not rest and len(states) > 1:  # "unidentified death", "unidentified dead"
        return compose(states[0], compose(states[-1], ""))
    return compose(states[0], _head_group(rest, index) if rest else "")


def event_group(verb_lemma: str, language: str = "en") -> str | None:
    """The group an event verb's patient belongs to ("kill" -> "death"), if any."""
    return EVENT_VERBS.get(language, EVENT_VERBS["en"]).get(verb_lemma.lower())


def state_of_verb(verb: Any, rel: str, language: str = "en") -> str:
    """The state a verb gives the noun in relation ``rel`` to it ("were killed" -> dead); "" if none."""
    if language != "en":
        grp = event_group(verb.lemma_, language)
        return grp or ""
    lemma = verb.lemma_.lower()
    if rel in ("nsubj", "nsubjpass"):  # "1,110 remain in custody"
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                place = next((o.lemma_.lower() for o in prep.children if o.dep_ == "pobj"), "")
                if place in STATE_PLACES:
                    return STATE_PLACES[place]
    if lemma in _PENDING_STATES and rel == "dobj" and (
            any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)):
        return _PENDING_STATES[lemma]
    state = STATE_VERBS.get(lemma, "")
    if not state:
        return ""
    intransitive = INTRANSITIVE_EVENTS["en"]
    if rel == "nsubjpass" or (rel == "dobj" and lemma not in intransitive):
        return state
    if rel == "nsubj" and lemma in intransitive and not _passive(verb):
        return state
    return ""


def _antecedent_state(pronoun: Any, language: str) -> tuple[str, Any]:
    """The state of the nearest earlier plural noun that has one ("238 people died, among them"
    -> dead; "bodies found ... Among them" -> dead), within 60 tokens."""
    doc = pronoun.doc
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 60), -1):
        t = doc[i]
        if t.pos_ != "NOUN" or t.tag_ != "NNS":
            continue
        st, by = counted_state(t, language, follow=False)
        if not st:
            st = _GROUP_STATES.get(canonical_counted(t.lemma_.lower(), language), "")
            by = t
        if st:
            return st, by
    return "", None


def _passive(verb: Any) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def counted_state(noun: Any, language: str = "en", follow: bool = True) -> tuple[str, Any]:
    """The state of the counted noun read from the parse, and the token that says it: a modifier
    ("injured officers", "dead fish", "people killed", "solvent leaked"), the verb the noun (or the
    measure / number word governing it) is the patient of, or the "among those killed" /
    "including" it belongs to. ``follow=False`` does not look for a pronoun's antecedent."""
    if language != "en":
        return "", None
    for c in noun.children:
        if c.dep_ in ("amod", "acl", "relcl", "compound") and c.i != noun.i:
            w = c.lower_
            if w in STATE_WORDS and c.dep_ != "relcl":
                return STATE_WORDS[w], c
            if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD"):
                st = STATE_VERBS.get(c.lemma_.lower(), "")
                intransitive = c.lemma_.lower() in INTRANSITIVE_EVENTS["en"]
                if st and (c.dep_ == "acl" or intransitive or _passive(c)):
                    return st, c
    tok = noun
    # "500 litres of the solvent escaped", "a total of 16 servicemen died": the relation is the head's;
    # "the bodies of 11 people": the head itself says the state
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of" \
            and tok.head.head.pos_ in ("NOUN", "NUM", "PROPN", "PRON"):
        tok = tok.head.head
        if tok.lemma_.lower() in STATE_WORDS and tok.pos_ == "NOUN":
            return STATE_WORDS[tok.lemma_.lower()], tok
    head = tok.head
    # "criminal cases were opened against 1,110 people", "charges were brought against 74 people"
    if tok.dep_ == "pobj" and tok.head.lower_ == "against" and tok.head.head.pos_ == "VERB" and any(
            c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lemma_ in _CHARGE_NOUNS for c in tok.head.head.children):
        return "charged", tok.head.head
    if head is not tok and head.pos_ in ("VERB", "AUX", "ADJ"):
        st = state_of_verb(head, tok.dep_, language)
        if st:
            return st, head
        if tok.dep_ == "nsubj" and head.lower_ in STATE_WORDS and head.tag_ in ("VBG", "JJ"):
            return STATE_WORDS[head.lower_], head  # "dozens of people were still missing"
        if tok.dep_ == "nsubj":
            for c in head.children:
                # "23 people are still missing", "1,420 people faced criminal charges"
                if c.dep_ in ("acomp", "attr") and c.lower_ in STATE_WORDS and c.pos_ == "ADJ":
                    return STATE_WORDS[c.lower_], c
                if c.dep_ == "dobj" and head.lemma_ == "face" and c.lemma_ == "charge":
                    return "charged", c
                # "2,230 people sought medical help", "40 received treatment"
                if c.dep_ == "dobj" and head.lemma_ in _CARE_VERBS and c.lemma_ in _CARE_NOUNS:
                    return "treated", c

    # "three foreign nationals were among those killed", "238 people died, among them 19 officers"
    # (a pronoun's own state is its antecedent's; a noun object under the noun itself would lead back here)
    owners = [tok] + ([head] if head.lemma_ == "be" and tok.dep_ == "nsubj" else [])
    for owner in owners:
        for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "among"):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o is not tok):
                st, by = counted_state(obj, language, follow) if owner is head else ("", None)
                if not st and follow and obj.pos_ == "PRON" and obj.lower_ in ("them", "those", "these"):
                    st, by = _antecedent_state(obj, language)
                if st:
                    return st, by
    # "164 people had been killed, including 19 members of the security forces"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among") and tok.head.head is not tok:
        owner = tok.head.head
        if owner.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return counted_state(owner, language, follow)
        if owner.pos_ in ("VERB", "AUX"):
            for c in owner.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < tok.head.i:
                    st = state_of_verb(owner, c.dep_, language)
                    if st:
                        return st, owner
    return "", None
