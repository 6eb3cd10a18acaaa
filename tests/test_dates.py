"""Statement dates and time expressions, resolved against the publication date."""

from __future__ import annotations

import pytest

from onrecord.extract.dates import find_time_expressions, parse_published, statement_date
from onrecord.models import Span, Statement

spacy = pytest.importorskip("spacy")

PUB = "2022-01-12T09:30:00+06:00"  # a Wednesday



def said_on(nlp, text: str, content: str, cue: str = "said", published: str | None = PUB) -> str | None:
    doc = nlp(text)
    c = text.index(content)
    k = text.index(cue)
    st = Statement("a", "indirect", Span.of(text, c, c + len(content)), cue=Span.of(text, k, k + len(cue)))
    return statement_date(doc, st, published, "en")


@pytest.mark.parametrize(
    "text, content, expected",
    [
        ("The ministry said on Tuesday that 20 people died.", "20 people died", "2022-01-11"),
        ("The ministry said on Wednesday that 20 people died.", "20 people died", "2022-01-12"),
        ("On Monday, the minister said the talks had failed.", "the talks had failed", "2022-01-10"),
        ("Tokayev said on January 11 that the mission was over.", "the mission was over", "2022-01-11"),
        ("The general said on December 30 that troops were ready.", "troops were ready", "2021-12-30"),
        ("The minister said yesterday that the shortage was over.", "the shortage was over", "2022-01-11"),
        ("The minister said today that the curfew would end.", "the curfew would end", "2022-01-12"),
        ("Last Wednesday the governor said the roads were safe.", "the roads were safe", "2022-01-05"),
        ("We said nothing.", "nothing", None),
        ("The mayor said the city was calm.", "the city was calm", None),
        # a date inside the content is not the statement date
        ("Police said the suspect would be charged on Friday.", "the suspect would be charged on Friday", None),
        # "last week": the middle of the week before (a Wednesday article -> the Thursday before last Monday)
        ("The governor said last week that the roads were safe.", "the roads were safe", "2022-01-06"),
    ],
)
def test_statement_date(nlp, text: str, content: str, expected: str | None) -> None:
    assert said_on(nlp, text, content) == expected


def test_relative_dates_need_a_publication_date(nlp) -> None:
    assert said_on(nlp, "He said on Tuesday that it was over.", "it was over", published=None) is None
    assert said_on(nlp, "He said on January 11, 2022 that it was over.", "it was over", published=None) == "2022-01-11"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The troops will leave within two days.", [("duration", "within two days", "2022-01-14")]),
        ("The building will reopen within a year.", [("duration", "within a year", "2023-01-12")]),
        ("The first units would leave within hours.", [("duration", "within hours", None)]),
        ("The withdrawal will begin in two days.", [("point", "in two days", "2022-01-14")]),
        ("Spending will double over the next five years.", [("duration", "over the next five years", None)]),
        ("The curfew will be shortened from Friday.", [("point", "from Friday", "2022-01-14")]),
        ("The withdrawal would begin within two days.", [("duration", "within two days", "2022-01-14")]),
        ("All troops will be withdrawn by January 19.", [("deadline", "by January 19", "2022-01-19")]),
        ("The vote will be held by the end of the month.", [("deadline", "by the end of the month", "2022-01-31")]),
        ("They will stay until Friday.", [("deadline", "until Friday", "2022-01-14")]),
        ("Talks will resume next week.", [("point", "next week", None)]),
        ("Troops will begin to withdraw tomorrow.", [("point", "tomorrow", "2022-01-13")]),
        ("The unrest lasted for days.", []),
    ],
)
def test_time_expressions(nlp, text: str, expected) -> None:
    got = [(t.kind, t.text, t.value) for t in find_time_expressions(nlp(text), PUB, "en")]
    assert got == expected


def test_time_expression_bounds(nlp) -> None:
    text = "Troops will stay until Friday, leave by January 19, start from Monday and finish within ten days."
    got = [(t.bound, t.text) for t in find_time_expressions(nlp(text), PUB, "en")]
    assert got == [("until", "until Friday"), ("by", "by January 19"), ("from", "from Monday"),
                   ("within", "within ten days")]


def test_content_times_resolve_against_the_statement_date(nlp) -> None:
    """"within ten days" said on Jan 7 in an article of Jan 11 ends on Jan 17, not Jan 21."""
    from onrecord.extract.claims import annotate_claims
    from onrecord.models import Span, Statement, TimeExpression

    text = "On January 7, the president said the withdrawal would be completed within ten days."
    doc = nlp(text)
    s = text.index("the withdrawal")
    cue = text.index("said")
    st = Statement("a", "indirect", Span.of(text, s, len(text) - 1), cue=Span.of(text, cue, cue + 4))
    (out,) = annotate_claims(doc, [st], "2025-01-11", "en")
    assert out.said_on == "2025-01-07"
    w = text.index("within")
    assert out.times == (TimeExpression("duration", w, w + 15, "within ten days", "2025-01-17", "within"),)


def test_parse_published() -> None:
    assert str(parse_published("2022-01-12T09:30:00Z")) == "2022-01-12"
    assert str(parse_published("2022-01-12")) == "2022-01-12"
    assert parse_published("yesterday") is None
    assert parse_published(None) is None


def test_a_date_belongs_to_its_own_report(nlp) -> None:
    """Sibling that-clauses share their cue's date but not each other's content dates, and a date
    phrase next to another report's cue dates that report."""
    from onrecord.extract.claims import annotate_claims

    text = "The minister told parliament on Tuesday that the curfew would end and that the state of emergency ends on Jan. 19."
    doc = nlp(text)
    cue = Span.of(text, text.index("told"), text.index("told") + 4)
    a, b = "the curfew would end", "the state of emergency ends on Jan. 19"
    sts = [Statement("a", "indirect", Span.of(text, text.index(x), text.index(x) + len(x)), cue=cue) for x in (a, b)]
    assert [s.said_on for s in annotate_claims(doc, sts, PUB, "en")] == ["2022-01-11", "2022-01-11"]

    text = "Stavan, who on Monday said his forces would stay, said the decision to withdraw was joint."
    doc = nlp(text)
    first, second = text.index("said"), text.rindex("said")
    x, y = "his forces would stay", "the decision to withdraw was joint"
    sts = [Statement("a", "indirect", Span.of(text, text.index(x), text.index(x) + len(x)),
                     cue=Span.of(text, first, first + 4)),
           Statement("a", "indirect", Span.of(text, text.index(y), text.index(y) + len(y)),
                     cue=Span.of(text, second, second + 4))]
    assert [s.said_on for s in annotate_claims(doc, sts, PUB, "en")] == ["2022-01-10", None]
