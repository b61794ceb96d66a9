"""The rows the Phoenix conversion writes, its report, and the files' text with their headers."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.actors.knowledge import Organization, Person, Role, SectorWord

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENTS_FILE = "Phoenix.agents.txt"
COMMAND = "python -m dragoman.actors.phoenix_convert --source ../shared/external/petrarch_dictionaries --out src/dragoman/actors/data"


@dataclass(frozen=True, slots=True)
class Conversion:
    people: tuple[Person, ...]
    roles: tuple[Role, ...]
    orgs: tuple[Organization, ...]
    sectors: tuple[SectorWord, ...]


@dataclass
class Report:
    """What was read, converted, merged and dropped, by reason."""

    counts: Counter[str] = field(default_factory=Counter)
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)  # (what, reason)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def drop(self, what: str, reason: str, n: int = 1, example: str = "") -> None:
        self.dropped[(what, reason)] += n
        if example:
            found = self.examples.setdefault((what, reason), [])
            if len(found) < 8:
                found.append(example)

    def lines(self, examples: bool = False) -> list[str]:
        out = [f"{key}: {n}" for key, n in sorted(self.counts.items())]
        for what in ("entry", "person", "person name", "org", "org name", "code", "agent"):
            rows = sorted(((reason, n) for (w, reason), n in self.dropped.items() if w == what), key=lambda rn: (-rn[1], rn[0]))
            if rows:
                out.append(f"dropped {what}s:")
                for reason, n in rows:
                    out.append(f"  {n:6d}  {reason}")
                    if examples and (what, reason) in self.examples:
                        out.append(f"          e.g. {'; '.join(self.examples[(what, reason)])}")
        return out


# ---------------------------------------------------------------------- output


def source_commit(source: Path) -> str:
    """The petrarch2 commit named in the source folder's README.md."""
    try:
        text = (source / "README.md").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    m = re.search(r"\b[0-9a-f]{40}\b", text)
    return m.group(0) if m else "unknown"


def header(kind: str, commit: str) -> list[str]:
    return [
        f"# {kind} converted from the Phoenix actor dictionaries of openeventdata/petrarch2",
        f"#   (commit {commit}, petrarch2/data/dictionaries/: {', '.join(ACTOR_FILES)}, {AGENTS_FILE}).",
        "# Licence: MIT, Copyright (c) 2014 Open Event Data Alliance; the notice is in NOTICE beside this file.",
        f"# Generated: do not edit. Regenerate with `{COMMAND}` (make dictionaries).",
        "# Rules and counts: docs/actors-kb.md, \"Phoenix dictionaries\". dragoman's own files are read over this one and win.",
    ]


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def render(conversion: Conversion, commit: str) -> dict[str, str]:
    """The four files' text, by file name."""
    people = header("People", commit) + ["id\tname\taliases\tcountry\tgender"]
    people += [f"{p.id}\t{p.name}\t{'|'.join(p.aliases)}\t{p.country or ''}\t{p.gender or ''}" for p in conversion.people]
    roles = header("Dated codes of people (office other; title only where a dictionary comment names one)", commit)
    roles += ["person\ttitle\toffice\torg\tsector\tstart\tend"]
    roles += [f"{r.person}\t{r.title}\t{r.office}\t{r.org}\t{r.sector}\t{_d(r.start)}\t{_d(r.end)}" for r in conversion.roles]
    orgs = header("IGOs, NGOs, state bodies and armed groups dragoman's orgs.tsv lacks", commit) + ["code\tname\taliases\tkind\tcountry\tsector"]
    orgs += [f"{o.code}\t{o.name}\t{'|'.join(o.aliases)}\t{o.kind}\t{o.country or ''}\t{o.sector or ''}" for o in conversion.orgs]
    sectors = header("Agent words dragoman's sectors.tsv lacks", commit) + ["word\tsector\tkind"]
    sectors += [f"{s.word}\t{s.sector}\t{s.kind}" for s in conversion.sectors]
    return {name: "\n".join(lines) + "\n" for name, lines in
            (("people.phoenix.tsv", people), ("roles.phoenix.tsv", roles), ("orgs.phoenix.tsv", orgs), ("sectors.phoenix.tsv", sectors))}
