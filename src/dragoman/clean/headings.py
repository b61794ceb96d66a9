"""Section headings glued to the next sentence with a dash: "Old rivalry-The two countries ...".

Web pages flattened to text lose the line break after a subheading; what is left is a
short phrase (1-5 words) right after a sentence end, then a dash and the capitalised first
word of the next sentence. Only the heading and its dash are chrome; the sentence after
it is article text.

A dash between two capitalised words is often a compound instead ("al-Qaida", "anti-U.S.",
"Jean-Claude", "NATO-Ukraine", "the Iran-Iraq war", "Egyptian President Abdel-Fattah
el-Sissi"), so a dash with no space before it is a heading's only when

* the word before it is no compound prefix (``hyphen_prefix``), no all-capitals acronym
  and no number ("April 4, 2017-" dates a timeline entry: kept);
* the phrase holds no person's title (the ``heading`` list of ``knowledge/data/titles.tsv``) and its last word follows no
  determiner ("the Iran-");
* when its last word is capitalised, the same dashed pair appears nowhere else in the
  article ("Nagorno-Karabakh" recurs, "Israel-Bipartisan" does not).

A space before the dash ("Iran -On at least ...") marks a heading by itself. Word lists:
``clean/data/chrome_words.tsv``.
"""

from __future__ import annotations

import re
from typing import Sequence

from dragoman.clean.rules import ChromeWords

# a dash glued to a capital letter or an opening quote on its right
_GLUED_DASH = re.compile(r"(?P<space> ?)[-–—](?=[A-Z“\"‘'])")
_MAX_WORDS = 5
_MAX_CHARS = 60
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _last_word(phrase: str) -> str:
    return phrase.split()[-1].strip("'’‘\"“”,:")


_RIGHT_WORD = re.compile(r"[“\"‘']?([\w.'’]+)")


def _right_word(text: str, at: int) -> str:
    m = _RIGHT_WORD.match(text, at)
    return m.group(1) if m else ""


class _Pairs:
    """How often "left-right" occurs in the text (``str.count``: left to right, not overlapping),
    for many pairs without a scan of the text for each: every occurrence has its hyphen ``len(left)``
    characters in, so the text's hyphens are indexed, once for each (len(left), len(right)) asked,
    by the pair that would stand around them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._hyphens: list[int] | None = None
        self._by_shape: dict[tuple[int, int], dict[str, list[int]]] = {}

    def at_most_once(self, left: str, right: str) -> bool:
        text, size = self._text, (len(left), len(right))
        table = self._by_shape.get(size)
        if table is None:
            if self._hyphens is None:
                self._hyphens = [m.start() for m in re.finditer("-", text)]
            table = {}
            for h in self._hyphens:
                if h >= size[0]:
                    table.setdefault(text[h - size[0] : h + 1 + size[1]], []).append(h - size[0])
            self._by_shape[size] = table
        pair = f"{left}-{right}"
        count, free = 0, 0
        for start in table.get(pair, ()):
            if start >= free:
                count, free = count + 1, start + len(pair)
        return count <= 1


def _is_heading(text: str, phrase: str, dash: int, spaced: bool, words: ChromeWords, pairs: _Pairs) -> bool:
    tokens = phrase.split()
    if not 1 <= len(tokens) <= _MAX_WORDS or len(phrase) > _MAX_CHARS:
        return False
    if not (phrase[0].isupper() or phrase[0] in "“\"‘'"):
        return False
    if any(c in phrase for c in ".!?;") and not re.fullmatch(r"(?:[^.!?;]|(?<=[A-Z])\.)*", phrase):
        return False  # sentence punctuation inside (a period only in "U.S.")
    last = _last_word(phrase)
    if not last or _NUMBER.fullmatch(last):
        return False
    if spaced:
        return True
    if last.lower() in words.hyphen_prefixes or (last.isupper() and last.isalpha()):
        return False
    if any(t.strip(",'’‘\"“”").lower() in words.title_words for t in tokens):
        return False
    if len(tokens) > 1 and tokens[-2].lower() in words.determiners:
        return False
    if not last[0].isupper():
        return True
    return pairs.at_most_once(last, _right_word(text, dash + 1))


def find_headings(text: str, sentences: Sequence[tuple[int, int]], words: ChromeWords) -> list[tuple[int, int]]:
    """(start, end) of every glued heading, its dash included; ``sentences`` as from
    :func:`dragoman.clean.sentences.sentence_spans` (a heading starts one of them)."""
    found: list[tuple[int, int]] = []
    pairs = _Pairs(text)
    for start, end in sentences:
        for m in _GLUED_DASH.finditer(text, start, end):
            phrase = text[start : m.start()].strip()
            if phrase and _is_heading(text, phrase, m.end() - 1, bool(m.group("space")), words, pairs):
                found.append((start, m.end()))
                break
            if len(text[start : m.start()].split()) > _MAX_WORDS:
                break
    return found
