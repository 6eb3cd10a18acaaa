"""Statement extraction: each quotation form, with exact character spans.

The rule functions are called on Docs parsed by the real spaCy model.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from onrecord.extract.quote_marks import find_quoted
from onrecord.settings import resolve_settings



def at(text: str, fragment: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the nth whole-word occurrence of ``fragment`` in ``text``."""
    rx = re.compile((r"\b" if fragment[0].isalnum() else "") + re.escape(fragment) + (r"\b" if fragment[-1].isalnum() else ""))
    m = list(rx.finditer(text))[nth - 1]
    return m.start(), m.end()


def facts(nlp, text: str):
    from onrecord.extract.quotes import extract_statements

    out = []
    for s in extract_statements(nlp(text), "en", "t"):
        frags = tuple((f.start, f.end) for f in (s.fragments or (s.content,)))
        src = (s.speaker_mention.start, s.speaker_mention.end) if s.speaker_mention else None
        cue = (s.cue.start, s.cue.end) if s.cue else None
        out.append((frags, src, cue, s.kind))
    return sorted(out)


def expect(text: str, *quotes) -> list:
    out = []
    for frags, src, cue, kind in quotes:
        out.append((tuple(at(text, f) for f in frags), at(text, src) if src else None,
                    at(text, *cue) if isinstance(cue, tuple) else (at(text, cue) if cue else None), kind))
    return sorted(out)


CASES = {
    "curly, cue after": ("“We will not retreat from the border,” he said on Monday.",
                         [(["“We will not retreat from the border,”"], "he", "said", "direct")]),
    "inverted cue": ("“The harvest was the best in a decade,” said Tokayev, speaking in Astana.",
                     [(["“The harvest was the best in a decade,”"], "Tokayev", "said", "direct")]),
    "colon before quote": ("The minister said: “Our reserves are sufficient for the winter.”",
                           [(["“Our reserves are sufficient for the winter.”"], "The minister", "said", "direct")]),
    "discontinuous": ('"We have done our part," Ms. Alvarez said, "and now the council must act."',
                      [(['"We have done our part,"', '"and now the council must act."'], "Ms. Alvarez", "said", "direct")]),
    "multi-sentence": ("“The bridge is closed. Nobody will cross it until engineers have checked every cable.” "
                       "Mayor Jonas Berg told reporters.",
                       [(["“The bridge is closed. Nobody will cross it until engineers have checked every cable.”"],
                         "Mayor Jonas Berg", "told", "direct")]),
    "multi-paragraph": ("She said:\n\n“This state has weathered floods before.\n\n“We will weather this one too.”\n\nThe session ended.",
                        [(["“This state has weathered floods before.\n\n“We will weather this one too.”"], "She", "said", "direct")]),
    "single curly": ("‘It ignores half of the evidence,’ she said.",
                     [(["‘It ignores half of the evidence,’"], "she", "said", "direct")]),
    "guillemets": ("The minister repeated the line: «We will not give in».",
                   [(["«We will not give in»"], "The minister", "repeated", "direct")]),
    "german low-high": ("„Die Lage ist ernst“, said Chancellor Weber in Berlin.",
                        [(["„Die Lage ist ernst“"], "Chancellor Weber", "said", "direct")]),
    "single guillemets": ("‹The talks are over›, said the envoy, Marc Dubois.",
                          [(["‹The talks are over›"], "the envoy, Marc Dubois", "said", "direct")]),
    "straight single": ("'We expected a closer race,' the campaign manager said after the count.",
                        [(["'We expected a closer race,'"], "the campaign manager", "said", "direct")]),
    "doubled apostrophes": ("''Prices are coming down,'' the economist Dana Ruiz wrote on her blog.",
                            [(["''Prices are coming down,''"], "the economist Dana Ruiz", "wrote", "direct")]),
    "stray opening mark": ("Protesters carried signs reading “No more cuts.\n\nThe police chief said officers had shown restraint.\n\n"
                           "“We let them march,” he said.",
                           [(["officers had shown restraint"], "The police chief", "said", "indirect"),
                            (["“We let them march,”"], "he", ("said", 2), "direct")]),
    "continuation": ("“We are ready,” the coach said. “The players know what is at stake.”",
                     [(["“We are ready,”", "“The players know what is at stake.”"], "the coach", "said", "direct")]),
    "that-clause": ("The health ministry said that 42 new cases had been recorded overnight.",
                    [(["that 42 new cases had been recorded overnight"], "The health ministry", "said", "indirect")]),
    "no that": ("Prime Minister Ilves said the coalition would survive the vote.",
                [(["the coalition would survive the vote"], "Prime Minister Ilves", "said", "indirect")]),
    "according to, fronted": ("According to the central bank, inflation will fall below 4 percent next year.",
                              [(["inflation will fall below 4 percent next year"], "the central bank", "According to", "indirect")]),
    "according to, final": ("The factory will close in March, according to two people familiar with the plan.",
                            [(["The factory will close in March"], "two people familiar with the plan", "according to", "indirect")]),
    "told Y that": ("Mr. Okafor told reporters that the talks had stalled over fishing rights.",
                    [(["that the talks had stalled over fishing rights"], "Mr. Okafor", "told", "indirect")]),
    "said on Tuesday that": ("The defense minister said on Tuesday that troops would stay until spring.",
                             [(["that troops would stay until spring"], "The defense minister", "said", "indirect")]),
    "inverted indirect": ("The economy will grow by 5 percent this year, said Tokayev.",
                          [(["The economy will grow by 5 percent this year"], "Tokayev", "said", "indirect")]),
    "passive with agent": ("It was reported by Reuters that the ship had changed course.",
                           [(["that the ship had changed course"], "Reuters", "was reported", "indirect")]),
    "colon lead-in": ("Shoygu: the troops will remain at their bases.",
                      [(["the troops will remain at their bases"], "Shoygu", ":", "indirect")]),
    "warned": ("The IMF warned that global growth would slow sharply.",
               [(["that global growth would slow sharply"], "The IMF", "warned", "indirect")]),
    "insisted": ("Ms. Brandt insisted that she had done nothing wrong.",
                 [(["that she had done nothing wrong"], "Ms. Brandt", "insisted", "indirect")]),
    "denied": ("The company denied that it had misled investors.",
               [(["that it had misled investors"], "The company", "denied", "indirect")]),
    "tweeted": ("The senator tweeted that the bill was a betrayal of farmers.",
                [(["that the bill was a betrayal of farmers"], "The senator", "tweeted", "indirect")]),
    "believes": ("Dr. Sato believes the vaccine will be ready by autumn.",
                 [(["the vaccine will be ready by autumn"], "Dr. Sato", "believes", "indirect")]),
    "intends to": ("The mayor intends to run for a third term.",
                   [(["to run for a third term"], "The mayor", "intends", "indirect")]),
    "called for": ("The union called for an independent inquiry into the accident.",
                   [(["an independent inquiry into the accident"], "The union", "called for", "indirect")]),
    "coordinated cues": ("The president said the deal was fair and added that he would sign it this week.",
                         [(["the deal was fair"], "The president", "said", "indirect"),
                          (["that he would sign it this week"], "The president", "added", "indirect")]),
    "mixed": ("The senator said the proposal was “dead on arrival” and would never pass.",
              [(["the proposal was “dead on arrival” and would never pass"], "The senator", "said", "mixed")]),
    "unlisted verb, agent-noun subject": ("Officials maintain the new plan will cut costs.",
                                          [(["the new plan will cut costs"], "Officials", "maintain", "indirect")]),
    "hoping to (lemma hop)": ("The governor is hoping to win the primary.",
                              [(["to win the primary"], "The governor", "is hoping", "indirect")]),
    "knows": ("Ms. Rivera knows the race will be close.",
              [(["the race will be close"], "Ms. Rivera", "knows", "indirect")]),
    "wants an object": ("The campaign wants a recount in three counties.",
                        [(["a recount in three counties"], "The campaign", "wants", "indirect")]),
    "unlisted verb, thing subject": ("The storm ensured the roads would stay closed.", []),
    "subject before the verb, not the next paragraph": (
        "Mr. Trump, in a brief interview on Saturday, said his plane was a great aircraft.\n\nCORRECTION: An earlier version misstated the date.",
        [(["his plane was a great aircraft"], "Mr. Trump", "said", "indirect")]),
    "perfect tense in an adverbial clause": (
        "Even as Mr. Obama has repeatedly said that he opposes new troops, his administration continued.",
        [(["that he opposes new troops"], "Mr. Obama", "said", "indirect")]),
    "subject parsed as an apposition": (
        "In an interview with Morning Joe hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential "
        "candidate stated that the comments do not fit.",
        [(["that the comments do not fit"], "the Democratic presidential candidate", "stated", "indirect")]),
    "reportedly": ("The FBI is reportedly making arrangements to interview the candidate.",
                   [(["The FBI is", "making arrangements to interview the candidate"], None, "reportedly", "indirect")]),
    "in a poll": ("In a Quinnipiac poll released Tuesday, 50 percent of respondents chose Clinton.",
                  [(["50 percent of respondents chose Clinton"], "a Quinnipiac poll", "In", "indirect")]),
    "in an interview": ("In an interview on Sunday, Trump doubled down on his plan.",
                        [(["doubled down on his plan"], "Trump", "In", "indirect")]),
    "encouraged X to": ("Ms. Park encouraged voters to register early.",
                        [(["voters to register early"], "Ms. Park", "encouraged", "indirect")]),
    "bemoaned": ("The governor bemoaned the lack of federal aid.",
                 [(["the lack of federal aid"], "The governor", "bemoaned", "indirect")]),
    "likened X to Y": ("The senator likened the proposal to a tax hike.",
                       [(["the proposal to a tax hike"], "The senator", "likened", "indirect")]),
    "stance adjective with a clause": ("Party leaders are optimistic that he will win Texas.",
                                       [(["that he will win Texas"], "Party leaders", "are optimistic", "indirect")]),
    "stance adjective with a preposition": ("Ms. Warren was critical of the trade deal.",
                                            [(["the trade deal"], "Ms. Warren", "was critical of", "indirect")]),
    "stance adjective, thing subject": ("The weather was critical of nothing.", []),
    "root verb after an apposition chain": (
        "But in a conference call with reporters on Dec. 2, Col. Steven Warren, a military spokesman in Baghdad, "
        "said the raid was a success.",
        [(["the raid was a success"], "Col. Steven Warren", "said", "indirect")]),
    "scare quotes are not statements": ("The so-called “peace dividend” never arrived.", []),
    "titles are not statements": ("The film “The Last Harbor” opened in 300 theaters.", []),
    "dash signature": ("“He has divided this country for a decade.” ― Sonya Herridge\n",
                       [(["“He has divided this country for a decade.”"], "Sonya Herridge", "―", "direct")]),
    "transcript speaker label": ('"PENCE: Well, the question really should be why her campaign invited him.',
                                 [(["Well, the question really should be why her campaign invited him."], "PENCE", ":",
                                   "direct")]),
    "uncued passage before a cued one": (
        "“You went on television to blame the workers.” “It is gutless leadership,” Warren said.",
        [(["“You went on television to blame the workers.”", "“It is gutless leadership,”"], "Warren", "said",
          "direct")]),
    "quote continues after the cue's own sentence": (
        '"Our progress is on the ballot," Mr. Obama said on Saturday at a dinner in Washington, where Mrs. Clinton '
        'also spoke. "Tolerance is on the ballot."',
        [(['"Our progress is on the ballot,"', '"Tolerance is on the ballot."'], "Mr. Obama", "said", "direct")]),
    "passage inside a sentence with an unlisted verb": (
        "Williamson dismisses in his column “the idea that the voters were victims of anything at all.”",
        [(["“the idea that the voters were victims of anything at all.”"], "Williamson", "dismisses", "direct")]),
    "a concessive aside is not content": (
        "He claimed that paying no income taxes was smart, although he later refused to release his returns.",
        [(["that paying no income taxes was smart"], "He", "claimed", "indirect"),
         (["to release his returns"], "he", "refused", "indirect")]),
    "listed verb after a quotation, with its own frames": (
        "“Compare him to Hillary,” Gorka urged.",
        [(["“Compare him to Hillary,”"], "Gorka", "urged", "direct")]),
    "quotation ending in a nested quote": (
        "“She asked me, ‘What kind of help do you need?’” Weaver said.",
        [(["“She asked me, ‘What kind of help do you need?’”"], "Weaver", "said", "direct")]),
    "clause hung on the statement noun": (
        "The Energy Ministry said in a statement that a special commission would review the price of gas.",
        [(["that a special commission would review the price of gas"], "The Energy Ministry", "said", "indirect")]),
    "one statement per coordinated that-clause": (
        "Ms Roshan said that municipal staff would work from temporary offices and that rubbish collection "
        "would resume on Tuesday.",
        [(["that municipal staff would work from temporary offices"], "Ms Roshan", "said", "indirect"),
         (["that rubbish collection would resume on Tuesday"], "Ms Roshan", "said", "indirect")]),
    "that-clause hung on the addressee": (
        "Chief executive Petra Ostrel told councillors that the company would replace all pipe joints.",
        [(["that the company would replace all pipe joints"], "Chief executive Petra Ostrel", "told", "indirect")]),
    "fronted report after a wire dateline": (
        "TARVIK, January 5 (KNA) – Kostrava will send a stabilisation contingent to neighbouring Valdoria "
        "following a request from Valdorian President Arman Jaksylov, President Vera Hollen said on Sunday evening.",
        [(["Kostrava will send a stabilisation contingent to neighbouring Valdoria following a request from "
           "Valdorian President Arman Jaksylov"], "President Vera Hollen", "said", "indirect")]),
    "fronted list runs to its attribution": (
        "Kostravan units are guarding the Mirsk airport, two power stations and a gas pipeline junction near "
        "Khorvel, the ministry said on Friday.",
        [(["Kostravan units are guarding the Mirsk airport, two power stations and a gas pipeline junction near "
           "Khorvel"], "the ministry", "said", "indirect")]),
    "coordinated directive is its own statement": (
        'Perrin said concentrations in the river were "well above" permitted limits and advised residents not '
        'to fish until further notice.',
        [(['concentrations in the river were "well above" permitted limits'], "Perrin", "said", "mixed"),
         (["residents not to fish until further notice"], "Perrin", "advised", "indirect")]),
    "a coordinated verb with an object is content": (
        "Police said they had opened an investigation but had not yet found evidence of a break-in.",
        [(["they had opened an investigation but had not yet found evidence of a break-in"], "Police", "said",
          "indirect")]),
    "expletive it is no source": ("It is unclear whether the bridge will reopen this year.", []),
    "closing mark used as the opener of a signed quote": (
        "”Fear. I am truly afraid that the plant will close.” ― Edwin Monroy",
        [(["”Fear. I am truly afraid that the plant will close.”"], "Edwin Monroy", "―", "direct")]),
    "a quotation continues its own statement, not the side report in its cue's sentence": (
        '"Workers are paid fairly here," she said at the rally, referring to the new wage rules. "The law will '
        'change."',
        [(['"Workers are paid fairly here,"', '"The law will change."'], "she", "said", "direct"),
         (["the new wage rules"], "she", "referring to", "indirect")]),
    "a finite verb coordinated under an infinitive is not content": (
        "Mayor Oskar Lind has vowed to keep the library open and visited the site on Monday.",
        [(["to keep the library open"], "Mayor Oskar Lind", "has vowed", "indirect")]),
    "a quotation closing a sentence it did not open takes no cue from the next sentence": (
        'Norvia branded the rebels an "outlaw army in the hills." Ostmark insisted that the talks "resume at once."',
        [(['the rebels an "outlaw army in the hills."'], "Norvia", "branded", "mixed"),
         (['that the talks "resume at once."'], "Ostmark", "insisted", "mixed")]),
    "a possessive pronoun's position goes to the clause's named subject": (
        "Mayor Jonas Berg has since revised his proposal to close the depot.",
        [(["to close the depot"], "Mayor Jonas Berg", "proposal", "indirect")]),
    "but a subject reacting to someone else's position states the reaction": (
        "Senator Lina Vost mocked his proposal to close the depot.",
        [(["his proposal to close the depot"], "Senator Lina Vost", "mocked", "indirect")]),
    "inverted attribution after a report whose noun the parser took for a subject": (
        'The closure of the mine signals "the end of an era" for the valley, said Ivo Marek, head of the miners\' union.',
        [(['The closure of the mine signals "the end of an era" for the valley'], "Ivo Marek", "said", "mixed")]),
    "a trailing attribution hung on the reported verb": (
        "The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to "
        "organize into communities and reach others, she said.",
        [(["The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to "
           "organize into communities and reach others"], "she", "said", "indirect")]),
    "a name the parser hung on the phrase before the verb": (
        "In a March meeting with the editorial board Trump said that the alliance was obsolete.",
        [(["that the alliance was obsolete"], "Trump", "said", "indirect")]),
    "called with a predicative the parser took for the object": (
        "Ryan has previously called out Trump.",
        [(["Trump"], "Ryan", "called out", "indirect")]),
    "a main verb the parser took for a participle": (
        "Beruff, a Scott ally, called Florida’s standards “strong.”",
        [(["Florida’s standards “strong.”"], "Beruff", "called", "mixed")]),
    "a raising verb gives way to the reporting verb it carries": (
        "Mayor Oskar Lind seemed to offer a caveat about the budget.",
        [(["a caveat about the budget"], "Mayor Oskar Lind", "to offer", "indirect")]),
    "according to X inside a sentence covers only its own clause": (
        "Enrollment has fallen by 4,100 students since 2015, according to district figures, and many buildings are "
        "less than half full.",
        [(["Enrollment has fallen by 4,100 students since 2015"], "district figures", "according to", "indirect")]),
    "a coordinated speech act is its own statement, not content": (
        "The minister said predator control remained essential and accused the authors of ignoring farmers.",
        [(["predator control remained essential"], "The minister", "said", "indirect"),
         (["the authors of ignoring farmers"], "The minister", "accused", "indirect")]),
    "a content opening a paragraph leaves out the wire dateline": (
        "AMMAN, July 27 – Almost 68 percent of voters backed the charter, the election commission said.",
        [(["Almost 68 percent of voters backed the charter"], "the election commission", "said", "indirect")]),
    "a pro-form stands for what was said": (
        "Mayor Oskar Lind said as much in an interview on Thursday.",
        [(["as much"], "Mayor Oskar Lind", "said", "indirect")]),
    "an answer word is what was said": ("Melanie said yes, over and over again.", [(["yes"], "Melanie", "said", "indirect")]),
    "a wh-clause after a speech verb is its content": (
        "The ministry has not explained why the border stayed closed.",
        [(["why the border stayed closed"], "The ministry", "has not explained", "indirect")]),
    "the lead before a colon is not the content of the report after it": (
        "The vote set off another round of fireworks on Friday: Republicans said they were convinced the count was wrong.",
        [(["they were convinced the count was wrong"], "Republicans", "said", "indirect")]),
    "a report in a non-restrictive relative clause stands beside the outer content": (
        "He attacked the other candidates for accepting the donations, which he said were tied to favors.",
        [(["the other candidates for accepting the donations"], "He", "attacked", "indirect"),
         (["which", "were tied to favors"], "he", "said", "indirect")]),
    "the speaker asked a question in an aside": (
        "Lin Haoran, asked whether the firm would cut jobs, said no decision had been made.",
        [(["no decision had been made"], "Lin Haoran", "said", "indirect")]),
    "according to a document names its author": (
        "Turnout fell to 41 percent, according to a tally by the Electoral Commission.",
        [(["Turnout fell to 41 percent"], "the Electoral Commission", "according to", "indirect")]),
    "according to at the end of a sentence reports all of it": (
        "The agency also secretly helped a young journalist write a book that named dozens of agents, according to "
        "a former official.",
        [(["The agency also secretly helped a young journalist write a book that named dozens of agents"],
          "a former official", "according to", "indirect")]),
    "a coordinated predicate before the cue is no content": (
        "Governor Hale jokingly offered the farmer a job as Secretary of Agriculture, then says he’ll welcome advice "
        "from anyone who wants to yell at him.",
        [(["a job as Secretary of Agriculture"], "Governor Hale", "offered", "indirect"),
         (["he’ll welcome advice from anyone who wants to yell at him"], "Governor Hale", "says", "indirect")]),
    "an as-clause with its own object tells when, not who said it": (
        "The refugees wept as they saw for the first time the abundance in the shops.", []),
    "an as-clause without its own object reports its host": (
        "The factory will close in March, as the Herald reported on Tuesday.",
        [(["The factory will close in March"], "the Herald", "reported", "indirect")]),
    "a weaker speech verb coordinated in the cue's tense is a statement of its own": (
        "She said she admires his determination and highlighted their shared goals on health care.",
        [(["she admires his determination"], "She", "said", "indirect"),
         (["their shared goals on health care"], "She", "highlighted", "indirect")]),
    "an unlisted verb with its own that-clause, coordinated under the content": (
        "The mayor conceded that his aide had touched the reporter but implied that it was her fault.",
        [(["that his aide had touched the reporter"], "The mayor", "conceded", "indirect"),
         (["that it was her fault"], "The mayor", "implied", "indirect")]),
    "a that-clause does not end with the conjunction of the cue's conjunct": (
        "Mayor Hale conceded that the aide had pushed the reporter but implied that it was her fault.",
        [(["that the aide had pushed the reporter"], "Mayor Hale", "conceded", "indirect"),
         (["that it was her fault"], "Mayor Hale", "implied", "indirect")]),
    "a clause verb's own preposition for what it is about": (
        "He argued against intervention by outside powers in Syria.",
        [(["intervention by outside powers in Syria"], "He", "argued against", "indirect")]),
    "agreeing with someone": ("The union agreed with the analysis.",
                              [(["the analysis"], "The union", "agreed with", "indirect")]),
    "sees X as a clause": ("Mr. Hale sees the governor as captured by a hard-line philosophy.",
                           [(["the governor as captured by a hard-line philosophy"], "Mr. Hale", "sees", "indirect")]),
    "how a person seemed is the writer's hedged reading, no one's words": (
        "Mayor Hale seemed irritated by the question.", [(["Mayor Hale", "irritated"], None, "seemed", "indirect")]),
    "how a thing seems is no statement": ("The outline of a strategy seems clear.", []),
    "a report followed by 'a claim X has not confirmed' stays the reporter's": (
        "Lind repeated that the fire had been started by intruders who broke a lock, a claim police have not confirmed.",
        [(["that the fire had been started by intruders who broke a lock"], "Lind", "repeated", "indirect")]),
    "introducing a bill is no statement": ("Senator Lina Vost introduced a bill on rural broadband.", []),
    "releasing a thing is no statement": ("Police released video of the arrest on Friday.", []),
    "the person asked is no content": ("A young woman in the audience asked Mayor Lind.", []),
    "a kicker before a colon names no one": ("The Latest: Sanders wins the Minnesota caucuses by ten points.", []),
    "a colon list is no statement": ("Clinton: 1,769 delegates.", []),
    "an interviewer's Q label names no one": ("Q: Is the budget balanced this year?", []),
    "for-to clause of an object cue": (
        "Senator Lina Vost has repeatedly called for the audit reports to be made public.",
        [(["the audit reports to be made public"], "Senator Lina Vost", "called for", "indirect")]),
    "a parenthetical cue with the person spoken to": (
        "The answer, the banker told them, was simple.",
        [(["The answer", "was simple"], "the banker", "told", "indirect")]),
    "that-clause hung on a noun down a chain of prepositions": (
        "The governor said in one of a series of Twitter messages that the truck was carrying weapons when it struck the fence.",
        [(["that the truck was carrying weapons when it struck the fence"], "The governor", "said", "indirect")]),
    "the holder of a chance speaks in its infinitive": (
        "Governor Ada Kerr has a rare chance to show that she can deliver a budget on time.",
        [(["that she can deliver a budget on time"], "Governor Ada Kerr", "to show", "indirect")]),
    "a sentence-final attribution hung on the first of two clauses reports both": (
        "Mayor Lind told reporters he was tired, but the council rejected his plea, the spokesman added.",
        [(["Mayor Lind told reporters he was tired, but the council rejected his plea"], "the spokesman", "added",
          "indirect")]),
    "a report of a report, attributed after a comma, is the outer speaker's": (
        "Karlsson told investigators in May she was advised by a former minister to use a private phone, "
        "the Guardian reported late Tuesday.",
        [(["Karlsson told investigators in May she was advised by a former minister to use a private phone"],
          "the Guardian", "reported", "indirect")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_quotation_form(nlp, name):
    text, quotes = CASES[name]
    assert facts(nlp, text) == expect(text, *quotes)


def test_statement_fields(nlp):
    from onrecord.extract import EXTRACTOR_VERSION
    from onrecord.extract.quotes import EXTRACTOR, extract_statements

    assert EXTRACTOR == EXTRACTOR_VERSION
    (s,) = extract_statements(nlp("“We are ready,” the coach said."), "en", "a1")
    assert s.article_id == "a1" and s.extractor == EXTRACTOR_VERSION
    assert 0.0 < s.confidence <= 1.0
    assert s.content.text == "“We are ready,”" and s.speaker_mention.text == "the coach"


def test_stray_mark_keeps_rest_of_article(nlp):
    text = "He said “this is odd.\n\nThe meeting went on.\n\n" + "\n\n".join(f"“Point {i} stands,” Ms. Lee said." for i in range(5))
    got = facts(nlp, text)
    lee = [f for f in got if f[1] and text[f[1][0]:f[1][1]] == "Ms. Lee"]
    assert [text[f[0][0][0]:f[0][0][1]] for f in lee] == [f"“Point {i} stands,”" for i in range(5)]


# -- quotation marks, no parse ---------------------------------------------------------------
def test_marks_pairs_and_families():
    text = "„Ja“, sagte er. «Da» und »Nein« ‹a› ''b'' \"c\" ‘d’"
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["„Ja“", "«Da»", "»Nein«", "‹a›", "''b''", '"c"', "‘d’"]


def test_apostrophes_are_not_quotes():
    assert find_quoted("Clinton’s team didn’t say. The voters’ choice.") == []


def test_unclosed_quote_ends_at_paragraph():
    text = "A “stray mark here.\n\nNext paragraph “is fine.”"
    qs = find_quoted(text)
    assert [(text[q.start:q.end], q.closed) for q in qs] == [("“stray mark here.", False), ("“is fine.”", True)]


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’«»„‹›")), max_size=80))
def test_marks_spans_are_ordered_and_in_bounds(text):
    last = 0
    for q in find_quoted(text):
        assert last <= q.start < q.end <= len(text)
        assert text[q.start] in "\"'“”‘’«»„‹›"
        last = q.end


# -- pipeline, facts, file ---------------------------------------------------------------------
def test_load_pipeline_adds_components_and_caches(nlp):
    from onrecord.extract import doc_facts, load_pipeline

    s = resolve_settings({}, env={})
    pipe = load_pipeline(s, "en")
    assert pipe is load_pipeline(s, "en")
    assert "onrecord_quotes_v1" in pipe.pipe_names
    doc = pipe("Mayor Jonas Berg said the bridge would reopen in Oslo.")
    statements, entities, sentences = doc_facts(doc, "art-1")
    assert [st.article_id for st in statements] == ["art-1"]
    assert {(e.span.text, e.label) for e in entities} >= {("Jonas Berg", "PERSON")}
    assert all(e.sentence == 0 for e in entities) and sentences[0].start == 0


def test_load_pipeline_errors():
    from onrecord.errors import ModelError
    from onrecord.extract import load_pipeline

    with pytest.raises(ModelError) as err:
        load_pipeline(resolve_settings({}, env={}).replace(spacy_models={"en": ("no_such_model_xyz",)}), "en")
    assert "never downloads" in err.value.hint
    with pytest.raises(ModelError):
        load_pipeline(resolve_settings({}, env={}), "ru")


def test_import_is_lazy():
    code = "import sys, onrecord, onrecord.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extract_file_survives_bad_lines(tmp_path, nlp):
    from onrecord.extract.batch import extract_file

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok", "text": "“We are ready,” the coach said."}),
        "not json",
        json.dumps({"id": "notext"}),
        json.dumps({"id": "ok2", "text": "The IMF warned that growth would slow."}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    report = extract_file(src, out, resolve_settings({"progress": False}, env={}), warn_stream=open(tmp_path / "w", "w"))
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["ok", "line-2", "notext", "ok2"]
    assert [len(x["quotes"]) for x in lines] == [1, 0, 0, 1]
    assert sorted(report.failed) == [2, 3]
    q = lines[0]["quotes"][0]
    assert q["content"] == [0, 15] and q["content_spans"] == [[0, 15]] and q["kind"] == "direct"
    assert set(q) == {"content", "content_spans", "source", "cue", "kind", "confidence"}


def test_extract_writes_one_quote_per_attribution(tmp_path, nlp):
    """Coordinated that-clauses are two statements (two claims) but one attribution in the quotes file."""
    from onrecord.extract.batch import extract_file
    from onrecord.extract.quotes import extract_statements

    text = ("Ms Roshan said that municipal staff would work from temporary offices and that rubbish collection "
            "would resume on Tuesday. The mayor warned that the bridge would stay closed.")
    assert len(extract_statements(nlp(text), "en", "t")) == 3
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    extract_file(src, out, resolve_settings({"progress": False}, env={}))
    quotes = json.loads(out.read_text())["quotes"]
    assert len(quotes) == 2
    first = quotes[0]
    assert [text[s:e] for s, e in first["content_spans"]] == [
        "that municipal staff would work from temporary offices", "that rubbish collection would resume on Tuesday"]
    assert first["content"] == [first["content_spans"][0][0], first["content_spans"][1][1]]
    assert text[slice(*first["source"])] == "Ms Roshan" and text[slice(*first["cue"])] == "said"
    assert first["kind"] == "indirect" and 0 < first["confidence"] <= 1
    assert [text[s:e] for s, e in quotes[1]["content_spans"]] == ["that the bridge would stay closed"]


def test_paragraph_starts_are_sentence_starts(nlp):
    from onrecord.extract.breaks import paragraph_starts
    from onrecord.extract.nlp import BREAKS

    text = "Obama Says the Museum Will Tell of 'Delight'\n\nWASHINGTON -- President Obama said it\nwould."
    doc = nlp.make_doc(text)
    assert [doc[i].text for i in paragraph_starts(doc)] == ["WASHINGTON"]  # a wrapped line is not a paragraph
    pipe = load_pipeline_en()
    assert pipe.pipe_names.index(BREAKS) < pipe.pipe_names.index("parser")
    parsed = pipe(text)
    assert [t.text for t in parsed if t.is_sent_start][:2] == ["Obama", "WASHINGTON"]
    said = next(t for t in parsed if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Obama"]


def test_headline_kickers_name_no_one():
    from onrecord.extract.quotes import extract_statements

    pipe = load_pipeline_en()
    kicker = "The Latest: Trump's leaked taxes not from Connecticut\n\nThe governor spoke on Monday."
    assert extract_statements(pipe(kicker), "en", "t") == []
    poll = "Poll: Clinton and Trump in dead heat heading into first debate\n\nThe race is close."
    [st] = extract_statements(pipe(poll), "en", "t")
    assert poll[st.speaker_mention.start:st.speaker_mention.end] == "Poll"


def test_uncued_quotation_takes_the_subject_of_its_lead_sentence():
    from onrecord.extract.quotes import extract_statements

    text = ('"We will rebuild the bridge," Mayor Lind said.\n\nCouncillor Vera Ost shot back, "The money is not '
            'there and everyone in this room knows it."')
    sts = extract_statements(load_pipeline_en()(text), "en", "t")
    last = max(sts, key=lambda s: s.content.start)
    assert text[last.speaker_mention.start:last.speaker_mention.end] == "Councillor Vera Ost"


def test_a_quotation_nothing_introduces_is_no_statement():
    from onrecord.extract.quotes import extract_statements

    text = ('Mayor Lind said the bridge would be rebuilt.\n\nThe council meets again in March.\n\n'
            '"Nobody will cross that river until the engineers have checked every single cable."')
    sts = extract_statements(load_pipeline_en()(text), "en", "t")
    assert [text[s.content.start:s.content.end] for s in sts] == ["the bridge would be rebuilt"]


def test_transcript_turn_reopening_a_running_quotation():
    # paragraph starts matter here, so the full pipeline (with the paragraph-break component) parses it
    text = 'Partial transcript:\n\n"WALLACE: Will she be there tomorrow night?\n\n"PENCE: Well, look, this is serious business.'
    from onrecord.extract.quotes import extract_statements

    got = [(s.speaker_mention and text[s.speaker_mention.start:s.speaker_mention.end], text[s.content.start:s.content.end])
           for s in extract_statements(load_pipeline_en()(text), "en", "t")]
    assert got == [("WALLACE", "Will she be there tomorrow night?"), ("PENCE", "Well, look, this is serious business.")]


def load_pipeline_en():
    from onrecord.extract import load_pipeline

    return load_pipeline(resolve_settings({}, env={}), "en")


def test_report_in_a_relative_clause_is_a_recap(nlp):
    from onrecord.extract.quotes import extract_statements

    text = "Stavan, who last week said his forces would stay, said the decision to withdraw had been taken jointly."
    out = {s.content.text: s.resolution for s in extract_statements(nlp(text), "en", "t")}
    assert out == {"his forces would stay": {"rule": "verb:c:say", "recap": True},
                   "the decision to withdraw had been taken jointly": {"rule": "verb:c:say"}}


def reparsed(nlp, text: str, changes: dict[str, tuple[str, str]]):
    """``text`` parsed by ``nlp``, then with the head and label of some words changed (word -> (head word,
    label)): how the parser reads the same structure in a longer article, where it is not reproducible alone."""
    from spacy.tokens import Doc

    doc = nlp(text)
    index = {t.text: t.i for t in doc}
    heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
    for word, (head, dep) in changes.items():
        heads[index[word]], deps[index[word]] = index[head], dep
    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc], lemmas=[t.lemma_ for t in doc],
               heads=heads, deps=deps, ents=[t.ent_iob_ + (f"-{t.ent_type_}" if t.ent_type_ else "") for t in doc])


def test_trailing_attribution_hung_on_the_content_as_a_conjunct(nlp):
    from onrecord.extract.quotes import extract_statements

    text = "This includes a new unit to train local police, Interior Minister Ana Ruiz told a Senate panel Wednesday."
    doc = reparsed(nlp, text, {"told": ("includes", "conj"), "includes": ("includes", "ROOT")})
    got = [(s.content.text, s.speaker_mention.text, s.cue.text) for s in extract_statements(doc, "en", "t")]
    assert got == [("This includes a new unit to train local police", "Interior Minister Ana Ruiz", "told")]


def test_according_to_closing_a_sentence_keeps_the_report_inside_it(nlp):
    from onrecord.extract.quotes import extract_statements

    text = ("Lindqvist said the Norvan contingent had «prevented the collapse of the state» and invited Hollen to visit "
            "Mirsk in the spring, according to the press service.")
    got = [s.speaker_mention.text for s in extract_statements(nlp(text), "en", "t") if "contingent" in s.content.text]
    assert got == ["Lindqvist"]
