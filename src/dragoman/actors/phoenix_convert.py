"""Convert the Phoenix actor dictionaries into dragoman's imported actor files.

``python -m dragoman.actors.phoenix_convert [--source DIR] [--out DIR]`` reads
``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (MIT, Open Event Data Alliance) and
writes ``people.phoenix.tsv``, ``roles.phoenix.tsv``, ``orgs.phoenix.tsv`` and
``sectors.phoenix.tsv`` in the knowledge base's columns. The loader reads them under dragoman's
own files (``actors/knowledge.py``). Every entry, name and code left out is counted by reason;
the counts are printed and written in docs/actors-kb.md ("Phoenix dictionaries") with the rules.

The format is read by :mod:`dragoman.actors.phoenix_dictionary`, names are cased and tested by
:mod:`dragoman.actors.phoenix_names`; this module decides what each entry becomes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Mapping, Sequence

from dragoman.actors.knowledge import KnowledgeBase, Organization, Person, Role, countries_agree, load_knowledge, name_key
from dragoman.actors.phoenix_agents import convert_agents
from dragoman.actors.phoenix_dictionary import Entry, read_actors
from dragoman.actors.phoenix_names import (
    FUNCTION_WORDS, PARTICLES, Vocabulary, all_common, is_common_word, known_forms, org_case, person_case, title_prefix, words_of,
)
from dragoman.actors.phoenix_roles import CodeReader, Period, timeline
from dragoman.actors.phoenix_rows import ACTOR_FILES, AGENTS_FILE, Conversion, Report, render, source_commit
from dragoman.actors.persons import load_person_words
from dragoman.places import load_gazetteer

DEFAULT_SOURCE = Path("../shared/external/petrarch_dictionaries")
DEFAULT_OUT = Path("src/dragoman/actors/data")

# Words that make a phrase an organisation (or a description of one), not a person's name.
ORG_WORDS = frozenset("""
army armies front brigade brigades force forces movement party parties organization organisation organizations group groups
council committee commission union league alliance association federation foundation institute institution center centre
agency fund bank program programme office ministry department court tribunal assembly parliament secretariat mission
network society cell cells nuclei nucleus commando commandos squad squads unit units liberation resistance guerrilla
guerrillas militia militias corps guard guards watch initiative project trust campaign coalition conference forum bureau
authority service services police congress senate government administration regime cabinet faction factions declaration
directorate company corporation inc ltd corp bancorp holdings industries international worldwide fighters rebels
army's brotherhood order legion battalion battalions regiment division command headquarters hq staff board club
school university college academy radio tv television news times press media newspaper agency's people's nation nations
republic state states kingdom emirate caliphate revolution revolutionary revolutionaries jihad mujahideen mujahedin
""".split())
# Honorifics before a name, beside dragoman's title words.
_HONORIFICS = frozenset({"baron", "baroness", "countess", "duke", "duchess", "earl", "hrh", "hajji", "haji"})
_CONNECTORS = frozenset({"former", "ex", "acting", "then", "the", "of", "and", "deputy", "vice", "interim", "new", "late",
                         "incoming", "outgoing", "self-proclaimed", "de", "facto", "-", "assistant", "under", "first", "second",
                         "senior", "top", "chief", "head", "elect", "designate", "caretaker", "provisional", "transitional"})
# Title words that are also words of organisation names ("General Assembly", "Council of Ministers"):
# alone they do not make an organisation's name a title; title phrases ("prime minister") still do.
TITLES_IN_ORG_NAMES = frozenset({"general", "supreme", "justice", "vice", "chief", "head", "minister", "ministers", "prime", "high",
                                 "lord", "speaker", "officer", "agent", "director", "representative", "commissioner", "leader", "honor",
                                 "honour", "former", "-", "dean", "major", "saint", "father", "secretary", "majesty", "royal", "his", "her",
                                 "count"})
Kind = Literal["country", "person", "org"]


@dataclass
class _Person:
    entry: Entry
    names: list[str]  # news case, canonical first
    periods: list[Period]
    country: str | None
    own: Person | None = None
    id: str = ""


@dataclass
class _Org:
    entry: Entry
    raw_code: str
    names: list[str]
    kind: str
    country: str | None
    sector: str
    base: str  # code before its tag
    own_code: str | None = None
    code: str = ""


def build_vocabulary(kb: KnowledgeBase) -> Vocabulary:
    places = {n.lower() for c in kb.countries.values() for n in (c.name, *c.aliases, *c.adjectives, *c.capitals)}
    places |= {"soviet", "soviets", "ussr", "yugoslav", "yugoslavia", "czechoslovak", "east german", "west german", "u.s", "us"}
    words = load_person_words()
    titles = {t.lower() for t in kb.titles} | words.rank | words.honorific | words.role | words.job | _HONORIFICS
    orgs = {n.lower() for o in kb.organizations.values() for n in (o.name, *o.aliases)}
    return Vocabulary(frozenset(titles), frozenset(places), frozenset(orgs), _CONNECTORS | FUNCTION_WORDS, ORG_WORDS)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def _tag(name: str, taken: set[str]) -> str:
    """A three-character tag for a new code: the initials of the name's main words, else its first
    letters, else two letters and a digit, else three digits."""
    words = [w for w in re.findall(r"[A-Za-z]+", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
             if w.lower() not in FUNCTION_WORDS]
    letters = "".join(w[0] for w in words).upper()
    joined = "".join(words).upper()
    candidates = [c for c in (letters[:3], joined[:3]) if len(c) == 3]
    stem = (letters + joined + "XX")[:2]
    candidates += [stem + str(d) for d in range(10)] + [f"{n:03d}" for n in range(1000)]
    return next(c for c in candidates if c not in taken)


class Converter:
    """Holds dragoman's own knowledge base and the vocabulary derived from it while converting."""

    def __init__(self, kb: KnowledgeBase, common: Callable[[str], bool] = is_common_word,
                 is_place: Callable[[str], bool] = lambda name: False) -> None:
        self.kb = kb
        self.common = common
        self.is_place = is_place
        self.vocab = build_vocabulary(kb)
        self.known = known_forms(n for c in kb.countries.values() for n in (c.name, *c.aliases, *c.adjectives))
        self.known.update(known_forms(n for o in kb.organizations.values() for n in (o.name, *o.aliases)))
        self.codes = CodeReader(frozenset(kb.countries))
        self.report = Report()
        self.own_by_key: dict[str, list[Person]] = {}
        for person in kb.people.values():
            for n in (person.name, *person.aliases):
                key = name_key(n)
                if " " in key and person not in self.own_by_key.get(key, []):
                    self.own_by_key.setdefault(key, []).append(person)
        self.own_surfaces: dict[str, set[str]] = {}  # lower-cased name -> own person ids
        for person in kb.people.values():
            for n in (person.name, *person.aliases):
                self.own_surfaces.setdefault(n.lower(), set()).add(person.id)
        self.title_phrases = frozenset(" ".join(words_of(t)) for t in kb.titles) - TITLES_IN_ORG_NAMES
        self.person_names: set[str] = set()
        self.name_words: set[str] = set()
        self.own_orgs_by_name: dict[str, str] = {}
        for org in kb.organizations.values():
            for n in (org.name, *org.aliases):
                self.own_orgs_by_name.setdefault(_org_key(n), org.code)

    # ------------------------------------------------------------------ entries

    def convert(self, actor_texts: Mapping[str, str], agents_text: str) -> Conversion:
        people: list[_Person] = []
        orgs: list[_Org] = []
        for file in ACTOR_FILES:
            entries = read_actors(actor_texts.get(file, ""), file)
            self.report.counts[f"entries read: {file}"] += len(entries)
            for entry in entries:
                self._sort(entry, people, orgs)
        self.person_names = {n.lower() for p in people for n in p.names if not set(words_of(n)) & ORG_WORDS} | set(self.own_surfaces)
        self.name_words = {w for n in self.person_names for w in words_of(n)}
        org_rows, code_map = self._finish_orgs(orgs)
        person_rows, role_rows = self._finish_people(people, code_map, {o.code: o for o in org_rows})
        sectors = convert_agents(agents_text, self.kb, self.vocab, self.report)
        return Conversion(tuple(person_rows), tuple(role_rows), tuple(org_rows), tuple(sectors))

    def _sort(self, entry: Entry, people: list[_Person], orgs: list[_Org]) -> None:
        report = self.report
        report.counts["names read"] += len(entry.names)
        if entry.problems:
            report.drop("code", "date restriction that cannot be read (malformed date, range ending before it starts)", len(entry.problems))
        if not entry.restrictions:
            report.drop("entry", "no code" if not entry.problems else "no readable code")
            return
        codes = [self.codes.normalise(r.code) for r in entry.restrictions if r.code is not None]
        if not codes:
            report.drop("entry", "only the null code [---]", example=entry.names[0])
            return
        if all(c[:3] in {"MNC", "MED"} for c in codes):
            report.drop("entry", "company or media list (MNC, MED): outside the brief of IGOs, NGOs and armed groups", example=entry.names[0])
            return
        kind = self.classify(entry, codes)
        if kind == "country":
            report.drop("entry", "country, territory or region entry (dragoman's countries.tsv and gazetteer cover places)", example=entry.names[0])
            return
        if kind == "person":
            self._person(entry, people)
            return
        self._org(entry, codes[0], orgs)

    def classify(self, entry: Entry, codes: Sequence[str]) -> Kind:
        """A country or territory entry (its name is a country's, or every code a bare country, or a
        country and a territory or status part: ``RUSARM``, ``UKRUNR``), an organisation (an
        organisation word in the name, or no person-like name), or a person: dated codes, or a
        name of two to six words that are not all common words. In the MilNonState file, whose
        undated entries are mostly groups named like people ("Accolta Nazinuale Corsa"), an
        undated entry is a person only when a title or honorific opens its name, an alias is the
        last word of its name (a surname) or a name links to dragoman's own person."""
        if all(self.codes.is_place_code(c) for c in codes) or person_case(entry.names[0]).lower() in self.vocab.places:
            return "country"
        name, titled = title_prefix(entry.names[0], self.vocab)
        words = words_of(name)
        if not words or any(w.strip(".,'") in self.vocab.org_words for w in words) or re.search(r"[\d/&()]", name):
            return "org"
        if any(r.dated for r in entry.restrictions):
            return "person"
        if not 2 <= len(words) <= 6 or all_common(name, self.vocab, self.common):
            return "org"
        if not entry.file.startswith("Phoenix.MilNonState"):
            return "person"
        cased = [person_case(n) for n in entry.names]
        surname = name_key(cased[0]).split()[-1]
        if titled or any(name_key(n) == surname for n in cased[1:]) or any(name_key(n) in self.own_by_key for n in cased):
            return "person"
        return "org"

    def _person(self, entry: Entry, people: list[_Person]) -> None:
        periods, problems = timeline(entry.restrictions, self.codes, self.kb.titles)
        for reason in problems:
            self.report.drop("code", reason, example=entry.names[0])
        names = [person_case(n) for n in entry.names]
        country = self.codes.person_country(entry.restrictions)
        people.append(_Person(entry, list(dict.fromkeys(names)), periods, country))

    def _org(self, entry: Entry, code: str, orgs: list[_Org]) -> None:
        names: list[str] = []
        for raw in entry.names:
            name, abbreviations = org_case(raw, self.known, self.common)
            names.append(name)
            names += [a for a in abbreviations if a.lower() not in self.vocab.places]
        kind, country, sector, base = self.codes.org_shape(code, entry.file)
        if kind is None:
            self.report.drop("entry", f"organisation code {code[:3]}… names no known country or scope", example=entry.names[0])
            return
        orgs.append(_Org(entry, code, list(dict.fromkeys(n for n in names if n)), kind, country, sector or "", base or ""))

    # ------------------------------------------------------------------ organisations

    def _finish_orgs(self, orgs: list[_Org]) -> tuple[list[Organization], dict[str, str]]:
        report = self.report
        own_codes = set(self.kb.organizations)
        kept: list[_Org] = []
        firsts: dict[tuple[str, str], _Org] = {}  # (name key, code base) -> the first entry with that name
        for org in orgs:
            own = next((self.own_orgs_by_name[_org_key(n)] for n in org.names if _org_key(n) in self.own_orgs_by_name), None)
            if own is None and org.raw_code in own_codes:
                own = org.raw_code
            if own is not None:
                org.own_code = own
                report.counts["orgs merged with dragoman's own (same name, alias or code): own row kept"] += 1
                continue
            earlier = next((firsts[(_org_key(n), org.base)] for n in org.names if (_org_key(n), org.base) in firsts), None)
            if earlier is not None:
                earlier.names += [n for n in org.names if n not in earlier.names]
                org.code = "\0"
                org.own_code = earlier.own_code
                report.drop("org", "duplicate of an earlier Phoenix entry (a shared name, same code): names joined", example=org.names[0])
                continue
            for n in org.names:
                firsts.setdefault((_org_key(n), org.base), org)
            kept.append(org)
        for org in kept:
            org.names = [n for n in org.names if self._org_name_ok(n)]
        holders: dict[str, set[int]] = {}
        for i, org in enumerate(kept):
            for n in org.names:
                holders.setdefault(_org_key(n), set()).add(i)
        rows: list[Organization] = []
        taken = set(own_codes)
        by_base: Counter[str] = Counter(o.base for o in kept)
        for i, org in enumerate(kept):
            shared = [n for n in org.names if len(holders[_org_key(n)]) > 1]
            for n in shared:
                report.drop("org name", "shared by two Phoenix organisations of different codes", example=n)
            org.names = [n for n in org.names if n not in shared]
            if not org.names:
                report.drop("org", "no usable name left (titles, places, descriptions, shared names)", example=org.entry.names[0])
                continue
            if org.kind == "igo" and by_base[org.base] == 1 and org.base not in taken:
                code = org.base  # a Phoenix IGO code names one body already ("IGOUNOKID")
            else:
                tags = {c[len(org.base):] for c in taken if c.startswith(org.base) and len(c) == len(org.base) + 3}
                code = org.base + _tag(org.names[0], tags)
            taken.add(code)
            org.code = code
            rows.append(Organization(code, org.names[0], tuple(org.names[1:]), org.kind, org.country, org.sector))
        report.counts["orgs converted (new rows)"] = len(rows)
        # each raw Phoenix code maps to the code its entries became, when that is one code (an own one preferred)
        targets: dict[str, set[str]] = {}
        for org in orgs:
            target = org.own_code or (org.code if org.code and org.code != "\0" else "")
            if target:
                targets.setdefault(org.raw_code, set()).add(target)
        code_map: dict[str, str] = {}
        for raw, found in targets.items():
            owned = {c for c in found if c in own_codes}
            if len(found) == 1:
                code_map[raw] = next(iter(found))
            elif len(owned) == 1:
                code_map[raw] = next(iter(owned))
        return rows, code_map

    def _org_name_ok(self, name: str) -> bool:
        low = name.lower()
        words = words_of(name)
        padded = f" {' '.join(words)} "
        if any(f" {t} " in padded for t in self.title_phrases):
            self.report.drop("org name", "a title (an office holder, not an organisation)", example=name)
            return False
        if low in self.vocab.places or _org_key(name) in self.own_orgs_by_name:
            self.report.drop("org name", "the name of a country or of dragoman's own organisation", example=name)
            return False
        if self.is_place(name):
            self.report.drop("org name", "a place of the gazetteer (a city, region or state)", example=name)
            return False
        head = len(words)
        while head > 0 and words[head - 1] in self.kb.sectors:
            head -= 1
        if 0 < head < len(words) and " ".join(words[:head]) in self.person_names:
            self.report.drop("org name", "a person's name and sector words (dragoman composes these: \"Assad forces\")", example=name)
            return False
        if all_common(name, self.vocab, self.common) and (len(words) <= 2 or any(w in self.kb.sectors for w in words)):
            self.report.drop("org name", "common words only (a description, not a name)", example=name)
            return False
        if len(words) == 1 and len(name) < 3:
            self.report.drop("org name", "a one- or two-letter abbreviation", example=name)
            return False
        if len(words) == 1 and (self.common(low) or low in self.name_words):
            self.report.drop("org name", "one word that is also a common English word or a word of people's names (\"AMIT\", \"ALF\")", example=name)
            return False
        if low in self.person_names:
            self.report.drop("org name", "a person's name", example=name)
            return False
        return True

    # ------------------------------------------------------------------ people

    def _finish_people(self, people: list[_Person], code_map: Mapping[str, str], new_orgs: Mapping[str, Organization]) -> tuple[list[Person], list[Role]]:
        report = self.report
        for person in people:
            person.own = self._own_match(person)
        # the same person twice in Phoenix: the later entry's names join the earlier one
        merged: list[_Person] = []
        by_key: dict[str, _Person] = {}
        for person in people:
            keys = {name_key(n) for n in person.names if " " in name_key(n)}
            earlier = next((by_key[k] for k in keys if k in by_key and countries_agree(by_key[k].country, person.country)), None)
            if earlier is not None and (earlier.own is None or person.own is None or earlier.own.id == person.own.id):
                earlier.names += [n for n in person.names if n not in earlier.names]
                report.drop("person", "duplicate of an earlier Phoenix entry (a shared name, countries agree): names joined")
                continue
            for k in keys:
                by_key.setdefault(k, person)
            merged.append(person)
        for person in merged:
            person.names = self._person_names(person)
        holders: dict[str, set[int]] = {}
        for i, person in enumerate(merged):
            for n in person.names:
                holders.setdefault(n.lower(), set()).add(i)
        rows: list[Person] = []
        roles: list[Role] = []
        used: Counter[str] = Counter()
        for i, person in enumerate(merged):
            shared = [n for n in person.names if len(holders[n.lower()]) > 1]
            if shared:
                report.drop("person name", "shared by two Phoenix people", len(shared))
                person.names = [n for n in person.names if n not in shared]
            if not person.names:
                report.drop("person", "no usable name left (titles, one-word, shared or another person's names)"
                            + ("; its own KB twin keeps its own rows" if person.own else ""))
                continue
            person_roles = self._roles(person, code_map, new_orgs)
            if not person_roles and person.country is None:
                report.drop("person", "no code that names a known country or organisation", example=person.names[0])
                continue
            base = "phx-" + _slug(person.names[0])
            used[base] += 1
            person.id = base if used[base] == 1 else f"{base}-{used[base]}"
            rows.append(Person(person.id, person.names[0], tuple(person.names[1:]), person.country, None))
            roles += [Role(person.id, r.title, "other", r.org, r.sector, r.start, r.end) for r in person_roles]
            if person.own is not None:
                report.counts["people matched to dragoman's own (loader merges them: own row wins)"] += 1
        report.counts["people converted"] = len(rows)
        report.counts["roles converted"] = len(roles)
        return rows, roles

    def _own_match(self, person: _Person) -> Person | None:
        found: dict[str, Person] = {}
        for n in person.names:
            key = name_key(n)
            if " " not in key:
                continue
            for own in self.own_by_key.get(key, ()):
                if countries_agree(own.country, person.country):
                    found[own.id] = own
        return next(iter(found.values())) if len(found) == 1 else None

    def _person_names(self, person: _Person) -> list[str]:
        """The person's names that pass :meth:`_person_name_ok`; a name with a title, honorific or
        place before it ("President Hosni Mubarak", "Haji Mohammad Chamkani") stands for the rest
        when that is two words or more, and is dropped when it is one ("President Karzai")."""
        out: list[str] = []
        for k, name in enumerate(person.names):
            rest, titled = title_prefix(name, self.vocab)
            if k == 0 and titled and len(words_of(rest)) == 1 and len(words_of(name)) == 2:
                rest = name  # a primary name of two words whose first is also a title: "Dean Barrow", "Earl Deveaux"
            if titled and rest.split()[:1] and rest.split()[0].lower() in PARTICLES:
                rest = name  # the "title" was a given name: "Sultan bin Abd al-Aziz al-Saud"
            if rest != name and titled:
                if len(words_of(rest)) < 2:
                    self.report.drop("person name", "a title before a one-word name", example=name)
                    continue
                self.report.counts["person names with a title before them: the title removed"] += 1
                name = rest
            if name not in out and self._person_name_ok(name, person):
                out.append(name)
        return out

    def _person_name_ok(self, name: str, person: _Person) -> bool:
        report = self.report
        low = name.lower()
        key = name_key(name)
        if any(w.strip(".,'") in self.vocab.org_words for w in words_of(name)):
            report.drop("person name", "an organisation word (a description, not a name)", example=name)
            return False
        if low in self.vocab.places or low in self.vocab.org_names:
            report.drop("person name", "the name of a country or organisation", example=name)
            return False
        others = self.own_surfaces.get(low, set()) - ({person.own.id} if person.own else set())
        if others:
            report.drop("person name", "a name of another person in dragoman's own KB", example=name)
            return False
        if " " not in key:
            if person.own is None:
                report.drop("person name", "one word, for a person dragoman's own KB does not know", example=name)
                return False
            if self.common(key) or not key.isalpha() or len(key) < 4:
                report.drop("person name", "one word that is a common English word or too short", example=name)
                return False
        return True

    def _roles(self, person: _Person, code_map: Mapping[str, str], new_orgs: Mapping[str, Organization]) -> list[Period]:
        out: list[Period] = []
        for period in person.periods:
            org, sector = period.org, period.sector
            if org not in self.kb.countries:
                known = period.code if period.code in self.kb.organizations or period.code in new_orgs else None
                target = known or code_map.get(period.code) or self._prefix_org(period.code, code_map, new_orgs)
                if target is None:
                    self.report.drop("code", f"an organisation code no converted or own organisation carries ({period.code[:3]}…)", example=period.code)
                    continue
                found = self.kb.organizations.get(target) or new_orgs.get(target)
                org, sector = target, (found.sector if found is not None and found.sector else "IGO")
            if not sector:
                continue  # a bare country code: the person's country, no role
            out.append(Period(period.code, org, sector, period.start, period.end, period.title))
        merged: list[Period] = []
        for p in out:
            if merged and merged[-1].org == p.org and merged[-1].sector == p.sector and merged[-1].title == p.title and merged[-1].end == p.start and p.start is not None:
                merged[-1] = Period(merged[-1].code, p.org, p.sector, merged[-1].start, p.end, p.title)
            else:
                merged.append(p)
        return merged

    def _prefix_org(self, code: str, code_map: Mapping[str, str], new_orgs: Mapping[str, Organization]) -> str | None:
        for cut in range(len(code) - 3, 5, -3):
            prefix = code[:cut]
            if prefix in self.kb.organizations or prefix in new_orgs:
                return prefix
            if prefix in code_map:
                return code_map[prefix]
        return None


def _org_key(name: str) -> str:
    """An organisation's name folded for comparison: case, accents, a leading "the", spaces and
    punctuation and the -ise/-ize spelling set aside ("Organisation for Economic Co-operation" is
    "organization for economic cooperation")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^the\s+", "", plain.strip()).replace("isation", "ization")
    return re.sub(r"[^a-z0-9]", "", plain)


def convert_folder(source: Path, *, sectors: bool = False) -> tuple[dict[str, str], Report]:
    """Convert the dictionaries in ``source`` against dragoman's own knowledge base and the places
    gazetteer (cities of 15,000 people or more, the entity ruler's); the files' text by name.
    ``sectors``: also write ``sectors.phoenix.tsv`` (left out by default, docs/actors-kb.md)."""
    texts = {name: (source / name).read_text(encoding="utf-8") for name in ACTOR_FILES}
    agents = (source / AGENTS_FILE).read_text(encoding="utf-8")
    gazetteer = load_gazetteer(15_000)
    converter = Converter(load_knowledge(imported=False), is_place=gazetteer.__contains__)
    conversion = converter.convert(texts, agents)
    files = render(conversion, source_commit(source))
    if not sectors:
        files.pop("sectors.phoenix.tsv")
    return files, converter.report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dragoman.actors.phoenix_convert", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder holding the Phoenix dictionaries")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write the *.phoenix.tsv files into")
    parser.add_argument("--examples", action="store_true", help="print up to eight examples of each reason a name or entry was dropped")
    parser.add_argument("--sectors", action="store_true", help="also write sectors.phoenix.tsv from the agent words (left out by default)")
    args = parser.parse_args(argv)
    try:
        files, report = convert_folder(args.source, sectors=args.sectors)
    except OSError as e:
        print(f"cannot read the Phoenix dictionaries in {args.source}: {e}", file=sys.stderr)
        return 2
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print("\n".join(report.lines(args.examples)))
    print(f"wrote {', '.join(files)} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
