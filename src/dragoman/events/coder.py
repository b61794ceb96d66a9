"""Code the events of an article from its sentences, mentions and quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span as DocSpan

from dragoman.events.matcher import PatternMatch, SentenceView, match_at
from dragoman.events.modality import read_modality, recode
from dragoman.events.patterns import PatternSet
from dragoman.events.roles import subject_by_parse, subject_by_position
from dragoman.events.tables import CameoTable
from dragoman.records import ActorMention, Article, Event, Place, Quote, RemovedSpan, Span

STAGE = "events.rules.v1"
DateFinder = Callable[[DocSpan, int], dt.date | None]
PlaceFinder = Callable[[DocSpan, int], Place | None]


@dataclass(frozen=True, slots=True)
class EventResources:
    patterns: PatternSet
    cameo: CameoTable


def sentence_view(doc: Doc, sent: DocSpan, mentions: tuple[ActorMention, ...]) -> SentenceView:
    at: dict[int, list[ActorMention]] = {}
    ends: dict[int, int] = {}
    for m in mentions:
        if not (sent.start_char <= m.span.start < sent.end_char):
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        at.setdefault(span.start, []).append(m)
        ends[id(m)] = span.end
    return SentenceView(doc, sent.start, sent.end, {k: tuple(v) for k, v in at.items()}, ends)


def best_matches(view: SentenceView, patterns: PatternSet) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    for i in range(view.start, view.end):
        for pattern in patterns.by_anchor.get(view.lower(i), ()):
            m = match_at(view, pattern, i)
            if m is not None:
                found.append(m)
                break  # patterns are sorted most specific first
    found.sort(key=lambda m: (-m.pattern.specificity, -(m.end - m.start), m.anchor))
    kept: list[PatternMatch] = []
    for m in found:
        if any(k.start <= m.anchor < k.end or m.start <= k.anchor < m.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.anchor)


def _quote_at(quotes: tuple[Quote, ...], offset: int) -> Quote | None:
    return next((q for q in quotes if q.kind in {"direct", "mixed"} and q.span.start <= offset < q.span.end and q.span.end - q.span.start > 40), None)


def _with_conjuncts(view: SentenceView, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """Add the mentions coordinated with a single source: "The United States and Jordan agreed"."""
    if len(sources) != 1:
        return sources
    source = sources[0]
    start_of = {id(m): i for i, ms in view.mentions_at.items() for m in ms}
    ordered = sorted(((i, m) for i, ms in view.mentions_at.items() for m in ms), key=lambda p: p[0])
    out = [source]
    # walk left: "... X and SOURCE"
    i = start_of.get(id(source))
    if i is None:
        return sources
    cursor = i
    while True:
        prev = [(j, m) for j, m in ordered if view.mention_end[id(m)] in (cursor - 1, cursor - 2) and j < cursor]
        if not prev or view.lower(cursor - 1) not in {"and", ","} and not (cursor >= 2 and view.lower(cursor - 2) == "," and view.lower(cursor - 1) == "and"):
            break
        j, m = prev[-1]
        if m in targets or m.actor.kind == "person" and source.actor.kind != "person":
            break
        out.insert(0, m)
        cursor = j
    # walk right: "SOURCE and Y"
    end = view.mention_end[id(source)]
    while end + 1 < view.end and view.lower(end) in {"and", ","} and end + 1 in view.mentions_at:
        m = view.mentions_at[end + 1][0]
        if m in targets:
            break
        out.append(m)
        end = view.mention_end[id(m)]
    return tuple(out)


def _place_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """A target of last resort: the country where the event happens ("lifted a curfew in Montenegro")."""
    own = {s.actor.country for s in sources}
    places = [(i, m) for i, ms in view.mentions_at.items() for m in ms if m.rule.endswith(".place") and m.actor.country not in own]
    if not places:
        return ()
    after = [p for p in places if p[0] >= match.anchor]
    i, m = min(after or places, key=lambda p: abs(p[0] - match.anchor))
    return (m,)


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    return (a.actor.code, a.actor.name) == (b.actor.code, b.actor.name)


def _confidence(match: PatternMatch, source: ActorMention, target: ActorMention | None, by_parse: bool, modality: str) -> float:
    score = 0.45 + 0.08 * min(match.pattern.specificity, 4)
    if by_parse:
        score += 0.08
    if target is None:
        score -= 0.1
    if source.rule.startswith("pronoun") or (target is not None and target.rule.startswith("pronoun")):
        score -= 0.08
    if modality != "fact":
        score -= 0.05
    return round(max(0.05, min(score, 0.97)), 2)


def code_events(
    doc: Doc,
    article: Article,
    removed: tuple[RemovedSpan, ...],
    mentions: tuple[ActorMention, ...],
    quotes: tuple[Quote, ...],
    resources: EventResources,
    date_of: DateFinder | None = None,
    place_of: PlaceFinder | None = None,
) -> tuple[Event, ...]:
    """Events of the article, one per (source, target, code, date), evidence merged.

    Reads the Doc's sentences (and its dependency parse when present), the actor
    mentions and the quotes. Adds :class:`Event` records.
    """
    skip = [(r.span.start, r.span.end) for r in removed]
    quoted = [(q.span.start, q.span.end) for q in quotes if q.kind in {"direct", "mixed"}]
    has_parse = doc.has_annotation("DEP")
    merged: dict[tuple[object, ...], Event] = {}
    for sent in doc.sents:
        if any(s <= sent.start_char < e for s, e in skip):
            continue
        view = sentence_view(doc, sent, mentions)
        if not view.mentions_at:
            continue
        for match in best_matches(view, resources.patterns):
            anchor_char = doc[match.anchor].idx
            quote = _quote_at(quotes, anchor_char)
            if quote is not None and (quote.speaker is None or quote.speaker.actor.code is None):
                continue  # commentary by an analyst or an unnamed voice is not an event
            reading = read_modality(doc, match.anchor, sent.start, anchor_is_cue=False)
            code = recode(match.pattern.code, reading.modality)
            if code is None:
                continue
            targets = match.targets
            sources = match.sources
            by_parse = False
            if reading.modality == "appeal" and reading.cue_token is not None:
                between = tuple(m for i in range(reading.cue_token + 1, match.anchor) for m in view.mentions_at.get(i, ()))
                if between:
                    targets = between
                cue_view_anchor = reading.cue_token
            else:
                cue_view_anchor = match.start
            if not sources:
                if has_parse:
                    sources = tuple(subject_by_parse(view, doc[reading.cue_token if reading.modality == "appeal" and reading.cue_token is not None else match.anchor]))
                    by_parse = bool(sources)
                if not sources:
                    sources = tuple(subject_by_position(view, cue_view_anchor, targets, quote is not None, quoted))
            if not sources and quote is not None and quote.speaker is not None:
                sources = (quote.speaker,)
            sources = tuple(m for m in sources if not m.rule.endswith(".place"))
            if not sources:
                continue
            sources = _with_conjuncts(view, sources, targets)
            sources = tuple(m for m in sources if not m.rule.endswith(".place"))
            if not targets and "reciprocal" not in match.pattern.flags:
                targets = _place_target(view, match, sources)
            if code.startswith("01") and not targets:
                continue  # a statement with no addressee is not a dyadic event (PLOVER has no statement type)
            pairs: list[tuple[ActorMention, ActorMention | None]] = []
            if "reciprocal" in match.pattern.flags and not targets and len(sources) > 1:
                pairs = [(a, b) for a in sources for b in sources if a is not b]
            elif "reciprocal" in match.pattern.flags and targets:
                pairs = [(a, b) for a in sources for b in targets] + [(b, a) for a in sources for b in targets]
            else:
                pairs = [(a, b) for a in sources for b in (targets or (None,))]
            entry = resources.cameo.get(code)
            evidence_start = min([doc[match.start].idx] + [s.span.start for s, _ in pairs])
            last = doc[match.end - 1]
            evidence_end = max([last.idx + len(last.text)] + [t.span.end for _, t in pairs if t is not None])
            evidence = Span(article.id, evidence_start, evidence_end, article.text[evidence_start:evidence_end])
            when = (date_of(sent, anchor_char) if date_of else None) or article.date
            where = place_of(sent, anchor_char) if place_of else None
            for source, target in pairs:
                if source.actor.code is None and source.actor.country is None:
                    continue
                if target is not None and _same_actor(source, target):
                    continue
                if target is not None and target.rule.startswith("pronoun") and target.actor.country == source.actor.country:
                    continue  # "Russia's ministry said its fleet ...": a possessive of the source itself
                rule = match.pattern.id if reading.modality == "fact" else f"{match.pattern.id}+{reading.modality}"
                event = Event(
                    source=source, target=target, cameo=code, root=code[:2], plover=entry.plover or resources.cameo.plover_of(code) or "",
                    goldstein=entry.goldstein, quad_class=entry.quad_class, date=when, place=where, evidence=(evidence,), rule=rule,
                    confidence=_confidence(match, source, target, by_parse, reading.modality), stage=STAGE,
                )
                key = (source.actor.code, source.actor.name, target.actor.code if target else None, target.actor.name if target else None, code, when)
                if key in merged:
                    old = merged[key]
                    if evidence not in old.evidence:
                        merged[key] = Event(**{**{f: getattr(old, f) for f in Event.__slots__}, "evidence": old.evidence + (evidence,), "confidence": max(old.confidence, event.confidence)})  # type: ignore[arg-type]
                else:
                    merged[key] = event
    return tuple(sorted(merged.values(), key=lambda e: (e.evidence[0].start, e.cameo)))
