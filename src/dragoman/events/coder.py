"""Code the events of an article from its sentences, mentions and quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from spacy.tokens import Doc, Span as DocSpan

from dragoman.events.matcher import PatternMatch, SentenceView, match_at
from dragoman.events.modality import ModalityReading, read_modality, recode
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


def sentence_view(doc: Doc, sent: DocSpan, mentions: tuple[ActorMention, ...], words: Sequence[str] | None = None) -> SentenceView:
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
    return SentenceView(doc, sent.start, sent.end, {k: tuple(v) for k, v in at.items()}, ends, words if words is not None else [t.lower_ for t in doc])


_BE = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get", "gets"})
_PASSIVE_BRIDGE = _BE | {"has", "have", "had", "not", "n't", "never", "also", "reportedly", "allegedly", "reported", "said", "to", "will", "would"}


def is_passive(view: SentenceView, i: int) -> bool:
    """A past participle after a form of "be" ("was arrested", "has been indicted")."""
    token = view.doc[i]
    if token.tag_ and token.tag_ != "VBN":
        return False
    if not token.tag_ and not view.lower(i).endswith(("ed", "en")):
        return False
    j = i - 1
    while j >= view.start and j >= i - 3:
        if view.lower(j) in _BE:
            return True
        if not view.doc[j].is_alpha or view.doc[j].is_punct:
            return False
        j -= 1
    return False


def _passive_roles(view: SentenceView, match: PatternMatch, subjects: tuple[ActorMention, ...]) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """(sources, targets) of a passive event: the "by" agent (else the place of the event) acts
    on the grammatical subject."""
    for i in range(match.end, min(view.end, match.end + 8)):
        if view.lower(i) == "by":
            for j in range(i + 1, min(view.end, i + 4)):
                if j in view.mentions_at:
                    return view.mentions_at[j][:1], subjects
            break
    places = tuple(m for ms in view.mentions_at.values() for m in ms if m.rule.endswith(".place") and m not in subjects)
    return places[:1], subjects


def best_matches(view: SentenceView, patterns: PatternSet) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    for i in range(view.start, view.end):
        tagged_noun = view.doc[i].pos_ == "NOUN"
        candidates = patterns.by_anchor.get(view.lower(i), ())
        if is_passive(view, i):
            candidates = patterns.passive_by_anchor.get(view.lower(i), ()) + candidates
        for pattern in candidates:
            if tagged_noun and "noun" not in pattern.flags:
                continue  # a verb pattern on a noun ("state company", "the attack"): the tagger says no
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
    # the source's own country counts too: PLOVER codes "lifted the curfew in West Darfur" SDN→SDN
    places = [(i, m) for i, ms in view.mentions_at.items() for m in ms if m.rule.endswith(".place")]
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


_PREPOSITIONS = frozenset({"of", "to", "with", "between", "from", "against", "on", "for", "in", "at", "after", "before", "during", "since", "under", "amid", "over", "by", "about", "despite"})
_NOUN_MODIFIERS = frozenset({"the", "a", "an", "new", "fresh", "further", "more", "its", "their", "his", "her", "renewed", "repeated", "tough", "harsh"})


def _noun_source(view: SentenceView, match: PatternMatch, targets: tuple[ActorMention, ...], in_quote: bool, quoted: list[tuple[int, int]]) -> tuple[ActorMention, ...]:
    """The source of a nominal event: its possessor or adjacent modifier ("Russia's invasion",
    "Western sanctions"), else the subject of the verb it is the object of ("repeated threats").
    A noun after a preposition ("after the meeting", "under threat from") has no other source."""
    i = match.start - 1
    while i >= view.start and view.lower(i) in _NOUN_MODIFIERS | {"'s", "’s", "'", "’"} and i not in view.mentions_at:
        i -= 1
    owner = [m for j, ms in view.mentions_at.items() for m in ms if view.mention_end[id(m)] in (i + 1, match.start) and m not in targets]
    if owner:
        return (owner[-1],)
    if i < view.start or view.lower(i) in _PREPOSITIONS or view.doc[i].is_punct:
        return ()
    return tuple(subject_by_position(view, i + 1, targets, in_quote, quoted))


def _object_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """For a pattern with no target slot: a mention inside the match ("purchases of Russian oil")
    or right after it ("threats to freeze their membership")."""
    own = {(s.actor.code, s.actor.name) for s in sources} | {s.actor.country for s in sources}

    def foreign(m: ActorMention) -> bool:
        # "strengthened its forces": a pronoun of the source itself is no target
        return m not in sources and (m.actor.code, m.actor.name) not in own and not (m.rule.startswith("pronoun") and m.actor.country in own)

    inside = tuple(m for i in range(match.anchor + 1, match.end) for m in view.mentions_at.get(i, ()) if foreign(m))
    if inside:
        return inside[:1]
    # an appeal or an intention names its addressee later in the clause: "promised to continue aid to Mozambique"
    reach = 12 if match.pattern.code[:2] in {"02", "03"} else 5
    for i in range(match.end, min(view.end, match.end + reach)):
        if view.doc[i].is_punct and view.doc[i].text not in {"“", "”", "\""}:
            break
        for m in view.mentions_at.get(i, ()):
            if foreign(m) and not m.rule.endswith(".place"):
                return (m,)
    return ()


def _pairs(match: PatternMatch, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...]) -> Sequence[tuple[ActorMention, ActorMention | None]]:
    if "reciprocal" in match.pattern.flags:
        if targets:
            return [(a, b) for a in sources for b in targets] + [(b, a) for a in sources for b in targets]
        # "X and Y met": a reciprocal event needs two parties
        return [(a, b) for a in sources for b in sources if a is not b]
    return [(a, b) for a in sources for b in (targets or (None,))]


@dataclass(frozen=True, slots=True)
class CodeReading:
    """What a pattern match says happened, before any actor is attached."""

    cameo: str
    rule: str
    confidence: float
    evidence: Span


def _reading_of(doc: Doc, match: PatternMatch, sent: DocSpan) -> ModalityReading:
    """The match's modality; a nominal event takes only negation, hypotheses and appeals
    ("under threat from sanctions" is no threat event)."""
    reading = read_modality(doc, match.anchor, sent.start, anchor_is_cue=False)
    if "noun" in match.pattern.flags and reading.modality not in {"fact", "negated", "hypothetical", "appeal"}:
        return ModalityReading("fact", None)
    return reading


def code_readings(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], resources: EventResources, mentions: tuple[ActorMention, ...] = ()) -> tuple[CodeReading, ...]:
    """The CAMEO code of every pattern match after negation and modality, actors or not.

    Used to score the dictionary on sentences whose actors are not annotated
    (``cameo_manual_examples``); the pipeline's events always need a source actor.
    """
    skip = [(r.span.start, r.span.end) for r in removed]
    out: list[CodeReading] = []
    words = [t.lower_ for t in doc]
    for sent in doc.sents:
        if any(s <= sent.start_char < e for s, e in skip):
            continue
        view = replace(sentence_view(doc, sent, mentions, words), open_slots=True)
        for match in best_matches(view, resources.patterns):
            reading = _reading_of(doc, match, sent)
            modality = reading.modality
            code = recode(match.pattern.code, modality)
            if code is None or (code.startswith("01") and match.pattern.code.startswith("01") and "+" not in match.pattern.text):
                continue
            start, end = doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1].text)
            confidence = 0.45 + 0.08 * min(match.pattern.specificity, 4) - (0.05 if modality != "fact" else 0.0)
            out.append(CodeReading(code, match.pattern.id if modality == "fact" else f"{match.pattern.id}+{modality}", round(confidence, 2), Span(article.id, start, end, article.text[start:end])))
    return tuple(out)


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
    words = [t.lower_ for t in doc]
    merged: dict[tuple[object, ...], Event] = {}
    for sent in doc.sents:
        if any(s <= sent.start_char < e for s, e in skip):
            continue
        view = sentence_view(doc, sent, mentions, words)
        if not view.mentions_at:
            continue
        for match in best_matches(view, resources.patterns):
            for event in _events_of_match(doc, article, sent, view, match, quotes, quoted, has_parse, resources, date_of, place_of):
                key = (event.source.actor.code, event.source.actor.name, event.target.actor.code if event.target else None,
                       event.target.actor.name if event.target else None, event.cameo, event.date)
                old = merged.get(key)
                if old is None:
                    merged[key] = event
                elif event.evidence[0] not in old.evidence:
                    merged[key] = replace(old, evidence=old.evidence + event.evidence, confidence=max(old.confidence, event.confidence))
    return tuple(sorted(_drop_subsumed(list(merged.values())), key=lambda e: (e.evidence[0].start, e.cameo)))


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """A generic "agreed to"/"is willing to" (030, no target) says nothing more than the event it
    introduces ("willing to help defend Saudi Arabia"): keep the specific one only."""
    kept = []
    for e in events:
        if e.target is None and e.cameo == "030":
            same = [o for o in events if o is not e and o.source.actor.code == e.source.actor.code and o.source.actor.name == e.source.actor.name
                    and abs(o.evidence[0].start - e.evidence[0].start) < 200]
            if same:
                continue
        kept.append(e)
    return kept


def _events_of_match(
    doc: Doc, article: Article, sent: DocSpan, view: SentenceView, match: PatternMatch, quotes: tuple[Quote, ...],
    quoted: list[tuple[int, int]], has_parse: bool, resources: EventResources, date_of: DateFinder | None, place_of: PlaceFinder | None,
) -> list[Event]:
    anchor_char = doc[match.anchor].idx
    quote = _quote_at(quotes, anchor_char)
    if quote is not None and (quote.speaker is None or quote.speaker.actor.code is None):
        return []  # commentary by an analyst or an unnamed voice is not an event
    is_noun = "noun" in match.pattern.flags
    reading = _reading_of(doc, match, sent)
    code = recode(match.pattern.code, reading.modality)
    if code is None:
        return []
    targets, sources = match.targets, match.sources
    by_parse = False
    subject_at = match.start
    if reading.modality == "appeal" and reading.cue_token is not None:
        between = tuple(m for i in range(reading.cue_token + 1, match.anchor) for m in view.mentions_at.get(i, ()))
        targets = between or targets
        subject_at = reading.cue_token
    passive = "passive" in match.pattern.flags
    if passive:
        subjects = tuple(subject_by_position(view, match.start, (), quote is not None, quoted))
        # the actor must head the subject: "Turkish demands are not met" has no actor subject
        if not subjects or any(view.lower(i) not in _PASSIVE_BRIDGE for i in range(view.mention_end[id(subjects[0])], match.start)):
            return []
        sources, targets = _passive_roles(view, match, subjects)
    if not sources and is_noun:
        sources = _noun_source(view, match, targets, quote is not None, quoted)
    elif not sources:
        if has_parse:
            sources = tuple(subject_by_parse(view, doc[subject_at if subject_at != match.start else match.anchor]))
            by_parse = bool(sources)
        if not sources:
            sources = tuple(subject_by_position(view, subject_at, targets, quote is not None, quoted))
        if not sources and quote is not None and quote.speaker is not None:
            sources = (quote.speaker,)
    if not passive:  # "was arrested in Lebanon": the place stands for its authorities
        sources = tuple(m for m in sources if not m.rule.endswith(".place"))
    if not sources:
        return []
    if not passive:
        sources = tuple(m for m in _with_conjuncts(view, sources, targets) if not m.rule.endswith(".place"))
    if not targets and "reciprocal" not in match.pattern.flags:
        targets = _object_target(view, match, sources)
    if not targets and "reciprocal" not in match.pattern.flags and int(code[:2]) >= 6:
        targets = _place_target(view, match, sources)
    if code.startswith("01") and (not targets or all(t.actor.sector == "MED" or t.rule.startswith("pronoun.his") or t.rule.startswith("pronoun.her") for t in targets)):
        return []  # a statement with no addressee (or to the press) is not a dyadic event
    pairs = _pairs(match, sources, targets)
    entry = resources.cameo.get(code)
    evidence_start = min([doc[match.start].idx] + [s.span.start for s, _ in pairs])
    last = doc[match.end - 1]
    evidence_end = max([last.idx + len(last.text)] + [t.span.end for _, t in pairs if t is not None])
    evidence = Span(article.id, evidence_start, evidence_end, article.text[evidence_start:evidence_end])
    when = (date_of(sent, anchor_char) if date_of else None) or article.date
    where = place_of(sent, anchor_char) if place_of else None
    rule = match.pattern.id if reading.modality == "fact" else f"{match.pattern.id}+{reading.modality}"
    events = []
    for source, target in pairs:
        if source.actor.code is None and source.actor.country is None:
            continue
        if target is not None and _same_actor(source, target):
            continue
        if target is not None and target.rule.startswith(("pronoun", "definite")) and target.actor.country == source.actor.country:
            continue  # "Russia's ministry said its fleet ...": a possessive of the source itself
        events.append(Event(
            source=source, target=target, cameo=code, root=code[:2], plover=entry.plover or resources.cameo.plover_of(code) or "",
            goldstein=entry.goldstein, quad_class=entry.quad_class, date=when, place=where, evidence=(evidence,), rule=rule,
            confidence=_confidence(match, source, target, by_parse, reading.modality), stage=STAGE,
        ))
    return events
