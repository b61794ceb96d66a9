from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest

from dragoman.places import DateResolution, Tense, find_date_expressions, resolve_date
from dragoman.records import Article

ARTICLE_DATE = dt.date(2022, 7, 20)  # a Wednesday

D = dt.date


def _resolve(expression: str) -> DateResolution:
    resolved = resolve_date(expression, ARTICLE_DATE)
    assert resolved is not None, expression
    assert resolved.start <= resolved.date <= resolved.end, expression
    return resolved


def test_last_week() -> None:
    r = _resolve("last week")
    assert r.date == D(2022, 7, 13)
    assert (r.start, r.end, r.granularity) == (D(2022, 7, 11), D(2022, 7, 17), "week")


def test_this_and_next_week() -> None:
    assert _resolve("this week").date == ARTICLE_DATE
    assert _resolve("next week").date == D(2022, 7, 27)


def test_in_late_june() -> None:
    r = _resolve("in late June")
    assert r.date == D(2022, 6, 25)
    assert (r.start, r.end, r.granularity) == (D(2022, 6, 21), D(2022, 6, 30), "part-of-month")


def test_since_late_february() -> None:
    r = _resolve("since late February")
    assert r.date.year == 2022 and r.date.month == 2 and r.date.day >= 21
    assert r.relation == "since"


def test_month_without_a_year_is_the_nearest_instance() -> None:
    # Was August 2021 ("the most recent before the article"): a bug, August 2022 is 12 days away.
    assert _resolve("in late August").date.year == 2022
    assert _resolve("in August").start == D(2022, 8, 1)
    assert _resolve("in March").start == D(2022, 3, 1)
    assert _resolve("in January").start == D(2023, 1, 1)  # 165 days ahead, 170 back


def test_past_tense_takes_the_instance_before_the_article() -> None:
    r = resolve_date("in August", ARTICLE_DATE, "past")
    assert r is not None and r.start == D(2021, 8, 1)
    r = resolve_date("in late August", ARTICLE_DATE, "past")
    assert r is not None and r.date.year == 2021


def test_future_tense_takes_the_instance_after_the_article() -> None:
    r = resolve_date("in January", ARTICLE_DATE, "future")
    assert r is not None and r.start == D(2023, 1, 1)
    r = resolve_date("on 5 March", ARTICLE_DATE, "future")
    assert r is not None and r.date == D(2023, 3, 5)


def test_since_is_past() -> None:
    r = resolve_date("since August", ARTICLE_DATE)
    assert r is not None and r.start == D(2021, 8, 1) and r.relation == "since"


@pytest.mark.parametrize(
    ("expression", "article_date", "expected"),
    [
        ("Dec. 30", D(2017, 1, 2), D(2016, 12, 30)),
        ("on 30 December", D(2017, 1, 2), D(2016, 12, 30)),
        ("Jan. 3", D(2016, 12, 29), D(2017, 1, 3)),
        ("January 3rd", D(2016, 12, 29), D(2017, 1, 3)),
        ("May 12", D(2018, 5, 1), D(2018, 5, 12)),
        ("May 12", D(2018, 5, 12), D(2018, 5, 12)),
        ("on May 12", D(2018, 11, 5), D(2018, 5, 12)),  # 177 days back, 188 ahead
        ("on May 12", D(2018, 11, 20), D(2019, 5, 12)),  # 192 back, 173 ahead
        ("Feb. 29", D(2017, 1, 10), D(2016, 2, 29)),  # the nearest year that has one
        ("May 12, 2016", D(2018, 5, 1), D(2016, 5, 12)),
    ],
)
def test_day_without_a_year_is_the_nearest(expression: str, article_date: dt.date, expected: dt.date) -> None:
    r = resolve_date(expression, article_date)
    assert r is not None and (r.date, r.granularity) == (expected, "day")


@pytest.mark.parametrize(
    ("expression", "article_date", "tense", "expected"),
    [
        ("May 12", D(2018, 5, 1), "past", D(2017, 5, 12)),  # "was arrested May 12"
        ("Dec. 30", D(2017, 1, 2), "future", D(2017, 12, 30)),
        ("Dec. 30", D(2017, 1, 2), "past", D(2016, 12, 30)),
        ("Jan. 3", D(2016, 12, 29), "past", D(2016, 1, 3)),
        ("Dec. 29", D(2016, 12, 29), "past", D(2016, 12, 29)),  # the article's own day either way
        ("Dec. 29", D(2016, 12, 29), "future", D(2016, 12, 29)),
    ],
)
def test_tense_decides_between_before_and_after(
    expression: str, article_date: dt.date, tense: Tense, expected: dt.date
) -> None:
    r = resolve_date(expression, article_date, tense)
    assert r is not None and r.date == expected


def test_day_in_a_sentence_is_the_nearest() -> None:
    sentence = "The talks could resume as soon as May 12, officials said."
    article = Article("d", sentence, "test", date=D(2018, 5, 1))
    found = find_date_expressions(sentence, 0, article)
    assert [(span.text, r.date) for span, r in found] == [("May 12", D(2018, 5, 12))]
    found = find_date_expressions(sentence, 0, article, "past")
    assert [r.date for _, r in found] == [D(2017, 5, 12)]


def test_impossible_day_is_no_date() -> None:
    assert resolve_date("April 31", ARTICLE_DATE) is None


def test_weekday_in_the_future_tense_is_ahead() -> None:
    # the article (2022-07-20) is a Wednesday
    assert _resolve("on Friday").date == D(2022, 7, 15)
    r = resolve_date("on Friday", ARTICLE_DATE, "future")
    assert r is not None and r.date == D(2022, 7, 22)
    r = resolve_date("on Wednesday", ARTICLE_DATE, "future")
    assert r is not None and r.date == ARTICLE_DATE
    r = resolve_date("last Friday", ARTICLE_DATE, "future")
    assert r is not None and r.date == D(2022, 7, 15)


def test_mid_july() -> None:
    r = _resolve("mid-July")
    assert r.date == D(2022, 7, 15) and r.start == D(2022, 7, 11) and r.end == D(2022, 7, 20)


def test_early_next_year() -> None:
    r = _resolve("early next year")
    assert r.date.year == 2023 and r.date.month == 1
    assert r.start == D(2023, 1, 1) and r.granularity == "part-of-year"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("yesterday", D(2022, 7, 19)),
        ("tomorrow", D(2022, 7, 21)),
        ("on Tuesday", D(2022, 7, 19)),
        ("Monday", D(2022, 7, 18)),
        ("Wednesday", D(2022, 7, 20)),  # the article's own weekday: that day
        ("last Wednesday", D(2022, 7, 13)),
        ("next Monday", D(2022, 7, 25)),
        ("two days ago", D(2022, 7, 18)),
        ("on 5 March", D(2022, 3, 5)),
        ("March 5, 2021", D(2021, 3, 5)),
        ("2021-03-05", D(2021, 3, 5)),
    ],
)
def test_days(expression: str, expected: dt.date) -> None:
    r = _resolve(expression)
    assert (r.date, r.granularity) == (expected, "day")


@pytest.mark.parametrize(
    ("expression", "start", "end", "granularity"),
    [
        ("last month", D(2022, 6, 1), D(2022, 6, 30), "month"),
        ("in 2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("last year", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("in the second half of 2021", D(2021, 7, 1), D(2021, 12, 31), "half-year"),
        ("earlier this month", D(2022, 7, 1), D(2022, 7, 19), "month"),
        ("Q3 2021", D(2021, 7, 1), D(2021, 9, 30), "quarter"),
        ("last winter", D(2021, 12, 1), D(2022, 2, 28), "season"),
        ("over the weekend", D(2022, 7, 16), D(2022, 7, 17), "weekend"),
        ("September 2021", D(2021, 9, 1), D(2021, 9, 30), "month"),
        ("by the end of June", D(2022, 6, 24), D(2022, 6, 30), "part-of-month"),
    ],
)
def test_periods(expression: str, start: dt.date, end: dt.date, granularity: str) -> None:
    r = _resolve(expression)
    assert (r.start, r.end, r.granularity) == (start, end, granularity)


def test_unknown_expression() -> None:
    assert resolve_date("in Tehran", ARTICLE_DATE) is None


def test_resolution_is_frozen() -> None:
    r = _resolve("last week")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.date = ARTICLE_DATE  # type: ignore[misc]


def test_find_date_expressions_in_a_sentence() -> None:
    prefix = "Intro. "
    sentence = (
        "Troops have been in Tel Rifaat since late February, and officials may meet "
        "in May or on 5 March 2021; 2019 people fled after the fall of Kabul last week."
    )
    article = Article("d", prefix + sentence, "test", date=ARTICLE_DATE)
    found = find_date_expressions(sentence, len(prefix), article)
    texts = [span.text for span, _ in found]
    assert texts == ["since late February", "in May", "on 5 March 2021", "last week"]
    for span, _ in found:
        assert article.text[span.start:span.end] == span.text
    assert found[-1][1].date == D(2022, 7, 13)


def test_find_needs_an_article_date() -> None:
    article = Article("d", "They met last week.", "test")
    assert find_date_expressions(article.text, 0, article) == ()


def test_finding_is_fast() -> None:
    sentence = "Officials said on Tuesday that talks held in Istanbul last week would resume in late June. " * 3
    article = Article("d", sentence, "test", date=ARTICLE_DATE)
    find_date_expressions(sentence, 0, article)  # warm up
    started = time.perf_counter()
    for _ in range(100):
        find_date_expressions(sentence, 0, article)
    assert (time.perf_counter() - started) / 100 < 0.01
