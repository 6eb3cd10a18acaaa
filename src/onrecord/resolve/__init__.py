"""Resolve: speaker mentions to canonical speakers, within an article and across the corpus.

Pure functions over plain records; nothing here parses text with a model or touches the store.
"""

from __future__ import annotations

from ..models import ArticleResult
from .linking import LinkResult, SpeakerInput, link
from .names import alias_key, name_key, parse_person, strip_honorifics, token_key
from .titles import appositions, role_key
from .userfile import UserSpeakers, load_speakers_file
from .within import resolve_within

__all__ = [
    "resolve_article",
    "resolve_within",
    "link",
    "LinkResult",
    "SpeakerInput",
    "UserSpeakers",
    "load_speakers_file",
    "alias_key",
    "name_key",
    "parse_person",
    "strip_honorifics",
    "token_key",
    "appositions",
    "role_key",
]


def resolve_article(result: ArticleResult) -> ArticleResult:
    """Within-article speaker resolution: every statement gets ``speaker_name`` and ``resolution``."""
    if not result.statements:
        return result
    return resolve_within(result)
