"""Direct quotations: which cue and speaker a quoted passage is attributed to, with exact spans.

Each case is a pattern seen in news text (PolNeAR train) that the attribution rules of
``extract/direct.py`` handle; the Docs come from the real spaCy model (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest
from test_quotes import expect, facts

from onrecord.extract.quote_marks import find_quoted


CASES = {
    "space before the closing mark": (
        "“I regret having listened to that advice, ” he said.",
        [(["“I regret having listened to that advice, ”"], "he", "said", "direct")]),
    "signature on the next line": (
        'The numbers changed over the summer.\n\n'
        '"The idea that I would dismantle health care in America is just not accurate."\n\n- Bernie Sanders.',
        [(['"The idea that I would dismantle health care in America is just not accurate."'], "Bernie Sanders",
          ("-", 1), "direct")]),
    # nothing introduces the quotation and the heading signs nothing, so it is no one's statement
    "a signature closes its statement": (
        "“The debate showed everyone who he really is.” ― Ana Ruiz\n"
        "“He cannot lead a country of this size. He only knows how to insult people.” "
        "And that is all he has, “nothing but noise.” ― Carla Gomez",
        [(["“The debate showed everyone who he really is.”"], "Ana Ruiz", "―", "direct"),
         (["“He cannot lead a country of this size. He only knows how to insult people.”", "“nothing but noise.”"],
          "Carla Gomez", ("―", 2), "direct")]),
    "a quotation inside a quotation with the same marks": (
        "“As a young nurse, I would rather live in what he calls “hell” than in a world where he is president.” "
        "― Ada Morales",
        [(["“As a young nurse, I would rather live in what he calls “hell” than in a world where he is president.”"],
          "Ada Morales", "―", "direct")]),
    "a relative clause after a quotation is not its cue": (
        "Rivera interjected, “Ladies and gentlemen, Mr. Tom Waits,” who went on to perform a new song.",
        [(["“Ladies and gentlemen, Mr. Tom Waits,”"], "Rivera", "interjected", "direct")]),
    "a relative clause after a quoted name is not its cue": (
        "The show runs on the cable channel “Morning Desk,” which ends at nine every weekday.", []),
    "a cue whose subject the parser lost after the quotation": (
        "“Go back to Telemundo,” Trump barked and a security guard escorted Ramos out.",
        [(["“Go back to Telemundo,”"], "Trump", "barked", "direct")]),
    "a dashed heading is no signature": (
        "“Accents and colors change when people move to a new country.”\n\n– An immigrant himself –.", []),
    "inverted name the tagger missed": (
        "“Having access to the file and two people who understand it is valuable,” said Skelly, explaining his view.",
        [(["“Having access to the file and two people who understand it is valuable,”"], "Skelly", "said", "direct")]),
    "inverted unlisted verb with its speaker as object": (
        "“It is about time that we had a woman running this country,” exhorted the actress Jamie Lee Curtis.",
        [(["“It is about time that we had a woman running this country,”"], "the actress Jamie Lee Curtis",
          "exhorted", "direct")]),
    "speaker with a long description before the cue": (
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner "
        "nationally and current polling leader in South Carolina, said when Boyle asked him a question.",
        [(["“Very good reporter, very good reporter this guy,”"], "Trump", "said", "direct"),
         (["a question"], "Boyle", "asked", "indirect")]),
    "colon after an unlisted verb": (
        "The crowd applauded.\n\nHannity interjected: “So you’re saying there will be some flexibility?”",
        [(["“So you’re saying there will be some flexibility?”"], "Hannity", "interjected", "direct")]),
    "colon after a document's clause": (
        'A footnote in the report makes that clear: "These assessments do not apply to the system used by the principals."',
        [(['"These assessments do not apply to the system used by the principals."'], "A footnote", "makes", "direct")]),
    "colon clause whose quotation the parser made the root": (
        'Sanders delivered a snappy retort: "No one is tearing this up. We are going to go forward."',
        [(['"No one is tearing this up. We are going to go forward."'], "Sanders", "delivered", "direct")]),
    "colon after a clause that reports already": (
        'She is sure that keeping Santilli in jail will only make his voice louder: '
        '"They are creating a monster, as far as I am concerned."',
        [(['that keeping Santilli in jail will only make his voice louder: '
           '"They are creating a monster, as far as I am concerned."'], "She", "is sure", "mixed")]),
    "quotation after a sentence whose cue reports nothing else": (
        '"Mainstream Republicans are failing," said Craig Robinson.\n\n'
        'Iowa State University\'s Dianne Bystrom agreed. '
        '"Mainstream Republicans are running out of time to find an alternative to Trump or Cruz."',
        [(['"Mainstream Republicans are failing,"'], "Craig Robinson", "said", "direct"),
         (['"Mainstream Republicans are running out of time to find an alternative to Trump or Cruz."'],
          "Iowa State University's Dianne Bystrom", "agreed", "direct")]),
    "quotation in the paragraph after a bare cue": (
        "Both candidates said it was no big deal.\n\n"
        "Sam Lau, the communications director for the Iowa Democratic Party said in a statement.\n\n"
        "“There are no paper ballots to recount. Monday’s caucuses were a unique event.”",
        [(["it was no big deal"], "Both candidates", "said", "indirect"),
         (["“There are no paper ballots to recount. Monday’s caucuses were a unique event.”"], "Sam Lau",
          ("said", 2), "direct")]),
    "a document as host of a quoted sentence": (
        "Sanders often questions her ties.\n\n"
        "The ad targets a “corrupt political system that keeps in place a rigged economy where Wall Street buys off elections.”",
        [(["her ties"], "Sanders", "questions", "indirect"),
         (["“corrupt political system that keeps in place a rigged economy where Wall Street buys off elections.”"],
          "The ad", "targets", "direct")]),
    "no host for a title in quotation marks": (
        "The mayor is holding a party at the “Blue Harbor Social Club” downtown tonight.", []),
    "no host for a title with small words": (
        "Last year the senator sang at the “Night of the Long Table” fundraiser in Denver.", []),
    "a host for a phrase that only names someone": (
        "He has also crowned the senator “the next George Washington” on his radio show.",
        [(["“the next George Washington”"], "He", "crowned", "direct")]),
    "participle after a comma speaks for the sentence's subject": (
        "Singer Mara shared the news on social media last week, writing “Feels great to back someone I trust. "
        "The band offered to pay for the hall but he said no.”",
        [(["the news on social media"], "Singer Mara", "shared", "indirect"),
         (["“Feels great to back someone I trust. The band offered to pay for the hall but he said no.”"],
          "Singer Mara", "writing", "direct")]),
    "no host for a scare-quoted word": ("The report uses the word “pivot” often.", []),
    # a name in quotation marks that a naming word or an apposition introduces is nobody's words
    "titled": ('The listing, titled "PayDay Dump", was posted on 19 May.', []),
    "title as an apposition": ('Meridian\'s third album, "Low Orbit," debuted at No. 2 on the chart in April.', []),
    "billed as": ("The fixture had been billed as the ‘battle of the basement budgets’, with both clubs operating on "
                  "the lowest wage bills.", []),
    "a time after an inverted cue is no speaker": (
        '"The vote is done," said Thursday morning on the radio.',
        [(['"The vote is done,"'], None, "said", "direct")]),
    "cue verb tagged as a noun": (
        "“If she wants to be the next president, Hillary Clinton should act like one,” the editorial read.",
        [(["“If she wants to be the next president, Hillary Clinton should act like one,”"], "the editorial", "read",
          "direct")]),
    "a reporting sentence after a closed quotation reports its own clause": (
        '"It is a sad day," Garcia told reporters in Toledo. "This is what the culture of that campaign produces." '
        'Mayor Ann Liu said she would have fired the manager.',
        [(['"It is a sad day,"', '"This is what the culture of that campaign produces."'], "Garcia", "told", "direct"),
         (["she would have fired the manager"], "Mayor Ann Liu", "said", "indirect")]),
    "a cue below the next sentence's own verb is not the quotation's": (
        '"We need leaders to fix it. The fix has to happen in towns." '
        'It is unclear whether Jones knows that the money comes from Washington.',
        [(["that the money comes from Washington"], "Jones", "knows", "indirect")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_direct_attribution(nlp, name):
    text, quotes = CASES[name]
    assert facts(nlp, text) == expect(text, *quotes)


@pytest.mark.parametrize("text, passages", [
    # a right mark opening a line (after an invisible direction mark) opens the quotation
    ("Readers wrote in.\n\n\u202a”Sorry Sam, you should have stayed home!!” posted Ann Lee.",
     ["”Sorry Sam, you should have stayed home!!”"]),
    ("She was not impressed.\n\n” … they are so not like him,” she said.", ["” … they are so not like him,”"]),
    ("“One “two” three “four” five.”", ["“One “two” three “four” five.”"]),
    # a second opener with no closer after its own is a fresh start: the first mark was stray
    ("“Stray “real,” he said.", ["“Stray", "“real,”"]),
])
def test_quoted_passages(text, passages):
    assert [text[q.start:q.end] for q in find_quoted(text)] == passages
