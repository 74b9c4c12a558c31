"""Time expressions: absolute dates, and relative ones resolved against the publication day."""
import pytest

from newssift.extract.dates import parse_published, resolve_time, time_in

TUESDAY = parse_published("2024-12-17T09:30:00Z")


def test_parse_published():
    assert TUESDAY.isoformat() == "2024-12-17"
    assert parse_published(None) is None
    assert parse_published("yesterday") is None


@pytest.mark.parametrize("text,iso", [
    ("14 December 2024", "2024-12-14"),
    ("December 16, 2024", "2024-12-16"),
    ("Dec. 3", "2024-12-03"),
    ("2024-11-30", "2024-11-30"),
    ("on Monday", "2024-12-16"),
    ("Sunday", "2024-12-15"),
    ("yesterday", "2024-12-16"),
    ("the previous day", "2024-12-16"),
    ("today", "2024-12-17"),
])
def test_single_days(text, iso):
    assert resolve_time(text, TUESDAY).date == iso


@pytest.mark.parametrize("text,start,end", [
    ("over the weekend", "2024-12-14", "2024-12-15"),
    ("last week", "2024-12-09", "2024-12-15"),
    ("the past three days", "2024-12-14", "2024-12-17"),
    ("last month", "2024-11-01", "2024-11-30"),
])
def test_ranges(text, start, end):
    ref = resolve_time(text, TUESDAY)
    assert (ref.start_date, ref.end_date) == (start, end)
    assert ref.date is None


def test_a_date_in_december_without_year_before_january_publication_is_last_year():
    assert resolve_time("December 30", parse_published("2025-01-02")).date == "2024-12-30"


def test_unresolvable_keeps_only_the_text():
    ref = resolve_time("on Monday", None)
    assert ref.text == "on Monday" and ref.date is None and ref.start_date is None
    assert resolve_time("in recent months", TUESDAY).date is None


def test_time_in_finds_the_expression_with_offsets(nlp):
    text = "The convoy reached the city last week after a long detour."
    doc = nlp(text)
    ref = time_in(doc, 0, len(text), "2024-12-17")
    assert text[ref.start:ref.end] == ref.text
    assert (ref.start_date, ref.end_date) == ("2024-12-09", "2024-12-15")


def test_durations_are_not_claim_times(nlp):
    text = "The minister warned that prices could double within a month."
    doc = nlp(text)
    assert time_in(doc, 0, len(text), "2024-12-17") is None
    assert resolve_time("the past week", TUESDAY).start_date == "2024-12-10"


# ---- tense and months without a day (issue 9 item 6)
WEDNESDAY = parse_published("2024-05-15")


def test_weekday_in_a_future_clause_is_the_coming_one(nlp):
    text = "The mayor will be sentenced on Friday."
    ref = time_in(nlp(text), 0, len(text), "2024-05-15")
    assert ref.date == "2024-05-17"


def test_weekday_in_a_past_clause_is_the_last_one(nlp):
    text = "The mayor was sentenced on Friday."
    ref = time_in(nlp(text), 0, len(text), "2024-05-15")
    assert ref.date == "2024-05-10"


def test_scheduled_for_a_weekday_looks_forward(nlp):
    text = "The vote is scheduled for Monday."
    ref = time_in(nlp(text), 0, len(text), "2024-05-15")
    assert ref.date == "2024-05-20"


@pytest.mark.parametrize("text,future,start,end", [
    ("in March", False, "2024-03-01", "2024-03-31"),
    ("in September", False, "2023-09-01", "2023-09-30"),
    ("in March", True, "2025-03-01", "2025-03-31"),
    ("in September", True, "2024-09-01", "2024-09-30"),
    ("February 2024", False, "2024-02-01", "2024-02-29"),
    ("next week", False, "2024-05-20", "2024-05-26"),
    ("next month", False, "2024-06-01", "2024-06-30"),
])
def test_months_without_a_day_are_ranges(text, future, start, end):
    ref = resolve_time(text, WEDNESDAY, future=future)
    assert (ref.start_date, ref.end_date) == (start, end)
    assert ref.date is None


def test_a_day_without_year_in_the_future_is_the_next_one():
    assert resolve_time("March 5", WEDNESDAY, future=True).date == "2025-03-05"
    assert resolve_time("March 5", WEDNESDAY).date == "2024-03-05"


def test_lower_case_may_is_not_a_month():
    assert resolve_time("may", WEDNESDAY).start_date is None
