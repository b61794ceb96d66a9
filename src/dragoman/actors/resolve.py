"""Resolve named actor mentions: people, titles, countries, capitals, organisations, sectors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from dragoman.actors.knowledge import KnowledgeBase, Person
from dragoman.actors.implied import NON_STATE_ARMED, PENDING
from dragoman.actors.locative import is_locative
from dragoman.actors.terms import TermIndex, TermMatch
from dragoman.knowledge import time_words, title_offices, title_words
from dragoman.ranges import Covered
from dragoman.records import Actor, ActorKind, ActorMention, Article, MentionRole, MentionSource, RemovedSpan

STAGE = "actors.kb.v1"
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_COORDINATORS = frozenset({"and", ",", "or", "&"})
_STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
_CALENDAR = frozenset(w.capitalize() for w in time_words("not_actor"))
_HONORIFICS = title_words("honorific")
_TITLE_OFFICES = title_offices()


@dataclass(frozen=True, slots=True)
class ResolveContext:
    doc: Doc
    article: Article
    kb: KnowledgeBase
    day: dt.date | None


def person_actor(kb: KnowledgeBase, person: Person, day: dt.date | None) -> Actor:
    """A person's actor record, coded by the office they hold on ``day``."""
    role = kb.role_on(person.id, day)
    if role is None:
        return Actor(person.country, person.name, person.country, "person", None, person.id)
    if day is not None and not role.holds_on(day):
        # out of office on the article's date (a former or a future office holder: a candidate, a
        # president-elect): one of the country's elite, never its government
        org = kb.organizations.get(role.org)
        home = person.country or (role.org if role.org in kb.countries else (org.country if org else None))
        return Actor(f"{home}ELI" if home else None, person.name, home, "person", "ELI" if home else None, person.id)
    if role.org in kb.countries:
        return Actor(f"{role.org}{role.sector}", person.name, role.org, "person", role.sector, person.id)
    org = kb.organizations.get(role.org)
    return Actor(role.org, person.name, org.country if org else person.country, "person", role.sector, person.id)


def _title_key(kb: KnowledgeBase, surface: str) -> str:
    return kb.titles.get(surface, surface)


def title_holder(kb: KnowledgeBase, org: str, surface: str, day: dt.date | None) -> Person | None:
    """Who holds the title written as ``surface`` in ``org`` (ISO3 or org code) on ``day``."""
    key = _title_key(kb, surface)
    when = day or dt.date.max
    if key == "@leader":
        country = kb.countries.get(org)
        offices = [country.leader_office] if country else ["hos", "hog"]
        offices += [o for o in ("hos", "hog", "supreme", "igo_head", "group_leader") if o not in offices]
        for office in offices:
            found = kb.holders(org, when, office=office) if day else _latest(kb, org, office=office)
            if found:
                return found[0]
        return None
    if key.startswith("@"):
        found = kb.holders(org, when, office=key[1:]) if day else _latest(kb, org, office=key[1:])
        return found[0] if found else None
    found = kb.holders(org, when, title=key) if day else _latest(kb, org, title=key)
    if not found and key in _TITLE_OFFICES:
        office = _TITLE_OFFICES[key]
        found = kb.holders(org, when, office=office) if day else _latest(kb, org, office=office)
    return found[0] if found else None


_PROSPECTIVE = frozenset({"incoming", "next", "new", "future"})
AHEAD = dt.timedelta(days=90)  # how far ahead an incoming holder takes office


def prospective(doc: Doc, start: int, end: int) -> bool:
    """Does the title name the office's next holder: "the incoming president", "the new U.S. leader",
    "President-elect ..."? (a modifier in the two words before it or in it, or "-elect" on it)"""
    words = {doc[k].lower_ for k in range(max(0, start - 2), end)}
    return bool(words & _PROSPECTIVE) or any(t.lower_.endswith("-elect") for t in doc[start : min(len(doc), end + 1)])


def holder_of(kb: KnowledgeBase, org: str, surface: str, day: dt.date | None, ahead: bool) -> Person | None:
    """:func:`title_holder`, or with ``ahead`` the holder a season later when that is someone else:
    "the incoming president" days before an inauguration is the successor, not the incumbent."""
    now = title_holder(kb, org, surface, day)
    if ahead and day is not None:
        later = title_holder(kb, org, surface, day + AHEAD)
        if later is not None and (now is None or later.id != now.id):
            return later
    return now


def _latest(kb: KnowledgeBase, org: str, *, office: str | None = None, title: str | None = None) -> list[Person]:
    """Without an article date, the current holder (a role with no end)."""
    out = []
    for role in kb.roles_by_org.get(org, ()):
        if (office is None or role.office == office) and (title is None or role.title == title) and role.end is None:
            out.append(kb.people[role.person])
    return out


# Sector words that compose with a country or group but are no actor alone (see sectors.tsv).
_COMPOSE_ONLY = frozenset({"state", "people", "public", "force", "diplomacy"})


def _stance(doc: Doc, match: TermMatch) -> bool:
    """"pro-Iranian", "anti-Syria": the country names a stance."""
    return match.start >= 2 and doc[match.start - 1].text in {"-", "–"} and doc[match.start - 2].lower_ in _STANCE_PREFIXES


def _part_of_country(doc: Doc, matches: list[TermMatch], index: int) -> bool:
    """Does a group's name ("Western") stand right before a country's name ("Western Cambodia"), naming part of it?"""
    nxt = matches[index + 1] if index + 1 < len(matches) else None
    return nxt is not None and nxt.start == matches[index].end and nxt.of_kind("country") is not None


def _bare_sector(ctx: ResolveContext, matches: list[TermMatch], index: int) -> bool:
    """Is this sector word an actor on its own? Not when it is a verb ("to press") or an adjective
    ("a military offensive"), a compose-only word, the head of a name it follows ("White House
    officials", "the Florida senator") or a title before a name ("Reporter Jomana Karadsheh")."""
    doc, m = ctx.doc, matches[index]
    if doc[m.end - 1].pos_ in {"VERB", "AUX", "ADJ"} or doc[m.start : m.end].text.lower() in _COMPOSE_ONLY:
        return False
    before, after = (doc[m.start - 1] if m.start > 0 else None), (doc[m.end] if m.end < len(doc) else None)
    if index > 0 and matches[index - 1].end == m.start:
        if not _stance(doc, matches[index - 1]):
            return False
    elif before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and before.ent_type_ not in {"", "NORP"}:
        return False  # "Clinton supporters", but "Hutu rebel group", "Shona rebels" are people of a group
    return not (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())


def _other_first_name(ctx: ResolveContext, matches: list[TermMatch], index: int, person: Person) -> bool:
    """A one-word alias inside another capitalised name: "former Colorado Rep. Pat Schroeder" is not
    Gerhard Schroeder, "Spokeswoman Haley Morris" not Nikki Haley, "Clinton Communications Director
    Jennifer Palmieri" not Hillary Clinton. A title, an honorific, the person's own name words, a
    weekday or another KB term next to the alias do not count."""
    doc, match = ctx.doc, matches[index]
    if match.end - match.start != 1 or not doc.has_annotation("TAG"):
        return False
    own = {w.lower() for name in (person.name, *person.aliases) for w in name.replace("-", " ").split()}

    def foreign_name(k: int) -> bool:
        token = doc[k]
        return (token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN" and token.lower_ not in ctx.kb.titles
                and token.lower_ not in own and token.text not in _HONORIFICS and token.text not in _CALENDAR)

    before_is_term = index > 0 and matches[index - 1].end == match.start
    before = match.start > 0 and not doc[match.start].is_sent_start and not before_is_term and foreign_name(match.start - 1)
    after_is_term = index + 1 < len(matches) and matches[index + 1].start == match.end
    after = match.end < len(doc) and not after_is_term and foreign_name(match.end)
    return before or after


def _country_like(match: TermMatch) -> tuple[str, str] | None:
    """(kind, key) when the match names a country (by name, adjective, capital or region) or a group."""
    for kind in ("country", "adjective", "capital", "region", "group"):
        term = match.of_kind(kind)
        if term is not None:
            return kind, term.key
    return None


def _adjacent(doc: Doc, end: int, start: int, allow_possessive: bool = True) -> bool:
    between = [t.text for t in doc[end:start]]
    return not between or (allow_possessive and len(between) == 1 and between[0] in _POSSESSIVE)


# words that may stand between a country adjective and its force: "Bangladeshi peacekeeping troops"
_FORCE_MODIFIERS = frozenset({"peacekeeping", "elite", "special", "ground", "naval", "riot", "border", "paramilitary", "regular", "reserve", "combat", "commando"})


_FORCE_WORDS = frozenset({"troops", "forces", "soldiers", "peacekeepers", "contingent", "units", "warplanes", "jets", "ships", "warships", "aircraft"})


def _modifier_between(doc: Doc, end: int, start: int) -> bool:
    """"Bangladeshi peacekeeping troops"; after a possessive also a capitalised one-word qualifier,
    a party or movement: "Nicaragua's Sandinista government", "Britain's Labour government"."""
    if start - end == 1:
        return doc[end].lower_ in _FORCE_MODIFIERS
    if start - end == 2 and doc[end].text in _POSSESSIVE:
        word = doc[end + 1]
        return word.lower_ in _FORCE_MODIFIERS or (word.is_alpha and word.text[:1].isupper())
    return False


def _kind_of_org(kind: str) -> ActorKind:
    return {"igo": "igo", "group": "group"}.get(kind, "organization")  # type: ignore[return-value]


def _group_country(ctx: ResolveContext, matches: list[TermMatch], index: int) -> str | None:
    """The country a group mention is placed in by a locative country in its sentence."""
    sent = ctx.doc[matches[index].start].sent
    for m in matches:
        if sent.start <= m.start < sent.end and (m.of_kind("country") or m.of_kind("region")) and is_locative(ctx.doc, m.start):
            term = m.of_kind("country")
            region = m.of_kind("region")
            return term.key if term else (ctx.kb.regions[region.key].country if region else None)
    return None


def _base_actor(ctx: ResolveContext, kind: str, key: str, matches: list[TermMatch], index: int) -> Actor:
    kb = ctx.kb
    if kind == "group":
        group = kb.groups[key]
        home = _group_country(ctx, matches, index) if group.kind != "bloc" else None
        return Actor(group.code, group.name, home, "group", None)
    if kind == "region":
        region = kb.regions[key]
        return Actor(region.country, region.name, region.country, "state", None)
    state = kb.countries[key]
    if kind == "capital":
        return Actor(f"{key}GOV", state.name, key, "state", "GOV")
    return Actor(key, state.name, key, "state", None)


def _with_sector(actor: Actor, sector: str, kind: str) -> Actor:
    code = f"{actor.code}{sector}" if actor.code else None
    actor_kind: ActorKind = actor.kind if kind not in {"group", "organization"} else kind  # type: ignore[assignment]
    return Actor(code, actor.name, actor.country, actor_kind, sector, actor.person_id)


def resolve_named(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], kb: KnowledgeBase, index: TermIndex) -> list[ActorMention]:
    """Mentions made of KB terms: names, titles, countries, capitals, organisations, sectors."""
    ctx = ResolveContext(doc, article, kb, article.date)
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    matches = [m for m in index.find(doc) if not skip.at(doc[m.start].idx)]
    mentions: list[ActorMention] = []
    used: set[int] = set()
    locative_chain = False
    i = 0
    while i < len(matches):
        if i in used:
            i += 1
            continue
        m = matches[i]
        best = m.best()
        if best.kind == "person":
            if _other_first_name(ctx, matches, i, kb.people[best.key]):
                i += 1  # "Pat Schroeder" is not Gerhard Schroeder: left to the unknown-person finder
                continue
            actor = person_actor(kb, kb.people[best.key], ctx.day)
            led = _led_by(ctx, matches, i, actor)
            if led is not None:
                mentions.append(led)
                i += 2
                continue
            mentions.append(ActorMention(ctx.article.token_span(ctx.doc, m.start, m.end), actor, "person.name", STAGE, MentionSource.PERSON))
            i += 1
            continue
        if best.kind == "org":
            org = kb.organizations[best.key]
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt and nxt.best().kind == "title" and _adjacent(doc, m.end, nxt.start):
                if _title_mention(ctx, matches, i, [(m, org.code)], nxt, mentions, used):
                    i = max(used) + 1
                    continue
            end = m.end
            if nxt and nxt.best().kind == "sector" and (_adjacent(doc, m.end, nxt.start, allow_possessive=False) or _modifier_between(doc, m.end, nxt.start)) \
                    and doc[nxt.end - 1].lower_ in _FORCE_WORDS:
                end, i = nxt.end, i + 1  # "NATO peacekeeping troops": the organisation's own force
            mentions.append(ActorMention(ctx.article.token_span(ctx.doc, m.start, end), Actor(org.code, org.name, org.country, _kind_of_org(org.kind), org.sector), "org.name", STAGE, MentionSource.ORG))
            i += 1
            continue
        country_like = _country_like(m)
        if country_like is not None and country_like[0] == "group" and kb.groups[country_like[1]].kind == "armed":
            i = _armed_movement(ctx, matches, i, country_like[1], mentions)
            continue
        if country_like is not None and country_like[0] == "group" and _part_of_country(doc, matches, i):
            i += 1  # "a village in Western Cambodia": the country's region, not the West
            continue
        if country_like is not None and _stance(doc, m):
            i += 1  # "pro-Iranian Hizbollah", "an anti-Syria journalist": a stance, not the actor
            continue
        if country_like is not None and country_like[0] in {"adjective", "country"}:
            resident = _resident_group(ctx, matches, i, country_like[1])
            if resident is not None:
                mention, i = resident
                mentions.append(mention)
                continue
        if country_like is not None:
            # Gather a coordination: "Russian and Iranian forces", "Iran and Russia".
            conjuncts = [(m, country_like)]
            j = i + 1
            while j < len(matches):
                gap = [t.text.lower() for t in doc[conjuncts[-1][0].end : matches[j].start]]
                nxt_like = _country_like(matches[j])
                if nxt_like and nxt_like[0] == country_like[0] and gap and all(g in _COORDINATORS for g in gap):
                    conjuncts.append((matches[j], nxt_like))
                    j += 1
                    continue
                break
            head = matches[j] if j < len(matches) else None
            last = conjuncts[-1][0]
            # "Bangladeshi peacekeeping troops": a sector word may also follow a modifier
            head_gap = head is not None and head.best().kind == "sector" and _modifier_between(doc, last.end, head.start)
            if head is not None and (_adjacent(doc, last.end, head.start) or head_gap) and head.best().kind in {"title", "sector"}:
                # "the Turkish president Recep ..." / "Russian forces"
                if head.best().kind == "title":
                    if _title_mention(ctx, matches, i, [(c, key) for c, (_, key) in conjuncts], head, mentions, used):
                        i = max(used) + 1
                        continue
                else:
                    sector = kb.sectors[head.best().key]
                    after = matches[j + 1] if j + 1 < len(matches) else None
                    if after is not None and after.best().kind in {"org", "person"} and _adjacent(doc, head.end, after.start, allow_possessive=False):
                        i = j + 1  # "Russian state company Rosatom": the name is the actor
                        continue
                    for n, (c, (kind, key)) in enumerate(conjuncts):
                        base = _base_actor(ctx, kind, key, matches, i + n)
                        end = head.end if n == len(conjuncts) - 1 else c.end
                        mentions.append(ActorMention(ctx.article.token_span(ctx.doc, c.start, end), _with_sector(base, sector.sector, sector.kind), f"{kind}.sector", STAGE, MentionSource(kind)))
                    i = j + 1
                    continue
            for n, (c, (kind, key)) in enumerate(conjuncts):
                # a region is always a place ("the occupied West Bank"); its country is the actor only
                # through a sector word ("Darfur rebels")
                locative = kind == "region" or (kind in {"country", "capital"} and (is_locative(doc, c.start) or (n > 0 and locative_chain)))
                locative_chain = locative
                if locative:
                    # "in Tehran", "in northwestern Syria": the country as a place. Events never take it as a
                    # source, only as a target of last resort (PLOVER codes "lifted a curfew in Montenegro" → MNE).
                    place = _base_actor(ctx, "country" if kind == "capital" else kind, key, matches, i + n)
                    mentions.append(ActorMention(ctx.article.token_span(ctx.doc, c.start, c.end), place, f"{kind}.place", STAGE, MentionSource(kind), MentionRole.PLACE))
                    continue
                base = _base_actor(ctx, kind, key, matches, i + n)
                mentions.append(ActorMention(ctx.article.token_span(ctx.doc, c.start, c.end), base, f"{kind}.name", STAGE, MentionSource(kind)))
            i = j
            continue
        if best.kind == "title":
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt and nxt.best().kind == "person" and _adjacent(doc, m.end, nxt.start, allow_possessive=False) \
                    and not _other_first_name(ctx, matches, i + 1, kb.people[nxt.best().key]):
                person = kb.people[nxt.best().key]
                mentions.append(ActorMention(ctx.article.token_span(ctx.doc, m.start, nxt.end), person_actor(kb, person, ctx.day), "title.name", STAGE, MentionSource.TITLE))
                i += 2
                continue
        if best.kind == "sector" and _bare_sector(ctx, matches, i):
            # "Police arrested opposition leaders in Minsk": a bare sector word; the country the text
            # implies is found once every named mention is known (actors/implied.py)
            sector = kb.sectors[best.key]
            base = Actor(None, None, None, "state", None)
            mentions.append(ActorMention(ctx.article.token_span(ctx.doc, m.start, m.end), _with_sector(base, sector.sector, sector.kind), f"sector{PENDING}", STAGE, MentionSource.SECTOR, MentionRole.PENDING))
        i += 1
    return [_pending(ctx, mention) for mention in mentions]


_TERM_OF_OFFICE = frozenset({"administration"})
"""Organ words that name a leader's term in office, so the organ is named after the leader."""


def _led_by(ctx: ResolveContext, matches: list[TermMatch], index: int, leader: Actor) -> ActorMention | None:
    """"the Assad regime", "Assad's forces", "the Obama administration": a leader's name before a word for
    an organ of the state names that organ of the leader's country, not the leader."""
    if index + 1 >= len(matches) or leader.country is None or leader.country not in ctx.kb.countries:
        return None
    m, nxt = matches[index], matches[index + 1]
    if nxt.best().kind != "sector" or not _adjacent(ctx.doc, m.end, nxt.start):
        return None
    sector = ctx.kb.sectors[nxt.best().key]
    if sector.kind != "state" or ctx.doc[nxt.start : nxt.end].text.lower() in _COMPOSE_ONLY:
        return None
    country = ctx.kb.countries[leader.country]
    # an administration is named after the leader whose term it is ("the Obama administration" -> "Barack Obama
    # administration", still USAGOV); "the Assad regime", "Assad's forces" keep the organ's name ("Government of Syria")
    word = ctx.doc[nxt.start : nxt.end].text.lower()
    name = f"{leader.name} {word}" if word in _TERM_OF_OFFICE and leader.name else country.name
    actor = Actor(f"{country.iso3}{sector.sector}", name, country.iso3, "state", sector.sector)
    return ActorMention(ctx.article.token_span(ctx.doc, m.start, nxt.end), actor, "person.sector", STAGE, MentionSource.PERSON)


def _armed_movement(ctx: ResolveContext, matches: list[TermMatch], index: int, key: str, mentions: list[ActorMention]) -> int:
    """"Islamist militants", "Islamist rebels": a term of a transnational movement (groups.tsv kind
    ``armed``) is an actor only on a non-state armed sector word right after it, and then the movement
    itself, placed in no country (CAMEO's IMG codes); "Islamist parties" are no such actor. Returns the
    index of the next match."""
    doc, m = ctx.doc, matches[index]
    nxt = matches[index + 1] if index + 1 < len(matches) else None
    sector = ctx.kb.sectors[nxt.best().key] if nxt is not None and nxt.best().kind == "sector" and _adjacent(doc, m.end, nxt.start, allow_possessive=False) else None
    if nxt is None or sector is None or sector.sector not in NON_STATE_ARMED:
        return index + 1
    group = ctx.kb.groups[key]
    actor = _with_sector(Actor(group.code, group.name, None, "group", None), sector.sector, "group")
    mentions.append(ActorMention(ctx.article.token_span(doc, m.start, nxt.end), actor, "group.sector", STAGE, MentionSource.GROUP))
    return index + 2


def _pending(ctx: ResolveContext, mention: ActorMention) -> ActorMention:
    """Mark the mentions whose country the surrounding text decides (actors/implied.py):
    "ethnic Albanians" (the country they live in), "the Albanians of southern Serbia" (the place
    named after), a group placed nowhere yet ("Kurds")."""
    actor, doc = mention.actor, ctx.doc
    if mention.found_by is MentionSource.ADJECTIVE:
        at = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if at is None:
            return mention
        if at.start > 0 and doc[at.start - 1].lower_ == "ethnic":
            return replace(mention, actor=replace(actor, kind="group", country=None), rule=f"ethnic{PENDING}", found_by=MentionSource.ETHNIC, role=MentionRole.PENDING)
        if actor.sector is None and at.end < len(doc) and doc[at.end].lower_ == "of" and mention.span.text.endswith("s"):
            return replace(mention, actor=replace(actor, kind="group", country=None), rule=f"demonym{PENDING}", found_by=MentionSource.DEMONYM, role=MentionRole.PENDING)
    if mention.found_by is MentionSource.GROUP and actor.country is None and (actor.code or "")[:3] not in ctx.kb.bloc_codes:
        return replace(mention, rule=f"{mention.rule}{PENDING}", role=MentionRole.PENDING)
    return mention


def _resident_group(ctx: ResolveContext, matches: list[TermMatch], index: int, home: str) -> tuple[ActorMention, int] | None:
    """"Iraqi Kurds", "Bosnian Serbs", "Turkish Kurd refugees": a group or people named by a second
    term directly after a country's adjective live in that country. Returns the mention and the
    index of the next match."""
    kb, doc = ctx.kb, ctx.doc
    first = matches[index]
    if index + 1 >= len(matches) or matches[index + 1].start != first.end:
        return None
    second = matches[index + 1]
    group, people = second.of_kind("group"), second.of_kind("adjective")
    if group is not None and kb.groups[group.key].kind != "bloc":
        term = kb.groups[group.key]
        base = Actor(term.code, term.name, home, "group", None)
    elif people is not None and people.key != home and second.best().kind == "adjective":
        base = Actor(f"{home}{people.key}", doc[second.start : second.end].text, home, "group", None)
    else:
        return None
    end, nxt = second.end, index + 2
    head = matches[nxt] if nxt < len(matches) else None
    sector_head = head is not None and head.start == end and head.best().kind == "sector"
    if group is None and not sector_head and not doc[second.end - 1].text.endswith("s"):
        return None  # two adjectives ("Iranian Russian relations") name no people; "Bosnian Serbs" does
    if head is not None and sector_head:
        sector = kb.sectors[head.best().key]
        base = _with_sector(base, sector.sector, "group")
        end, nxt = head.end, nxt + 1
    return ActorMention(ctx.article.token_span(ctx.doc, first.start, end), base, "group.resident", STAGE, MentionSource.GROUP), nxt


def _title_mention(ctx: ResolveContext, matches: list[TermMatch], first: int, owners: list[tuple[TermMatch, str]],
                   title: TermMatch, mentions: list[ActorMention], used: set[int]) -> bool:
    """"the Turkish president", "Iran's Supreme Leader Ayatollah Ali Khamenei", "US President Joe Biden"."""
    kb, doc = ctx.kb, ctx.doc
    title_index = matches.index(title)
    nxt = matches[title_index + 1] if title_index + 1 < len(matches) else None
    owner_match, owner = owners[-1]
    start = owners[0][0].start
    named = kb.people.get(nxt.best().key) if nxt is not None and nxt.best().kind == "person" else None
    if named is not None and named.country and any(key in kb.countries and key != named.country for _, key in owners):
        named = None  # "Iraqi Prime Minister Haider ...": not Austria's Jörg Haider; the office's holder below
    if nxt is not None and named is not None and _adjacent(doc, title.end, nxt.start, allow_possessive=False):
        person = named
        mentions.append(ActorMention(ctx.article.token_span(ctx.doc, start, nxt.end), person_actor(kb, person, ctx.day), "title.name", STAGE, MentionSource.TITLE))
        used.update(range(first, title_index + 2))
        return True
    surface = title.best().key
    if doc[title.end - 1].tag_ in {"NNS", "NNPS"}:
        # "Ukrainian leaders", "top al-Qaeda leaders": not the one holder of the office but the state's
        # government, or the organisation itself
        for match, key in owners:
            country = kb.countries.get(key)
            org = kb.organizations.get(key)
            if country is not None:
                actor = Actor(f"{key}GOV", country.name, key, "state", "GOV")
            elif org is not None:
                actor = Actor(org.code, org.name, org.country, _kind_of_org(org.kind), org.sector)
            else:
                continue
            end = title.end if match is owner_match else match.end
            mentions.append(ActorMention(ctx.article.token_span(ctx.doc, match.start if len(owners) > 1 else start, end), actor, "title.plural", STAGE, MentionSource.TITLE))
        used.update(range(first, title_index + 1))
        return True
    found_any = False
    ahead = prospective(doc, start, title.end)
    for match, key in owners:
        holder = holder_of(kb, key, surface, ctx.day, ahead)
        if holder is None:
            continue
        end = title.end if match is owner_match else match.end
        mentions.append(ActorMention(ctx.article.token_span(ctx.doc, match.start if len(owners) > 1 else start, end), person_actor(kb, holder, ctx.day), "title.dated", STAGE, MentionSource.TITLE))
        found_any = True
    if found_any:
        used.update(range(first, title_index + 1))
    return found_any
