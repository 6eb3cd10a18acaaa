"""Sources and cue spans: who is speaking, read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from .reporting import cues_for, hearing_body

__all__ = ["TIME_ENTS", "governing_verb", "subject_of", "source_span", "cue_span", "person_like"]

# entity labels of dates and times: never a speaker, an object of speech or a counted thing
TIME_ENTS = frozenset({"DATE", "TIME"})

_SUBJ = ("nsubj",)
_INHERIT = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "acomp", "dep"})
_REL_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_SOURCE_STOP = frozenset({",", "(", "—", "–", "―", "--", ";", ":"})
_DASHES = frozenset({"—", "–", "―", "-", "--"})
_SPEECH_NOUNS = frozenset({"statement", "letter", "tweet", "post", "message", "memo", "release", "video", "ad",
                           "email", "op-ed", "note", "report", "speech", "remark", "comment"})
# nouns for what carries words or findings by itself: "a poll showing", "a statement saying"
_CARRIERS = frozenset({"poll", "survey", "study", "report", "data", "figure", "analysis", "research", "document",
                       "statement", "video", "letter", "memo", "graphic", "sign", "placard", "petition", "item",
                       "headline", "ledger", "chart", "map", "banner", "poster", "tweet", "post", "message"})
_DOCUMENTS = _CARRIERS | _SPEECH_NOUNS | {"commentary", "article", "column", "book", "interview", "editorial",
                                          "filing", "complaint", "lawsuit", "ruling", "opinion", "transcript"}
_EXAMPLE_PREPS = frozenset({"like", "as", "including", "among", "unlike"})
_CAUSATIVE = frozenset({"lead", "prompt", "force", "cause", "inspire", "drive", "spur", "push", "persuade",
                        "convince", "encourage", "compel", "move", "leave"})
_SOURCELESS = frozenset({"seem", "appear"})
_INVERTED_SUBJ = frozenset({"dobj", "attr", "npadvmod", "dative", "oprd"})
_NP_RIGHT = frozenset({"compound", "amod", "nummod", "poss", "case", "nmod"})
_NO_SOURCE = frozenset({"there", "what"})
_TIME_WORDS = frozenset({"morning", "afternoon", "evening", "night", "today", "yesterday", "tonight", "monday",
                         "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend"})
_NAMED_MODALS = frozenset({"Will", "May", "Can"})
_PERSON_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
# nouns for people and bodies who take positions: "officials believe ...", "critics fear ..."
AGENT_NOUNS = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "critic", "lawmaker",
    "legislator", "senator", "congressman", "congresswoman", "representative", "governor", "mayor", "president",
    "candidate", "nominee", "analyst", "expert", "economist", "strategist", "operative", "pollster", "observer",
    "campaign", "administration", "government", "committee", "party", "leader", "leadership", "voter", "supporter",
    "opponent", "rival", "democrat", "republican", "conservative", "liberal", "progressive", "activist", "advocate",
    "delegate", "donor", "staffer", "staff", "source", "people", "person", "member", "chairman", "chairwoman",
    "chair", "secretary", "minister", "director", "executive", "lawyer", "attorney", "prosecutor", "judge", "court",
    "investigator", "agency", "department", "officer", "police", "group", "organization", "union", "company",
    "leader", "team", "man", "woman", "friend", "ally", "backer", "fan", "resident", "worker", "student", "writer",
    "author", "reporter", "journalist", "columnist", "editor", "historian", "scholar", "professor", "researcher",
    "scientist", "doctor", "pundit", "commentator", "insider", "veteran", "speaker", "founder", "ceo", "manager",
    "chief", "head", "clinton", "trump", "gop",
})


def person_like(subj: Token | None) -> bool:
    """Whether ``subj`` can hold a position: a named person or body, a personal pronoun, an agent noun
    ("officials", "critics") or a relative pronoun whose antecedent is one of these."""
    if subj is None:
        return False
    if subj.lower_ in _REL_PRONOUNS:
        head = subj.head
        return subj.lower_ != "which" and head.dep_ == "relcl" and head.head is not head and person_like(head.head)
    return subj.ent_type_ in _PERSON_ENTS or subj.lower_ in _PERSON_PRONOUNS or subj.lemma_.lower() in AGENT_NOUNS


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The token naming who performs ``verb``: its subject, the agent of a passive,
    or inherited from the verb it is coordinated with / subordinate to."""
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and person_like(verb.head):
        return verb.head  # "Beruff, a Scott ally, called ...": the parser took the verb for a participle
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ == "nsubj" and verb.head.pos_ in (
            "NOUN", "PROPN") and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.head.head.children):
        return verb.head  # "Multiple outlets reported on Wednesday the Secret Service had ...": not a participle
    if depth == 0 and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("aux", "nsubj") for c in verb.children):
        # "Asked whether ..., the minister said": the asker is not named, unless "asked by X";
        # "as stated in Davis' commentary": the document speaks
        return _agent(verb) or next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                                     for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _DOCUMENTS), None)
    if depth == 0 and verb.lemma_ in _SOURCELESS:
        return None  # "polls appear to show ...": the writer's judgement, no one is quoted
    # a time the parser made the subject is never who speaks ("..., said Thursday morning on Fox")
    subjects = [c for c in verb.children if c.dep_ in _SUBJ and not (
        c.ent_type_ in TIME_ENTS and c.lower_ in _TIME_WORDS)]
    if len(subjects) > 1:  # a second "subject" after the verb is often the next paragraph's heading
        before = [c for c in subjects if c.i < verb.i]
        subjects = before or subjects
    if subjects:
        child = subjects[-1]  # two subjects: "presidential frontrunner Hillary Clinton said" - the name
        if child.pos_ == "ADP":  # "Of Carson, Levine said": a preposition taken for the subject, its object speaks
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        if child.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
            return child  # its span reaches back to the antecedent (source_span)
        if child.lower_ in _NO_SOURCE or (child.lower_ == "it" and any(c.dep_ in ("acomp", "attr") for c in verb.children)):
            return None  # "It is unclear whether ...": no one is speaking
        if hearing_body(verb):
            return None  # "the court heard that ...": evidence put to the court, not the court's words
        return _inverted_inside(verb) or _past_dateline(child)
    agent = _agent(verb)
    if agent is not None:
        return agent
    share = _share_subject(verb) or _noun_before(verb)
    if share is not None:
        return share
    name = next((c for c in verb.children if _modal_name(c)), None)
    if name is not None:
        return name
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            # "X was interviewed ..., calling it a sham": the passive subject speaks in the adjunct
            return child if depth > 0 and child.lower_ not in _NO_SOURCE else None
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        # inverted attribution parsed as an object: "..., replied her rival, Tom Reyes"
        for child in verb.rights:
            if child.dep_ in _INVERTED_SUBJ and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ not in TIME_ENTS:
                return child
    if verb.dep_ == "ROOT" and depth == 0:
        stray = _stray_subject(verb) or _subject_of_left_clause(verb)
        if stray is not None:
            return stray
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and depth < 3:
        # "said the deal was fair and added that ...": the parser hangs "added" on "was"
        return subject_of(verb.head.head, depth + 1)
    if depth >= 3 or verb.head is verb:
        return None
    head = verb.head
    shown = _shown_speaker(verb)
    if shown is not None:
        return shown
    if verb.dep_ == "acl" and head.dep_ == "dobj" and (head.lemma_ in _SPEECH_NOUNS or (
            verb.tag_ == "VBG" and head.ent_type_ != "PERSON")):
        return subject_of(head.head, depth + 1)  # "she issued a statement calling on ...", "emailed supporters saying"
    if verb.dep_ == "acl" and head.lemma_ in _SPEECH_NOUNS and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.dep_ == "dobj" and head.head.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head.head.head, depth + 1)  # "Trump unleashed a series of tweets criticizing ..."
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and head.lemma_ in _CAUSATIVE:
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and _caused(verb, obj):
            return obj  # "led Wasserman Schultz to announce", "urged Congress to act", "left many wondering"
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and not person_like(head) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "has a rare chance to show", "in an effort to paint": whoever has the chance;
        # "no exaggeration to call", "a quick trip to highlight": no one; "her decision to run" keeps its owner
        holder = _holder(head, depth)
        if holder is not None or not any(c.dep_ == "poss" for c in head.children):
            return holder
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "NOUN" and head.dep_ == "pobj" and not person_like(
            head) and head.lemma_.lower() not in _CARRIERS and head.head.lower_ not in _EXAMPLE_PREPS:
        # "at one point calling", "during a speech attacking", "in an article stating": the one who
        # speaks there, unless the noun carries the words itself ("a poll showing", "a statement saying")
        holder = _holder(head, depth)
        if holder is not None:
            return holder
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.head.lower_ == "to" and (
            "c" in getattr(cues_for(verb.doc.lang_).get(verb.lemma_), "frames", "")):
        holder = _holder(head, depth)  # "blasted out an email to supporters stating": not the addressees
        if holder is not None:
            return holder
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "began by saying", "stopped short of calling"
        head = verb.head.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("advmod", "prep", "acomp", "dobj", "pobj") \
                and head.head.i != head.i:  # "has a long history of blaming", "took the step of criticizing"
            head = head.head
        return subject_of(head, depth + 1)
    reporter = _report_before(verb)
    if reporter is not None:
        return reporter
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl") and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # ", saying ...": the participle goes with the main clause, wherever the parser hung it
        root = verb.sent.root
        # (not a dash the tagger took for a verb: "MIAMI ― Rep. Gwen Graham praised the bill, saying")
        main = subject_of(root, depth + 1) if root.i != verb.i and root.pos_ in ("VERB", "AUX") and root.is_alpha \
            else None
        if person_like(main):
            return main
        if main is not None and main.pos_ == "PROPN" and main.ent_type_ not in TIME_ENTS and not person_like(
                subject_of(verb.head, depth + 1)):
            return main  # "Packer said the focus is taking a toll, pointing to ...": a name the tagger missed
    if verb.dep_ in _INHERIT or verb.tag_ in ("VBG", "VBN"):
        return subject_of(verb.head, depth + 1)
    if verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return verb.head
    return None


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
_PERCEPTION = frozenset({"see", "hear", "show", "watch", "feature", "catch", "picture", "depict", "remember",
                         "recall", "imagine", "film", "capture"})


def _shown_speaker(verb: Token) -> Token | None:
    """The person right before a participle with no comma between them, who is shown or heard doing it
    ("footage of Hillary Clinton asking", "heard him saying"), not the subject of the clause around them."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl", "acl") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    shown_by = prev.head.lower_ in ("of", "about") if prev.dep_ == "pobj" else (
        prev.dep_ == "dobj" and prev.head.lemma_ in _PERCEPTION)
    if not shown_by or not (
            prev.ent_type_ == "PERSON" or prev.lower_ in _OBJECT_PRONOUNS):
        return None
    return prev


_SHARE_WORDS = frozenset({"most", "many", "half", "some", "few", "third", "quarter", "majority", "plurality"})


def _share_subject(verb: Token) -> Token | None:
    """A share of people the parser hung on the verb as a modifier instead of its subject
    ("About 4 in 10 say ...", "Less than a third agreed ...", "most in both states supported ...")."""
    lefts = list(verb.lefts)
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in lefts):
        return None
    return next((c for c in lefts if c.dep_ in ("nummod", "npadvmod") and c.ent_type_ not in TIME_ENTS and (
        c.lower_ in _SHARE_WORDS or c.ent_type_ in ("CARDINAL", "PERCENT"))), None)


def _noun_before(verb: Token) -> Token | None:
    """The people named right before a finite verb that the parser left without a subject
    ("the minimum $20 million experts say it costs": a relative clause read as a loose verb)."""
    if verb.tag_ not in ("VBP", "VBZ", "VBD") or verb.i == 0 or verb.dep_ not in ("dep", "ROOT", "parataxis"):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ == "NOUN" and prev.dep_ in ("pobj", "dobj", "compound", "appos") and person_like(prev):
        return prev
    return None


def _report_before(verb: Token) -> Token | None:
    """The speaker of a report right before a participle's comma, which the parser did not make the
    participle's head ('"...," Sanders said, going on to say ...'; 'Mr. Obama said, not even needing to')."""
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "ROOT") or comma < 1 or doc[comma].text != ",":
        return None
    prev = doc[comma - 1]
    if prev.pos_ != "VERB" or prev.tag_ not in ("VBD", "VBZ", "VBP") or prev.lemma_ not in cues_for(doc.lang_):
        return None
    subj = next((c for c in prev.children if c.dep_ == "nsubj"), None)
    return subj if person_like(subj) else None


def _caused(verb: Token, obj: Token) -> bool:
    """Whether the object of a causative is who performs ``verb``: "led Wasserman Schultz to announce",
    "left 62 percent of voters saying", but not "left no doubt about it, saying" (the main clause's)."""
    if obj.lower_ in _NO_SOURCE or obj.lower_ == "it":
        return False
    if verb.dep_ == "xcomp":
        return True
    if obj.pos_ not in ("NOUN", "PROPN", "NUM") or not (verb.tag_ == "VBG" or person_like(obj)):
        return False
    prev = verb.doc[verb.i - 1]  # a comma closing an aside of the object: "left many, including X, wondering"
    return prev.text != "," or any(t.text == "," for t in verb.doc[obj.i + 1:prev.i])


def governing_verb(noun: Token, through: frozenset[str] = frozenset({"dobj", "pobj", "prep", "attr"})) -> Token | None:
    """The verb that governs ``noun`` through the dependencies ``through`` (objects and prepositions)."""
    tok = noun
    while tok.dep_ in through and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _holder(noun: Token, depth: int) -> Token | None:
    """The person-like subject of the verb governing ``noun`` through objects and prepositions."""
    verb = governing_verb(noun)
    if verb is None:
        return None
    subj = subject_of(verb, depth + 1)
    return subj if person_like(subj) else None


_NP_INNER = frozenset({"pobj", "prep", "amod", "compound", "poss", "case", "nummod", "det"})


def _subject_of_left_clause(verb: Token) -> Token | None:
    """A subject the parser gave to a clause it hung before a subjectless verb that reports a clause
    after it ("He criticized her record, said she would fail"; "Kasich offered him a job, then says ...")."""
    left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not left or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    clause = left[-1]
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    start = subj.left_edge.i if subj is not None else 0
    if subj is None or start != clause.left_edge.i or subj.lower_ in _REL_PRONOUNS or (
            start > 0 and verb.doc[start - 1].is_quote):
        return None  # the clause must open with its subject, not with a quotation
    return subj if person_like(subj) else None


def _stray_subject(verb: Token) -> Token | None:
    """A root verb's subject the parser hung elsewhere: the noun phrase right before it parsed as an
    apposition ("In a call with reporters, Col. Warren, a spokesman in Baghdad, said"), or, after a
    quotation, the one right after it parsed as the next clause's subject ("..., said Jim Bopp, ..., told")."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ in ("aux", "neg", "advmod") and doc[k].head.i == verb.i:
        k -= 1
    if k >= 0 and doc[k].dep_ in ("pobj", "compound", "dobj") and (
            doc[k].ent_type_ in ("PERSON", "ORG") and doc[k].pos_ == "PROPN"):
        # "In a meeting with the Washington Post Trump said": the name the parser hung on a phrase
        return doc[k]
    i = k  # past the verb's own adverbs: "the campaign chief, Paul Manafort, bluntly suggested"
    while i >= 0 and doc[i].is_punct and doc[i].text in (",", "—", "–"):
        i -= 1
    if i > 0 and doc[i].text == ")":  # "Sen. Elizabeth Warren (D-MA) said": past the parenthesis
        opening = next((j for j in range(i - 1, max(i - 8, 0), -1) if doc[j].text == "("), None)
        i = opening - 1 if opening else i
    if i >= 0:
        tok = doc[i]
        while tok.dep_ in _NP_INNER and tok.head is not tok and tok.head.i < verb.i:
            tok = tok.head
        while tok.dep_ == "appos" and tok.head.dep_ == "appos":
            tok = tok.head
        if tok.dep_ in ("appos", "conj") and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in TIME_ENTS \
                and (i == verb.i - 1 or person_like(tok)):
            return tok
        described = _described(doc[i], verb)
        if described is not None:
            return described
    j = verb.i + 1
    if 0 < verb.i and j < len(doc) and doc[verb.i - 1].is_punct:
        tok = doc[j]
        while tok.dep_ in ("compound", "det", "amod") and tok.head.i > tok.i:
            tok = tok.head
        if tok.dep_ == "nsubj" and tok.head.i > tok.i and tok.pos_ in ("NOUN", "PROPN") and person_like(tok):
            return tok
    return None


def _described(tok: Token, verb: Token) -> Token | None:
    """The person-like noun whose relative clause ends right before ``verb``, when the parser hung the
    noun on the phrase before it ("..., a White House official who spoke anonymously to discuss it said")."""
    for _ in range(8):
        if tok.head.i == tok.i or tok.head.i >= verb.i:
            return None
        if tok.dep_ == "relcl":
            noun = tok.head
            return noun if noun.dep_ in ("appos", "conj", "pobj", "dobj") and person_like(noun) else None
        tok = tok.head
    return None


def _inverted_inside(verb: Token) -> Token | None:
    """The speaker of an attribution set off by commas inside the reported clause, which the parser
    made the subject of that clause ("The contrast, said Doyle and others, would be clear")."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    tok = doc[verb.i + 1]
    while tok.dep_ in ("compound", "det", "amod") and tok.head.i > tok.i:
        tok = tok.head
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.i != verb.i or not person_like(tok):
        return None
    end = tok.right_edge.i
    while end > tok.i and doc[end].is_punct:
        end -= 1
    return tok if end + 1 < clause.i and doc[end + 1].text == "," else None


def _past_dateline(subj: Token) -> Token:
    """A wire dateline the parser took for the subject ("CLEVELAND, July 19 (UPI) — Former Attorney General
    Michael Mukasey told"): the apposition after its dash, a person if there is one."""
    doc = subj.doc
    start = subj.sent.start
    while start < subj.i and doc[start].is_space:
        start += 1
    if subj.pos_ != "PROPN" or subj.ent_type_ not in ("GPE", "LOC", "ORG") or subj.left_edge.i != start:
        return subj
    dash = next((t.i for t in doc[subj.i + 1:subj.right_edge.i] if t.text in _DASHES and t.head.i == subj.i), None)
    if dash is None:
        return subj
    after = [c for c in subj.children if c.dep_ == "appos" and c.i > dash and c.pos_ in ("NOUN", "PROPN")]
    return next((c for c in after if person_like(c)), after[0] if after else subj)


def _modal_name(aux: Token) -> bool:
    """Whether an auxiliary is a name: "..., Will wrote" (a modal cannot go with a finite verb)."""
    return aux.dep_ == "aux" and aux.text in _NAMED_MODALS and aux.head.tag_ in ("VBD", "VBZ") \
        and not aux.is_sent_start


def _agent(verb: Token) -> Token | None:
    """X in a passive's ``by X``."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def source_span(subj: Token) -> tuple[int, int]:
    """Character span of the subject noun phrase, cut before appositions and relative clauses."""
    doc = subj.doc
    if subj.lower_ in _REL_PRONOUNS and subj.head.dep_ == "relcl" and subj.head.head is not subj.head:
        # "Harvey, who acknowledged ...": from the antecedent to the pronoun
        antecedent = source_span(subj.head.head)
        return antecedent[0], subj.idx + len(subj)
    left = subj.left_edge.i
    # a second subject right before it is the same phrase split by the parser
    if left > 0 and doc[left - 1].dep_ in _SUBJ and doc[left - 1].head.i == subj.head.i and subj.head.i != subj.i:
        left = doc[left - 1].left_edge.i
    right = subj.i
    for child in subj.rights:
        dep = child.dep_
        if dep in _NP_RIGHT or (dep == "prep" and child.lower_ == "of") or (
            dep == "appos" and child.pos_ == "PROPN"
        ):
            right = max(right, child.right_edge.i)
        elif dep not in ("punct",):
            break
    # and at a separator before the head (a fronted clause inside the subject subtree)
    for i in range(subj.i - 1, left - 1, -1):
        if doc[i].text in _SOURCE_STOP or (doc[i].is_quote and doc[i].tag_ != "POS") or (doc[i].is_space and "\n" in doc[i].text):
            left = i + 1
            break
    while left < right and (doc[left].is_space or doc[left].is_punct):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right + 1 < len(doc) and doc[right + 1].text == ")" and any(t.text == "(" for t in doc[left:right]):
        right += 1  # "Sen. Elizabeth Warren (D-MA)": keep the parenthesis whole
    return doc[left].idx, doc[right].idx + len(doc[right])


def cue_span(verb: Token, with_prep: Token | None = None) -> tuple[int, int]:
    """Character span of the cue: the verb with its auxiliaries, negation and particle."""
    doc = verb.doc
    left = verb.i
    while left > 0 and doc[left - 1].dep_ in ("aux", "auxpass", "neg") and doc[left - 1].head.i == verb.i \
            and not _modal_name(doc[left - 1]):
        left -= 1
    right = verb.i
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].dep_ == "prt" and doc[nxt].head.i == verb.i:
        right = nxt
    if with_prep is not None and with_prep.i == right + 1:
        right = with_prep.i
    return doc[left].idx, doc[right].idx + len(doc[right])
