"""Mixed quotations widened to the clause that carries them.

A short quoted phrase inside reported speech ("Trump called the assault “an attack on our
country”") is annotated, as in PolNeAR, as the whole reported clause with the phrase in
it. A phrase that no indirect clause absorbed is widened here: from after its cue (a
following "that" skipped) to the end of the sentence when the cue comes first, from the
start of the sentence when the cue follows ("the plan was “dead on arrival,” he said").
A widened clause that overlaps an indirect clause takes it over.
"""

from __future__ import annotations

from bisect import bisect_left

from dragoman.quotes.direct import Found
from dragoman.quotes.indirect import clause_bounds
from dragoman.quotes.layout import Layout
from dragoman.quotes.speakers import SpeakerContext
from dragoman.ranges import Ranges

_THAT_WINDOW = 6
_LABEL_ONLY = frozenset({"refer", "refers", "referred", "referring"})


def _clause_start(ctx: SpeakerContext, cue_i: int, open_tok: int) -> int:
    doc = ctx.doc
    if doc[cue_i].lower_ == "according":
        comma = next((k for k in range(cue_i + 2, open_tok) if doc[k].text == ","), None)
        return comma + 1 if comma is not None else open_tok
    for k in range(cue_i + 1, min(open_tok, cue_i + 1 + _THAT_WINDOW)):
        if doc[k].lower_ == "that":
            return k + 1
        if doc[k].is_punct and doc[k].text not in "-’'":
            break
    start = cue_i + 1
    while start < open_tok and (doc[start].is_space or doc[start].text in {",", ":", "—", "–"}):
        start += 1
    return start


def _next_cue_cut(ctx: SpeakerContext, start_tok: int, hi: int, cue_tokens: set[int], own_cue: int) -> int:
    """Where a clause must stop before another quote's cue ("…, and he said that …"): the
    last conjunction or comma before that cue (``cue_tokens`` but ``own_cue``)."""
    doc = ctx.doc
    for k in range(start_tok, hi):
        if k in cue_tokens and k != own_cue:
            for j in range(k - 1, start_tok - 1, -1):
                if doc[j].lower_ in {"and", "but", ",", ";"}:
                    return j
            return k
    return hi


def _widen(ctx: SpeakerContext, layout: Layout, found: Found, cut_at: list[int], cue_tokens: set[int]) -> Found:
    """``found`` widened to its clause; ``cut_at``: where the full quotations open, sorted."""
    segment = found.segment
    if segment is None or found.cue_i is None:
        return found
    doc = ctx.doc
    if doc[found.cue_i].lower_ in _LABEL_ONLY:
        return found  # "referred to his counterpart as “my dear friend Putin”": the label is the quote
    open_tok = layout.token_at(segment.open_at)
    s_open = layout.sentence_of(segment.open_at)
    s_close = layout.sentence_of(max(segment.outer_end - 1, segment.open_at))
    lo, _ = layout.sent_tokens[s_open]
    _, hi = layout.sent_tokens[s_close]
    if found.cue_i < open_tok:
        close_tok = layout.token_at(segment.outer_end - 1) + 1
        hi = _next_cue_cut(ctx, close_tok, hi, cue_tokens, found.cue_i)
        # only the quotations opening after this one cut its clause
        bounds = clause_bounds(ctx, _clause_start(ctx, found.cue_i, open_tok), max(hi, close_tok), cut_at, cut_from=segment.outer_end)
    else:
        start = lo
        k = bisect_left(cut_at, segment.open_at) - 1  # the last quotation opening before this one, if in its sentence
        if k >= 0 and cut_at[k] >= doc[lo].idx:
            start = max(start, layout.token_at(cut_at[k]))
        bounds = clause_bounds(ctx, start, layout.token_at(segment.outer_end - 1) + 1, [])
        if bounds is not None and start > lo and doc[start].text in "“”\"":
            bounds = None
    if bounds is None:
        return found
    a, b = bounds
    a, b = min(a, found.span.start), max(b, found.span.end)
    span = ctx.article.span(a, b)
    return Found(span, "mixed", found.speaker, found.cue, found.first_sentence, found.last_sentence, segment, found.cue_i)


def widen_mixed(ctx: SpeakerContext, layout: Layout, kept: list[Found]) -> list[Found]:
    """Widen each mixed phrase (not already inside a clause) to its clause; drop the indirect
    clauses a widened one overlaps, taking their extent."""
    cut_at = sorted(f.segment.open_at for f in kept if f.kind == "direct" and f.segment is not None)
    out: list[Found] = []
    widened: list[Found] = []
    cue_tokens = {f.cue_i for f in kept if f.cue_i is not None}
    cue_tokens.update(layout.token_at(f.cue.start) for f in kept if f.cue is not None)
    for f in kept:
        if f.kind == "mixed" and f.cue_i is not None and f.segment is not None and f.span.start >= f.segment.open_at:
            widened.append(_widen(ctx, layout, f, cut_at, cue_tokens))
        else:
            out.append(f)
    result: list[Found] = []
    by_span = Ranges(widened, lambda w: (w.span.start, w.span.end))
    for f in out:
        if f.kind == "indirect" and by_span.overlaps(f.span.start, f.span.end):
            continue
        result.append(f)
    merged: list[Found] = []
    for w in sorted(widened, key=lambda f: f.span.start):
        if merged and merged[-1].span.overlaps(w.span):
            last = merged[-1]
            span = ctx.article.span(last.span.start, max(last.span.end, w.span.end))
            merged[-1] = Found(span, "mixed", last.speaker, last.cue, last.first_sentence, w.last_sentence, last.segment, last.cue_i)
        else:
            merged.append(w)
    return result + merged
