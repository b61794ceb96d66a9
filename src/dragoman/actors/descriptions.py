"""Definite descriptions that refer back: "the president", "the group", "the ministry", "the official".

Runs after names, sectors and pronouns are resolved. A description is "the" (or "this", "that")
plus a head:

* a title of ``titles.tsv`` ("the president", "the foreign minister"): the latest
  person before it whose office on the article's date, or whose own mention, carries that title;
  else the holder of the title in the article's leading country on that date;
* a head of ``data/descriptions.tsv`` ("the group", "the ministry", "the official"): the latest
  mention of the kind the row allows, within its window of sentences;
* a document ("the report", "the statement", rows that take ``issuer``): whoever issued the latest
  such document named before, by its owner ("the State Department's annual report", "the IRGC
  statement", "its report"), its agent ("a statement released by the army") or the subject of the
  verb it is the object of ("Amnesty published a report"). "The report denounced Iran" is then the
  State Department's act.

A description already resolved by a sector word ("the ministry" as a bare GOV of the sentence's
country) takes its antecedent's actor instead; the mention keeps its span and records the
antecedent. A plural head refers back only to a state organ of the same sector ("the officials"
after "South Korean officials"); other plurals are left to the sector rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Literal, Mapping

from spacy.tokens import Doc

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.actors.resolve import AHEAD, holder_of, person_actor, prospective
from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import ActorMention, Article, MentionRole, MentionSource, RemovedSpan, Span

STAGE = "actors.descriptions.v1"
Takes = Literal["org", "group", "armed", "igo", "state-sector", "person", "issuer"]
_TAKES: frozenset[str] = frozenset({"org", "group", "armed", "igo", "state-sector", "person", "issuer"})
_ARMED = frozenset({"INS", "REB", "SEP", "UAF", "RAD"})
_DETERMINERS = frozenset({"the", "this", "that"})
_MODIFIERS = frozenset({"current", "same", "top", "senior", "incoming", "new", "next", "future"})


@dataclass(frozen=True, slots=True)
class Description:
    head: str
    takes: Takes
    named: bool
    window: int


def load_descriptions() -> Mapping[str, tuple[Description, ...]]:
    """Read ``descriptions.tsv``: head -> its readings, in file order."""
    out: dict[str, list[Description]] = {}
    for row in read_rows(packaged_text("dragoman.actors", "descriptions.tsv"), "descriptions.tsv", ("head", "takes", "named", "window")):
        if row["takes"] not in _TAKES:
            raise row.error(f"takes {row['takes']!r} is not one of {', '.join(sorted(_TAKES))}")
        if row["named"] not in {"yes", "no"}:
            raise row.error("named must be yes or no")
        if not row["window"].isdigit():
            raise row.error(f"window {row['window']!r} is not a number of sentences")
        out.setdefault(row["head"], []).append(Description(row["head"], row["takes"], row["named"] == "yes", int(row["window"])))  # type: ignore[arg-type]
    return {k: tuple(v) for k, v in out.items()}


def _fits(m: ActorMention, d: Description, head: str) -> bool:
    kind = m.actor.kind
    if d.named and head not in m.span.text.lower() and head not in (m.actor.name or "").lower():
        return False
    if d.takes == "person":
        return kind == "person"
    if d.takes == "state-sector":
        return kind == "state" and bool(m.actor.sector) and m.actor.code is not None and m.found_by is not MentionSource.DEFINITE
    if m.found_by in {MentionSource.SECTOR, MentionSource.DEFINITE, MentionSource.PRONOUN}:
        return False  # "the group" refers back to a named organisation, not to "fighters" or "they"
    if d.takes == "igo":
        return kind == "igo"
    if d.takes == "group":
        return kind == "group"
    if d.takes == "armed":
        return kind == "group" and m.found_by is MentionSource.ORG and (m.actor.sector or "")[:3] in _ARMED
    return kind in {"organization", "igo", "group"} and m.actor.code is not None


def _issuer_before(doc: Doc, head: str, at: int, window: int, sent_of: Mapping[int, int],
                   before: Callable[[int], list[ActorMention]]) -> ActorMention | None:
    """Who issued the latest document called ``head`` before token ``at`` within ``window`` sentences:
    its owner or a modifier naming an actor ("the State Department's report", "the IRGC statement"),
    the agent of a participle on it ("a statement released by the army"), or the subject of the verb
    whose object it is ("Amnesty published a report")."""
    here = sent_of[at]
    pool = before(doc[at].idx)
    for k in range(at - 1, -1, -1):
        if here - sent_of[k] > window:
            return None
        noun = doc[k]
        if noun.lower_ != head or (k > 0 and doc[k - 1].lower_ in _DETERMINERS and not any(c.dep_ in _OWNERS for c in noun.children)):
            continue  # a bare "the report" before names no issuer of its own
        candidates = [c for c in noun.children if c.dep_ in _OWNERS and c.i < noun.i]
        candidates += [g for c in noun.children if c.dep_ == "acl" for g in c.children
                       if g.dep_ == "obl:agent" or (g.dep_ == "obl" and any(x.lower_ == "by" for x in g.children))]
        if noun.dep_ in {"obj", "dobj"}:
            candidates += [c for c in noun.head.children if c.dep_ == "nsubj"]
        for c in candidates:
            owner = next((m for m in pool if m.span.start <= c.idx < m.span.end and m.role is not MentionRole.PLACE and m.actor.code), None)
            if owner is not None:
                return owner
    return None


_OWNERS = frozenset({"nmod:poss", "compound", "amod", "poss"})


def _leading_country(mentions: list[ActorMention]) -> str | None:
    counts = Counter(m.actor.country for m in mentions if m.actor.country and m.actor.kind in {"state", "person"} and m.role is not MentionRole.PLACE)
    return counts.most_common(1)[0][0] if counts else None


def _title_of(kb: KnowledgeBase, m: ActorMention, day: dt.date | None) -> set[str]:
    """The canonical titles a person mention carries: its office on ``day`` and the title words in its text."""
    out: set[str] = set()
    pid = m.actor.person_id
    if pid and pid in kb.roles_by_person:
        # a person the KB knows holds the titles of their office on the day, whatever the text calls them
        # ("shadow home secretary Yvette Cooper" is not "the Home Secretary")
        role = kb.role_on(pid, day)
        return {role.title, f"@{role.office}"} if role is not None and (day is None or role.holds_on(day)) else set()
    words = m.span.text.lower().split()
    for width in (3, 2, 1):
        for i in range(len(words) - width + 1):
            phrase = " ".join(words[i : i + width])
            if phrase in kb.titles:
                out.add(kb.titles[phrase])
    return out


def _title_at(doc: Doc, i: int, titles: Mapping[str, str]) -> tuple[int, str] | None:
    """The longest title starting at token ``i``: (token after it, canonical title)."""
    for width in (3, 2, 1):
        if i + width > len(doc):
            continue
        phrase = doc[i : i + width].text.lower()
        if phrase in titles and doc[i + width - 1].tag_ not in {"NNS", "NNPS"}:
            return i + width, titles[phrase]
    return None


def resolve_descriptions(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], mentions: list[ActorMention],
                         kb: KnowledgeBase, descriptions: Mapping[str, tuple[Description, ...]]) -> list[ActorMention]:
    """The mentions with definite descriptions added or re-pointed to what they refer back to."""
    skip = [(r.span.start, r.span.end) for r in removed]
    ordered = sorted(mentions, key=lambda m: m.span.start)
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    token_at = {t.idx: t.i for t in doc}
    covering = {m.span.start: m for m in ordered}
    replaced: dict[Span, ActorMention] = {}
    added: list[ActorMention] = []
    leading = _leading_country(ordered)

    def sentence(m: ActorMention) -> int:
        return sent_of.get(token_at.get(m.span.start, -1), -1)

    def before(at_char: int) -> list[ActorMention]:
        pool = [replaced.get(m.span, m) for m in ordered] + added
        return sorted((m for m in pool if m.span.end <= at_char), key=lambda m: m.span.start, reverse=True)

    for det in doc:
        if det.lower_ not in _DETERMINERS or any(s <= det.idx < e for s, e in skip):
            continue
        i = det.i + 1
        while i < len(doc) and doc[i].lower_ in _MODIFIERS:
            i += 1
        if i >= len(doc):
            continue
        here = sent_of[det.i]
        title = _title_at(doc, i, kb.titles)
        if title is not None:
            end, canonical = title
            if end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ == "of" or doc[end].text in {"'s", "’s"}):
                continue  # "the president Joe Biden", "the president of Egypt", "the president's": not a bare title
            start_char, end_char = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if any(m.span.start < end_char and start_char < m.span.end and m.actor.kind == "person" for m in ordered):
                continue
            ahead = prospective(doc, det.i + 1, end)
            if ahead and article.date is not None:
                # "the incoming president": the latest person named who takes the office soon, not its holder
                later = article.date + AHEAD
                antecedent = next((m for m in before(start_char) if m.actor.kind == "person" and canonical in _title_of(kb, m, later)
                                   and canonical not in _title_of(kb, m, article.date)), None)
            else:
                antecedent = next((m for m in before(start_char) if m.actor.kind == "person" and canonical in _title_of(kb, m, article.date)), None)
            span = Span(article.id, start_char, end_char, article.text[start_char:end_char])
            if antecedent is not None:
                added.append(ActorMention(span, antecedent.actor, "definite.title", STAGE, MentionSource.DEFINITE, antecedent=antecedent.span))
            elif leading is not None and det.lower_ == "the":
                holder = holder_of(kb, leading, canonical, article.date, ahead)
                if holder is not None:
                    added.append(ActorMention(span, person_actor(kb, holder, article.date), "definite.title-holder", STAGE, MentionSource.DEFINITE))
            continue
        first = i
        if doc[i].is_lower and doc[i].lower_ not in descriptions and i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].lower_ in descriptions \
                and doc[i].pos_ == "NOUN":
            i += 1  # "the rebel group": a noun modifier before the head (not an adjective: "the international coalition")
        plural = doc[i].tag_ in {"NNS", "NNPS"}
        head = doc[i].lemma_.lower() if plural else doc[i].lower_
        readings = descriptions.get(head)
        if not readings or (i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ == "PROPN"):
            continue
        start_char, end_char = doc[first].idx, doc[i].idx + len(doc[i].text)
        existing = covering.get(start_char)
        if existing is not None and existing.found_by is not MentionSource.SECTOR:
            continue  # already a name or a composed actor
        found: ActorMention | None = None
        for reading in readings:
            if reading.takes == "issuer":
                # "the statement by the two", "the report on Iran": a document described in place is no anaphor
                own = any(c.dep_ in {"nmod", "acl", "acl:relcl"} for c in doc[i].children)
                found = None if plural or own else _issuer_before(doc, head, det.i, reading.window, sent_of, before)
                if found is not None:
                    break
                continue
            if plural and reading.takes not in {"state-sector", "armed"}:
                continue  # "the groups" are not one organisation; "the officials", "the militants" are those named before
            found = next((m for m in before(start_char) if here - sentence(m) <= reading.window and _fits(m, reading, head)
                          and (reading.takes != "state-sector" or existing is None or m.actor.sector == existing.actor.sector)), None)
            if found is not None:
                break
        if found is None:
            continue
        span = Span(article.id, start_char, end_char, article.text[start_char:end_char])
        mention = ActorMention(span, found.actor, f"definite.{head}", STAGE, MentionSource.DEFINITE, antecedent=found.span)
        if existing is not None:
            replaced[existing.span] = replace(mention, span=existing.span)
        else:
            added.append(mention)
    out = [replaced.get(m.span, m) for m in ordered] + added
    # a pronoun resolved to a mention this pass re-pointed follows it ("The militants said they ...")
    by_span = {m.span: m for m in out}
    out = [replace(m, actor=by_span[m.antecedent].actor) if m.antecedent in replaced and m.antecedent in by_span else m for m in out]
    return sorted(out, key=lambda m: m.span.start)
