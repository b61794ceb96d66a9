"""Event dates: find date expressions in a sentence and resolve them against the article date.

A date expression is found with one combined regular expression (never by
running dateparser over every token), then resolved by the rule that matched:

* day-precise absolute dates ("on 5 March", "March 5, 2021", "2021-03-05")
  go to dateparser with ``RELATIVE_BASE`` = the article date and
  ``PREFER_DATES_FROM = "past"``;
* everything dateparser cannot do, or does differently from news usage, is
  ruled here: part-of-period words ("late June", "mid-July", "early next
  year", see :data:`MONTH_PARTS` and :data:`YEAR_PARTS`), weeks, weekends,
  halves, quarters, seasons, "earlier this month", "two days ago", and
  weekdays ("on Tuesday" is the most recent Tuesday *on or before* the article
  date; dateparser would skip back a week when the article is a Tuesday).

A date or period without a year ("May 12", "June", "late February", "spring")
is the occurrence that contains the article date, else the nearest one before
or after it (ties go to the past): "Dec. 30" in an article of 2017-01-02 is
2016-12-30, "Jan. 3" in one of 2016-12-29 is 2017-01-03. When the caller knows
the tense of the event's verb (:data:`Tense`), it decides instead: a past-tense
event takes the occurrence on or before the article date, a future one the
occurrence on or after it; "since" counts as past. "last"/"next" take the one
strictly before/after, "this" the one in the article's year (or containing the
article date). A bare weekday ("on Tuesday") is the most recent such day on
or before the article date unless the event is in the future tense.

Every resolution has a range (``start``..``end``, inclusive) and a
representative ``date``: the midpoint of the range, except "this week/month/
year" (the article date) and "last/next week" (article date ∓ 7 days).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Literal, Mapping

from dragoman.records import Article, Span

__all__ = [
    "DateResolution",
    "Granularity",
    "MONTH_PARTS",
    "Relation",
    "Tense",
    "YEAR_PARTS",
    "find_date_expressions",
    "resolve_date",
]

Granularity = Literal[
    "day", "week", "weekend", "month", "part-of-month", "season", "quarter",
    "half-year", "part-of-year", "year",
]
Relation = Literal["at", "since", "until", "before", "after"]
Tense = Literal["past", "future"]
"""The tense of the event a date expression belongs to, when the caller knows it (``None`` otherwise)."""


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A resolved date expression: a representative day inside ``start``..``end``.

    ``relation`` keeps the preposition's meaning: "since late February" is the
    period late February with ``relation="since"``.
    """

    date: dt.date
    start: dt.date
    end: dt.date
    granularity: Granularity
    relation: Relation = "at"


# Part-of-period words → (first day, last day) of the month; 31 means "the last day".
MONTH_PARTS: Mapping[str, tuple[int, int]] = MappingProxyType({
    "beginning": (1, 7),
    "start": (1, 7),
    "early": (1, 10),
    "first half": (1, 15),
    "mid": (11, 20),
    "middle": (11, 20),
    "second half": (16, 31),
    "late": (21, 31),
    "end": (24, 31),
})
# Part-of-year words → ((month, day), (month, day)); day 31 means the month's last day.
YEAR_PARTS: Mapping[str, tuple[tuple[int, int], tuple[int, int]]] = MappingProxyType({
    "beginning": ((1, 1), (1, 31)),
    "start": ((1, 1), (1, 31)),
    "early": ((1, 1), (2, 31)),
    "first half": ((1, 1), (6, 30)),
    "first quarter": ((1, 1), (3, 31)),
    "second quarter": ((4, 1), (6, 30)),
    "mid": ((6, 1), (7, 31)),
    "middle": ((6, 1), (7, 31)),
    "third quarter": ((7, 1), (9, 30)),
    "second half": ((7, 1), (12, 31)),
    "fourth quarter": ((10, 1), (12, 31)),
    "last quarter": ((10, 1), (12, 31)),
    "late": ((11, 1), (12, 31)),
    "end": ((12, 1), (12, 31)),
})
_SEASONS: Mapping[str, tuple[tuple[int, int], tuple[int, int]]] = MappingProxyType({
    "spring": ((3, 1), (5, 31)),
    "summer": ((6, 1), (8, 31)),
    "autumn": ((9, 1), (11, 30)),
    "fall": ((9, 1), (11, 30)),
    "winter": ((12, 1), (14, 28)),  # month 14 = February of the next year
})
_MONTHS: Mapping[str, int] = MappingProxyType({
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
} | {"sept": 9})
_WEEKDAYS: Mapping[str, int] = MappingProxyType(
    {calendar.day_name[i].lower(): i for i in range(7)}
)
_NUMBERS: Mapping[str, int] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3, "several": 3,
})
_RELATIONS: Mapping[str, Relation] = MappingProxyType({
    "since": "since", "until": "until", "till": "until", "by": "until", "up to": "until",
    "before": "before", "after": "after",
})

_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_MOD = r"(?:(?P<mod>(?i:last|this|next|past|previous|coming))\s+)"
_NUM = r"(?P<n>\d{1,3}|(?i:a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_PART = (
    r"(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|end|middle|first half|second half)\s+of))"
    r"(?:\s+|-)"
)
_YPART = (
    r"(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|end|middle|first half|second half"
    r"|(?:first|second|third|fourth|last) quarter)\s+of))(?:\s+|-)"
)
_YREF = r"(?:(?P<yrel>(?i:last|this|next|the previous|the following|the coming|the past|the))\s+(?i:year)|" + _YEAR + ")"
_PREP = (
    r"(?P<prep>(?i:in|on|since|until|till|by|during|from|before|after|over|through|throughout"
    r"|as of|at|up to|as early as|as late as))\s+"
)

_Rule = tuple[str, str]
# Order matters: the combined finder tries them left to right at each position.
_RULES: tuple[_Rule, ...] = (
    ("iso", r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
    ("numeric", r"(?P<numeric>[0-3]?\d/[01]?\d/(?:19|20)\d\d)\b"),
    ("day_month", r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + ")?"),
    ("month_day", _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + ")?"),
    ("part_month", _PART + _MOD + "?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?"),
    ("part_year", _YPART + _YREF),
    ("quarter", r"(?P<quarter>Q[1-4])\s+" + _YEAR),
    ("earlier_later", r"(?P<dir>(?i:earlier|later))\s+(?i:this)\s+(?P<unit>(?i:week|month|year))\b"),
    ("ago", _NUM + r"\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b"),
    ("relday", r"(?P<relday>(?i:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|overnight))\b"),
    ("weekday", _MOD + "?" + r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
     r"(?:\s+(?i:morning|afternoon|evening|night))?"),
    ("season", r"(?:(?i:the)\s+|" + _MOD + r")?(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:\s+(?:of\s+)?" + _YEAR + ")?"),
    ("rel_period", r"(?:(?i:the)\s+)?" + _MOD + r"(?P<unit>(?i:week|month|year|weekend))\b"),
    ("weekend", r"(?P<weekend>(?i:the weekend))\b"),
    ("month", _MOD + "?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?"),
    ("year", _YEAR),
)
_RULE_RES: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {name: re.compile("(?:" + _PREP + ")?" + pattern) for name, pattern in _RULES}
)
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FINDER = re.compile(
    r"(?<![\w-])(?:" + _PREP + ")?(?:"
    + "|".join(f"(?P<rule_{name}>{_NAMED_GROUP.sub('(?:', pattern)})" for name, pattern in _RULES)
    + r")(?![\w-]|\.\w)"
)


def resolve_date(expression: str, article_date: dt.date, tense: Tense | None = None) -> DateResolution | None:
    """Resolve one date expression ("last week", "since late February") against ``article_date``.

    ``tense`` is that of the event the expression dates, when known: it picks
    the occurrence of a date without a year (see the module docstring).
    Returns ``None`` when neither the rules nor dateparser understand it.
    """
    text = " ".join(expression.split()).rstrip(".,;")
    for name, pattern in _RULE_RES.items():
        match = pattern.fullmatch(text)
        if match is not None:
            if (match.group("prep") or "").lower() == "since":
                tense = "past"
            resolved = _HANDLERS[name](match, article_date, tense)
            if resolved is not None:
                return _with_relation(resolved, match.group("prep"))
    parsed = _parse_with_dateparser(text, article_date)
    if parsed is None:
        return None
    return DateResolution(parsed, parsed, parsed, "day")


def find_date_expressions(
    sentence_text: str, sentence_start: int, article: Article, tense: Tense | None = None
) -> tuple[tuple[Span, DateResolution], ...]:
    """Date expressions in one sentence with their resolutions, in text order.

    ``sentence_start`` is the sentence's offset in ``article.text``; spans point
    into ``article.text``. ``tense`` is passed on to :func:`resolve_date`.
    Without ``article.date`` nothing can be resolved and
    the result is empty. Bare months, seasons and years count only after a
    preposition or modifier ("in June", "last spring", "since 2019"), so "May"
    the verb and "2019 people" are left alone.
    """
    if article.date is None:
        return ()
    found: list[tuple[Span, DateResolution]] = []
    for match in _FINDER.finditer(sentence_text):
        rule = match.lastgroup
        if rule is None or not rule.startswith("rule_"):
            continue
        if not _stands_alone(rule[5:], match.group(0)):
            continue
        resolved = resolve_date(match.group(0), article.date, tense)
        if resolved is None:
            continue
        start = sentence_start + match.start()
        end = sentence_start + match.end()
        found.append((article.span(start, end), resolved))
    return tuple(found)


def _stands_alone(rule: str, text: str) -> bool:
    """Whether a bare month, season or year is a date here, not a verb or a count.

    "May" alone, "2019 people" and "the fall of Kabul" are not; "in May",
    "May 2021", "last spring", "since 2019" and "the fall of 2021" are.
    """
    if rule not in ("month", "year", "season"):
        return True
    match = _RULE_RES[rule].fullmatch(text)
    if match is None:
        return False
    groups = match.groupdict()
    if rule == "year":
        return bool(groups.get("prep"))
    if groups.get("mod") or groups.get("year"):
        return True
    if rule == "season" and match.group("season").lower() == "fall":
        return False
    return bool(groups.get("prep"))


def _with_relation(resolved: DateResolution, prep: str | None) -> DateResolution:
    relation = _RELATIONS.get((prep or "").lower(), "at")
    if relation == "at":
        return resolved
    return DateResolution(resolved.date, resolved.start, resolved.end, resolved.granularity, relation)


def _parse_with_dateparser(text: str, article_date: dt.date) -> dt.date | None:
    # Imported here: dateparser costs ~0.8 s and ~90 MB to import, which callers
    # that only geocode (or only hit the rules above) should not pay.
    import dateparser

    base = dt.datetime(article_date.year, article_date.month, article_date.day, 12)
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed is not None else None


def _span(start: dt.date, end: dt.date, granularity: Granularity, date: dt.date | None = None) -> DateResolution:
    middle = start + (end - start) // 2
    return DateResolution(date if date is not None else middle, start, end, granularity)


def _day(date: dt.date) -> DateResolution:
    return DateResolution(date, date, date, "day")


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month))


def _md(year: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(day, _last_day(year, month)))


def _choose(
    ranges: Callable[[int], tuple[dt.date, dt.date] | None],
    mod: str | None,
    article_date: dt.date,
    tense: Tense | None = None,
) -> tuple[dt.date, dt.date]:
    """Pick the instance of a yearly period or day ("June", "winter", "May 12") the modifier means.

    ``ranges(year)`` is the instance of that year (``None`` when there is none: 29 February).
    Without a modifier: the instance containing the article date, else the tense's side
    of it, else the nearest (ties to the past).
    """
    found = (ranges(year) for year in range(article_date.year - 5, article_date.year + 6))
    options = [r for r in found if r is not None]
    mod = (mod or "").lower()
    before = max((r for r in options if r[1] < article_date), default=None)
    after = min((r for r in options if r[0] > article_date), default=None)
    if mod in ("last", "past", "previous") and before is not None:
        return before
    if mod in ("next", "coming") and after is not None:
        return after
    containing = [r for r in options if r[0] <= article_date <= r[1]]
    if containing:
        return containing[0]
    if mod == "this":
        same_year = [r for r in options if r[0].year == article_date.year]
        if same_year:
            return same_year[0]
    if before is None or after is None:
        return before or after or options[0]
    if tense == "past":
        return before
    if tense == "future":
        return after
    return before if article_date - before[1] <= after[0] - article_date else after


def _year_from(match: re.Match[str], article_date: dt.date) -> int | None:
    year = match.group("year")
    if year:
        return int(year)
    groups = match.groupdict()
    yrel = (groups.get("yrel") or "").lower()
    if not yrel:
        return None
    if yrel in ("last", "the previous", "the past"):
        return article_date.year - 1
    if yrel in ("next", "the following", "the coming"):
        return article_date.year + 1
    return article_date.year


def _part_key(part: str) -> str:
    words = part.lower().replace("-", " ").split()
    words = [w for w in words if w not in ("the", "of")]
    return " ".join(words)


def _by_dateparser(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    body = match.group(0)[match.end("prep") - match.start(0):] if match.group("prep") else match.group(0)
    parsed = _parse_with_dateparser(body, article_date)
    return _day(parsed) if parsed is not None else None


def _by_day_of_month(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    """ "May 12", "12 May 2018", "Dec. 30": that day of the year given, else the nearest one."""
    month = _MONTHS[match.group("month").rstrip(".").lower()]
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    year = match.group("year")
    if year:
        if day > _last_day(int(year), month):
            return None
        return _day(dt.date(int(year), month, day))

    def instance(y: int) -> tuple[dt.date, dt.date] | None:
        if day > _last_day(y, month):
            return None
        return dt.date(y, month, day), dt.date(y, month, day)

    if all(instance(y) is None for y in range(article_date.year - 4, article_date.year + 4)):
        return None  # "April 31"
    return _day(_choose(instance, None, article_date, tense)[0])


def _by_month(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    month = _MONTHS[match.group("month").rstrip(".").lower()]
    year = match.group("year")
    if year:
        start, end = _month_range(int(year), month)
    else:
        start, end = _choose(lambda y: _month_range(y, month), match.group("mod"), article_date, tense)
    return _span(start, end, "month")


def _by_part_month(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    whole = _by_month(match, article_date, tense)
    if whole is None:
        return None
    first, last = MONTH_PARTS[_part_key(match.group("part"))]
    year, month = whole.start.year, whole.start.month
    start = dt.date(year, month, first)
    end = dt.date(year, month, min(last, _last_day(year, month)))
    return _span(start, end, "part-of-month")


def _by_part_year(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    year = _year_from(match, article_date)
    key = _part_key(match.group("part"))
    if year is None or key not in YEAR_PARTS:
        return None
    first, last = YEAR_PARTS[key]
    granularity: Granularity = (
        "quarter" if "quarter" in key else "half-year" if "half" in key else "part-of-year"
    )
    return _span(_md(year, first), _md(year, last), granularity)


def _by_quarter(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    quarter = int(match.group("quarter")[1])
    year = int(match.group("year"))
    start = dt.date(year, 3 * quarter - 2, 1)
    end_month = 3 * quarter
    return _span(start, dt.date(year, end_month, _last_day(year, end_month)), "quarter")


def _by_season(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    first, last = _SEASONS[match.group("season").lower()]
    year = match.group("year")
    if year:
        start, end = _md(int(year), first), _md(int(year), last)
    else:
        start, end = _choose(lambda y: (_md(y, first), _md(y, last)), match.group("mod"), article_date, tense)
    return _span(start, end, "season")


def _week_of(date: dt.date) -> tuple[dt.date, dt.date]:
    monday = date - dt.timedelta(days=date.weekday())
    return monday, monday + dt.timedelta(days=6)


def _weekend_of(date: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The Saturday–Sunday a weekend expression means."""
    saturday = date + dt.timedelta(days=5 - date.weekday())  # this week's Saturday
    if mod in ("last", "past", "previous") or (mod == "" and date.weekday() < 5):
        saturday -= dt.timedelta(days=7)
    elif mod in ("next", "coming") and date.weekday() >= 5:
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1)


def _by_rel_period(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    mod = match.group("mod").lower()
    unit = match.group("unit").lower()
    step = -1 if mod in ("last", "previous") else 1 if mod in ("next", "coming") else 0
    if unit == "weekend":
        start, end = _weekend_of(article_date, mod)
        return _span(start, end, "weekend")
    if mod == "past":
        days = {"week": 7, "month": 30, "year": 365}[unit]
        start = article_date - dt.timedelta(days=days)
        return _span(start, article_date - dt.timedelta(days=1), "week" if unit == "week" else unit)  # type: ignore[arg-type]
    if unit == "week":
        start, end = _week_of(article_date + dt.timedelta(days=7 * step))
        return _span(start, end, "week", article_date + dt.timedelta(days=7 * step))
    if unit == "month":
        month_index = article_date.year * 12 + article_date.month - 1 + step
        start, end = _month_range(month_index // 12, month_index % 12 + 1)
        return _span(start, end, "month", article_date if step == 0 else None)
    year = article_date.year + step
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", article_date if step == 0 else None)


def _by_weekend(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    start, end = _weekend_of(article_date, "")
    return _span(start, end, "weekend")


def _by_earlier_later(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    unit = match.group("unit").lower()
    if unit == "week":
        first, last = _week_of(article_date)
    elif unit == "month":
        first, last = _month_range(article_date.year, article_date.month)
    else:
        first, last = dt.date(article_date.year, 1, 1), dt.date(article_date.year, 12, 31)
    if match.group("dir").lower() == "earlier":
        end = max(first, article_date - dt.timedelta(days=1))
        return _span(first, end, unit)  # type: ignore[arg-type]
    start = min(last, article_date + dt.timedelta(days=1))
    return _span(start, last, unit)  # type: ignore[arg-type]


def _by_ago(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else _NUMBERS[" ".join(raw.split())]
    unit = match.group("unit").lower()
    if unit == "day":
        return _day(article_date - dt.timedelta(days=count))
    if unit == "week":
        date = article_date - dt.timedelta(days=7 * count)
        start, end = _week_of(date)
        return _span(start, end, "week", date)
    if unit == "month":
        month_index = article_date.year * 12 + article_date.month - 1 - count
        year, month = month_index // 12, month_index % 12 + 1
        date = dt.date(year, month, min(article_date.day, _last_day(year, month)))
        start, end = _month_range(year, month)
        return _span(start, end, "month", date)
    year = article_date.year - count
    date = dt.date(year, article_date.month, min(article_date.day, _last_day(year, article_date.month)))
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", date)


def _by_relday(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    word = " ".join(match.group("relday").lower().split())
    offset = {
        "the day before yesterday": -2, "yesterday": -1, "overnight": -1, "today": 0,
        "tonight": 0, "tomorrow": 1, "the day after tomorrow": 2,
    }[word]
    return _day(article_date + dt.timedelta(days=offset))


def _by_weekday(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    """A weekday is the most recent one on or before the article date (wire copy names the
    days of the past week), or the first on or after it for an event in the future tense."""
    weekday = _WEEKDAYS[match.group("weekday").lower()]
    mod = (match.group("mod") or "").lower()
    back = (article_date.weekday() - weekday) % 7
    forward = (weekday - article_date.weekday()) % 7
    if mod in ("next", "coming"):
        return _day(article_date + dt.timedelta(days=forward or 7))
    if mod in ("last", "past", "previous") and back == 0:
        back = 7
    if not mod and tense == "future":
        return _day(article_date + dt.timedelta(days=forward))
    return _day(article_date - dt.timedelta(days=back))


def _by_year(match: re.Match[str], article_date: dt.date, tense: Tense | None) -> DateResolution | None:
    year = int(match.group("year"))
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


_Handler = Callable[[re.Match[str], dt.date, Tense | None], DateResolution | None]
_HANDLERS: Mapping[str, _Handler] = MappingProxyType({
    "iso": _by_dateparser,
    "numeric": _by_dateparser,
    "day_month": _by_day_of_month,
    "month_day": _by_day_of_month,
    "part_month": _by_part_month,
    "part_year": _by_part_year,
    "quarter": _by_quarter,
    "earlier_later": _by_earlier_later,
    "ago": _by_ago,
    "relday": _by_relday,
    "weekday": _by_weekday,
    "season": _by_season,
    "rel_period": _by_rel_period,
    "weekend": _by_weekend,
    "month": _by_month,
    "year": _by_year,
})
