"""Read the Phoenix (PETRARCH / TABARI) actor and agent dictionaries as they are written.

This module only parses; what the entries become in dragoman's knowledge base is decided in
:mod:`dragoman.actors.phoenix_convert`. The formats (petrarch2 ``docs/source/dictionaries.rst``):

* An actor entry is a primary phrase, then ``+`` lines with synonym phrases, then date
  restrictions, each ``[CODE]`` or ``[CODE restriction]``, on lines starting with a tab or at the
  end of the phrase lines (``KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]``). Primary phrases with no
  code between them share the codes that follow, as PETRARCH's reader has it (``LEONID_BREZHNEV_``,
  ``LEONID_ILYICH_BREZHNEV``, then the restrictions). Every ``[...]`` of a phrase line is read as a
  restriction (PETRARCH itself keeps only the first one there, undated).
* A phrase is upper case; ``_`` or a space separates words, a final ``_`` marks a word boundary.
* A restriction is ``<date`` (before), ``>date`` (after) or ``date-date`` (between, both ends
  included); a date is ``YYMMDD`` or ``YYYYMMDD``. ``[CODE]`` alone is the default code, used on
  the days no restriction covers; ``[---]`` is the null code.
* ``#`` starts a comment, also ``<!-- ... -->``; blank lines are skipped.
* The agents file holds ``PHRASE {PLURALS} [~CODE]`` (or ``[CODE~]``) lines and
  ``!NAME! = A, B`` substitution sets used inside phrases.

Two-digit years: ``yy >= 30`` is 19yy, else 20yy (the dictionaries date from 2014; their earliest
six-digit dates are 1931, eight-digit dates carry the years before).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PIVOT = 30  # two-digit years below this are 20yy, the others 19yy

_CODE = re.compile(r"\[([^\]]*)\]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True, slots=True)
class Restriction:
    """One ``[CODE ...]``: ``code`` None is the null code ``---``; ``dated`` False is the default."""

    code: str | None
    start: dt.date | None
    end: dt.date | None  # last day, included (the dictionaries' convention)
    dated: bool
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor record: its phrases (primary first), its codes, where it starts."""

    file: str
    line: int
    names: tuple[str, ...]
    restrictions: tuple[Restriction, ...]
    comment: str  # the primary line's comment ("# CountryInfo.txt")
    problems: tuple[str, ...] = ()  # restrictions that could not be read, by reason


@dataclass(frozen=True, slots=True)
class Agent:
    """One agent phrase with its plural forms and its code (``~GOV`` → ``GOV``, suffix marked)."""

    phrase: str
    plurals: tuple[str, ...]  # empty tuple with ``plural_given``: no plural
    plural_given: bool
    code: str
    prefix: bool  # ``[NGO~]``: the code goes before the actor's code
    line: int


def parse_date(raw: str) -> dt.date:
    """``YYMMDD`` or ``YYYYMMDD``; ValueError for any other shape or an impossible day."""
    if not raw.isdigit() or len(raw) not in (6, 8):
        raise ValueError(f"date {raw!r} is neither YYMMDD nor YYYYMMDD")
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy < PIVOT else 1900 + yy
        return dt.date(year, int(raw[2:4]), int(raw[4:6]))
    return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def parse_restriction(body: str, comment: str = "") -> Restriction:
    """The inside of one ``[...]``. A lone date with no ``<``/``>`` is read as ``>date`` (a start).
    ValueError names what could not be read."""
    parts = body.split(None, 1)
    if not parts:
        raise ValueError("empty code")
    code: str | None = parts[0]
    if code is not None and code.strip("-") == "":
        code = None
    if len(parts) == 1:
        return Restriction(code, None, None, False, comment)
    rule = parts[1].replace(" ", "")
    if rule.startswith("<"):
        return Restriction(code, None, parse_date(rule[1:]), True, comment)
    if rule.startswith(">"):
        return Restriction(code, parse_date(rule[1:]), None, True, comment)
    if "-" in rule:
        first, _, last = rule.partition("-")
        start, end = parse_date(first), parse_date(last)
        if end < start:
            raise ValueError(f"range {rule} ends before it starts")
        return Restriction(code, start, end, True, comment)
    return Restriction(code, parse_date(rule), None, True, comment)


def _strip_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    return text.rstrip(), comment.strip()


def _phrase_and_codes(text: str) -> tuple[str, list[str]]:
    """``KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]`` → ("KOFI_ANNAN_", [bodies])."""
    bodies = [m.group(1).strip() for m in _CODE.finditer(text)]
    phrase = _CODE.sub(" ", text).strip()
    return phrase, bodies


def read_actors(text: str, file: str) -> list[Entry]:
    """Every entry of an actor dictionary, in file order. A restriction that cannot be read is
    left out of its entry and named in ``Entry.problems``."""
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    entries: list[Entry] = []
    names: list[str] = []
    restrictions: list[Restriction] = []
    problems: list[str] = []
    start = 0
    head_comment = ""

    def close() -> None:
        if names:
            entries.append(Entry(file, start, tuple(names), tuple(restrictions), head_comment, tuple(problems)))

    def add_codes(bodies: list[str], comment: str) -> None:
        for body in bodies:
            try:
                restrictions.append(parse_restriction(body, comment))
            except ValueError as e:
                problems.append(str(e))

    for number, raw in enumerate(text.splitlines(), start=1):
        line, comment = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):  # a restriction line (normally tab-indented)
            add_codes(_phrase_and_codes(stripped)[1], comment)
            continue
        if stripped.startswith("+"):
            phrase, bodies = _phrase_and_codes(stripped[1:])
            if phrase and names:
                names.append(phrase)
            add_codes(bodies, comment)
            continue
        phrase, bodies = _phrase_and_codes(stripped)
        if names and not restrictions and not problems and not bodies:
            # primary phrases with no codes between them share the codes that follow (as PETRARCH reads them)
            names.append(phrase)
            continue
        # a new entry (a primary phrase, possibly indented by mistake, possibly with its codes)
        close()
        names, restrictions, problems = [phrase] if phrase else [], [], []
        start, head_comment = number, comment
        add_codes(bodies, comment)
    close()
    return entries


_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)[\]}]")


def read_agents(text: str) -> list[Agent]:
    """Every agent phrase, with ``!NAME!`` substitution sets expanded (no plurals are formed for
    the expanded forms, as the format says)."""
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    sets: dict[str, list[str]] = {}
    out: list[Agent] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line, _ = _strip_comment(raw)
        line = line.strip()
        if not line:
            continue
        m = _SUBSTITUTION.match(line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if not m:
            continue
        raw_code = m.group("code").strip()
        prefix = raw_code.endswith("~")
        code = raw_code.strip("~").strip()
        phrase = m.group("phrase").strip()
        plurals_raw = m.group("plurals")
        plurals = tuple(p for p in (plurals_raw or "").split() if p)
        marker = re.search(r"![A-Z]+!", phrase)
        if marker and marker.group(0) in sets:
            for word in sets[marker.group(0)]:
                out.append(Agent(phrase.replace(marker.group(0), word), (), True, code, prefix, number))
            continue
        out.append(Agent(phrase, plurals, plurals_raw is not None, code, prefix, number))
    return out


def phrase_words(phrase: str) -> list[str]:
    """The words of a dictionary phrase: ``_`` and spaces separate them, a final ``_`` is dropped."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
