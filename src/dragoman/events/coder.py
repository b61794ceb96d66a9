"""Code the events of an article from its sentences, mentions and quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Sequence

from spacy.tokens import Doc, Span as DocSpan, Token

from dragoman.events.antecedents import EventNouns, aim_at_antecedents
from dragoman.events.assertion import EMITTED, AssertionLexicon, AssertionReading, is_background, read_assertion
from dragoman.events.matcher import PatternMatch, SentenceView, match_at, mentions_from
from dragoman.events.modality import ModalityReading, read_modality, recode
from dragoman.events.patterns import PatternSet
from dragoman.events.roles import subject_by_parse, subject_by_position
from dragoman.events.voices import BACKGROUND_DAYS, act_assertion, same_actor
from dragoman.events.speech import Polarity, SpeechAct, Verdict, speech_acts, verdict_at, verdicts
from dragoman.events.tables import CameoTable
from dragoman.places import DateFinder, PlaceFinder
from dragoman.records import ActorMention, Article, Event, MentionRole, MentionSource, Quote, RemovedSpan, Span

STAGE = "events.rules.v1"
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})  # CAMEO's verbal acts and consultations


@dataclass(frozen=True, slots=True)
class EventResources:
    patterns: PatternSet
    cameo: CameoTable
    assertion: AssertionLexicon
    polarity: Polarity
    event_nouns: EventNouns
    emit_unasserted: bool = False  # settings.events.unasserted
    one_sided: str = "all"  # settings.events.one_sided: which events may lack a target (the pipeline's default is "material")


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


_ADJECTIVAL = frozenset({"opposed", "committed", "determined", "prepared", "dedicated", "devoted", "inclined", "involved", "engaged", "concerned", "worried"})


def is_passive(view: SentenceView, i: int) -> bool:
    """A past participle after a form of "be" ("was arrested", "has been indicted")."""
    token = view.doc[i]
    if token.tag_ and token.tag_ != "VBN":
        return False
    if view.lower(i) in _ADJECTIVAL:
        return False  # "Israel is opposed to French mediation": Israel opposes
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


def _by_agent(view: SentenceView, match: PatternMatch) -> ActorMention | None:
    """The actor of a "by" phrase after a passive verb ("was attacked by Russian forces")."""
    for i in range(match.end, min(view.end, match.end + 8)):
        if view.lower(i) == "by":
            for j in range(i + 1, min(view.end, i + 4)):
                if j in view.mentions_at:
                    return view.mentions_at[j][0]
            break
    return None


def _passive_roles(view: SentenceView, match: PatternMatch, subjects: tuple[ActorMention, ...]) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """(sources, targets) of a passive event: the "by" agent (else, for a material act, the place of
    the event: "was arrested in Lebanon") acts on the grammatical subject. A passive verbal act with no
    agent ("Lebanon is expected to ...") has no known source."""
    agent = _by_agent(view, match)
    if agent is not None:
        return (agent,), subjects
    if match.pattern.code[:2] in _VERBAL_ROOTS:
        return (), subjects
    places = tuple(m for ms in view.mentions_at.values() for m in ms if m.role is MentionRole.PLACE and m not in subjects)
    return places[:1], subjects


def _tightness(m: PatternMatch) -> tuple[int, int]:
    return (-(m.end - m.start), sum(1 for e in m.pattern.elements if e.kind == "word" and not e.optional))


_ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "-", "from", "of", "in", "on", "at", "with", "into"})


def _attributive(view: SentenceView, i: int) -> bool:
    """A participle before its noun ("the occupied West Bank", "from frozen facilities")."""
    token = view.doc[i]
    if token.tag_ not in {"VBN", "JJ"} or i == view.start or i + 1 >= view.end:
        return False
    after = view.doc[i + 1]
    return view.lower(i - 1) in _ATTRIBUTIVE_BEFORE and after.pos_ in {"NOUN", "PROPN", "ADJ"}


def _parse_forbids(flags: frozenset[str], verb: Token) -> bool:
    """Does the parse rule out a pattern with these flags at this verb? ``intransitive``: it has an
    object or a that-clause ("demonstrated the unity of ..." is no protest); ``object``: it has no
    object ("seeks to retake territory" is no request); ``no_predicate``: two objects, or an object
    and a nominal or adjectival predicate ("calls the Gulen movement a terrorist organization")."""
    objects = [c for c in verb.children if c.dep_ in {"obj", "dobj"}]
    if "intransitive" in flags and (objects or any(c.dep_ == "ccomp" for c in verb.children)):
        return True
    if "object" in flags and not objects:
        return True
    if "no_predicate" in flags and objects:
        predicates = [c for c in verb.children if c.dep_ in {"xcomp", "oprd"} and c.pos_ in {"NOUN", "ADJ", "PROPN"}]
        return len(objects) >= 2 or bool(predicates)
    return False


def best_matches(view: SentenceView, patterns: PatternSet) -> list[PatternMatch]:
    found: list[PatternMatch] = []
    for i in range(view.start, view.end):
        # a verb pattern on a noun ("state company", "the attack") or on an attributive participle
        # ("the occupied West Bank", "the besieged town"): the tagger and parser say no
        tagged_noun = view.doc[i].pos_ == "NOUN" or _attributive(view, i)
        candidates = patterns.by_anchor.get(view.lower(i), ())
        if is_passive(view, i):
            candidates = patterns.passive_by_anchor.get(view.lower(i), ()) + candidates
        best: PatternMatch | None = None
        for pattern in candidates:
            if best is not None and pattern.specificity < best.pattern.specificity:
                break  # patterns are sorted most specific first
            if (tagged_noun and "noun" not in pattern.flags) or _parse_forbids(pattern.flags, view.doc[i]):
                continue
            m = match_at(view, pattern, i)
            # among equally specific patterns the shortest match wins ("violating the ceasefire agreement"
            # is about the ceasefire), then the one that names more words ("killed two soldiers": kill * soldier)
            if m is not None and (best is None or (m.pattern.specificity == best.pattern.specificity and _tightness(m) > _tightness(best))):
                best = m
        if best is not None:
            found.append(best)
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
        if view.lower(cursor - 1) == "," and len(out) < 2:
            break  # "the rebel group, FDD": a comma alone is apposition; lists end in "and"
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
        after = view.mention_end[id(m)]
        if view.lower(end) == "," and not (after < view.end and view.lower(after) in {"and", ",", "or"}):
            break  # "The main rebel group, Forces for Defence ...": apposition, not a list
        out.append(m)
        end = view.mention_end[id(m)]
    return tuple(out)


_REPORTING = frozenset({"said", "says", "say", "reported", "reports", "told", "according", "quoted", "witnesses", "sources"})


def _reporting_between(view: SentenceView, anchor: int, place: int) -> bool:
    """Is the place in a reporting clause apart from the event ("..., officials in Nairobi said")?"""
    if place < anchor:
        return any(view.lower(k) in _REPORTING for k in range(place, anchor))
    commas = [k for k in range(anchor, place) if view.lower(k) == ","]
    return bool(commas) and any(view.lower(k) in _REPORTING for k in range(commas[-1], view.end))


def _place_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """A target of last resort: the country where the event happens ("lifted a curfew in Montenegro")."""
    # the source's own country counts too: PLOVER codes "lifted the curfew in West Darfur" SDN→SDN
    # ... but not one in the reporting clause: "killing 20 people, relief officials in Nairobi said"
    places = [(i, m) for i, ms in view.mentions_at.items() for m in ms if m.role is MentionRole.PLACE and not _reporting_between(view, match.anchor, i)]
    if not places:
        return ()
    after = [p for p in places if p[0] >= match.anchor]
    i, m = min(after or places, key=lambda p: abs(p[0] - match.anchor))
    return (m,)


_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Subjects that are an attack or a weapon rather than an actor ("a car bomb killed", "US drone
# strikes killed"), with the CAMEO code the weapon gives a generic killing or attack (None: keep it).
_ATTACK_NOUNS: dict[str, str | None] = {
    "bombing": "183", "bomb": "183", "explosion": "183", "blast": "183",
    "airstrike": "195", "strike": "195", "drone": "195",
    "shelling": "194", "shell": "194", "rocket": "194", "barrage": "194", "artillery": "194",
    "attack": None, "raid": None, "ambush": None, "mine": None, "missile": None, "grenade": None, "gunfire": None,
    "fire": None, "offensive": None, "assault": None,
}
_BOMBINGS = {"suicide": "1831", "car": "1832", "roadside": "1833"}  # CAMEO 183's sub-codes by the bomb's kind


def _attack_owner(view: SentenceView, anchor: Token, targets: tuple[ActorMention, ...]) -> tuple[tuple[ActorMention, ...], str | None]:
    """The actor inside an attack-noun subject ("US Predator attacks"), else the place in it
    ("a bombing near the town of Samarra"); and the CAMEO code its weapon implies."""
    subject = next((c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in _ATTACK_NOUNS:
        return (), None
    inside = [m for i, ms in view.mentions_at.items() for m in ms if subject.left_edge.i <= i <= subject.right_edge.i and m not in targets]
    inside.sort(key=lambda m: m.role is MentionRole.PLACE)
    code = _ATTACK_NOUNS[subject.lemma_.lower()]
    if code == "183":
        kinds = [_BOMBINGS[w.lower_] for w in subject.lefts if w.lower_ in _BOMBINGS]
        code = kinds[0] if kinds else code
    return tuple(inside[:1]), code


_TROOPS = frozenset({"troops", "soldiers", "forces", "peacekeepers", "contingent", "battalion", "battalions", "units", "marines", "paratroopers"})


def _is_troops(mention: ActorMention) -> bool:
    words = mention.span.text.lower().split()
    return bool(words) and words[-1] in _TROOPS


def _peacekeeping(doc: Doc, sent: DocSpan, mention: ActorMention) -> bool:
    before = doc.text[max(sent.start_char, mention.span.start - 30) : mention.span.end].lower()
    return "peacekeep" in before


_STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})


def _is_self(source: ActorMention, target: ActorMention) -> bool:
    """"Russia's ministry said its fleet ...": a possessive of the source itself; one entity chain; a
    state acting on its own government ("Iranian missile strike ... on Tehran": IRN -> IRNGOV)."""
    if same_actor(source, target) or (source.entity is not None and source.entity == target.entity):
        return True
    if target.found_by in {MentionSource.PRONOUN, MentionSource.DEFINITE} and target.actor.country == source.actor.country:
        return True
    country = source.actor.country
    if target.role is MentionRole.PLACE:
        return False  # "imposed a curfew in Cizre": a domestic act takes its place's country as target (PLOVER's convention)
    if country is None or country != target.actor.country or source.actor.code != country:
        return False
    # the state acting on its own organ ("Iranian missile strike ... on Tehran"); an organ acting on its country
    # ("promised to democratize Serbia") is a domestic event, and a legislator or the opposition on its government a dyad
    return (target.actor.sector or "GOV")[:3] in _STATE_ORGANS


def _others(sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """The targets, unless every one is a source itself."""
    return () if sources and targets and all(_is_self(s, t) for s in sources for t in targets) else targets


def _confidence(match: PatternMatch, source: ActorMention, target: ActorMention | None, by_parse: bool, modality: str) -> float:
    score = 0.45 + 0.08 * min(match.pattern.specificity, 4)
    if by_parse:
        score += 0.08
    if target is None:
        score -= 0.1
    if source.found_by is MentionSource.PRONOUN or (target is not None and target.found_by is MentionSource.PRONOUN):
        score -= 0.08
    if modality != "fact":
        score -= 0.05
    return round(max(0.05, min(score, 0.97)), 2)


_PREPOSITIONS = frozenset({"of", "to", "with", "between", "from", "against", "on", "for", "in", "at", "after", "before", "during", "since", "under", "amid", "over", "by", "about", "despite",
                           "following", "into", "through", "throughout", "across", "within", "without", "toward", "towards", "like", "including", "upon"})
_NOUN_MODIFIERS = frozenset({"the", "a", "an", "new", "fresh", "further", "more", "its", "their", "his", "her", "renewed", "repeated", "tough", "harsh"})


# verbs whose subject comments on, suffers or handles an event noun rather than performing it:
# "condemned the attack on Armenia", "faces the threat of rockets", "discussed the invasion"
_BYSTANDER_VERBS = frozenset({
    "condemn", "denounce", "deplore", "decry", "criticize", "criticise", "slam", "blast", "protest", "welcome", "praise",
    "hail", "applaud", "oppose", "deny", "discuss", "debate", "consider", "face", "fear", "counter", "combat", "fight",
    "investigate", "probe", "report", "describe", "witness", "see", "watch", "monitor", "follow", "link", "blame", "cite",
    "mention", "recall", "remember", "mark", "commemorate", "ignore", "dismiss", "downplay", "survive", "suffer",
    "endure", "escape", "prevent", "avert", "avoid", "thwart", "foil", "repel", "repulse", "expect", "predict",
    "anticipate", "shatter", "destroy", "defuse", "mourn", "regret", "question", "doubt", "study", "review",
    "assess", "analyse", "analyze", "document", "track", "cover", "survey", "address", "tackle", "confront", "resist",
    "shelve", "drop", "abandon", "scrap", "cancel", "postpone", "delay",
})


_LIGHT_VERBS = frozenset(
    {("in", w) for w in ("engaged", "engage", "engages", "engaging", "involved", "participated", "participate", "participates", "part")}
    | {("of", w) for w in ("guilty", "culpable")} | {("for", w) for w in ("responsible",)}
)


def _noun_source(view: SentenceView, match: PatternMatch, targets: tuple[ActorMention, ...], in_quote: bool, quoted: list[tuple[int, int]]) -> tuple[ActorMention, ...]:
    """The source of a nominal event: its possessor or adjacent modifier ("Russia's invasion",
    "Western sanctions"), else the subject of the verb it is the object of ("repeated threats").
    A noun after a preposition ("after the meeting", "under threat from") has no other source."""
    i = match.start - 1
    while i >= view.start and (view.lower(i) in _NOUN_MODIFIERS | {"'s", "’s", "'", "’"} or view.doc[i].tag_ in {"JJ", "JJR", "JJS"}) and i not in view.mentions_at:
        i -= 1  # "in ethnic riots", "at the fourth round of talks"
    owner = [m for j, ms in view.mentions_at.items() for m in ms if view.mention_end[id(m)] in (i + 1, match.start) and m not in targets]
    if owner:
        return (owner[-1],)
    if i > view.start and (view.lower(i), view.lower(i - 1)) in _LIGHT_VERBS:
        i -= 1  # "were engaged in ethnic cleansing", "are guilty of violating": the subject does it
    elif i < view.start or view.lower(i) in _PREPOSITIONS or view.doc[i].is_punct:
        return ()
    elif view.doc[i].pos_ == "VERB" and view.doc[i].lemma_.lower() in _BYSTANDER_VERBS:
        return ()  # "condemned the attack on Armenia", "faces the threat of rockets": not the subject's own act
    return tuple(subject_by_position(view, i + 1, targets, in_quote, quoted))


_SUBORDINATORS = frozenset({"if", "unless", "because", "whereas", "although", "though", "as", "while", "when", "where", "which", "who", "whom"})


def _object_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...], code: str) -> tuple[ActorMention, ...]:
    """For a pattern with no target slot: a mention inside the match ("purchases of Russian oil")
    or right after it ("threats to freeze their membership"). A threat with no party of its own
    is aimed at the party of its condition ("threatened to stop talks if the United States ...")."""
    own = {(s.actor.code, s.actor.name) for s in sources} | {s.actor.country for s in sources}

    def foreign(m: ActorMention) -> bool:
        # "strengthened its forces": a pronoun of the source itself is no target
        return m not in sources and (m.actor.code, m.actor.name) not in own and not (m.found_by is MentionSource.PRONOUN and m.actor.country in own)

    inside = tuple(m for i in range(match.anchor + 1, match.end) for m in view.mentions_at.get(i, ()) if foreign(m))
    if inside:
        return inside[:1]
    # an appeal, intention, concession, demand, refusal, threat or protest names its addressee later in the clause:
    # "promised to continue aid to Mozambique", "threatened to cut off electricity to Nakhichevan",
    # "demanding political autonomy from Serbian authorities", "in protest against abuses by the security forces"
    reach = 12 if match.pattern.code[:2] in {"02", "03", "08", "10", "12", "13", "14"} else 5
    limit = min(view.end, match.end + reach)
    placed = False
    i = match.end
    while i < limit:
        token = view.doc[i]
        if token.is_punct and token.text not in {"“", "”", "\""} and not (token.text == "-" and not view.doc[i - 1].whitespace_):
            break  # an in-word hyphen ("war-torn") does not end the clause
        if view.lower(i) in _SUBORDINATORS and (view.lower(i) != "as" or view.doc[i].dep_ == "mark"):
            if code[:2] == "13" and view.lower(i) in {"if", "unless"} and not placed and limit < match.end + 2 * reach:
                limit = min(view.end, i + reach)  # "threatened to hold a strike unless Israel rescinded ..."
                i += 1
                continue
            break  # "threatened to ban voting in Jerusalem if Hamas ran": the place is the target, Hamas is in another clause
        placed = placed or any(m.role is MentionRole.PLACE for m in view.mentions_at.get(i, ()))
        for m in view.mentions_at.get(i, ()):
            if foreign(m) and m.role is not MentionRole.PLACE:
                # the whole coordination: "to Iran, Libya, North Korea and Sudan"
                chains = mentions_from(view, i)
                listed = tuple(n for n in chains[0][0] if foreign(n) and n.role is not MentionRole.PLACE) if chains and m in chains[0][0] else ()
                return listed or (m,)
        i += 1
    return ()


def _one_party(a: ActorMention, b: ActorMention) -> bool:
    """Two mentions of one party: the same code, or one country with no sector apart ("his Russian
    counterpart, Sergei Lavrov"); a government and its rebels are two parties."""
    if a.actor.code == b.actor.code:
        return True
    return a.actor.country is not None and a.actor.country == b.actor.country and (a.actor.sector is None or b.actor.sector is None or a.actor.sector == b.actor.sector)


_MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})  # agree, consult, cooperate, fight: acts two parties do to each other
_THIRD_PARTY = ("045",)  # mediation is done by two parties to others


def _mutual(code: str) -> bool:
    return code[:2] in _MUTUAL_ROOTS and not code.startswith(_THIRD_PARTY)


def _each_other(sources: tuple[ActorMention, ...]) -> list[tuple[ActorMention, ActorMention | None]]:
    return [(a, b) for a in sources for b in sources if a is not b and not _one_party(a, b)]


def _pairs(match: PatternMatch, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...]) -> Sequence[tuple[ActorMention, ActorMention | None]]:
    if "reciprocal" in match.pattern.flags:
        if targets:
            return [(a, b) for a in sources for b in targets] + [(b, a) for a in sources for b in targets]
        # "X and Y met": a reciprocal event needs two parties ("his Russian counterpart, Sergei Lavrov" is one)
        return _each_other(sources)
    if not targets and len({(s.actor.code, s.actor.country) for s in sources}) == 2 and _mutual(match.pattern.code):
        # "the United States and Jordan agreed", "X and Y signed a treaty": two coordinated parties with no
        # other named party act on each other (a longer list is a group acting together, not dyads)
        return _each_other(sources)
    return [(a, b) for a in sources for b in (targets or (None,))]


@dataclass(frozen=True, slots=True)
class CodeReading:
    """What a pattern match says happened, before any actor is attached."""

    cameo: str
    rule: str
    confidence: float
    evidence: Span


_ALLEGING = frozenset({"accuse", "charge", "suspect", "allege"})


_REJECTING = frozenset({"reject", "dismiss", "rebuff", "spurn"})
_NOUN_PHRASE_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NNP", "NNPS", "CD", "HYPH", "POS", "PRP$", "RB"})


def _object_of_rejection(doc: Doc, start: int, sent_start: int) -> bool:
    """Is the noun phrase at ``start`` the object of a rejecting verb ("rejected a fresh US offer")?"""
    for k in range(start - 1, max(sent_start, start - 6) - 1, -1):
        if doc[k].lemma_.lower() in _REJECTING and doc[k].tag_.startswith("VB"):
            return True
        if doc[k].tag_ not in _NOUN_PHRASE_TAGS:
            return False
    return False


def _inside_rejected_object(doc: Doc, anchor: int) -> bool:
    """By the parse: is the noun inside what a verb rejects or opposes ("rejected a US offer to host a
    summit for peace between ...", "is opposed to French mediation in peace negotiations with Syria")?"""
    token = doc[anchor]
    for _ in range(8):
        if token.head is token:
            return False
        token = token.head
        if token.lemma_.lower() in _REJECTING or token.lower_ in {"opposed", "oppose", "opposes", "opposing"}:
            return True
        if token.pos_ in {"VERB", "AUX"} and not (token.tag_ in {"VB", "VBG"} and token.dep_ in {"acl", "xcomp", "advcl"}):
            return False  # a finite clause of its own: "rejected claims that troops shelled the town"
    return False


def _reading_of(doc: Doc, match: PatternMatch, sent: DocSpan) -> ModalityReading:
    """The match's modality; a nominal event takes only negation, hypotheses and appeals
    ("under threat from sanctions" is no threat event)."""
    reading = read_modality(doc, match.anchor, sent.start, anchor_is_cue=False)
    cue = reading.cue_token
    before = match.start - 1
    if before > sent.start and doc[before].lower_ == "of" and any(doc[k].lemma_.lower() in _ALLEGING for k in range(max(sent.start, before - 5), before)):
        return ModalityReading("hypothetical", None)  # "accused Darfur rebels of violating the ceasefire": an allegation, coded as the accusation
    if "noun" in match.pattern.flags and reading.modality in {"refusal", "threat"} and cue is not None and cue + 1 < match.anchor and doc[cue + 1].lower_ == "to":
        # "refused to commit to any assistance to the US", "threatened to launch an offensive in its war with Iraq":
        # the noun is part of what was refused or threatened, which the verb's own match codes
        return ModalityReading("hypothetical", None)
    if ("noun" in match.pattern.flags and (_object_of_rejection(doc, match.start, sent.start) or _inside_rejected_object(doc, match.anchor))) or (
        reading.modality == "appeal" and cue is not None and _object_of_rejection(doc, cue, sent.start)
    ):
        # "rejected a United Nations appeal for deploying troops", "rejected an Indian proposal": the appeal
        # or offer is what was rejected, coded by the rejection's own match
        return ModalityReading("hypothetical", None)
    if "noun" in match.pattern.flags and reading.modality not in {"fact", "negated", "hypothetical", "appeal"}:
        return ModalityReading("fact", None)
    if reading.modality == "intent" and any(t.lower_ == "unless" for t in doc[match.end : sent.end]):
        return ModalityReading("threat", reading.cue_token)  # "will withdraw its force unless ...": a conditional threat
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
        judged = _verdicts(doc, sent, view)
        ranges = [(v.start, v.end) for v in judged.values()] + [(m.span.start, m.span.end) for ms in view.mentions_at.values() for m in ms]
        for match in best_matches(view, resources.patterns):
            if "noun" in match.pattern.flags and any(s <= doc[match.anchor].idx < e for s, e in ranges):
                # "called Putin a threat to the United States": the noun is the verdict's content, not Putin's act;
                # "Liberian riot police", "the war crimes court": a noun inside an actor's name is no event
                continue
            if match.pattern.code.startswith("04") and match.anchor in judged:
                continue  # "called Iran's government a brutal regime" is a verdict (events/speech.py), not a phone call
            for event in _events_of_match(doc, article, sent, view, match, quotes, quoted, has_parse, resources, date_of, place_of):
                key = _key(event)
                old = merged.get(key)
                if old is None:
                    merged[key] = event
                elif event.evidence[0] not in old.evidence:
                    better = event if old.assertion not in EMITTED and event.assertion in EMITTED else old
                    merged[key] = replace(old, evidence=old.evidence + event.evidence, confidence=max(old.confidence, event.confidence),
                                          assertion=better.assertion, assertion_reason=better.assertion_reason)
    for act in _verbal_acts(doc, article, quotes, mentions, resources, words):
        spoken = _speech_event(doc, article, act, resources, date_of)
        if spoken is not None and _key(spoken) not in merged and not any(_same_dyad_root(spoken, e) for e in merged.values()):
            merged[_key(spoken)] = spoken
    aimed = aim_at_antecedents(doc, list(merged.values()), resources.event_nouns)
    kept = [e for e in _drop_subsumed(aimed)
            if (e.target is not None and not _is_self(e.source, e.target)) or (e.target is None and one_sided_allowed(e, resources.one_sided))]
    return tuple(sorted(kept, key=lambda e: (e.evidence[0].start, e.cameo)))


def one_sided_allowed(event: Event, policy: str) -> bool:
    """May this event stand without a target under ``events.one_sided`` ("none", "material", "all")?"""
    return policy == "all" or (policy == "material" and event.root not in _VERBAL_ROOTS)


def _key(event: Event) -> tuple[object, ...]:
    """One event per (source, target, code, date) in an article."""
    target = event.target.actor if event.target else None
    return (event.source.actor.code, event.source.actor.name, target.code if target else None, target.name if target else None, event.cameo, event.date)


def _verdicts(doc: Doc, sent: DocSpan, view: SentenceView) -> dict[int, Verdict]:
    """The sentence's verdicts ("called X a threat"), by the token of their verb."""
    inside = [m for ms in view.mentions_at.values() for m in ms]
    return {token.i: v for token in sent if (v := verdict_at(doc, token, inside)) is not None}


def _same_dyad_root(a: Event, b: Event) -> bool:
    """The same act read twice: a pattern already coded this speaker's criticism of this target."""
    return a.root == b.root and same_actor(a.source, b.source) and a.target is not None and b.target is not None and same_actor(a.target, b.target)


def _verbal_acts(doc: Doc, article: Article, quotes: tuple[Quote, ...], mentions: tuple[ActorMention, ...], resources: EventResources,
                 words: Sequence[str]) -> list[SpeechAct]:
    """Criticism, praise and appeals in reported speech and verdicts (events/speech.py)."""
    def subject_of(sent: DocSpan, token: Token) -> list[ActorMention]:
        return subject_by_parse(sentence_view(doc, sent, mentions, words), token)

    def spoken(cue: Token) -> bool:
        return read_assertion(doc, cue.i, resources.assertion).value in EMITTED | {"reported"}

    words_of = resources.assertion.words
    speech = words_of.get("report", frozenset()) | words_of.get("claim", frozenset())
    acts = speech_acts(doc, article, quotes, mentions, resources.polarity, speech, spoken)
    if doc.has_annotation("DEP"):
        acts += verdicts(doc, article, mentions, resources.polarity, subject_of)
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
        confidence=0.5, stage=STAGE, assertion="asserted", assertion_reason="a verbal act of its speaker",
    )


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """A generic "agreed to"/"is willing to" (030, no target) says nothing more than the event it
    introduces ("willing to help defend Saudi Arabia"): keep the specific one only. A demand that
    states a protest's purpose ("staged demonstrations to demand reforms") is part of the protest (14)."""
    kept: list[Event] = []
    addressee: dict[int, ActorMention] = {}
    for e in events:
        same = [o for o in events if o is not e and o.source.actor.code == e.source.actor.code and o.source.actor.name == e.source.actor.name]
        if e.target is None and e.cameo == "030" and any(abs(o.evidence[0].start - e.evidence[0].start) < 200 for o in same):
            continue
        if e.target is None and any(o.target is not None and (o.root == e.root or (o.plover and o.plover == e.plover)) and abs(o.evidence[0].start - e.evidence[0].start) < 200 for o in same):
            # "threatened ... issued an ultimatum to Ecuador", "shelled Juba ..., killing about 20 people":
            # the targeted event of the same root or PLOVER type says it all
            continue
        protests = [o for o in same if o.root == "14" and o.evidence[0].start <= e.evidence[0].start < o.evidence[0].end + 60]
        if e.root in {"02", "10"} and protests:
            for o in protests:  # the demand's addressee is the protest's target: "demonstrated calling for independence from Iraq"
                if e.target is not None and (e.target.actor.code or e.target.actor.country) and (o.target is None or o.target.role is MentionRole.PLACE):
                    addressee.setdefault(id(o), e.target)
            continue
        kept.append(e)
    return [replace(e, target=addressee[id(e)]) if id(e) in addressee else e for e in kept]


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
    hypothetical = code is None and reading.modality in {"hypothetical", "negated"} and resources.emit_unasserted
    if hypothetical:
        code = match.pattern.code  # kept visible with its assertion ("possible"), never emitted by default
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
            # "a camp for Congolese refugees was attacked by Burundian militiamen": the actor inside the
            # subject is the target when the agent is named
            agent = _by_agent(view, match)
            inner = [m for i, ms in view.mentions_at.items() for m in ms if i < match.start and view.mention_end[id(m)] <= match.start]
            inner.sort(key=lambda m: view.mention_end[id(m)])
            if agent is None or not inner or any(view.lower(i) not in _PASSIVE_BRIDGE for i in range(view.mention_end[id(inner[-1])], match.start)):
                return []
            subjects = (inner[-1],)
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
    weapon = False
    if not sources and not passive and has_parse and code[:2] in _VIOLENT_ROOTS:
        # "a roadside bombing near Samarra killed one U.S. soldier": the attack's owner, else its place
        sources, weapon_code = _attack_owner(view, doc[match.anchor], targets)
        weapon = bool(sources)
        if weapon and weapon_code and code in {"180", "190"}:
            code = weapon_code  # "a roadside bombing killed": 1833, not a generic killing
    if not passive and not weapon:  # "was arrested in Lebanon": the place stands for its authorities
        sources = tuple(m for m in sources if m.role is not MentionRole.PLACE)
    if not sources:
        return []
    if not passive and not weapon:
        sources = tuple(m for m in _with_conjuncts(view, sources, targets) if m.role is not MentionRole.PLACE)
    if not targets and "reciprocal" not in match.pattern.flags:
        targets = _others(sources, _object_target(view, match, sources, code))
    # a material act, or the stated intention of one ("agreed to postpone the demonstration in Baku"), happens somewhere
    material = int(code[:2]) >= 6 or (code.startswith("03") and int(match.pattern.code[:2]) >= 6)
    if not targets and "reciprocal" not in match.pattern.flags and material:
        # "Israel threatened to ban voting in Jerusalem": no other party, still an event
        targets = _others(sources, _place_target(view, match, sources))
    if code.startswith("01") and (not targets or all(t.actor.sector == "MED" or (t.possessive and t.actor.kind == "person") for t in targets)):
        return []  # a statement with no addressee (or to the press) is not a dyadic event
    if code == "042" and all(_is_troops(s) for s in sources):
        # "Bangladeshi peacekeeping troops arrived in Sierra Leone": a deployment, not a visit
        code = "074" if any(_peacekeeping(doc, sent, s) for s in sources) else "154"
    pairs = _pairs(match, sources, targets)
    entry = resources.cameo.get(code)
    evidence_start = min([doc[match.start].idx] + [s.span.start for s, _ in pairs])
    last = doc[match.end - 1]
    evidence_end = max([last.idx + len(last.text)] + [t.span.end for _, t in pairs if t is not None])
    evidence = Span(article.id, evidence_start, evidence_end, article.text[evidence_start:evidence_end])
    dated = date_of(sent, anchor_char) if date_of else None
    when = dated or article.date
    status = act_assertion(doc, view, match.anchor, match.pattern.code, sources, quote, dated, article.date, resources.assertion)
    if hypothetical and status.emitted:
        status = AssertionReading("negated" if reading.modality == "negated" else "possible", reading.cue_token, f"{reading.modality} cue")
    if not status.emitted and not resources.emit_unasserted:
        return []
    # "Iran sold drones to Russia": a party to the event is not where it happens
    own = [(m.span.start, m.span.end) for s, t in pairs for m in (s, t) if m is not None]
    where = place_of(sent, anchor_char, own, code, sources[0].actor.country) if place_of else None
    rule = match.pattern.id if reading.modality == "fact" else f"{match.pattern.id}+{reading.modality}"
    events = []
    for source, target in pairs:
        if source.actor.code is None and source.actor.country is None:
            continue
        if target is not None and _is_self(source, target):
            continue
        events.append(Event(
            source=source, target=target, cameo=code, root=code[:2], plover=resources.cameo.plover_for(code, match.pattern.id, reading.modality == "fact"),
            goldstein=entry.goldstein, quad_class=entry.quad_class, date=when, place=where, evidence=(evidence,), rule=rule,
            confidence=_confidence(match, source, target, by_parse, reading.modality), stage=STAGE,
            assertion=status.value, assertion_reason=status.reason,
        ))
    return events
