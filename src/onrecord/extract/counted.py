"""A small synonym lexicon for the thing a number counts.

``canonical_counted`` maps a lemma phrase ("death toll", "body", "people die",
"people kill") to one group name ("death"), so "people died", "the death toll",
"killed" and "bodies of people killed" compare equal. Unknown nouns keep their lemma.

Measured against MiniLM sentence embeddings on the golden set (see the claims
evaluation note): the lexicon groups better and costs nothing, so it is the default.
"""

from __future__ import annotations

__all__ = ["NOUN_GROUPS", "EVENT_VERBS", "INTRANSITIVE_EVENTS", "canonical_counted", "event_group"]

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
        "person": ("people", "person", "individual", "resident", "citizen", "civilian"),
        "evacuee": ("evacuee", "evacuated"),
        "refugee": ("refugee", "displaced", "displaced person"),
        "missing": ("missing",),
        "region": ("region", "province", "oblast"),
        "protester": ("protester", "protestor", "demonstrator", "rioter"),
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
    "en": frozenset({"die", "perish"}),
    "ru": frozenset({"погибнуть", "умереть"}),
}

_INDEX: dict[str, dict[str, str]] = {}


def _index(language: str) -> dict[str, str]:
    lang = language if language in NOUN_GROUPS else "en"
    if lang not in _INDEX:
        _INDEX[lang] = {syn: group for group, syns in NOUN_GROUPS[lang].items() for syn in syns}
    return _INDEX[lang]


def canonical_counted(phrase: str, language: str = "en") -> str:
    """The group name for a lemma phrase: try the whole phrase, then its last word
    (the head of an English noun phrase), then its first; otherwise the phrase itself."""
    p = " ".join(phrase.lower().split())
    if not p:
        return ""
    index = _index(language)
    if p in index:
        return index[p]
    words = p.split()
    for w in (words[-1], words[0]):
        if w in index:
            return index[w]
    return p


def event_group(verb_lemma: str, language: str = "en") -> str | None:
    """The group an event verb's patient belongs to ("kill" -> "death"), if any."""
    return EVENT_VERBS.get(language, EVENT_VERBS["en"]).get(verb_lemma.lower())
