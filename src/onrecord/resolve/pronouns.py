"""Pronouns per language, with the gender/number they agree with, and a person's likely gender."""

from __future__ import annotations

from .names import parse_person, strip_honorifics

__all__ = ["PRONOUNS", "pronoun_features", "guess_gender", "agrees"]

# pronoun → (gender, number): gender "m" | "f" | "n" (thing/organisation) | "" (any)
PRONOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
        "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
        "they": ("", "pl"), "them": ("", "pl"), "their": ("", "pl"),
        "it": ("n", "sg"), "its": ("n", "sg"),
    },
    "ru": {"он": ("m", "sg"), "она": ("f", "sg"), "они": ("", "pl"), "оно": ("n", "sg"), "его": ("m", "sg"),
           "ее": ("f", "sg"), "её": ("f", "sg")},
}
_MALE_HON = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "herr", "monsieur", "m.", "г-н", "господин"})
_FEMALE_HON = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "queen", "princess", "frau", "madame",
                         "mme", "г-жа", "госпожа"})
_MALE_ROLES = ("spokesman", "chairman", "king", "prince", "businessman", "congressman")
_FEMALE_ROLES = ("spokeswoman", "chairwoman", "queen", "princess", "businesswoman", "congresswoman")
# given names ending in -a that are male (Slavic diminutives and a few others)
_MALE_A = frozenset({"nikita", "ilya", "ilia", "luka", "foma", "sasha", "misha", "kuzma", "savva", "yasha", "joshua",
                     "jonah", "elijah", "mustafa", "musa", "isa", "ata", "costa", "andrea", "luca", "pasha", "kolya"})
_FEMALE_OTHER = frozenset({"helen", "karin", "ingrid", "ruth", "miriam", "ellen", "esther", "carmen", "rachel", "sarah",
                           "elif", "astrid", "sigrid", "margaret", "elizabeth", "ann", "kim", "lyudmila", "catherine",
                           "gwen", "jill", "megan", "susan", "karen", "sharon", "lauren", "kathleen", "maureen",
                           "hannah", "leah", "noor", "mariam", "shirin", "yasmin", "ilse", "greet", "britt", "birgit",
                           "jane", "anne", "marie", "claire", "alice", "louise", "julie", "sophie", "charlotte",
                           "caroline", "christine", "nicole", "michelle", "stephanie", "valerie", "natalie", "rose",
                           "grace", "elise", "irene", "marine", "ursule", "simone", "eve", "janet", "mary", "lucy",
                           "amy", "emily", "nancy", "kathy", "judy", "betty", "dolly", "kelly", "tracy", "ashley"})
_FEMALE_SURNAME = ("ova", "eva", "ina", "skaya", "tskaya", "yna")


def pronoun_features(word: str, language: str = "en") -> tuple[str, str] | None:
    """(gender, number) of a pronoun, or None when ``word`` is not a subject/possessive pronoun."""
    table = PRONOUNS.get(language) or PRONOUNS["en"]
    return table.get(word.strip().lower())


def guess_gender(surface_forms: list[str], roles: list[str] = ()) -> str:
    """"m", "f" or "" from honorifics, gendered role words and the given name's ending."""
    for form in surface_forms:
        first = form.split()[0].lower() if form.split() else ""
        if first in _MALE_HON:
            return "m"
        if first in _FEMALE_HON:
            return "f"
    for role in roles:
        low = role.lower()
        if any(w in low for w in _FEMALE_ROLES):
            return "f"
        if any(w in low for w in _MALE_ROLES):
            return "m"
    for form in surface_forms:
        p = parse_person(strip_honorifics(form))
        given = p.given.split()[0].lower() if p.given else ""
        if given:
            if given in _FEMALE_OTHER or given.endswith(("ine", "elle", "ette")):
                return "f"
            if given.endswith(("a", "ya", "ia")) and given not in _MALE_A:
                return "f"
            if given.endswith(("e", "i", "y")) or len(given) < 2:
                return ""  # Ilse, Marie, Naomi / George, Sergei, Dmitry: no guess
            return "m"
        if p.surname.lower().endswith(_FEMALE_SURNAME):
            return "f"
    return ""


def agrees(pronoun: tuple[str, str], gender: str, kind: str) -> bool:
    """Can a pronoun with these features refer to an entity of ``kind`` ("person"/"organisation") and gender?"""
    pg, pn = pronoun
    if kind == "organisation":
        return pg == "n" or pn == "pl"
    if pg == "n":
        return False
    if pn == "pl":
        return False
    return not gender or not pg or gender == pg
