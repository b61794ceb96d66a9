"""Who is the source of an event: the subject by the parse, or a positional fallback; the agent of a
passive, the owner of a nominal event or of an attack noun, and the parties coordinated with it."""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.events.matcher import PatternMatch, SentenceView
from dragoman.events.policy import CodingPolicy, weapon_code
from dragoman.events.protests import civilians
from dragoman.events.words import EventWords
from dragoman.ranges import Ranges
from dragoman.records import ActorMention, MentionRole, MentionSource, Span

_OBLIQUE_MARKERS = frozenset(
    {"of", "to", "with", "between", "from", "against", "on", "for", "in", "at", "into", "by", "about", "over", "among", "toward", "towards", "than", "as", "like", "under", "joining", "near",
     "throughout", "across", "inside", "outside", "within", "around", "beyond", "along"}
)
_COORD = frozenset({"and", ",", "or"})
_APPOSITION = frozenset({"appos"})
_SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "because", "since", "although", "though", "whereas"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "acl:relcl", "ccomp"})  # ClearNLP and UD labels
# Heads that stand for the actor in their "of" phrase: "a group of Moroccan diplomats",
# "tens of thousands of students", "leaders of the opposition coalition" act as that actor.
PARTITIVES = frozenset({
    "group", "groups", "number", "numbers", "tens", "hundreds", "thousands", "millions", "dozens", "scores", "dozen",
    "member", "members", "leader", "leaders", "leadership", "official", "officials", "representative", "delegate", "delegates", "delegation", "delegations", "representatives", "envoys", "team", "contingent",
    "units", "unit", "part", "majority", "some", "many", "most", "all", "half", "third", "rest", "handful", "several",
    "patch", "batch", "deployment", "detachment", "convoy", "wave",
    # kin: "the father of a Jordanian [pilot]", "families of the victims" speak and act for their own
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "family", "families", "relatives", "parents",
})


def _inside_modifier(token: Token, head: Token, deps: frozenset[str] = frozenset({"pobj", "prep", "relcl", "acl", "nmod"})) -> bool:
    """Is ``token`` inside a prepositional or clausal modifier of ``head`` ("sides of ... Cyprus")?"""
    t = token
    for _ in range(50):  # tokens are views: compare positions, never identities
        if t.i == head.i or t.head.i == t.i:
            return False
        if t.dep_ in deps:
            return True
        t = t.head
    return False


def _mentions_in(view: SentenceView, token: Token) -> list[ActorMention]:
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    out = []
    for i in range(lo, hi):
        for m in view.mentions_at.get(i, ()):
            if view.mention_end[id(m)] <= hi and not _inside_modifier(view.doc[i], token):
                out.append(m)
    # Prefer the mention covering the subject's head word, then the rest (coordination).
    out.sort(key=lambda m: 0 if token.idx >= m.span.start and token.idx < m.span.end else 1)
    if out and out[0].actor.country and token.idx >= out[0].span.start and token.idx < out[0].span.end:
        # "Turkey, a NATO member, condemned": an apposition describes the subject, it is no second actor
        out = [m for m in out if not _in_apposition(view, m, token)]
    return out


def _in_apposition(view: SentenceView, mention: ActorMention, head: Token) -> bool:
    """Is the mention a modifier inside an apposition of the subject ("Turkey, a [NATO] member,")?
    An apposition that names the actor itself ("the rebel group, [FDD],") is kept."""
    at = view.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if at is None:
        return False
    t = at[0]
    for _ in range(50):
        if t.i == head.i or t.head.i == t.i:
            return False
        if t.dep_ in _APPOSITION:
            return not mention.span.start <= t.idx < mention.span.end
        t = t.head
    return False


def _partitive_object(view: SentenceView, token: Token) -> Token:
    """The actor a partitive head stands for: "a group of [Moroccan diplomats]"; repeated for
    "tens of thousands of [students]"."""
    for _ in range(3):
        if token.i in view.mentions_at or (token.lower_ not in PARTITIVES and not token.like_num):
            break
        # ClearNLP labels ("of" prep → pobj) or UD labels (nmod with its "of" case marker)
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        objects += [c for c in token.children if c.dep_ == "nmod" and c.i > token.i and any(k.dep_ == "case" and k.lower_ == "of" for k in c.children)]
        if not objects:
            break
        token = objects[0]
    return token


def subject_by_parse(view: SentenceView, anchor: Token) -> list[ActorMention]:
    """The anchor's grammatical subject, climbing xcomp/conj chains ("refused to join"), never out of
    a subordinate clause that has a subject of its own."""
    if anchor.tag_ == "VBG" and anchor.i > view.start and view.lower(anchor.i - 1) == "," and not any(c.dep_ in _SUBJECT_DEPS for c in anchor.children):
        # ", urging the counterpart to ...": a participle after a comma says more of the clause it follows
        main = next((a for a in anchor.ancestors if a.pos_ in {"VERB", "AUX"} and a.i < anchor.i and any(c.dep_ in _SUBJECT_DEPS for c in a.children)), None)
        if main is not None:
            anchor = main
    if anchor.i - 2 >= view.start and view.lower(anchor.i - 1) == "to" and view.lower(anchor.i - 2) in _RESOLVE_NOUNS:
        # "condemned the West's readiness to lift the embargo" even when "to lift" is attached to the verb
        found = possessor(view, view.doc[anchor.i - 2])
        if found:
            return _group_of(view, view.doc[anchor.i - 2], found) or found
    verb = anchor
    boundary = next((i for i in range(anchor.i - 1, view.start, -1) if _opens_subordinate_clause(view, i, anchor.i)), None)
    for _ in range(4):
        if verb.dep_ in {"acl", "xcomp"} and verb.head.lower_ in _RESOLVE_NOUNS and verb.head.i < verb.i:
            # "the West's readiness to lift the embargo", "Russia's decision to withdraw": the possessor acts
            found = possessor(view, verb.head)
            if found:
                # "X, Y and Z met to underscore their commitment to exert pressure": "their" is the coordinated subject
                return _group_of(view, verb.head, found) or found
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if boundary is not None and (verb.i < boundary or any(c.i < boundary for c in subjects)):
            return []
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        agents += [c for c in verb.children if c.dep_ == "obl:agent"]  # UD: the agent noun itself
        if agents:
            found = _mentions_in(view, agents[0])
            if found:
                return found
        if subjects:
            found = _mentions_in(view, _partitive_object(view, subjects[0]))
            return found
        if verb.dep_ in {"acl", "relcl", "acl:relcl"} and verb.tag_ in {"VBD", "VBZ", "VBP"}:
            # a finite verb parsed as a clause on a noun ("as the opposition threatened"): the noun is its subject
            found = [m for m in _mentions_in(view, verb.head) if view.mention_end[id(m)] == verb.i]
            if found:
                return found
            if verb.head.dep_ in {"ROOT", "nsubj", "nsubj:pass"} and verb.head.pos_ in {"PROPN", "NOUN"} and not any(c.tag_ in _RELATIVE_TAGS for c in verb.children):
                # "James Mattis, picked by Trump to lead the Pentagon, called Putin ..., described ...": a finite
                # verb hung on the sentence's subject (or on a noun root) with no relative pronoun is its predicate
                found = [m for m in _mentions_in(view, verb.head) if m.span.start <= verb.head.idx < m.span.end]
                if found:
                    return found
        if verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in _OBJECT_CONTROL:
            # object control: "making Netanyahu less willing to agree", "urged Iran to stop": the head's object
            controller = [c for c in verb.head.children if c.dep_ in {"obj", "dobj"} and c.i < verb.i]
            found = _mentions_in(view, controller[0]) if controller else []
            if found:
                return found
        if verb.dep_ in _CLIMB_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return []


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})  # "who", "which", "whose", "where": a true relative clause


# nouns of resolve whose possessor does what follows: "the West's readiness to lift", "Serbia's refusal to recognize"
_RESOLVE_NOUNS = frozenset({
    "decision", "readiness", "willingness", "plan", "plans", "offer", "refusal", "threat", "bid", "attempt", "attempts",
    "determination", "intention", "promise", "pledge", "commitment", "move", "effort", "efforts", "failure", "proposal",
})


def _group_of(view: SentenceView, noun: Token, owners: list[ActorMention]) -> list[ActorMention]:
    """For a "their" that owns ``noun``: the coordinated subject (two or more actors) of the nearest clause above
    it, which the plural pronoun stands for; empty when there is none."""
    if len(owners) != 1 or owners[0].found_by is not MentionSource.PRONOUN:
        return []
    owner_token = next((c for c in noun.children if c.dep_ in {"nmod:poss", "poss"}), None)
    if owner_token is None or owner_token.lower_ != "their":
        return []
    for verb in noun.ancestors:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            group = _mentions_in(view, subjects[0])
            group = list(with_conjuncts(view, tuple(group), ())) if len(group) == 1 else group
            return group if len({(m.actor.code, m.actor.country) for m in group}) >= 2 else []
    return []


def possessor(view: SentenceView, noun: Token) -> list[ActorMention]:
    """The mentions of a noun's possessor ("the West's" readiness), if it has one."""
    owners = [c for c in noun.children if c.dep_ in {"nmod:poss", "poss"}]
    return _mentions_in(view, owners[0]) if owners else []


# verbs whose object, not their subject, does what their complement says: "making Netanyahu less willing to agree"
_OBJECT_CONTROL = frozenset({"make", "force", "compel", "persuade", "convince", "prompt", "lead", "leave", "render", "get", "help", "enable", "allow", "permit"})


# "the government of X": X's own apparatus, which X's actor code stands for
_GOVERNED_BY = frozenset({"government", "regime", "administration", "cabinet", "junta", "forces", "army", "troops", "police"})


def _mention_ends_at(view: SentenceView, end: int) -> bool:
    """Does a mention end right before token ``end`` ("the Government of Iraq": "Government" is one)?"""
    return any(view.mention_end[id(m)] == end for ms in view.mentions_at.values() for m in ms)


def _oblique(view: SentenceView, mention: ActorMention, start_token: int, previous_end: int | None, oblique_before: bool) -> bool:
    """Is the mention the object of a preposition ("between Russia"), or coordinated with one
    ("between Russia and Ukraine")? A comma coordinates only inside a list ("X, Y and Z")."""
    prev = start_token - 1
    while prev >= view.start and view.lower(prev) in {"the", "a", "an", "both"}:
        prev -= 1
    if prev < view.start:
        return False
    word = view.lower(prev)
    if word == "of" and prev > view.start and (view.lower(prev - 1) in PARTITIVES or view.doc[prev - 1].like_num):
        return False  # "a group of Moroccan diplomats": the group is that actor
    if word == "of" and prev > view.start and view.lower(prev - 1) in _GOVERNED_BY and not _mention_ends_at(view, prev):
        # "the military government of President Avril": Avril's government acts (not "an attack on the forces of X")
        head = prev - 2
        while head >= view.start and (view.lower(head) in {"the", "a", "an"} or view.doc[head].tag_ == "JJ"):
            head -= 1
        return head >= view.start and view.lower(head) in _OBLIQUE_MARKERS
    if word in _OBLIQUE_MARKERS:
        return True
    if not oblique_before or previous_end != prev:
        return False
    if word in {"and", "or"}:
        return True
    if word == ",":
        after = view.mention_end[id(mention)]
        return after < view.end and view.lower(after) in {"and", "or", ","}
    return False


def subject_by_position(view: SentenceView, anchor: int, exclude: tuple[ActorMention, ...], in_quote: bool, quoted: Ranges[tuple[int, int]]) -> list[ActorMention]:
    """Nearest mention before the anchor that is not the object of a preposition.
    After a relative pronoun ("Joe Biden, who declared"), the relative clause's antecedent."""
    rel = anchor - 1
    while rel > view.start and view.lower(rel) in {"also", "later", "then", "has", "have", "had", "repeatedly", "previously", "publicly"}:
        rel -= 1
    if rel > view.start and view.lower(rel) in {"who", "which", "that"}:
        before = rel - 1 if view.lower(rel - 1) != "," else rel - 2
        owner = [m for ms in view.mentions_at.values() for m in ms if view.mention_end[id(m)] == before + 1]
        # "a mechanism that provides aid": the subject is the clause's antecedent, here no actor
        return owner[-1:]
    ordered: list[tuple[int, ActorMention]] = sorted(
        ((i, m) for i, ms in view.mentions_at.items() for m in ms if view.start <= i < anchor), key=lambda p: p[0]
    )
    boundary = _clause_start(view, anchor)
    oblique_flags: list[bool] = []
    previous = False
    previous_end: int | None = None
    for i, m in ordered:
        # "as Armenia and Azerbaijan accuse": right after the subordinator that opens the clause, the subject
        previous = _oblique(view, m, i, previous_end, previous) and not (boundary is not None and i == boundary + 1 and view.lower(boundary) in _SUBORDINATORS)
        previous_end = view.mention_end[id(m)]
        oblique_flags.append(previous)
    for (i, m), oblique in reversed(list(zip(ordered, oblique_flags))):
        if boundary is not None and i < boundary:
            break
        if m in exclude or oblique:
            continue
        inside = quoted.holds(m.span.start)
        if inside != in_quote:
            continue
        # a possessive ("his company") names its owner: keep it as the source
        return [m]
    if boundary is not None and view.lower(boundary) in {"which", "who"} or boundary is not None and view.doc[boundary].tag_ == "WDT":
        # "Macedonia, which is preparing an offensive": the relative clause's antecedent
        before = boundary - 1 if view.lower(boundary - 1) != "," else boundary - 2
        return [m for ms in view.mentions_at.values() for m in ms if view.mention_end[id(m)] == before + 1 and m not in exclude][-1:]
    return []


def _clause_start(view: SentenceView, anchor: int) -> int | None:
    """The complementizer or relative pronoun that opens the anchor's clause ("said that X ...",
    "X, which is preparing ..."): the subject is inside that clause or is the antecedent."""
    for i in range(anchor - 1, view.start, -1):
        word = view.lower(i)
        if word in {"which", "who"} or (word == "that" and view.doc[i].tag_ in {"IN", "WDT"}):
            # "announced that it has called off": an unresolved pronoun subject stands for the speaker
            return None if word == "that" and i + 1 < view.end and view.lower(i + 1) in _PRONOUNS else i
        if _opens_subordinate_clause(view, i, anchor):
            return i
    return None


def _opens_subordinate_clause(view: SentenceView, i: int, anchor: int) -> bool:
    """"..., as the leaders of the two countries sought to ease tension", "as Armenia and Azerbaijan
    accuse each other": a subordinator with a noun subject of its own opens the anchor's clause (not "X, as the largest donor, pledged": an aside)."""
    return (
        view.lower(i) in _SUBORDINATORS
        and i + 1 < anchor
        and (view.lower(i + 1) in {"the", "a", "an"} or (i + 1 in view.mentions_at and view.doc[i + 1].pos_ == "PROPN"))
        and not any(view.doc[k].is_punct for k in range(i + 1, anchor))
    )


def by_agent(view: SentenceView, match: PatternMatch) -> ActorMention | None:
    """The actor of a "by" phrase after a passive verb ("was attacked by Russian forces")."""
    for i in range(match.end, min(view.end, match.end + 8)):
        if view.lower(i) == "by":
            for j in range(i + 1, min(view.end, i + 4)):
                if j in view.mentions_at:
                    return view.mentions_at[j][0]
            break
    return None


def passive_roles(view: SentenceView, match: PatternMatch, subjects: tuple[ActorMention, ...], policy: CodingPolicy) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """(sources, targets) of a passive event: the "by" agent (else, for a material act, the place of
    the event: "was arrested in Lebanon") acts on the grammatical subject. A passive verbal act with no
    agent ("Lebanon is expected to ...") has no known source, nor has a violent one ("was killed in Paris")."""
    agent = by_agent(view, match)
    if agent is not None:
        return (agent,), subjects
    if match.pattern.code[:2] in policy.verbal or match.pattern.code[:2] in policy.violent:
        # "had been killed since December": a killing in a place is not its authorities' act, as an arrest is
        return (), subjects
    # "was expelled from Ethiopia", "was arrested in Lebanon": the state the act happens in, named right after it
    named = tuple(m for i in range(match.end, min(view.end, match.end + 3)) if view.lower(i - 1) in {"from", "in"}
                  for m in view.mentions_at.get(i, ()) if m.actor.kind == "state" and m not in subjects)
    places = tuple(m for ms in view.mentions_at.values() for m in ms if m.role is MentionRole.PLACE and m not in subjects)
    return (named or places)[:1], subjects


def with_conjuncts(view: SentenceView, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
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
        if cursor > view.start and view.lower(cursor - 1) == "the":
            cursor -= 1  # "Bahrain, Sudan and the United Arab Emirates"
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


def attack_subject(view: SentenceView, anchor: Token) -> Token | None:
    """The subject of the anchor's clause; for a participle after a comma with none of its own, the
    subject of the clause it follows ("a missile struck a convoy, killing him": the missile)."""
    def subject_of(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "nsubj:pass"}), None)
    subject = subject_of(anchor)
    if subject is None and anchor.tag_ == "VBG" and anchor.i > view.start and view.lower(anchor.i - 1) == ",":
        # as subject_by_parse: the nearest governing verb before it that has a subject
        main = next((a for a in anchor.ancestors if a.pos_ in {"VERB", "AUX"} and a.i < anchor.i and subject_of(a) is not None), None)
        if main is not None:
            subject = subject_of(main)
    return subject


def attack_owner(view: SentenceView, anchor: Token, targets: tuple[ActorMention, ...], words: EventWords) -> tuple[tuple[ActorMention, ...], str | None]:
    """The actor inside an attack-noun subject ("US Predator attacks"), else the place in it
    ("a bombing near the town of Samarra"); and the CAMEO code its weapon implies."""
    subject = attack_subject(view, anchor)
    if subject is not None and subject.tag_ in {"WDT", "WP"}:
        # "the IS-claimed attacks in Tehran on June 7 that killed 17 people": the relative's antecedent, the
        # nearest attack noun before it (the parse often hangs the clause on a noun further up)
        doc = anchor.doc
        subject = next((doc[k] for k in range(subject.i - 1, max(view.start, subject.i - 9) - 1, -1)
                        if doc[k].lemma_.lower() in words.attack_nouns), None)
    if subject is None or subject.lemma_.lower() not in words.attack_nouns:
        return (), None
    # its owner stands before it ("IS-claimed attacks", "a Russian airstrike"); after it, only its place ("a bombing
    # near the town of Samarra"): "an attack on a mosque" names what was attacked, not who attacked
    inside = [m for i, ms in view.mentions_at.items() for m in ms if subject.left_edge.i <= i <= subject.right_edge.i and m not in targets
              and (i < subject.i or m.role is MentionRole.PLACE)]
    inside.sort(key=lambda m: m.role is MentionRole.PLACE)
    return tuple(inside[:1]), weapon_code(words, subject.lemma_.lower(), [w.lower_ for w in subject.lefts])


def noun_source(view: SentenceView, match: PatternMatch, targets: tuple[ActorMention, ...], in_quote: bool, quoted: Ranges[tuple[int, int]], words: EventWords) -> tuple[ActorMention, ...]:
    """The source of a nominal event: its possessor or adjacent modifier ("Russia's invasion",
    "Western sanctions"), else the subject of the verb it is the object of ("repeated threats").
    A noun after a preposition ("after the meeting", "under threat from") has no other source."""
    if _opening_occasion(view, view.doc[match.anchor], words):
        # "At a joint news conference alongside King Abdullah, Trump said ...": a sentence opened by the
        # occasion has its subject taking part in it
        root = next(a for a in view.doc[match.anchor].ancestors if a.dep_ == "ROOT")
        found = tuple(m for m in subject_by_parse(view, root) if m not in targets)
        return found or tuple(subject_by_position(view, root.i, targets, in_quote, quoted))
    i = match.start - 1
    while i >= view.start and (view.lower(i) in words.noun_modifiers | {"'s", "’s", "'", "’"} or view.doc[i].tag_ in {"JJ", "JJR", "JJS"}
                               or _in_compound_modifier(view, i)) and i not in view.mentions_at:
        i -= 1  # "in ethnic riots", "at the fourth round of talks", "for the three-nation alliance"
    owner = [m for j, ms in view.mentions_at.items() for m in ms if view.mention_end[id(m)] in (i + 1, match.start) and m not in targets]
    if owner:
        return (owner[-1],)
    if i > view.start and (view.lower(i), view.lower(i - 1)) in words.light_verbs:
        i -= 1  # "were engaged in ethnic cleansing", "are guilty of violating": the subject does it
    elif i < view.start or view.lower(i) in words.prepositions or view.doc[i].is_punct:
        return ()
    elif view.doc[i].pos_ == "VERB" and view.doc[i].lemma_.lower() in words.bystander_verbs:
        return ()  # "condemned the attack on Armenia", "faces the threat of rockets": not the subject's own act
    return tuple(subject_by_position(view, i + 1, targets, in_quote, quoted))


def _opening_occasion(view: SentenceView, noun: Token, words: EventWords) -> bool:
    """Is the event noun the object of the preposition that opens the sentence ("At a meeting with ...,",
    "During talks with ...,"), in a main clause with a verb?"""
    case = next((c for c in noun.children if c.dep_ == "case"), None)
    if case is None and noun.dep_ == "pobj":
        case = noun.head  # the other dependency style: the preposition heads its object
    if case is None or case.i != view.start or view.lower(case.i) not in words.taking_part:
        return False
    root = next((a for a in noun.ancestors if a.dep_ == "ROOT"), None)
    return root is not None and root.pos_ in {"VERB", "AUX"}


def _in_compound_modifier(view: SentenceView, i: int) -> bool:
    """Is token ``i`` part of a hyphenated or numeric modifier ("three-nation", "20-year")?"""
    doc = view.doc
    if doc[i].text in {"-", "–"} and i > view.start and not doc[i - 1].whitespace_:
        return True
    if i - 1 >= view.start and doc[i - 1].text in {"-", "–"} and not doc[i - 1].whitespace_:
        return True
    return i + 1 < view.end and doc[i + 1].text in {"-", "–"} and not doc[i].whitespace_


CROWD_RULE = "crowd.place"


def crowd_source(view: SentenceView, anchor: Token, words: EventWords, places: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """The source of a protest whose subject is a crowd with no country of its own ("an estimated 80,000
    people rallied in London", "hundreds of mostly American expatriates marched through Tokyo"): the
    civilians (CVL) of the country where it protests, the place the sentence names (``places``)."""
    subjects = [c for c in anchor.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and anchor.dep_ == "acl" and anchor.head.dep_ == "ROOT" and anchor.head.pos_ == "NOUN":
        subjects = [anchor.head]  # "80,000 people rallied in London" parsed as a noun with a participle
    if not subjects or not places or places[0].actor.country is None:
        return ()
    head = _partitive_object(view, subjects[0])
    if not {head.lower_, head.lemma_.lower(), subjects[0].lower_, subjects[0].lemma_.lower()} & words.crowds:
        return ()
    doc = view.doc
    left, right = subjects[0].left_edge, subjects[0] if subjects[0].dep_ == "ROOT" else subjects[0].right_edge
    span = Span(places[0].span.doc_id, left.idx, right.idx + len(right.text), doc[left.i : right.i + 1].text)  # (not doc.text: the whole text again)
    # the events stage does not rename actors, and an ISO code is no name
    return (civilians(places[0], span, places[0].actor.name or places[0].actor.country or "", CROWD_RULE),)
