"""Indirect speech: the clause a reporting cue reports, with the cue's subject as speaker.

Patterns, outside quotation marks: ``X said (that) CLAUSE``, ``X told Y (…) that CLAUSE``,
``CLAUSE, X said.``, ``CLAUSE, said X.``, ``…, saying (that) CLAUSE``, ``according to X,
CLAUSE`` / ``CLAUSE, according to X``. With a dependency parse the clause is the cue's
``ccomp`` subtree. A clause holding a short quoted phrase is reported as kind mixed; a
full quotation inside it is cut off (it is a direct quote of its own).
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.quotes.direct import Found, resolve_slot
from dragoman.quotes.layout import Layout
from dragoman.knowledge import time_words
from dragoman.quotes.speakers import (
    SpeakerContext,
    SpeakerSlot,
    main_clause_subject,
    make_span,
    speaker_after_phrase,
    subject_after,
    subject_before,
)
from dragoman.records import ActorMention

_CLAUSE_STARTERS = frozenset(
    "he she they we i it there you the a an his her their its this these those our some no many "
    "most every several all".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they we i it there you".split())
_FINITE_HINTS = frozenset(
    "would will is was has had could should can are were did does do may might must 's 're 've 'll 'd won't "
    "wasn't isn't hasn't didn't doesn't don't".split()
)
_TIME_WORDS = time_words("clause_time")
_TRAILING_LINKS = frozenset("as because and but or while since , ; : — – -".split())
_THAT_WINDOW = 9
_MIN_WORDS = 3
_BACKWARD_TAIL = 8


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    return any(a <= char < b for a, b in spans)


def _inside_any(spans: list[tuple[int, int]], clause: tuple[int, int]) -> bool:
    """True when the clause overlaps a quoted segment that it does not wholly contain."""
    a, b = clause
    return any(x < b and a < y and not (a <= x and y <= b) for x, y in spans)


def _finite_soon(tokens: list[Token]) -> bool:
    for token in tokens[1:7]:
        lower = token.lower_
        if lower in _FINITE_HINTS or (token.is_lower and lower.endswith("ed") and len(lower) > 3):
            return True
        if token.is_punct:
            return False
    return False


def _forward_start(ctx: SpeakerContext, p: int, hi: int) -> int | None:
    """Token index where the reported clause after cue ``p`` starts, or None."""
    doc = ctx.doc
    if ctx.has_parse and doc[p].pos_ in {"VERB", "AUX"}:
        for child in doc[p].children:
            if child.dep_ == "ccomp" and child.i > p:
                start = child.left_edge.i
                return start + 1 if doc[start].lower_ == "that" else start
    for q in range(p + 1, min(hi, p + 1 + _THAT_WINDOW)):
        if doc[q].lower_ == "that":
            return q + 1
        if doc[q].is_punct:
            break
    q = p + 1
    while q < hi and q < p + 4 and doc[q].lower_ in _TIME_WORDS:
        q += 1
    if q >= hi:
        return None
    token = doc[q]
    if token.lower_ in _SUBJECT_PRONOUNS:
        return q
    starter = token.lower_ in _CLAUSE_STARTERS or (token.text[:1].isupper() and not token.is_punct)
    if starter and _finite_soon(list(doc[q:hi])):
        return q
    return None


def clause_bounds(ctx: SpeakerContext, start_tok: int, end_tok: int, cut_at: list[int]) -> tuple[int, int] | None:
    """Character bounds of a clause from token ``start_tok`` to before ``end_tok``, cut before
    any full quotation opening in it and stripped of trailing links and punctuation."""
    doc = ctx.doc
    if start_tok >= end_tok:
        return None
    a = doc[start_tok].idx
    b = doc[end_tok - 1].idx + len(doc[end_tok - 1])
    for c in cut_at:
        if a < c < b:
            b = c
    text = ctx.article.text
    while True:
        stripped = text[a:b].rstrip()
        words = stripped.split()
        if words and (words[-1].lower() in _TRAILING_LINKS or stripped[-1:] in ",;:.—–-"):
            if stripped[-1:] in ",;:.—–-":
                b = a + len(stripped) - 1
            else:
                b = a + len(stripped) - len(words[-1])
            continue
        b = a + len(stripped)
        break
    if len(text[a:b].split()) < _MIN_WORDS:
        return None
    return a, b


def _tail_of_quote(text: str, quoted: list[tuple[int, int]], start: int) -> bool:
    """"'... much different'' even if no sanctions had been imposed, she said": a clause that runs on
    from the closing mark of a quotation is that quotation's tail, not a report of its own."""
    marks = " '\"”’"
    return any(end <= start and not text[end:start].strip(marks) and text[:end].rstrip(marks)[-1:] not in {".", "!", "?"} for _, end in quoted)


def _speaker_from_direct(direct: list[Found], sentence: int, before_char: int) -> ActorMention | None:
    for found in reversed(direct):
        if found.first_sentence <= sentence <= found.last_sentence and found.cue is not None and found.cue.start < before_char:
            return found.speaker
    return None


def _resolve(slot: SpeakerSlot | None, direct: list[Found], sentence: int, stage: str) -> ActorMention | None:
    previous = next((f for f in reversed(direct) if f.kind == "direct" and f.first_sentence <= sentence), None)
    return resolve_slot(slot, previous, sentence, stage)


def extract_indirect(
    ctx: SpeakerContext, layout: Layout, quoted: list[tuple[int, int]], direct: list[Found], used_cues: set[int]
) -> list[Found]:
    """Reported clauses outside quotation marks.

    ``quoted`` holds the (open, end) character ranges of every quoted segment; ``direct``
    the quotes already found (full ones cut clauses, short ones turn them mixed).
    """
    doc = ctx.doc
    cut_at = [f.segment.open_at for f in direct if f.kind == "direct" and f.segment is not None]
    out: list[Found] = []
    for s, (lo, hi) in enumerate(layout.sent_tokens):
        p = lo
        while p < hi:
            token = doc[p]
            lower = token.lower_
            if p in used_cues and lower not in ctx.cues.participles or _inside(quoted, token.idx):
                p += 1
                continue
            clause: tuple[int, int] | None = None
            slot: SpeakerSlot | None = None
            speaker_fixed: ActorMention | None = None
            if lower == "according" and p + 1 < hi and doc[p + 1].lower_ == "to":
                slot = speaker_after_phrase(ctx, p + 2, hi)
                if p == lo or doc[lo:p].text.strip() in {"", "But", "And"}:
                    comma = next((k for k in range(p + 2, hi) if doc[k].text == ","), None)
                    clause = clause_bounds(ctx, comma + 1, hi, cut_at) if comma is not None else None
                else:
                    clause = clause_bounds(ctx, lo, p, cut_at)
            elif lower in ctx.cues.participles and p > lo and doc[p - 1].text == ",":
                q = p + 1
                if q < hi and doc[q].lower_ == "that":
                    q += 1
                if q < hi and not _inside(quoted, doc[q].idx):
                    clause = clause_bounds(ctx, q, hi, cut_at)
                    speaker_fixed = _speaker_from_direct(direct, s, token.idx)
                    if speaker_fixed is None:
                        slot = main_clause_subject(ctx, p, lo)
            elif (
                ctx.cues.is_verb(lower, token.lemma_)
                and not lower.endswith("ing")
                and p not in used_cues
                and not (p + 1 < hi and f"{lower} {doc[p + 1].lower_}" in ctx.cues.exclusions)
            ):
                start = _forward_start(ctx, p, hi)
                if start is not None:
                    clause = clause_bounds(ctx, start, hi, cut_at)
                    slot = subject_before(ctx, p, lo)
                elif hi - p <= _BACKWARD_TAIL:
                    clause, slot = _backward(ctx, p, lo, hi, cut_at, quoted)
            if clause is not None and (_inside_any(quoted, clause) or _tail_of_quote(ctx.article.text, quoted, clause[0])):
                clause = None
            if clause is not None:
                a, b = clause
                mixed = any(f.kind == "mixed" and f.segment is not None and a <= f.segment.open_at < b for f in direct)
                speaker = speaker_fixed if speaker_fixed is not None else _resolve(slot, direct, s, ctx.stage)
                cue = make_span(ctx.article, token.idx, token.idx + len(token))
                if lower == "according":
                    cue = make_span(ctx.article, token.idx, doc[p + 1].idx + len(doc[p + 1]))
                out.append(Found(make_span(ctx.article, a, b), "mixed" if mixed else "indirect", speaker, cue, s, s))
                if b > token.idx:
                    p = max(p + 1, layout.token_at(b - 1) + 1)
                    continue
            p += 1
    return out


def _backward(
    ctx: SpeakerContext, p: int, lo: int, hi: int, cut_at: list[int], quoted: list[tuple[int, int]]
) -> tuple[tuple[int, int] | None, SpeakerSlot | None]:
    """ "CLAUSE, X said." and "CLAUSE, said X.": the clause before the comma."""
    doc = ctx.doc
    if any(doc[k].lower_ == "that" for k in range(p + 1, hi)):
        return None, None
    comma = None
    for k in range(p - 1, max(lo, p - 8) - 1, -1):
        if doc[k].text == ",":
            comma = k
            break
    if comma is None or comma <= lo:
        return None, None
    start = lo
    for a, b in quoted:
        if doc[lo].idx <= a < doc[comma].idx:
            start = max(start, _token_after(ctx, b))
    if _inside(quoted, doc[comma - 1].idx):
        return None, None
    slot = subject_after(ctx, p, hi) if comma == p - 1 else subject_before(ctx, p, comma + 1)
    if slot is None:
        return None, None
    return clause_bounds(ctx, start, comma, cut_at), slot


def _token_after(ctx: SpeakerContext, char: int) -> int:
    for token in ctx.doc:
        if token.idx >= char:
            return token.i
    return len(ctx.doc)

