"""Time expressions against a fixed publication date (DCT). Every sentence here is
SYNTHETIC, written for the test; none is quoted from a source."""

import datetime as dt

import pytest

from sahel_events.extract.timex import find_timexes

DCT = dt.date(2023, 10, 13)  # a Friday
D = dt.date


def one(sentence, dct=DCT):
    found = [t for t in find_timexes(sentence, dct) if t.kind == "date"]
    assert len(found) == 1, found
    t = found[0]
    assert sentence[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    "sentence, text, start, end, precision, rule",
    [
        ("Synthetic: troops arrived in the town on Thursday.", "on Thursday", D(2023, 10, 12), D(2023, 10, 12), "day", "weekday"),
        ("Synthetic: officials spoke on Friday.", "on Friday", D(2023, 10, 13), D(2023, 10, 13), "day", "weekday"),
        ("Synthetic: talks will resume on Monday.", "on Monday", D(2023, 10, 16), D(2023, 10, 16), "day", "weekday"),
        ("Synthetic: the leader was killed in August.", "in August", D(2023, 8, 1), D(2023, 8, 31), "month", "month"),
        ("Synthetic: the attack took place in November.", "in November", D(2022, 11, 1), D(2022, 11, 30), "month", "month"),
        ("Synthetic: elections will be held in March.", "in March", D(2024, 3, 1), D(2024, 3, 31), "month", "month"),
        ("Synthetic: the group has operated there since late 2021.", "since late 2021", D(2021, 9, 1), DCT, "range", "since"),
        ("Synthetic: operations have been scrutinized since May.", "since May", D(2023, 5, 1), DCT, "range", "since"),
        ("Synthetic: the mission left on 21 October 2023.", "on 21 October 2023", D(2023, 10, 21), D(2023, 10, 21), "day", "explicit"),
        ("Synthetic: a photo from July 1, 2013 was shown.", "from July 1, 2013", D(2013, 7, 1), D(2013, 7, 1), "day", "explicit"),
        ("Synthetic: the mission was formed in 2013.", "in 2013", D(2013, 1, 1), D(2013, 12, 31), "year", "year"),
        ("Synthetic: fighting resumed in early 2022.", "in early 2022", D(2022, 1, 1), D(2022, 4, 30), "range", "part_of_year"),
        ("Synthetic: the council met today.", "today", DCT, DCT, "day", "present"),
        ("Synthetic: the camp was attacked On 9 October.", "On 9 October", D(2023, 10, 9), D(2023, 10, 9), "day", "explicit"),
    ],
)
def test_news_rules(sentence, text, start, end, precision, rule):
    t = one(sentence)
    assert (t.text, t.date_start, t.date_end, t.precision, t.rule) == (text, start, end, precision, rule)


def test_late_year_is_september_to_december():
    t = one("Synthetic: the force arrived in late 2021.")
    assert (t.date_start, t.date_end, t.rule) == (D(2021, 9, 1), D(2021, 12, 31), "part_of_year")


def test_future_month_after_mid_year_dct():
    t = one("Synthetic: the mandate will be discontinued from October.", dct=D(2023, 6, 30))
    assert (t.date_start, t.date_end) == (D(2023, 10, 1), D(2023, 10, 31))


def test_month_level_date_never_gets_the_dct_day():
    t = one("Synthetic: he was killed in August.")
    assert t.date_start.day == 1 and t.date_end.day == 31


def test_duration_is_not_a_date():
    found = find_timexes("Synthetic: 500 people died in a period of five days.", DCT)
    assert [(t.text, t.kind, t.date_start, t.date_end) for t in found] == [("five days", "duration", None, None)]


@pytest.mark.parametrize(
    "sentence",
    ["Synthetic: fighting may resume soon.", "Synthetic: the convoy may be attacked again.", "May be it will rain, synthetic."],
)
def test_may_the_verb_is_not_a_month(sentence):
    assert [t for t in find_timexes(sentence, DCT) if t.kind == "date"] == []


def test_may_the_month_still_found():
    t = one("Synthetic: the talks may be delayed until May.")
    assert t.text == "until May" and t.precision == "month"


def test_document_number_year_is_not_a_date():
    assert find_timexes("Synthetic: adopting resolution 2690 (2023) unanimously.", DCT) == []


def test_without_dct_relative_dates_stay_null_explicit_resolve():
    found = find_timexes("Synthetic: troops arrived on Thursday, and a report came out on 3 May 2023.", None)
    weekday, explicit = found
    assert (weekday.date_start, weekday.date_end, weekday.rule) == (None, None, "weekday")
    assert explicit.date_start == D(2023, 5, 3)


def test_offsets_invariant_on_the_seed(seed_article):
    for t in find_timexes(seed_article.text, seed_article.published):
        assert seed_article.text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "sentence, start, end, precision",
    [
        ("Synthetic: the strike happened last week.", D(2023, 10, 2), D(2023, 10, 8), "week"),
        ("Synthetic: talks broke down in early October.", D(2023, 10, 1), D(2023, 10, 10), "range"),
        ("Synthetic: the convoy left in late September 2023.", D(2023, 9, 21), D(2023, 9, 30), "range"),
        ("Synthetic: prices rose earlier this month.", D(2023, 10, 1), D(2023, 10, 13), "range"),  # up to the publication date
        ("Synthetic: prices rose earlier this week.", D(2023, 10, 9), D(2023, 10, 13), "range"),
    ],
)
def test_relative_weeks_and_parts_of_months(sentence, start, end, precision):
    t = one(sentence)
    assert (t.date_start, t.date_end, t.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "sentence, text, start, end, precision",
    [
        ("Synthetic: raids went on in August and September.", "in August and September", D(2023, 8, 1), D(2023, 9, 30), "range"),
        ("Synthetic: the truce held from November to January.", "from November to January", D(2022, 11, 1), D(2023, 1, 31), "range"),
        ("Synthetic: the pact broke down in June this year.", "in June this year", D(2023, 6, 1), D(2023, 6, 30), "month"),
        ("Synthetic: the vote took place in April of last year.", "in April of last year", D(2022, 4, 1), D(2022, 4, 30), "month"),
    ],
)
def test_two_months_and_a_month_of_a_relative_year(sentence, text, start, end, precision):
    t = one(sentence)
    assert (t.text, t.date_start, t.date_end, t.precision, t.rule) == (text, start, end, precision, "month")


def test_a_date_after_a_past_reporting_verb_is_past_though_the_report_is_of_the_future():
    t = one("Synthetic: the cabinet announced on Thursday plans to reopen the border.")
    assert (t.date_start, t.rule) == (D(2023, 10, 12), "weekday")  # DCT Friday 13 October: the Thursday before


def test_a_verbless_lead_takes_the_tense_of_its_sentence():
    t = one("Synthetic: But in November, the junta cancelled the planned talks.")
    assert (t.date_start, t.date_end) == (D(2022, 11, 1), D(2022, 11, 30))


def test_scheduled_marks_the_future_only_as_a_verb():
    assert one("Synthetic: The vote is scheduled for November.").date_start == D(2023, 11, 1)
    assert one("Synthetic: In November, the junta cancelled elections scheduled for the spring.").date_start == D(2022, 11, 1)
