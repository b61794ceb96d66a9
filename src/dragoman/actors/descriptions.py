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
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Hashable, Iterable, Iterator, Literal, Mapping, Sequence

from spacy.tokens import Doc

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.actors.resolve import AHEAD, holder_of, person_actor, prospective
from dragoman.knowledge import packaged_text, read_rows
from dragoman.ranges import Covered, Ranges
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
                   before: Callable[[int], Iterable[ActorMention]]) -> ActorMention | None:
    """Who issued the latest document called ``head`` before token ``at`` within ``window`` sentences:
    its owner or a modifier naming an actor ("the State Department's report", "the IRGC statement"),
    the agent of a participle on it ("a statement released by the army"), or the subject of the verb
    whose object it is ("Amnesty published a report")."""
    here = sent_of[at]
    pool: list[ActorMention] | None = None  # the mentions before, listed only once a document is found
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
        if candidates and pool is None:
            pool = list(before(doc[at].idx))
        for c in candidates:
            owner = next((m for m in pool or () if m.span.start <= c.idx < m.span.end and m.role is not MentionRole.PLACE and m.actor.code), None)
            if owner is not None:
                return owner
    return None


_OWNERS = frozenset({"nmod:poss", "compound", "amod", "poss"})
SPEAKER_WINDOW = 3
"""How many sentences back "the report" as a subject may find the organisation that last spoke."""


def _speaker_before(doc: Doc, at: int, speech: frozenset[str], sent_of: Mapping[int, int],
                    before: Callable[[int], Iterable[ActorMention]]) -> ActorMention | None:
    """With no document named before, the organisation or state that is the subject of the latest verb of
    speech in the previous :data:`SPEAKER_WINDOW` sentences ("The State Department said ... It noted
    that ... The report denounced Iran": the report is the State Department's); a pronoun left
    unresolved passes the search on to the speaker before it. A person's words are no report, and a
    place is no issuer."""
    here = sent_of[at]
    pool: list[ActorMention] | None = None
    for k in range(at - 1, -1, -1):
        if here - sent_of[k] > SPEAKER_WINDOW:
            return None
        verb = doc[k]
        if sent_of[k] == here or verb.lower_ not in speech or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and pool is None:
            pool = list(before(doc[at].idx))
        for c in subjects:
            speaker = next((m for m in pool or () if m.span.start <= c.idx < m.span.end), None)
            if speaker is None and c.pos_ != "PRON":
                return None  # "the officials said": the last speaker is no actor
            if speaker is not None:
                usable = speaker.role is not MentionRole.PLACE and speaker.actor.code and speaker.actor.kind != "person"
                return speaker if usable else None
    return None


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


class _Earlier:
    """The mentions so far, latest first: the article's (some re-pointed: :meth:`replace`), then the
    descriptions added (:meth:`add`). Calling it lists what ``sorted((m for m in pool if m.span.end
    <= at), key=start, reverse=True)`` would (ties in pool order), lazily, so a description that
    finds its antecedent a few mentions back does not copy and sort every mention of the article;
    with a ``key`` and its ``test`` only the mentions that pass the test, from an index kept for
    that key (a bare title with no holder before it would otherwise read every mention)."""

    def __init__(self, ordered: list[ActorMention], replaced: dict[Span, ActorMention]) -> None:
        self.ordered = ordered
        self.starts = [m.span.start for m in ordered]
        self.replaced = replaced
        self.positions: dict[Span, list[int]] = {}  # span -> its places in ``ordered``
        for i, m in enumerate(ordered):
            self.positions.setdefault(m.span, []).append(i)
        self.added: list[ActorMention] = []
        self.added_starts: list[int] = []
        self.in_order = True  # the added ones came in text order (they do: one per determiner, in order)
        self.keyed: dict[Hashable, tuple[Callable[[ActorMention], bool], list[int], list[int]]] = {}  # key -> (test, places in ordered, in added)

    def current(self, i: int) -> ActorMention:
        m = self.ordered[i]
        return self.replaced.get(m.span, m)

    def add(self, mention: ActorMention) -> None:
        self.in_order = self.in_order and (not self.added_starts or self.added_starts[-1] <= mention.span.start)
        self.added.append(mention)
        self.added_starts.append(mention.span.start)
        for test, _, added in self.keyed.values():
            if test(mention):
                added.append(len(self.added) - 1)

    def replace(self, span: Span, mention: ActorMention) -> None:
        """The article's mentions of ``span`` are re-pointed to ``mention``."""
        self.replaced[span] = mention
        for test, places, _ in self.keyed.values():
            passes = test(mention)
            for i in self.positions.get(span, ()):
                k = bisect_left(places, i)
                held = k < len(places) and places[k] == i
                if passes and not held:
                    places.insert(k, i)
                elif held and not passes:
                    places.pop(k)

    @staticmethod
    def _latest_first(places: Sequence[int], starts: Sequence[int], value: Callable[[int], ActorMention], at: int) -> Iterator[ActorMention]:
        """The mentions at ``places`` (rising, with rising ``starts``) that end by ``at``, latest start
        first, equal starts in their own order."""
        k = bisect_left(places, at, key=lambda i: starts[i]) - 1  # a mention starting at or after ``at`` ends after it
        while k >= 0:
            first = k
            while first > 0 and starts[places[first - 1]] == starts[places[k]]:
                first -= 1
            for j in range(first, k + 1):
                m = value(places[j])
                if m.span.end <= at:
                    yield m
            k = first - 1

    def __call__(self, at: int, key: Hashable = None, test: Callable[[ActorMention], bool] | None = None) -> Iterator[ActorMention]:
        if key is None or test is None:
            named: Sequence[int] = range(len(self.ordered))
            added: Sequence[int] = range(len(self.added))
        else:
            if key not in self.keyed:
                self.keyed[key] = (test, [i for i in range(len(self.ordered)) if test(self.current(i))],
                                   [j for j, m in enumerate(self.added) if test(m)])
            _, named, added = self.keyed[key]
        if not self.in_order:  # (never in practice) the added ones by start, then in the order they came
            by_start = sorted(added, key=lambda j: (self.added_starts[j], j))
            later = self._latest_first(range(len(by_start)), [self.added_starts[j] for j in by_start], lambda r: self.added[by_start[r]], at)
        else:
            later = self._latest_first(added, self.added_starts, self.added.__getitem__, at)
        earlier = self._latest_first(named, self.starts, self.current, at)
        a, b = next(earlier, None), next(later, None)
        while a is not None or b is not None:
            if a is not None and (b is None or a.span.start >= b.span.start):  # at equal starts the article's mention comes first
                yield a
                a = next(earlier, None)
            elif b is not None:
                yield b
                b = next(later, None)


def resolve_descriptions(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], mentions: list[ActorMention],
                         kb: KnowledgeBase, descriptions: Mapping[str, tuple[Description, ...]],
                         speech: frozenset[str] = frozenset()) -> list[ActorMention]:
    """The mentions with definite descriptions added or re-pointed to what they refer back to.
    ``speech``: verbs of speech (word forms), whose subject may have issued "the report" named by no one."""
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    ordered = sorted(mentions, key=lambda m: m.span.start)
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    token_at = {t.idx: t.i for t in doc}
    covering = {m.span.start: m for m in ordered}
    persons = Ranges([m for m in ordered if m.actor.kind == "person"], lambda m: (m.span.start, m.span.end))
    replaced: dict[Span, ActorMention] = {}
    before = _Earlier(ordered, replaced)
    added = before.added
    leading = _leading_country(ordered)
    titles: dict[tuple[str | None, str, dt.date | None], set[str]] = {}

    def title_of(m: ActorMention, day: dt.date | None) -> set[str]:
        key = (m.actor.person_id, m.span.text, day)
        if key not in titles:
            titles[key] = _title_of(kb, m, day)
        return titles[key]

    def holds_office(canonical: str) -> Callable[[ActorMention], bool]:
        """A person with the title on the article's day (the test of an index kept for the title)."""
        return lambda m: m.actor.kind == "person" and canonical in title_of(m, article.date)

    def takes_office(canonical: str, later: dt.date) -> Callable[[ActorMention], bool]:
        """A person who has the title by ``later`` but not on the article's day ("the incoming president")."""
        return lambda m: m.actor.kind == "person" and canonical in title_of(m, later) and canonical not in title_of(m, article.date)

    def sentence(m: ActorMention) -> int:
        return sent_of.get(token_at.get(m.span.start, -1), -1)

    sent_starts = [sent.start_char for sent in doc.sents]

    def recent(at_char: int, here: int, window: int) -> Iterator[ActorMention]:
        """``before(at_char)``, stopped where the mentions start before sentence ``here - window``:
        none of those is within the window (nor is one whose start is no token's: its sentence is -1)."""
        floor = sent_starts[here - window] if here - window > 0 else -1
        for m in before(at_char):
            if m.span.start < floor:
                return
            yield m

    for det in doc:
        if det.lower_ not in _DETERMINERS or skip.at(det.idx):
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
            if persons.overlaps(start_char, end_char):
                continue
            ahead = prospective(doc, det.i + 1, end)
            if ahead and article.date is not None:
                # "the incoming president": the latest person named who takes the office soon, not its holder
                later = article.date + AHEAD
                antecedent = next(before(start_char, ("ahead", canonical, later), takes_office(canonical, later)), None)
            else:
                antecedent = next(before(start_char, ("title", canonical), holds_office(canonical)), None)
            span = article.span(start_char, end_char)
            if antecedent is not None:
                before.add(ActorMention(span, antecedent.actor, "definite.title", STAGE, MentionSource.DEFINITE, antecedent=antecedent.span))
            elif leading is not None and det.lower_ == "the":
                holder = holder_of(kb, leading, canonical, article.date, ahead)
                if holder is not None:
                    before.add(ActorMention(span, person_actor(kb, holder, article.date), "definite.title-holder", STAGE, MentionSource.DEFINITE))
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
                if found is None and not plural and not own and det.lower_ == "the" and doc[i].dep_ == "nsubj":
                    found = _speaker_before(doc, det.i, speech, sent_of, before)  # "The report denounced Iran"
                if found is not None:
                    break
                continue
            if plural and reading.takes not in {"state-sector", "armed"}:
                continue  # "the groups" are not one organisation; "the officials", "the militants" are those named before
            found = next((m for m in recent(start_char, here, reading.window)
                          if here - sentence(m) <= reading.window and _fits(m, reading, head)
                          and (reading.takes != "state-sector" or existing is None or m.actor.sector == existing.actor.sector)), None)
            if found is not None:
                break
        if found is None:
            continue
        span = article.span(start_char, end_char)
        mention = ActorMention(span, found.actor, f"definite.{head}", STAGE, MentionSource.DEFINITE, antecedent=found.span)
        if existing is not None:
            before.replace(existing.span, replace(mention, span=existing.span))
        else:
            before.add(mention)
    out = [replaced.get(m.span, m) for m in ordered] + added
    # a pronoun resolved to a mention this pass re-pointed follows it ("The militants said they ...")
    by_span = {m.span: m for m in out}
    out = [replace(m, actor=by_span[m.antecedent].actor) if m.antecedent in replaced and m.antecedent in by_span else m for m in out]
    return sorted(out, key=lambda m: m.span.start)
