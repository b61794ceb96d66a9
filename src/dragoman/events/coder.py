"""Code the events of an article from its sentences, mentions and quotes: the thin coder that
calls the steps in order.

For each sentence outside removed spans: match the patterns (``matcher``), read the match's
negation and modality (``modality``), find its sources (``roles``) and targets (``targets``),
apply the CAMEO coding policy (``policy``), read whose voice asserts it (``voices``,
``assertion``), date and place it (``places``) and score it (``confidence``). Then the verbal
acts of reported speech and verdicts (``speech``) join, events of one (source, target, code,
date) merge, and events aimed at antecedents, force acts aimed at the article's adversary of their
source and subsumed ones are settled (``antecedents``, ``adversary``, ``policy``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span as DocSpan, Token

from dragoman.events.adversary import adversaries, aim_at_adversaries, aimless
from dragoman.events.antecedents import EventNouns, aim_at_antecedents
from dragoman.events.assertion import EMITTED, AssertionLexicon, AssertionReading, described_noun, is_background, read_assertion
from dragoman.events.confidence import SPEECH, confidence
from dragoman.events.merging import Merging, event_key
from dragoman.events.matcher import PatternMatch, SentenceView, best_matches, mentions_from, sentence_view
from dragoman.events.modality import ModalityReading, read_match_modality, recode
from dragoman.events.patterns import PatternSet
from dragoman.events.policy import CodingPolicy, deployment_code, drop_subsumed
from dragoman.events.protests import article_protest_target, held_crowds, place_name, title_votes
from dragoman.events.roles import possessor, crowd_source, attack_owner, attack_subject, by_agent, noun_source, passive_roles, subject_by_parse, subject_by_position, with_conjuncts
from dragoman.events.speech import Polarity, SpeechAct, Verdict, speech_acts, verdict_at, verdicts
from dragoman.events.tables import CameoTable
from dragoman.events.targets import is_self, names_each_other, object_target, others, pairs, place_target
from dragoman.events.voices import BACKGROUND_DAYS, act_assertion
from dragoman.events.words import EventWords
from dragoman.places import DateFinder, PlaceFinder
from dragoman.ranges import Covered, Ranges, spans
from dragoman.records import ActorMention, Article, Event, MentionRole, MentionSource, Quote, RemovedSpan, Span

STAGE = "events.rules.v1"


def _bounds(mention: ActorMention) -> tuple[int, int]:
    return mention.span.start, mention.span.end


@dataclass(frozen=True, slots=True)
class EventResources:
    patterns: PatternSet
    cameo: CameoTable
    assertion: AssertionLexicon
    polarity: Polarity
    event_nouns: EventNouns
    words: EventWords
    policy: CodingPolicy
    emit_unasserted: bool = False  # settings.events.unasserted
    one_sided: str = "all"  # settings.events.one_sided: which events may lack a target (the pipeline's default is "material")

    def may_lack_target(self, event: Event) -> bool:
        """May this event stand without a target: by ``one_sided`` and the root's policy, or (unless
        one_sided is "none") because its pattern is flagged ``unaddressed`` ("denied responsibility"
        answers an accusation whether or not the article names who made it)."""
        if self.policy.allows_one_sided(event, self.one_sided):
            return True
        return self.one_sided != "none" and event.rule.split("+")[0] in self.patterns.unaddressed


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence being coded and what every match in it shares."""

    doc: Doc
    article: Article
    sent: DocSpan
    view: SentenceView
    quotes: Ranges[Quote]  # the direct and mixed quotes of more than 40 characters
    quoted: Ranges[tuple[int, int]]  # the direct and mixed quotes' character ranges
    has_parse: bool
    resources: EventResources
    date_of: DateFinder | None
    place_of: PlaceFinder | None
    protest_target: ActorMention | None = None  # the party the article's protests are aimed at (events/protests.py)


@dataclass(frozen=True, slots=True)
class _Roles:
    """Who did what to whom in one match, after the coding policy."""

    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    code: str
    by_parse: bool  # the source is the verb's subject by the dependency parse


@dataclass(frozen=True, slots=True)
class CodeReading:
    """What a pattern match says happened, before any actor is attached."""

    cameo: str
    rule: str
    confidence: float
    evidence: Span


def _rule(match: PatternMatch, modality: str) -> str:
    return match.pattern.id if modality == "fact" else f"{match.pattern.id}+{modality}"


def code_readings(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], resources: EventResources, mentions: tuple[ActorMention, ...] = ()) -> tuple[CodeReading, ...]:
    """The CAMEO code of every pattern match after negation and modality, actors or not.

    Used to score the dictionary on sentences whose actors are not annotated
    (``cameo_manual_examples``); the pipeline's events always need a source actor.
    """
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    out: list[CodeReading] = []
    words = [t.lower_ for t in doc]
    by_start = Ranges(mentions, _bounds)
    for sent in doc.sents:
        if skip.at(sent.start_char):
            continue
        view = replace(sentence_view(doc, sent, by_start.starting(sent.start_char, sent.end_char), words), open_slots=True)
        for match in best_matches(view, resources.patterns, resources.words):
            modality = read_match_modality(doc, match, sent, resources.words).modality
            code = recode(match.pattern.code, modality)
            if code is None or (code.startswith("01") and match.pattern.code.startswith("01") and "+" not in match.pattern.text):
                continue
            start, end = doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1].text)
            score = confidence(match.pattern.specificity, modality)
            out.append(CodeReading(code, _rule(match, modality), score, article.span(start, end)))
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
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    quoted = spans((q.span.start, q.span.end) for q in quotes if q.kind in {"direct", "mixed"})
    long_quotes = Ranges([q for q in quotes if q.kind in {"direct", "mixed"} and q.span.end - q.span.start > 40], lambda q: (q.span.start, q.span.end))
    has_parse = doc.has_annotation("DEP")
    words = [t.lower_ for t in doc]
    merging = Merging()
    by_start = Ranges(mentions, _bounds)
    views = [(sent, sentence_view(doc, sent, by_start.starting(sent.start_char, sent.end_char), words)) for sent in doc.sents if not skip.at(sent.start_char)]
    titled = title_votes(article.title, mentions, resources.words)
    protested = article_protest_target([view for _, view in views], resources.words, titled) if has_parse else None
    read: dict[tuple[object, ...], Event] = {}  # every reading, emitted or not: whom a source fights (events/adversary.py)
    for sent, view in views:
        if view.mentions_at:
            here = _Sentence(doc, article, sent, view, long_quotes, quoted, has_parse, resources, date_of, place_of, protested)
            for event in _sentence_events(here):
                read.setdefault(event_key(event), event)
                if event.assertion in EMITTED or resources.emit_unasserted:
                    merging.add(event)
    enemies = adversaries(read.values(), resources.policy, resources.words)
    merged = merging.events()
    dyads = _Dyads(merged.values())
    for act in _verbal_acts(doc, article, quotes, mentions, resources, words):
        spoken = _speech_event(doc, article, act, resources, date_of)
        if spoken is not None and event_key(spoken) not in merged and not dyads.read_again(spoken):
            merged[event_key(spoken)] = spoken
            dyads.add(spoken)
    organs = resources.words.state_organs
    aimed = aim_at_adversaries(aim_at_antecedents(doc, list(merged.values()), resources.event_nouns), enemies, resources.policy, organs)
    kept = [e for e in drop_subsumed(aimed)
            if not (e.rule.split("+")[0] in resources.patterns.aimed and aimless(e))  # "retook the airport", whose no one knows
            and ((e.target is not None and not is_self(e.source, e.target, organs))
                 or (e.target is None and not e.rule.startswith(_ACT_VERDICT) and resources.may_lack_target(e)))]
    return tuple(sorted(kept, key=lambda e: (e.evidence[0].start, e.cameo)))


def _sentence_events(s: _Sentence) -> list[Event]:
    """The events of the sentence's best pattern matches."""
    judged = _verdicts(s.doc, s.sent, s.view)
    ranges = [(v.start, v.end) for v in judged.values()] + [(m.span.start, m.span.end) for ms in s.view.mentions_at.values() for m in ms]
    out: list[Event] = []
    for match in best_matches(s.view, s.resources.patterns, s.resources.words):
        if "noun" in match.pattern.flags and any(a <= s.doc[match.anchor].idx < b for a, b in ranges):
            # "called Putin a threat to the United States": the noun is the verdict's content, not Putin's act;
            # "Liberian riot police", "the war crimes court": a noun inside an actor's name is no event
            continue
        if match.pattern.code.startswith("04") and match.anchor in judged:
            continue  # "called Iran's government a brutal regime" is a verdict (events/speech.py), not a phone call
        if s.resources.policy.speaks_not_acts(match.pattern.code, s.doc[match.anchor]):
            continue
        out += _events_of_match(s, match)
    return out


def _verdicts(doc: Doc, sent: DocSpan, view: SentenceView) -> dict[int, Verdict]:
    """The sentence's verdicts ("called X a threat"), by the token of their verb."""
    inside = [m for ms in view.mentions_at.values() for m in ms]
    return {token.i: v for token in sent if (v := verdict_at(doc, token, inside)) is not None}


class _Dyads:
    """The (source, target) pairs of the events so far, with whether one of them is a bare statement
    (01) or another code, to tell a verbal act read again: a pattern already coded what this speaker
    said or did to this target ("Iraq said it would allow the inspectors' return" is the intent, not
    also a tone of voice); a bare statement (01) of the dyad does not count, unless the act is one
    too. :meth:`read_again` asks the pairs, not every event, for each verbal act."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._roots: dict[tuple[tuple[str | None, str | None], tuple[str | None, str | None]], list[bool]] = {}  # -> [some not 01, some 01]
        for e in events:
            self.add(e)

    @staticmethod
    def _pair(e: Event) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]] | None:
        if e.target is None:
            return None
        return (e.source.actor.code, e.source.actor.name), (e.target.actor.code, e.target.actor.name)

    def add(self, e: Event) -> None:
        pair = self._pair(e)
        if pair is not None:
            seen = self._roots.setdefault(pair, [False, False])
            seen[0] = seen[0] or e.root != "01"
            seen[1] = seen[1] or e.root == "01"

    def read_again(self, e: Event) -> bool:
        pair = self._pair(e)
        seen = self._roots.get(pair) if pair is not None else None
        return seen is not None and (seen[0] or (e.root == "01" and seen[1]))


_ACT_VERDICT = "speech.verdict.act"  # a verdict on an act noun whose doer no earlier act names is dropped


def _verbal_acts(doc: Doc, article: Article, quotes: tuple[Quote, ...], mentions: tuple[ActorMention, ...], resources: EventResources,
                 words: Sequence[str]) -> list[SpeechAct]:
    """Criticism, praise and appeals in reported speech and verdicts (events/speech.py)."""
    by_start = Ranges(mentions, _bounds)

    def subject_of(sent: DocSpan, token: Token) -> list[ActorMention]:
        return subject_by_parse(sentence_view(doc, sent, by_start.starting(sent.start_char, sent.end_char), words), token)

    def spoken(cue: Token) -> bool:
        return read_assertion(doc, cue.i, resources.assertion).value in EMITTED | {"reported"}

    words_of = resources.assertion.words
    speech = words_of.get("report", frozenset()) | words_of.get("claim", frozenset())
    acts = speech_acts(doc, article, quotes, mentions, resources.polarity, speech, spoken)
    if doc.has_annotation("DEP"):
        acts += verdicts(doc, article, by_start, resources.polarity, subject_of, frozenset(resources.event_nouns.roots))
    return acts


def _speech_event(doc: Doc, article: Article, act: SpeechAct, resources: EventResources, date_of: DateFinder | None) -> Event | None:
    span = doc.char_span(act.anchor_char, act.anchor_char + 1, alignment_mode="expand")
    dated = date_of(span.sent, act.anchor_char) if date_of is not None and span is not None else None
    if is_background(dated, article.date, BACKGROUND_DAYS) and not resources.emit_unasserted:
        return None
    entry = resources.cameo.get(act.cameo)
    return Event(
        source=act.source, target=act.target, cameo=act.cameo, root=act.cameo[:2], plover=resources.cameo.plover_for(act.cameo, act.rule, True),
        goldstein=entry.goldstein, quad_class=entry.quad_class, date=dated or article.date, place=None, evidence=(act.evidence,), rule=act.rule,
        confidence=SPEECH, stage=STAGE, assertion="asserted", assertion_reason="a verbal act of its speaker",
    )


def _quote_at(quotes: Ranges[Quote], offset: int) -> Quote | None:
    """The first (direct or mixed, long) quote holding ``offset``."""
    return next(iter(quotes.overlapping(offset, offset + 1)), None)


def _events_of_match(s: _Sentence, match: PatternMatch) -> list[Event]:
    """The events one pattern match codes: its code after modality, its roles, then one event per pair."""
    quote = _quote_at(s.quotes, s.doc[match.anchor].idx)
    if quote is not None and (quote.speaker is None or quote.speaker.actor.code is None):
        return []  # commentary by an analyst or an unnamed voice is not an event
    reading = read_match_modality(s.doc, match, s.sent, s.resources.words)
    code = recode(match.pattern.code, reading.modality)
    hypothetical = code is None and reading.modality in {"hypothetical", "negated"} and s.resources.emit_unasserted
    if hypothetical:
        code = match.pattern.code  # kept visible with its assertion ("possible"), never emitted by default
    if code is None:
        return []
    roles = _roles(s, match, reading, quote, code)
    return _coded(s, match, reading, roles, quote, hypothetical) if roles is not None else []


def _passive_subjects(s: _Sentence, match: PatternMatch, quote: Quote | None) -> tuple[ActorMention, ...] | None:
    """The subject of a passive match, or None when no actor heads it."""
    view = s.view
    bridge = s.resources.words.passive_bridge
    subjects = tuple(subject_by_position(view, match.start, (), quote is not None, s.quoted))
    # the actor must head the subject: "Turkish demands are not met" has no actor subject
    if subjects and all(view.lower(i) in bridge for i in range(view.mention_end[id(subjects[0])], match.start)):
        return subjects
    # "a camp for Congolese refugees was attacked by Burundian militiamen": the actor inside the
    # subject is the target when the agent is named
    agent = by_agent(view, match)
    owner = _subject_owner(s, match) if agent is None else ()
    if owner:
        return owner  # "its TV crew in Azerbaijan was expelled": the crew is the owner's
    inner = [m for i, ms in view.mentions_at.items() for m in ms if i < match.start and view.mention_end[id(m)] <= match.start]
    inner.sort(key=lambda m: view.mention_end[id(m)])
    if agent is None or not inner or any(view.lower(i) not in bridge for i in range(view.mention_end[id(inner[-1])], match.start)):
        return None
    return (inner[-1],)


def _subject_owner(s: _Sentence, match: PatternMatch) -> tuple[ActorMention, ...]:
    """The possessor of a passive verb's subject ("its TV crew", "Russia's diplomats were expelled"), which
    stands for it; () when the parse gives none."""
    if not s.has_parse:
        return ()
    subject = next((c for c in s.doc[match.anchor].children if c.dep_ in {"nsubj:pass", "nsubjpass"}), None)
    return tuple(possessor(s.view, subject)) if subject is not None else ()


def _recipient_passive(verb: Token) -> bool:
    """A passive of a verb of giving or refusing that keeps its object ("were denied visas", "was granted
    asylum"): its subject is the recipient, not the doer."""
    passive = any(c.dep_ in {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"} for c in verb.children)
    return verb.tag_ == "VBN" and passive and any(c.dep_ in {"obj", "dobj"} for c in verb.children)


def _weapon_subject(s: _Sentence, match: PatternMatch) -> bool:
    """Is the act's subject a weapon or attack noun ("a missile ... struck a convoy, killing him")? Its
    source is then the attack's owner or place (``attack_owner``), never an actor found by position
    further back ("They say a missile ...")."""
    if not s.has_parse:
        return False
    subject = attack_subject(s.view, s.doc[match.anchor])
    return subject is not None and subject.lemma_.lower() in s.resources.words.attack_nouns


def _sources(s: _Sentence, match: PatternMatch, reading: ModalityReading, quote: Quote | None) -> _Roles | None:
    """The sources (and the targets the match or its appeal names) before the coding policy; code unset."""
    view = s.view
    targets, sources = match.targets, match.sources
    by_parse = False
    subject_at = match.start
    if reading.modality == "appeal" and reading.cue_token is not None:
        between = tuple(m for i in range(reading.cue_token + 1, match.anchor) for m in view.mentions_at.get(i, ()))
        targets = between or targets
        subject_at = reading.cue_token
    if "held" in match.pattern.flags:
        # "there were protests in Paris and Rome": the civilians of each place, else no event
        sources = held_crowds(view, s.doc[match.anchor], s.resources.words) if s.has_parse else ()
        return _Roles(sources, targets, "", False) if sources else None
    if s.has_parse and targets and "passive" not in match.pattern.flags:
        inverted = tuple(m for m in targets if _inverted_subject(s.doc, m, match.anchor))
        if inverted:  # "..., warned Solmazturk": the name after the verb is who warned, not whom
            sources, targets = inverted, tuple(m for m in targets if m not in inverted)
    if "passive" in match.pattern.flags:
        subjects = _passive_subjects(s, match, quote)
        if subjects is None:
            return None
        sources, targets = passive_roles(view, match, subjects, s.resources.policy)
    if not sources and "noun" in match.pattern.flags:
        sources = noun_source(view, match, targets, quote is not None, s.quoted, s.resources.words)
        if not sources and quote is not None and quote.speaker is not None and _first_person_owner(s.doc, match.start):
            sources = (quote.speaker,)  # "“My firm advice to Pakistan is ...,” Swaraj said": the speaker's own act
    elif not sources:
        if s.has_parse and subject_at == match.start and _recipient_passive(s.doc[match.anchor]) and by_agent(view, match) is None:
            # "had been denied visas", "was given aid": the subject receives the act, and no one is named doing it
            return None
        noun = described_noun(s.doc[match.anchor]) if s.has_parse and subject_at == match.start else None
        if noun is not None:
            # "individuals and networks working with Iran's Guard Corps": the participle describes the noun before it,
            # whose actor (if any) is its subject; nobody further back is
            sources = tuple(m for ms in view.mentions_at.values() for m in ms if view.mention_end[id(m)] == noun.i + 1)
        elif s.has_parse:
            sources = tuple(subject_by_parse(view, s.doc[subject_at if subject_at != match.start else match.anchor]))
            by_parse = bool(sources)
        if not sources and noun is None and not _weapon_subject(s, match):
            sources = tuple(subject_by_position(view, subject_at, targets, quote is not None, s.quoted))
        if not sources and quote is not None and quote.speaker is not None:
            sources = (quote.speaker,)
    return _Roles(sources, targets, "", by_parse)


def _first_person_owner(doc: Doc, start: int) -> bool:
    """Is the noun at ``start`` owned by "my"/"our", past its adjectives ("my firm advice")?"""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].lower_ in _FIRST_PERSON_OWNERS


_FIRST_PERSON_OWNERS = frozenset({"my", "our"})


def _inverted_subject(doc: Doc, mention: ActorMention, anchor: int) -> bool:
    """Is the mention the subject of the anchor verb, written after it ("..., said Smith")? By the parse,
    or by word order where the parser takes the name for an object: a person closing the sentence right
    after a verb that has no subject and follows a comma or a closing quote ("... in Syria, warned Solmazturk.")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or span.root.i <= anchor:
        return False
    if span.root.dep_ == "nsubj" and span.root.head.i == anchor:
        return True
    verb = doc[anchor]
    closes = span.end >= verb.sent.end or doc[span.end].is_punct and doc[span.end].text in {".", "!", "?"}
    return (mention.actor.kind == "person" and closes and span.start == anchor + 1 and anchor > verb.sent.start
            and doc[anchor - 1].text in _TRAILING_MARKS and not any(c.dep_ in {"nsubj", "nsubj:pass"} for c in verb.children))


_TRAILING_MARKS = frozenset({",", "”", "\"", "''"})


def _roles(s: _Sentence, match: PatternMatch, reading: ModalityReading, quote: Quote | None, code: str) -> _Roles | None:
    """Sources and targets after the coding policy (weapons, places, conjuncts, deployments), or None: no event."""
    found = _sources(s, match, reading, quote)
    if found is None:
        return None
    view, words, policy = s.view, s.resources.words, s.resources.policy
    sources, targets = found.sources, found.targets
    passive, weapon = "passive" in match.pattern.flags, False
    if not sources and not passive and s.has_parse and code[:2] in policy.violent:
        # "a roadside bombing near Samarra killed one U.S. soldier": the attack's owner, else its place
        sources, weapon_code = attack_owner(view, s.doc[match.anchor], targets, words)
        weapon = bool(sources)
        if weapon and weapon_code and code in {"180", "190"}:
            code = weapon_code  # "a roadside bombing killed": 1833, not a generic killing
    if not passive and not weapon:  # "was arrested in Lebanon": the place stands for its authorities
        sources = tuple(m for m in sources if m.role is not MentionRole.PLACE)
    if not sources and not passive and s.has_parse and code[:2] == "14":
        # "80,000 people rallied in London": a crowd protests as the civilians of where it protests
        sources = crowd_source(view, s.doc[match.anchor], words, place_target(view, match, (), words))
    if not sources:
        return None
    if not passive and not weapon:
        sources = tuple(m for m in with_conjuncts(view, sources, targets) if m.role is not MentionRole.PLACE)
    if not targets and "reciprocal" not in match.pattern.flags:
        targets = others(sources, object_target(view, match, sources, code, words, policy), words.state_organs)
    elif not targets and len({(m.actor.code, m.actor.country) for m in sources}) < 2:
        # "Xi, who met separately with Obama at the summit": a reciprocal act of one party is shared with the party after "with"
        targets = others(sources, _with_partner(view, match, policy.reach[code[:2]]), words.state_organs)
    # a material act, or the stated intention of one ("agreed to postpone the demonstration in Baku"), happens somewhere
    material = int(code[:2]) >= 6 or (code.startswith("03") and int(match.pattern.code[:2]) >= 6)
    if not targets and "reciprocal" not in match.pattern.flags and material:
        # "Israel threatened to ban voting in Jerusalem": no other party, still an event
        targets = others(sources, place_target(view, match, sources, words), words.state_organs)
    if "political_target" in match.pattern.flags:
        targets = tuple(m for m in targets if not words.armed_group(m.actor))
        if not targets:
            return None  # "citizens joined IS": recruitment into an armed group, no act between political actors
    if code[:2] == "14":
        protested = _protested(s, sources, targets, "held" in match.pattern.flags)
        if protested is None:
            return None
        targets = protested
    if policy.unaddressed_statement(code, targets) and not (code == match.pattern.code and "unaddressed" in match.pattern.flags):
        return None
    return _Roles(sources, targets, deployment_code(words, s.doc, s.sent, code, sources), found.by_parse)


def _protested(s: _Sentence, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...], held: bool) -> tuple[ActorMention, ...] | None:
    """A protest that names no party, or only where it happens ("marched through Tokyo"), is aimed at
    the party the article's protests are aimed at, if any (events/protests.py); None (no event) when
    that party is the source itself, which tells no dyad, or when there is none for a protest whose
    places are its sources ("there were protests in Rome and Madrid")."""
    if held:
        targets = tuple(m for m in targets if not place_name(m))  # "held in Mandalay and Naypyitaw": both are its places
    if any(m.role is not MentionRole.PLACE for m in targets):
        return targets
    if s.protest_target is None:
        return None if held else targets
    if any(m.actor.code == s.protest_target.actor.code for m in sources):
        return None  # "Maduro told a rally" in an article of protests against the government
    return others(sources, (s.protest_target,), s.resources.words.state_organs) or None


def _with_partner(view: SentenceView, match: PatternMatch, reach: int) -> tuple[ActorMention, ...]:
    """The first actor after the match introduced by "with" ("met separately with Obama"), within ``reach`` tokens."""
    for i in range(match.anchor + 1, min(view.end, match.end + reach)):
        if view.doc[i].is_punct:
            return ()
        if view.lower(i) != "with":
            continue
        chains = mentions_from(view, i + 1)  # its shortest reading: the first actor of a coordination
        return tuple(m for m in chains[-1][0] if m.role is not MentionRole.PLACE) if chains else ()
    return ()


def _evidence(s: _Sentence, match: PatternMatch, parties: Sequence[tuple[ActorMention, ActorMention | None]]) -> Span:
    """From the first source or the match to the last target or the end of the match."""
    doc, text = s.doc, s.article.text
    lo, hi = s.sent.start_char, s.sent.end_char  # a protest's target may be named in another sentence (events/protests.py)
    start = min([doc[match.start].idx] + [a.span.start for a, _ in parties if a.span.start >= lo])
    last = doc[match.end - 1]
    end = max([last.idx + len(last.text)] + [b.span.end for _, b in parties if b is not None and b.span.end <= hi])
    return Span(s.article.id, start, end, text[start:end])


def _coded(s: _Sentence, match: PatternMatch, reading: ModalityReading, roles: _Roles, quote: Quote | None, hypothetical: bool) -> list[Event]:
    """One event per (source, target) pair, with its assertion, date, place and confidence."""
    resources, article, code = s.resources, s.article, roles.code
    parties = pairs(match, roles.sources, roles.targets, resources.policy, names_each_other(s.view, match))
    anchor_char = s.doc[match.anchor].idx
    dated = s.date_of(s.sent, anchor_char) if s.date_of else None
    status = act_assertion(s.doc, s.view, match.anchor, match.pattern.code, roles.sources, quote, dated, article.date, resources.assertion)
    if hypothetical and status.emitted:
        status = AssertionReading("negated" if reading.modality == "negated" else "possible", reading.cue_token, f"{reading.modality} cue")
    # an act not asserted is read all the same (the article's adversaries: events/adversary.py); code_events drops it
    # "Iran sold drones to Russia": a party to the event is not where it happens
    own = [(m.span.start, m.span.end) for a, b in parties for m in (a, b) if m is not None]
    where = s.place_of(s.sent, anchor_char, own, code, roles.sources[0].actor.country) if s.place_of else None
    evidence, entry, fact = _evidence(s, match, parties), resources.cameo.get(code), reading.modality == "fact"
    events = []
    for source, target in parties:
        if (source.actor.code is None and source.actor.country is None) or (target is not None and is_self(source, target, resources.words.state_organs)):
            continue
        pronoun = source.found_by is MentionSource.PRONOUN or (target is not None and target.found_by is MentionSource.PRONOUN)
        events.append(Event(
            source=source, target=target, cameo=code, root=code[:2], plover=resources.cameo.plover_for(code, match.pattern.id, fact),
            goldstein=entry.goldstein, quad_class=entry.quad_class, date=dated or article.date, place=where, evidence=(evidence,),
            rule=_rule(match, reading.modality), stage=STAGE, assertion=status.value, assertion_reason=status.reason,
            confidence=confidence(match.pattern.specificity, reading.modality, roles.by_parse, target is None, pronoun),
        ))
    return events
