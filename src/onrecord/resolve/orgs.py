"""Telling organisations from people in one article: the outlet, ORG entities and organisation head words.

A capitalised run such as "Mirsk Herald", "Northern Wire" or "Ostrel Chemicals" looks like a
name; it is an organisation when it is the article's own outlet, when the parser labelled
it ORG, or when it ends in an organisation head word (Herald, Times, Agency, Ministry,
Inc, Ltd, ...; see :data:`onrecord.resolve.titles.ORG_HEADS`).
"""

from __future__ import annotations

import re

from ..models import ArticleResult
from .names import clean_name
from .titles import is_org_phrase, org_key

__all__ = ["OrgTyping", "org_display", "org_is_head", "words_of"]

_HEAD_ORG_WORDS = ("ministry", "service", "office", "government", "agency", "kremlin", "council", "department",
                   "committee", "police")


def org_display(text: str) -> str:
    """An organisation's display form: leading articles dropped ("the Interior Ministry" → "Interior Ministry")."""
    words = clean_name(text).split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def words_of(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’\-]+", text)]


def org_is_head(text: str, role: str, lang: str = "en") -> bool:
    """"the presidential press service" is an organisation; "a ministry spokesman" is a role."""
    low = text.lower()
    at_role = low.rfind(role)
    org_word = max((low.rfind(w) for w in _HEAD_ORG_WORDS), default=-1)
    return org_word > at_role and bool(low.split())


class OrgTyping:
    """Organisation evidence of one article beyond the parser's ORG labels: its outlet's name and head words.

    The small English model labels many unfamiliar person names ORG ("Marko Kovac", "Vell"), so an
    ORG label never overrides a person reading of a mention; ORG entities still enter the cast as
    organisations, and a mention with no person evidence that they cover resolves to them."""

    def __init__(self, result: ArticleResult) -> None:
        outlet = org_display(result.article.outlet or "")
        self.outlet_key = org_key(outlet) if outlet else ""
        self.lang = result.article.language or "en"

    def is_outlet(self, text: str) -> bool:
        return bool(self.outlet_key) and org_key(org_display(text)) == self.outlet_key

    def is_org(self, text: str) -> bool:
        """True when ``text`` names an organisation: the article's outlet, or it ends in an organisation head."""
        return is_org_phrase(text, self.lang) or self.is_outlet(text)
