"""Sentence starts given by the text's own lines (``extract/breaks.py``), on the real spaCy model."""

from __future__ import annotations

from onrecord.settings import resolve_settings


def _pipe():
    from onrecord.extract import load_pipeline

    return load_pipeline(resolve_settings({}, env={}), "en")


def test_heading_line_ends_a_sentence(nlp):
    from onrecord.extract.breaks import paragraph_starts

    text = ("Ostrova Says She Would Close The Bridge Over Winter\nMaria Ostrova said the bridge would close.\n"
            "The council met with Mayor Tom\nReyes on Tuesday.")
    doc = nlp.make_doc(text)
    # a heading ends at its line break; a wrapped line ending in a name does not
    assert [doc[i].text for i in paragraph_starts(doc)] == ["Maria", "The"]


def test_heading_keeps_the_next_line_subject():
    from onrecord.extract.quotes import extract_statements

    text = "Ostrova Says She Would Close The Bridge Over Winter\nMaria Ostrova said the bridge would close in May."
    doc = _pipe()(text)
    said = [s for s in extract_statements(doc, "en", "t") if s.cue and text[s.cue.start:s.cue.end] == "said"]
    assert [text[s.speaker_mention.start:s.speaker_mention.end] for s in said] == ["Maria Ostrova"]
    assert [text[s.content.start:s.content.end] for s in said] == ["the bridge would close in May"]
