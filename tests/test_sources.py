"""Source (speaker) attribution: which noun phrase a statement is credited to, as an exact span.

Each case parses an invented sentence with the real spaCy model and checks the speaker of the
statement whose cue is given (``None``: the statement has no speaker).
"""

from __future__ import annotations

import pytest


def speaker(nlp, text: str, cue: str) -> str | None:
    """The speaker span text of the one statement in ``text`` whose cue text is ``cue``."""
    from onrecord.extract.quotes import extract_statements

    found = [s for s in extract_statements(nlp(text), "en", "t") if s.cue and text[s.cue.start:s.cue.end] == cue]
    assert len(found) == 1, [text[s.cue.start:s.cue.end] for s in extract_statements(nlp(text), "en", "t") if s.cue]
    mention = found[0].speaker_mention
    return text[mention.start:mention.end] if mention else None


CASES = {
    # an infinitive on an abstract noun goes with whoever holds the noun, or with no one
    "chance to": ("The governor had a rare chance to show that the budget was balanced.", "to show", "The governor"),
    "way to": ("Ortega went out of her way to say that the plan would fail.", "to say", "Ortega"),
    "with every answer to": ("The governor pivoted with every answer to talk about the cost of housing.",
                             "to talk about", "The governor"),
    "no exaggeration to": ("It is no exaggeration to call the plan a disaster.", "to call", None),
    "owned noun keeps owner": ("Her choice to endorse the mayor surprised the council.", "to endorse",
                               "Her choice"),
    # ", pointing to ...": a name the tagger did not recognise still beats a non-person clause subject
    "participle after unrecognised name": (
        "Packer said the sharper focus on taxes is taking a toll on the incumbent, pointing to the latest polls "
        "in Ohio.", "pointing to", "Packer"),
    "participle after a dash parsed as the root": (
        "MIAMI ― Democratic U.S. Rep. Gwen Graham on Monday praised the bill, saying it was overdue.", "saying",
        "Democratic U.S. Rep. Gwen Graham"),
    # a wire dateline the parser made the subject
    "dateline as subject": ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates that "
                            "the server was a risk.", "told", "Former Attorney General Michael Mukasey"),
    # an attribution set off by commas inside the reported clause
    "inverted inside the clause": ("Any fair reading of the budget, said Anna Kofman, an economist at the institute, "
                                   "would show a deficit.", "said", "Anna Kofman"),
    "inverted inside, coordinated": ("The contrast with the mayor, said Doyle and others, would be clear.", "said",
                                     "Doyle"),
    # a participle on a place or occasion of speech goes with the speaker; on a carrier of words, with the noun
    "at one point": ("The senator spoke for an hour, at one point calling the mayor a liar.", "calling",
                     "The senator"),
    "in an article": ("The Times shot back in an article stating that New York was the billionaire capital.",
                      "stating", "The Times"),
    "during a speech": ("The controversy centers on remarks the governor made during a speech attacking the union.",
                        "attacking", "the governor"),
    # a person shown or heard doing the participle right after them is its speaker
    "footage of X asking": ('The ad uses footage of Maria Ostrova asking, "Why are we not ahead?"', "asking",
                            "Maria Ostrova"),
    "heard him saying": ("Neighbours heard him saying that the mayor had lied.", "saying", "him"),
    "a letter to X urging stays with the writer": (
        "The parents sent a letter to Mayor Tom Reyes urging him to reconsider.", "urging", "The parents"),
    # a name before a parenthesis the parser hung on the phrase before it; the parenthesis stays whole
    "name with a party tag after a place": (
        "At the party's state convention Sen. Maria Ostrova (D-MA) said the mayor had failed.", "said",
        "Sen. Maria Ostrova (D-MA)"),
    # the object of a causative performs the verb it leads to
    "left wondering": ("The scandal has left many voters, including his supporters, wondering whether the mayor "
                       "lied.", "wondering", "many voters"),
    "left no doubt, saying": ("The mayor left no doubt about the plan, saying it would pass.", "saying", "The mayor"),
    # a subjectless report whose subject the parser put in a clause hung before it
    "subject in the clause before": ("Ortiz jokingly offered the man a job, then says he will welcome advice from "
                                     "anyone.", "says", "Ortiz"),
    "quotation before an inverted report": ('"Republicans are so frustrated that they are unloading on her," said '
                                            "Elijah Cummings.", "said", "Elijah Cummings"),
    # a capitalised modal before a finite verb is a name
    "Will wrote": ("In particular, Will wrote, the governor can challenge the senator.", "wrote", "Will"),
    "will decide": ("Voters will decide that the plan is sound.", "will decide", "Voters"),
    # a gerund after a preposition on an object noun goes with the subject of the verb holding the noun
    "history of": ("The senator has a long history of blaming others for his own mistakes.", "blaming",
                   "The senator"),
    "step of": ("The mayor's campaign took the unusual step of criticizing the police, accusing them of bias.",
                "criticizing", "The mayor's campaign"),
    "not inverted": ("Mr. Smith, the mayor, said Jones would lose the vote.", "said", "Mr. Smith"),
    # an infinitive the parser hung on an abstract noun as a relative clause goes with the noun's holder
    "every answer to talk about": ("Sanders pivoted with every answer to talk about the country's larger problems.",
                                   "to talk about", "Sanders"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_speaker(nlp, name):
    text, cue, expected = CASES[name]
    assert speaker(nlp, text, cue) == expected
