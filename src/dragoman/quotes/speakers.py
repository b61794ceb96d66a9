"""Find the speaker of a reporting cue: its subject, an inverted subject, or a name.

The speaker is one of the actor mentions given by the actors stage, chosen at the
cue's subject position (from the dependency parse when the doc has one, otherwise by
token rules). Where no mention sits there but a capitalised name does, a person
mention is built (rule ``quote.unknown-person``). Pronouns the actors stage did not
resolve stay unresolved: nothing is guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from dragoman.quotes.cues import CueLexicon
from dragoman.knowledge import time_words
from dragoman.quotes.descriptions import description_after, description_before
from dragoman.ranges import Ranges
from dragoman.records import Actor, ActorMention, Article, MentionRole, MentionSource, Span

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_SKIP_BEFORE_CUE = frozenset(
    "also later then has have had was is were are would will could may might earlier previously recently "
    "n't not never once again just has've 'd 'll 's already still further even".split()
)
_APPOSITION_OPENERS = frozenset("who which whose whom a an the one whom former".split())
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "nsubj:pass", "csubj:pass"})  # ClearNLP and UD labels
_NOT_VERB_POS = frozenset({"NOUN", "ADJ", "NUM", "ADP", "DET"})
_NOT_NAMES = time_words("not_name")


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    """What speaker finding reads: the doc, its article, the mentions (in text order, and indexed
    by offset: :meth:`of`) and the cue lexicon."""

    doc: Doc
    article: Article
    mentions: tuple[ActorMention, ...]
    cues: CueLexicon
    titles: frozenset[str]
    stage: str
    by_offset: Ranges[ActorMention]
    token_starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, article: Article, mentions: Iterable[ActorMention], cues: CueLexicon, stage: str) -> SpeakerContext:
        ordered = tuple(sorted(mentions, key=lambda m: m.span.start))
        return cls(doc, article, ordered, cues, cues.titles, stage, Ranges(ordered, lambda m: (m.span.start, m.span.end)), tuple(t.idx for t in doc))

    def mentions_from(self, start: int, end: int) -> list[ActorMention]:
        """The mentions starting at or after ``start`` and before ``end``, in text order."""
        return self.by_offset.starting(start, end)

    def token_from(self, char: int) -> int:
        """The first token starting at or after ``char`` (the number of tokens if none)."""
        return bisect_left(self.token_starts, char)

    @property
    def has_parse(self) -> bool:
        return self.doc.has_annotation("DEP")


@dataclass(frozen=True, slots=True)
class SpeakerSlot:
    """What stands at a speaker position: a mention, or an unresolved pronoun token."""

    mention: ActorMention | None
    pronoun: Span | None = None

    @property
    def is_pronoun(self) -> bool:
        if self.pronoun is not None:
            return True
        m = self.mention
        return m is not None and (m.found_by is MentionSource.PRONOUN or m.span.text.lower() in PRONOUNS)


def is_cue_verb(ctx: SpeakerContext, token: Token) -> bool:
    """A reporting verb of the lexicon, unless the tagger calls it a noun or adjective
    ("secretary of state", "did not win any states", "a state official")."""
    if not ctx.cues.is_verb(token.lower_, token.lemma_):
        return False
    if not ctx.doc.has_annotation("TAG") or token.pos_ not in _NOT_VERB_POS:
        return True
    doc, i = ctx.doc, token.i
    after_subject = i > 0 and doc[i - 1].pos_ in {"PROPN", "PRON"}  # "“…,” Conway notes." mis-tagged
    before_noun = i + 1 < len(doc) and doc[i + 1].pos_ in {"PROPN", "NOUN", "ADJ"}
    return token.pos_ == "NOUN" and after_subject and not before_noun


def _mention_at(ctx: SpeakerContext, token: Token) -> ActorMention | None:
    """The best mention covering ``token``: persons first, then the longest."""
    start, end = token.idx, token.idx + len(token)
    hits = ctx.by_offset.overlapping(start, end)
    if not hits:
        return None
    return max(hits, key=lambda m: (m.actor.kind == "person", m.span.end - m.span.start))


def _is_name_token(token: Token, titles: frozenset[str]) -> bool:
    text = token.text
    if not text or not text[0].isupper() or text.lower() in PRONOUNS:
        return False
    return any(ch.isalpha() for ch in text)


def _not_a_name(token: Token) -> bool:
    """A capitalised word that is no name: a function word or an -ing form opening the
    sentence ("During", "What", "There", "Appearing before …")."""
    lower = token.lower_
    return token.is_stop or lower in _NOT_NAMES or (lower.endswith("ing") and token.is_sent_start is True)


def _name_mention(ctx: SpeakerContext, first: int, last: int) -> ActorMention | None:
    """A ``quote.unknown-person`` mention for tokens first..last, titles trimmed."""
    doc = ctx.doc
    while first <= last and (doc[first].text in ctx.titles or doc[first].text.rstrip(".") + "." in ctx.titles or _not_a_name(doc[first])):
        first += 1
    while last >= first and doc[last].text in ctx.titles:
        last -= 1
    if first > last:
        return None
    if doc[first].is_upper and len(doc[first]) > 1 and first == last:
        return None  # an acronym alone ("CNN") is an outlet or organisation, not a person
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    name = ctx.article.text[start:end]
    actor = Actor(code=None, name=name, country=None, kind="person")
    return ActorMention(ctx.article.span(start, end), actor, "quote.unknown-person", ctx.stage, MentionSource.SPEAKER_NAME)


def _slot_at(ctx: SpeakerContext, j: int, leftward: bool, lo: int, hi: int) -> SpeakerSlot | None:
    """The speaker standing at token ``j``: a mention, a pronoun or a capitalised name run."""
    doc = ctx.doc
    token = doc[j]
    mention = _mention_at(ctx, token)
    if mention is not None:
        return SpeakerSlot(mention)
    if token.lower_ in PRONOUNS and token.lower_ != "it":
        return SpeakerSlot(None, ctx.article.span(token.idx, token.idx + len(token)))
    if not _is_name_token(token, ctx.titles):
        return None
    first = last = j
    if leftward:
        while first - 1 >= lo and (_is_name_token(doc[first - 1], ctx.titles) or doc[first - 1].text == "-"):
            first -= 1
    else:
        while last + 1 < hi and (_is_name_token(doc[last + 1], ctx.titles) or doc[last + 1].text == "-"):
            last += 1
    built = _name_mention(ctx, first, last)
    return SpeakerSlot(built) if built is not None else None


def _from_parse(ctx: SpeakerContext, cue: Token) -> SpeakerSlot | None:
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    # "Saturday …, Sen. Elizabeth Warren said"; of two subjects the one nearer the cue first
    # ("In response to the loss of life, Republican nominee Donald Trump issued")
    subjects.sort(key=lambda c: (c.lower_ in _NOT_NAMES, abs(cue.i - c.i)))
    fallback: SpeakerSlot | None = None
    for child in subjects:
        lo, hi = child.left_edge.i, child.right_edge.i + 1
        j = child.i
        while j + 1 < hi and _mention_at(ctx, ctx.doc[j]) is None and _is_name_token(ctx.doc[j + 1], ctx.titles) and _is_name_token(ctx.doc[j], ctx.titles):
            j += 1  # "Maria Lopez" parsed with "Maria" as head: the name runs to its last word
        slot = _slot_at(ctx, j, True, lo, hi)
        if slot is not None and slot.mention is not None and slot.mention.role is MentionRole.PLACE:
            # "Sen. Tammy Baldwin of Wisconsin" parsed with the place as head: a person in the phrase speaks
            fallback = fallback or slot
            continue
        if slot is not None:
            return slot
    # inside the subject phrases: names not buried in a modifier ("Jan Brewer, an early supporter
    # of Trump"), then the actors stage's persons, then its other mentions, then a built name
    if fallback is not None:
        return _inner_slot(ctx, subjects, lambda k, child, m: _inner_rank(m) <= 1) or fallback
    for buried in (False, True):
        for rank in range(4):
            found = _inner_slot(ctx, subjects, lambda k, child, m: _buried(ctx.doc[k], child) == buried and _inner_rank(m) <= rank)
            if found is not None:
                return found
    if subjects:
        return None
    if cue.dep_ in {"advcl", "xcomp", "conj"} and cue.head is not cue:
        return _from_parse(ctx, cue.head)
    return None


def _inner_slot(ctx: SpeakerContext, subjects: list[Token], accept: Callable[[int, Token, ActorMention], bool]) -> SpeakerSlot | None:
    """The first mention slot inside the subject phrases (each phrase right to left) that ``accept`` takes."""
    for child in subjects:
        lo, hi = child.left_edge.i, child.right_edge.i + 1
        for k in range(hi - 1, lo - 1, -1):
            slot = _slot_at(ctx, k, True, lo, hi)
            if slot is not None and slot.mention is not None and accept(k, child, slot.mention):
                return slot
    return None


_BURYING_DEPS = frozenset(
    "acl acl:relcl relcl nmod nmod:poss poss prep pobj obl case ccomp advcl conj".split()
)


def _buried(token: Token, head: Token) -> bool:
    """``token`` sits in a modifier of the phrase headed by ``head`` (a relative clause, an "of"
    phrase, a possessor, a conjunct), not in its name or title."""
    while token.i != head.i:
        if token.dep_ in _BURYING_DEPS:
            return True
        if token.head.i == token.i:
            return True
        token = token.head
    return False


def _inner_rank(mention: ActorMention) -> int:
    """Which mention inside a subject phrase speaks: a person the actors stage knows, a built
    name of two words or more ("Peruvian novelist Mario Vargas Llosa"), another actor, an
    adjective or a one-word built name last."""
    if mention.found_by is MentionSource.SPEAKER_NAME:
        return 1 if " " in mention.span.text.strip() else 3
    if mention.actor.kind == "person":
        return 0
    return 3 if mention.found_by is MentionSource.ADJECTIVE else 2


def _apposition_start(ctx: SpeakerContext, comma: int, lo: int) -> int | None:
    """The comma opening the apposition(s) that end at ``comma`` ("Tad Devine, Sanders's chief
    strategist, said"; "Ann Lee, director of the X Fund, a charity, said"), when a name or an
    opener stands before it."""
    doc = ctx.doc
    found: int | None = None
    end = comma
    for _ in range(3):
        k = end - 1
        while k >= lo and doc[k].text != ",":
            k -= 1
        if k <= lo:
            break
        before = doc[k - 1]
        named = _mention_at(ctx, before) is not None or _is_name_token(before, ctx.titles)
        if not (doc[k + 1].lower_ in _APPOSITION_OPENERS or doc[k + 1].is_lower or named or before.text == ")"):
            break
        found = k
        end = k
        if named and not _chunk_is_apposition(ctx, k, lo):
            break
    return found


def _chunk_is_apposition(ctx: SpeakerContext, comma: int, lo: int) -> bool:
    """The words between the previous comma and ``comma`` describe someone ("director of the X Fund")."""
    doc = ctx.doc
    k = comma - 1
    while k >= lo and doc[k].text != ",":
        k -= 1
    return k > lo and (doc[k + 1].is_lower or doc[k + 1].lower_ in _APPOSITION_OPENERS)


def subject_before(ctx: SpeakerContext, cue_i: int, lo: int, parse: bool = True) -> SpeakerSlot | None:
    """The subject standing left of the cue at token ``cue_i``, not before token ``lo``
    (from the parse when there is one and ``parse``, else by token rules)."""
    if parse and ctx.has_parse and ctx.doc[cue_i].pos_ in {"VERB", "AUX"}:
        parsed = _from_parse(ctx, ctx.doc[cue_i])
        if parsed is not None and parsed.mention is not None and (after := _after_fronted_clause(ctx, parsed.mention, cue_i)) is not None:
            return SpeakerSlot(after)
        if parsed is not None:
            return parsed
    doc = ctx.doc
    j = cue_i - 1
    while j >= lo and (doc[j].lower_ in _SKIP_BEFORE_CUE or (doc[j].lower_.endswith("ly") and doc[j].is_lower)):
        j -= 1
    if j >= lo and doc[j].text == ")":
        while j >= lo and doc[j].text != "(":
            j -= 1
        j -= 1
    if j >= lo and doc[j].text == ",":
        k = _apposition_start(ctx, j, lo)
        if k is not None:
            j = k - 1
            if j > lo and doc[j].text == ")":  # "Sen. Claire McCaskill (D-Mo.), who …, said"
                while j > lo and doc[j].text != "(":
                    j -= 1
                j -= 1
        elif j - 1 >= lo and doc[j - 1].text == ")":
            j -= 1
            while j >= lo and doc[j].text != "(":
                j -= 1
            j -= 1
        else:
            j -= 1
    if j < lo:
        return None
    if doc[j].lower_ in {"and", "but", "then"} and j > lo:
        # "Lazar said he welcomed extradition and added, “…”": the coordinated verb's subject
        return first_subject(ctx, j, lo)
    slot = _slot_at(ctx, j, True, lo, cue_i)
    if slot is None:
        described = description_before(ctx.article, doc, j, lo, ctx.stage)
        slot = SpeakerSlot(described) if described is not None else None
    return slot


def _name_follows(doc: Doc, comma: int, hi: int) -> bool:
    """A comma, then a capitalised word: a name may stand in apposition."""
    return comma + 1 < hi and doc[comma].text == "," and doc[comma + 1].text[:1].isupper()


def _apposition_closes(ctx: SpeakerContext, mention: ActorMention, hi: int) -> bool:
    """The name is an apposition, closed by a comma or the sentence's end ("…, Kim Grey, 40, …"),
    not the subject of a clause ("according to a poll, Trump leads")."""
    following = ctx.article.text[mention.span.end :].lstrip(" ")
    return not following or following[0] in ",.;\n"


def _affiliation_word(doc: Doc, j: int, k: int) -> str | None:
    """The preposition ("of", "from" or "to", with or without "the") the mention at ``j`` follows:
    "Ambassador to the United States Hamdullah Mohib", "a statement from the Russian foreign ministry"."""
    p = j - 1
    if p > k and doc[p].lower_ == "the":
        p -= 1
    return doc[p].lower_ if p >= k and doc[p].lower_ in {"of", "from", "to"} else None


def subject_after(ctx: SpeakerContext, cue_i: int, hi: int) -> SpeakerSlot | None:
    """The inverted subject right of the cue ("said Hanna Notte, an analyst ...")."""
    doc = ctx.doc
    end = min(hi, cue_i + 9)
    window_end = cue_i + 1
    while window_end < end and (not doc[window_end].is_punct or doc[window_end].text == "-"):
        window_end += 1  # "said Florida-based Republican strategist Al Cardenas"
    k = cue_i + 1
    if k >= window_end:
        return None
    if doc[k].text[:1].islower() and _name_follows(doc, window_end, hi):
        # "said one of them, Kim Grey, 40, from Texas", "according to the team's coach, Alireza
        # Mehraban,": a common-noun subject gives way to the person named in apposition
        named = subject_after(ctx, window_end, hi)
        if named is not None and named.mention is not None and named.mention.actor.kind == "person" and not named.is_pronoun \
                and _apposition_closes(ctx, named.mention, hi):
            return named
    described = description_after(ctx.article, doc, k, window_end, ctx.stage)
    if described is not None and not any(_standalone_actor(ctx, x, k) for x in range(k, window_end)):
        # "according to a recent poll of Indiana voters": a place, or an actor after "of", is part of the description
        return SpeakerSlot(described)
    first = _slot_at(ctx, k, False, k, window_end)
    if first is not None and first.mention is not None and _modifies_later_name(ctx, first.mention, window_end):
        first = None  # "said former Obama adviser David Axelrod", "said Clinton's aide Jake Sullivan"
    elif first is not None and (first.is_pronoun or first.mention is None or first.mention.found_by is not MentionSource.SPEAKER_NAME):
        return first
    # "said Democratic pollster Stan Greenberg": the last capitalised run in the window.
    best: SpeakerSlot | None = first
    issuer: SpeakerSlot | None = None  # "a statement from the Russian foreign ministry": when no one else is named
    j = k
    while j < window_end:
        mention = _mention_at(ctx, doc[j])
        preposition = _affiliation_word(doc, j, k) if mention is not None and j > k else None
        affiliation = mention is not None and (mention.role is MentionRole.PLACE or preposition is not None)
        if mention is not None and not affiliation and not _modifies_later_name(ctx, mention, window_end):
            return SpeakerSlot(mention)
        if mention is not None and mention.role is not MentionRole.PLACE and preposition in {"of", "from"} and issuer is None:
            issuer = SpeakerSlot(mention)
        if mention is not None:
            while j < window_end and doc[j].idx < mention.span.end:
                j += 1
            continue
        if _is_name_token(doc[j], ctx.titles) and not (j > k and doc[j - 1].lower_ in {"of", "from"} and best is not None):
            run_end = j
            while run_end + 1 < window_end and _is_name_token(doc[run_end + 1], ctx.titles) and _mention_at(ctx, doc[run_end + 1]) is None:
                run_end += 1  # a run stops at a name the actors stage knows ("said Sen. | Tammy Baldwin")
            built = _name_mention(ctx, j, run_end)
            if built is not None:
                best = SpeakerSlot(built)
            j = run_end + 1
        else:
            j += 1
    return best if best is not None else issuer


def _after_fronted_clause(ctx: SpeakerContext, mention: ActorMention, cue_i: int) -> ActorMention | None:
    """"Calling Iran's government a "brutal" regime, Obama conceded ...": a subject the parse found inside a
    sentence-opening participle clause is that clause's object; the speaker is the actor right after its comma."""
    doc = ctx.doc
    at = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if at is None:
        return None
    sent = at.sent
    if doc[sent.start].tag_ != "VBG" and not doc[sent.start].lower_.endswith("ing"):
        return None
    comma = next((t.i for t in doc[sent.start : cue_i] if t.text == ","), None)
    if comma is None or at.start > comma:
        return None
    return next((m for m in ctx.mentions_from(doc[comma + 1].idx, doc[cue_i].idx) if m.role is not MentionRole.PLACE
                 and m.span.start == doc[comma + 1].idx), None)


def _standalone_actor(ctx: SpeakerContext, x: int, k: int) -> bool:
    """Does an actor mention (not a place) cover token ``x`` that is not an affiliation ("of X",
    "from X") inside a phrase starting at ``k``?"""
    mention = _mention_at(ctx, ctx.doc[x])
    if mention is None or mention.role is MentionRole.PLACE:
        return False
    if mention.found_by is MentionSource.PRONOUN:
        return True  # "said one of them, Kim Grey": the pronoun points at the people named next
    first = next((t.i for t in ctx.doc[k : x + 1] if t.idx >= mention.span.start), x)
    return not (first > k and ctx.doc[first - 1].lower_ in {"of", "from"})


def _modifies_later_name(ctx: SpeakerContext, mention: ActorMention, window_end: int) -> bool:
    """The mention is a possessor or a modifier of a title before the real name: followed by
    "'s", a lower-case word or a title ("Clinton Senior Adviser ..."), and a capitalised name comes
    later in the window."""
    doc = ctx.doc
    k = ctx.token_from(mention.span.end)
    if k >= window_end:
        return False  # the mention ends the window (or the text)
    titled = doc[k].text in ctx.titles or (k + 1 < window_end and doc[k + 1].text in ctx.titles)  # "Clinton Senior Adviser Sidney Blumenthal"
    if not (doc[k].text in {"'s", "’s", "'", "’"} or (doc[k].is_lower and doc[k].is_alpha and not doc[k].is_stop) or titled):
        return False
    for j in range(k + 1, window_end):
        if _is_name_token(doc[j], ctx.titles) and doc[j].text not in ctx.titles and not _not_a_name(doc[j]):
            return True
    return False


def first_subject(ctx: SpeakerContext, before: int, lo: int) -> SpeakerSlot | None:
    """The sentence's subject when it opens the sentence: a mention, pronoun or name at ``lo``
    (after a title or "But"), followed by a lower-case word."""
    doc = ctx.doc
    k = lo
    while k < before and (doc[k].text in ctx.titles or doc[k].is_punct):
        k += 1
    if k >= before:
        return None
    mention = _mention_at(ctx, doc[k])
    if mention is not None:
        end = k
        while end + 1 < before and doc[end + 1].idx < mention.span.end:
            end += 1
        return SpeakerSlot(mention) if end + 1 < before and doc[end + 1].is_lower else None
    if doc[k].lower_ in PRONOUNS and doc[k].lower_ != "it":
        return SpeakerSlot(None, ctx.article.span(doc[k].idx, doc[k].idx + len(doc[k])))
    if not _is_name_token(doc[k], ctx.titles):
        return None
    last = k
    while last + 1 < before and _is_name_token(doc[last + 1], ctx.titles):
        last += 1
    if last + 1 < before and doc[last + 1].is_lower:
        built = _name_mention(ctx, k, last)
        return SpeakerSlot(built) if built is not None else None
    return None


def main_clause_subject(ctx: SpeakerContext, cue_i: int, lo: int) -> SpeakerSlot | None:
    """The speaker of a participle cue ("..., saying ..."): the main clause's subject."""
    doc = ctx.doc
    if ctx.has_parse:
        parsed = _from_parse(ctx, doc[cue_i])
        if parsed is not None:
            return parsed
        head = doc[cue_i].head
        if lo <= head.i < cue_i and head.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            # "Before the convention, Police Chief Calvin Williams lobbied …, saying": the main
            # verb has no subject in the parse; the name right before it is taken
            slot = subject_before(ctx, head.i, lo, parse=False)
            if slot is not None and slot.mention is not None and not slot.is_pronoun and slot.mention.found_by is not MentionSource.SPEAKER_DESCRIPTION:
                return slot
    for k in range(lo, cue_i):
        if ctx.cues.is_verb(doc[k].lower_) and not doc[k].lower_.endswith("ing"):
            slot = subject_before(ctx, k, lo)
            if slot is not None:
                return slot
    persons = [m for m in ctx.mentions_from(doc[lo].idx, doc[cue_i].idx) if m.actor.kind == "person"]
    if persons:
        return SpeakerSlot(min(persons, key=lambda m: m.span.start))
    first = lo
    while first < cue_i and doc[first].text in ctx.titles:
        first += 1
    last = first
    while last + 1 < cue_i and _is_name_token(doc[last + 1], ctx.titles):
        last += 1
    if first < cue_i and _is_name_token(doc[first], ctx.titles) and last + 1 < cue_i and doc[last + 1].is_lower:
        built = _name_mention(ctx, first, last)
        return SpeakerSlot(built) if built is not None else None
    return None


def speaker_after_phrase(ctx: SpeakerContext, phrase_end: int, hi: int) -> SpeakerSlot | None:
    """The source named after "according to": the first mention or name in the phrase."""
    return subject_after(ctx, phrase_end - 1, hi)


def continuation_mention(pronoun: Span, previous: ActorMention, stage: str) -> ActorMention:
    """The previous quote's speaker, now evidenced by the pronoun of "he added"."""
    return ActorMention(pronoun, previous.actor, "quote.continuation-pronoun", stage, MentionSource.SPEAKER_PRONOUN, antecedent=previous.span)

