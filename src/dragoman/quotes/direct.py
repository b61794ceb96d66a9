"""Direct quotations and short quoted phrases (kind mixed), with their speakers.

For each quoted segment (``marks.find_segments``) the attribution is looked for after
the closing mark ("“…,” he said", "“…,” said Hanna Notte"), then before the opening
mark ("he warned: “…”", "…, saying “…”", "according to X, “…”"). A full quote with no
cue continues the previous speaker when it follows that speaker's quote directly; a
pronoun cue right after X's quote ("he added") is X. A short phrase with no cue in its
sentence is a scare quote or a title and is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.quotes.layout import Layout, char_before
from dragoman.quotes.marks import Segment, SegmentIndex
from dragoman.quotes.speakers import (
    SUBJECT_DEPS,
    PERSON_PRONOUNS,
    SpeakerContext,
    SpeakerSlot,
    continuation_mention,
    first_subject,
    is_cue_verb,
    main_clause_subject,
    speaker_after_phrase,
    subject_after,
    subject_before,
)
from dragoman.records import ActorMention, MentionSource, QuoteKind, Span

_FULL_QUOTE_WORDS = 6
_POST_WINDOW = 14
_ADJACENT_CUE = 3  # a cue this close before the opening mark introduces only the quote
_SMALL_WORDS = frozenset("of and the a an in on to for at by with or de la von van".split())
_END_MARKS = ".?!…"
_CLAUSE_SUBJECTS = frozenset("i we you he she they it there this that these those".split())
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Found:
    """A quote found by a rule, before it becomes a :class:`Quote`."""

    span: Span
    kind: QuoteKind
    speaker: ActorMention | None
    cue: Span | None
    first_sentence: int
    last_sentence: int
    segment: Segment | None = None
    cue_i: int | None = None


def inner_bounds(text: str, segment: Segment) -> tuple[int, int]:
    """The quoted text's offsets, edge spaces and a trailing comma dropped."""
    a, b = segment.inner_start, segment.inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–"):
        b -= 1
    return a, b


def is_full_quote(text: str, segment: Segment, layout: Layout) -> bool:
    """A sentence-like quotation rather than a short embedded phrase."""
    a, b = inner_bounds(text, segment)
    inner = text[a:b]
    if not inner:
        return False
    words = inner.split()
    if inner[-1] in _END_MARKS or len(words) >= _FULL_QUOTE_WORDS:
        return True
    if segment.close_at is not None and text[segment.inner_end - 1] == "," and _starts_sentence(text, segment, layout):
        return True  # "“…,” muttered X": a sentence-initial quote closed by a comma
    return char_before(text, segment.open_at) == ":"


def is_title(text: str, segment: Segment) -> bool:
    """A short all-capitalised phrase without end mark: a title or a name ("Fox and Friends")."""
    a, b = inner_bounds(text, segment)
    inner = text[a:b].rstrip(",.")
    if not inner or inner[-1] in _END_MARKS:
        return False
    words = [w for w in inner.split() if w.lower() not in _SMALL_WORDS]
    return 0 < len(words) <= 6 and all(w[0].isupper() or not w[0].isalpha() for w in words)


def _runs_on(ctx: SpeakerContext, layout: Layout, segment: Segment, cue_i: int) -> bool:
    """The sentence runs on after the closing mark with no punctuation, and the cue is far:
    "“owes it to the men and women” of the state to answer questions" ("answer" is no cue)."""
    text = ctx.article.text
    if segment.close_at is None:
        return False
    inner = text[segment.open_at + 1 : segment.inner_end].rstrip()
    after = text[segment.outer_end : segment.outer_end + 3].lstrip()
    if inner[-1:] in _END_MARKS + ",—–-" or after[:1] in {",", ".", "—", "–", "-", ";", "?", "!"}:
        return False
    return cue_i - layout.token_at(segment.outer_end - 1) > 3


def _joined_clause(ctx: SpeakerContext, layout: Layout, segment: Segment, cue_i: int) -> bool:
    """The cue after a quoted phrase starts a clause of its own ("… and said that …")."""
    doc = ctx.doc
    close_tok = layout.token_at(segment.outer_end - 1) + 1
    if any(doc[k].lower_ in {"and", "but", "or", "then", "before", "after", "while"} for k in range(close_tok, cue_i)):
        return True
    return cue_i + 1 < len(doc) and doc[cue_i + 1].lower_ == "that"


def _embedded(text: str, segment: Segment, ctx: SpeakerContext, layout: Layout, cue_i: int) -> bool:
    """A quotation that continues a reported clause: its cue comes before it and its opening
    mark follows a word that is not the cue ("said that “…”", "Obama “admits this…”")."""
    open_tok = layout.token_at(segment.open_at)
    if cue_i >= open_tok or _starts_sentence(text, segment, layout):
        return False
    before = char_before(text, segment.open_at)
    if not before or not (before.isalnum() or before in "’'"):
        return False
    a, _ = inner_bounds(text, segment)
    k = open_tok - 1
    while k >= 0 and ctx.doc[k].is_space:
        k -= 1
    first_word = _first_word(text, a).lower()
    opens_clause = first_word.strip(",.’'") in _CLAUSE_SUBJECTS  # "as “we support Ukraine”": a sentence of its own
    short = len(text[a:segment.inner_end].split()) < _FULL_QUOTE_WORDS  # "called X “ISIS’ best recruiter.”"
    return k > cue_i and (ctx.doc[k].lower_ == "that" or short or (text[a : a + 1].islower() and not opens_clause))


def _first_word(text: str, at: int) -> str:
    """The first white-space separated word at or after ``at`` ("" if none): ``text[at:].split(maxsplit=1)[0]``
    without copying the rest of the text."""
    m = _WORD.search(text, at)
    return m.group(0) if m else ""


def _embedded_after_word(text: str, segment: Segment) -> bool:
    before = char_before(text, segment.open_at)
    return bool(before) and (before.isalnum() or before in "’'")


def _same_clause_partner(found: list[Found], segment: Segment, sentence: int, layout: Layout, ctx: SpeakerContext) -> Found | None:
    """The attributed phrase earlier in the same sentence whose cue also governs this segment
    (no other cue and no sentence-final mark between them)."""
    if not found:
        return None
    last = found[-1]
    if last.segment is None or last.cue_i is None or last.last_sentence != sentence or last.speaker is None:
        return None
    if last.cue_i > layout.token_at(last.segment.open_at):
        return None  # a post cue ("“…,” he said, “…”") is handled as a split quote
    text = ctx.article.text
    between = text[last.segment.outer_end : segment.open_at]
    if len(between.split()) > 12 or any(ch in between for ch in ".;:?!"):
        return None
    lo, hi = layout.token_at(last.segment.outer_end), layout.token_at(segment.open_at)
    if any(ctx.cues.is_verb(t.lower_, t.lemma_) for t in ctx.doc[lo:hi]):
        return None
    return last


def _starts_sentence(text: str, segment: Segment, layout: Layout) -> bool:
    start, _ = layout.sent_chars[layout.sentence_of(segment.open_at)]
    return not text[start : segment.open_at].strip(" \t\n—–-")


@dataclass(frozen=True, slots=True)
class _Attribution:
    slot: SpeakerSlot | None
    cue_i: int


def _post_attribution(ctx: SpeakerContext, layout: Layout, segment: Segment, stop: int) -> _Attribution | None:
    """ "“…,” he said" / "“…,” said X": a cue among the first tokens after the closing mark."""
    if segment.close_at is None:
        return None
    doc = ctx.doc
    k = layout.token_at(segment.close_at) + 1
    while k < stop and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in ".?!":
        k += 1
    first = k
    for p in range(first, min(stop, first + _POST_WINDOW)):
        token = doc[p]
        if token.text in ".?!;" or token.text in "“”\"":
            break
        if is_cue_verb(ctx, token):
            if p == first:
                return _Attribution(subject_after(ctx, p, stop), p)
            return _Attribution(subject_before(ctx, p, first), p)
        if token.lower_ == "according" and p + 1 < stop and doc[p + 1].lower_ == "to":
            return _Attribution(speaker_after_phrase(ctx, p + 2, stop), p)
    return _long_apposition_cue(ctx, first, stop) or _unlisted_post_cue(ctx, segment, first, stop)


def _long_apposition_cue(ctx: SpeakerContext, first: int, stop: int) -> _Attribution | None:
    """ "“…,” Sarah Warbelow, legal director for the gay rights group Human Rights Campaign, said":
    a name right after the quotation, then an apposition longer than the cue window, then
    ", said". The cue must follow a comma, with no sentence end or quotation mark between."""
    doc = ctx.doc
    k = first
    while k < stop and (doc[k].text[:1].isupper() or doc[k].text == "."):
        k += 1  # the name ("Sen. Claire McCaskill")
    if k == first or k >= stop or doc[k].text != ",":
        return None
    for p in range(k + 1, min(stop, first + 3 * _POST_WINDOW)):
        token = doc[p]
        if token.text in {"?", "!", ";", "“", "”", "\""} or token.text == "." and not doc[p - 1].text[:1].isupper():
            return None
        if doc[p - 1].text == "," and is_cue_verb(ctx, token):
            slot = subject_before(ctx, p, first)
            return _Attribution(slot, p) if slot is not None and not slot.is_pronoun else None
    return None


def _split_post_attribution(
    ctx: SpeakerContext, layout: Layout, segment: Segment, s_close: int, following: Segment | None
) -> _Attribution | None:
    """ "“… the United States!” US Senator Jeff Sessions said as …": a sentence-initial full quote
    whose sentence ends at its closing mark, with the cue in the next sentence on the same line
    (the splitter cut after "!”" / "?”" / ".”")."""
    text = ctx.article.text
    if segment.close_at is None or s_close + 1 >= len(layout.sent_chars):
        return None
    if not _starts_sentence(text, segment, layout) or not is_full_quote(text, segment, layout):
        return None
    sent_end = layout.sent_chars[s_close][1]
    next_start = layout.sent_chars[s_close + 1][0]
    if text[segment.outer_end : sent_end].strip() or "\n" in text[segment.outer_end : next_start]:
        return None
    stop = layout.sent_tokens[s_close + 1][1]
    if following is not None:
        stop = min(stop, layout.token_at(following.open_at))
    found = _post_attribution(ctx, layout, segment, stop)
    # the next sentence attributes the quotation only if it names who spoke ("“…!” Sessions said");
    # "Image made from militant video posted online" is a sentence of its own
    return found if found is not None and found.slot is not None else None


def _verb_like(token: Token) -> bool:
    lower = token.lower_
    return token.is_lower and token.is_alpha and len(lower) > 3 and lower.endswith("ed")


def _unlisted_post_cue(ctx: SpeakerContext, segment: Segment, first: int, stop: int) -> _Attribution | None:
    """ "“…,” Trump assured Jones" / "“…,” barked Oliver": right after a quotation closed by a
    comma, ? or !, a past-tense verb next to a speaker is the cue even when it is not listed."""
    text = ctx.article.text
    if text[segment.open_at + 1 : segment.inner_end].rstrip()[-1:] not in {",", "?", "!"} or first >= stop:
        return None
    doc = ctx.doc
    if _verb_like(doc[first]) and first + 1 < stop:
        slot = subject_after(ctx, first, stop)
        if slot is not None and not slot.is_pronoun:
            return _Attribution(slot, first)
        return None
    slot = subject_before(ctx, first + 1, first) if first + 1 < stop else None
    if slot is None or slot.mention is None and slot.pronoun is None:
        return None
    end = slot.mention.span.end if slot.mention is not None else slot.pronoun.end if slot.pronoun is not None else 0
    p = first
    while p < stop and doc[p].idx < end:
        p += 1
    if p < stop and _verb_like(doc[p]):
        return _Attribution(slot, p)
    return None


def _noun_cue_subject(ctx: SpeakerContext, p: int, lo: int) -> SpeakerSlot | None:
    """The speaker of a noun cue: with a parse, the subject of the verb whose object the noun is
    ("When Wallace died, President Clinton released the following statement:"), else the main
    clause's subject."""
    noun = ctx.doc[p]
    if ctx.has_parse and noun.dep_ in {"obj", "dobj"} and noun.head.pos_ == "VERB" and noun.head.i >= lo:
        slot = subject_before(ctx, noun.head.i, lo)
        if slot is not None:
            return slot
    return main_clause_subject(ctx, p, lo)


def _finite_with_subject(token: Token, lo: int, hi: int) -> bool:
    """Does the token head a finite clause ("Trump has disparaged") whose subject lies between
    ``lo`` and ``hi``?"""
    finite = token.tag_ in _FINITE_TAGS or any(c.dep_ in {"aux", "aux:pass", "auxpass"} and c.tag_ in _FINITE_TAGS for c in token.children)
    return finite and any(c.dep_ in SUBJECT_DEPS and lo < c.i < hi for c in token.children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _pre_attribution(ctx: SpeakerContext, layout: Layout, segment: Segment, lo: int) -> _Attribution | None:
    """ "he warned: “…”", "…, saying “…”", "according to X, “…”": the cue nearest before the mark."""
    doc = ctx.doc
    open_tok = layout.token_at(segment.open_at)
    for p in range(open_tok - 1, lo - 1, -1):
        token = doc[p]
        lower = token.lower_
        if p > 0 and doc[p - 1].text == "-" and not doc[p - 1].whitespace_:
            continue  # "so-called", "much-touted": part of a compound, not a cue
        if lower == "according" and p + 1 < open_tok and doc[p + 1].lower_ == "to":
            return _Attribution(speaker_after_phrase(ctx, p + 2, open_tok), p)
        if lower in ctx.cues.participles:
            return _Attribution(main_clause_subject(ctx, p, lo), p)
        if is_cue_verb(ctx, token) or ctx.cues.is_naming(lower, token.lemma_):
            slot = subject_before(ctx, p, lo)
            if slot is None and p == lo:
                slot = subject_after(ctx, p, open_tok)  # "Said Dorothy Poynter, …: “…”"
            return _Attribution(slot, p)
        if lower in ctx.cues.nouns and not any(_finite_with_subject(doc[k], p, open_tok) for k in range(p + 1, open_tok)):
            # "In an interview with the Times, Trump has disparaged NATO for failing to “pay their
            # bills”": the noun frames the clause after it, whose own verb carries the quotation
            return _Attribution(_noun_cue_subject(ctx, p, lo), p)
    last = open_tok - 1
    while last >= lo and doc[last].is_space:
        last -= 1
    if last > lo and doc[last].text in {":", "—", "–"}:
        slot = subject_before(ctx, last, lo)
        if slot is not None and slot.mention is not None and slot.mention.found_by is MentionSource.SPEAKER_DESCRIPTION:
            slot = None  # "delivered a snappy retort:": the object, not the speaker
        if slot is None and doc[last].text == ":":
            slot = first_subject(ctx, last, lo)  # "Sanders delivered a snappy retort: “…”"
        if slot is not None:
            return _Attribution(slot, last)
    return None


def _colon_paragraph_attribution(ctx: SpeakerContext, layout: Layout, segment: Segment, earlier: Segment | None) -> _Attribution | None:
    """ "Stated Stone:¶¶“I think …”", "Trump issued the following statement:¶¶“Our prayers …”": a
    quotation opening its sentence right after a colon that ends the previous sentence is
    introduced by that sentence; its cue or colon gives the speaker."""
    text = ctx.article.text
    if not _starts_sentence(text, segment, layout):
        return None
    s = layout.sentence_of(segment.open_at)
    if s == 0 or char_before(text, layout.sent_chars[s][0]) != ":":
        return None
    lo = layout.sent_tokens[s - 1][0]
    if earlier is not None and earlier.outer_end > layout.sent_chars[s - 1][0]:
        lo = max(lo, layout.token_at(earlier.outer_end - 1) + 1)
    attribution = _pre_attribution(ctx, layout, segment, lo)
    return attribution if attribution is not None and attribution.slot is not None else None


def _previous_sentence_slot(ctx: SpeakerContext, layout: Layout, s: int, segments: SegmentIndex) -> SpeakerSlot | None:
    """The speaker of a reporting cue in sentence ``s`` (outside quotes) that a following
    unattributed quotation continues ("Kerry said that …. “That adds up …”")."""
    lo, hi = layout.sent_tokens[s]
    doc = ctx.doc
    for p in range(lo, hi):
        token = doc[p]
        if segments.holds(token.idx):
            continue
        if token.lower_ in ctx.cues.participles:
            return main_clause_subject(ctx, p, lo)
        if is_cue_verb(ctx, token):
            # "…, warned Solmazturk.": the inverted subject after a cue that ends the sentence
            inverted = subject_after(ctx, p, hi) if _ends_sentence(doc, p, hi) else None
            return inverted if inverted is not None else subject_before(ctx, p, lo)
    return None


def _ends_sentence(doc: Doc, cue_i: int, hi: int) -> bool:
    """The cue is followed only by its inverted subject: no verb before the sentence's end."""
    return cue_i > 0 and doc[cue_i - 1].text == "," and not any(t.pos_ in {"VERB", "AUX"} for t in doc[cue_i + 1 : hi])


def _lone_person_subject(ctx: SpeakerContext, layout: Layout, s: int, segments: SegmentIndex, segment: Segment) -> ActorMention | None:
    """ "Priebus rejected that idea. “We know …”¶": the person who is the subject of sentence
    ``s`` (no reporting cue there) when no other person, and no quotation, is in that sentence,
    and the quotation ends its paragraph (so no attribution follows it: "“…,” Ann Lee, …, said")."""
    text = ctx.article.text
    if not ctx.has_parse or segment.close_at is None:
        return None
    # the rest of the quotation's line is blank, and what follows is no dash (read without copying the rest of the text)
    line_end = layout.break_from(segment.outer_end)
    word = _WORD.search(text, segment.outer_end)  # the first non-space character after the quotation
    if word is not None and (line_end < 0 or word.start() < line_end or word.group(0)[:1] in {"-", "—", "–"}):
        return None
    lo, hi = layout.sent_tokens[s]
    start, end = layout.sent_chars[s]
    if segments.touch(start, end):
        return None
    doc = ctx.doc
    roots = [t for t in doc[lo:hi] if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if len(roots) != 1:
        return None
    slot = subject_before(ctx, roots[0].i, lo)
    if slot is None or slot.mention is None or slot.is_pronoun or slot.mention.actor.kind != "person":
        return None
    person = slot.mention
    others = [m for m in ctx.mentions_from(start, end) if m.actor.kind == "person" and m.actor.name != person.actor.name]
    return None if others else person


def resolve_slot(slot: SpeakerSlot | None, previous: Found | None, first_sentence: int, stage: str) -> ActorMention | None:
    """The speaker for a slot, with the "he added right after X's quote" rule."""
    if slot is None:
        return None
    if slot.is_pronoun and previous is not None and previous.speaker is not None:
        pronoun = slot.pronoun if slot.pronoun is not None else slot.mention.span if slot.mention else None
        adjacent = previous.last_sentence >= first_sentence - 1
        singular = pronoun is not None and pronoun.text.lower() in PERSON_PRONOUNS
        fits = singular == (previous.speaker.actor.kind == "person")
        if pronoun is not None and adjacent and fits:
            return continuation_mention(pronoun, previous.speaker, stage)
    return slot.mention


def extract_direct(ctx: SpeakerContext, layout: Layout, segments: list[Segment]) -> tuple[list[Found], set[int]]:
    """Direct quotes and attributed short phrases, plus the cue tokens they used."""
    text = ctx.article.text
    found: list[Found] = []
    used_cues: set[int] = set()
    previous: Found | None = None
    indexed = SegmentIndex(segments)
    for n, segment in enumerate(segments):
        a, b = inner_bounds(text, segment)
        if b - a < 2 or (is_title(text, segment) and not _starts_sentence(text, segment, layout)):
            continue
        s_open = layout.sentence_of(segment.open_at)
        s_close = layout.sentence_of(max(segment.outer_end - 1, segment.open_at))
        lo = layout.sent_tokens[s_open][0]
        hi = layout.sent_tokens[s_close][1]
        if n > 0 and segments[n - 1].outer_end > layout.break_before(segment.open_at):
            lo = max(lo, layout.token_at(segments[n - 1].outer_end - 1) + 1)
        stop = hi
        if n + 1 < len(segments):
            stop = min(stop, layout.token_at(segments[n + 1].open_at))
        post = _post_attribution(ctx, layout, segment, stop)
        if post is not None and (
            _joined_clause(ctx, layout, segment, post.cue_i) if not is_full_quote(text, segment, layout) else _runs_on(ctx, layout, segment, post.cue_i)
        ):
            post = None  # "pledged a “political revolution” and said that …": "said" is not this phrase's cue
        if post is None:
            post = _split_post_attribution(ctx, layout, segment, s_close, segments[n + 1] if n + 1 < len(segments) else None)
        attribution = post or _pre_attribution(ctx, layout, segment, lo) or _colon_paragraph_attribution(ctx, layout, segment, segments[n - 1] if n else None)
        full = is_full_quote(text, segment, layout) or (attribution is not None and _starts_sentence(text, segment, layout))
        if full and attribution is not None and _embedded(text, segment, ctx, layout, attribution.cue_i):
            full = False  # "said she thinks Republicans “are going to be dragged down.”": part of a clause
        span = ctx.article.span(a, b)
        shared = _same_clause_partner(found, segment, s_open, layout, ctx)
        if attribution is None and shared is not None:
            # "Murray said he’s “looking forward to it” because “these are matches you play for.”"
            kind: QuoteKind = "direct" if full and not _embedded_after_word(text, segment) else "mixed"
            found.append(Found(span, kind, shared.speaker, shared.cue, s_open, s_close, segment, shared.cue_i))
            if kind == "direct":
                previous = found[-1]
            continue
        if attribution is None:
            if not full:
                continue
            speaker = None
            if _starts_sentence(text, segment, layout):
                if previous is not None and previous.speaker is not None and previous.last_sentence >= s_open - 1:
                    speaker = previous.speaker
                elif s_open > 0:
                    speaker = resolve_slot(_previous_sentence_slot(ctx, layout, s_open - 1, indexed), previous, s_open, ctx.stage)
                if speaker is None and s_open > 0:
                    speaker = _lone_person_subject(ctx, layout, s_open - 1, indexed, segment)
            found.append(Found(span, "direct", speaker, None, s_open, s_close, segment))
        else:
            cue_token = ctx.doc[attribution.cue_i]
            cue = ctx.article.span(cue_token.idx, cue_token.idx + len(cue_token))
            if attribution.cue_i >= layout.token_at(segment.open_at) - _ADJACENT_CUE:
                used_cues.add(attribution.cue_i)
            speaker = resolve_slot(attribution.slot, previous, s_open, ctx.stage)
            if speaker is None and attribution.slot is None and cue_token.lower_ in ctx.cues.participles:
                speaker = _participle_after_quote(ctx, found, s_open, attribution.cue_i)
            found.append(Found(span, "direct" if full else "mixed", speaker, cue, s_open, s_close, segment, attribution.cue_i))
        if found[-1].kind == "direct":
            previous = found[-1]
    return _borrow_forward(found, segments), used_cues


def _participle_after_quote(ctx: SpeakerContext, found: list[Found], sentence: int, cue_i: int) -> ActorMention | None:
    """ "“…,” Graham said on MSNBC's "Morning Joe," adding, “…”": a participle cue whose main
    clause is the verb attribution of an earlier quote in the same sentence takes that speaker."""
    if not found or found[-1].last_sentence != sentence or found[-1].cue_i is None or found[-1].cue_i >= cue_i:
        return None
    earlier = ctx.doc[found[-1].cue_i]
    if not (is_cue_verb(ctx, earlier) or ctx.cues.is_naming(earlier.lower_, earlier.lemma_)):
        return None
    return found[-1].speaker


def _borrow_forward(found: list[Found], segments: list[Segment]) -> list[Found]:
    """An unclosed paragraph-long quote takes the speaker of the quote that continues it."""
    out = list(found)
    for i in range(len(out) - 1):
        here, after = out[i], out[i + 1]
        if here.speaker is None and here.cue is None and here.segment is not None and here.segment.close_at is None:
            if after.speaker is not None and after.first_sentence <= here.last_sentence + 1:
                out[i] = Found(here.span, here.kind, after.speaker, None, here.first_sentence, here.last_sentence, here.segment)
    return out
