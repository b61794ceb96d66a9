"""News-aware sentence boundaries."""

from __future__ import annotations

from dragoman.clean import find_boilerplate, load_rules
from dragoman.nlp import load_blank, parse_article
from dragoman.records import Article
from dragoman.settings import NlpSettings

BACKEND = load_blank(NlpSettings())


def _sents(text: str) -> list[str]:
    article = Article("s", text, "test")
    doc = parse_article(BACKEND, article, find_boilerplate(article, load_rules()))
    return [s.text.strip() for s in doc.sents]


def test_quotes_abbreviations_initials_datelines() -> None:
    text = 'ROME — Pope Francis met Gen. J. Smith in the U.S. capital on Jan. 5. He said: "It was fine." Then "we left," she said. “It is good.” However, Dr. Lee disagreed.'
    assert _sents(text) == [
        "ROME —",
        "Pope Francis met Gen. J. Smith in the U.S. capital on Jan. 5.",
        'He said: "It was fine."',
        'Then "we left," she said.',
        "“It is good.”",
        "However, Dr. Lee disagreed.",
    ]


def test_us_at_sentence_end() -> None:
    assert _sents("Sanctions were imposed by the U.S. The EU followed.") == ["Sanctions were imposed by the U.S.", "The EU followed."]


def test_paragraph_breaks() -> None:
    assert _sents("First line without period\n\nSecond paragraph.") == ["First line without period", "Second paragraph."]


SEED_SENTENCE_STARTS = [
    "Erdogan cited Kurdish forces", "“What we expect from Iran", "Iran’s Supreme Leader", "The visit to Tehran", "Putin and Erdogan greeted",
    "The talks gave Erdogan", "“With your intercession", "It is true that not all", "The Turkish president later", "Since Russia’s invasion",
    "Turkey hosted peace talks", "Haluk Bayraktar, who heads", "But Turkey has refused", "main supporter of the project.",
    "Subscribe to First Edition", "“Russia cannot afford", "They want a relationship", "“But the fact that they deal", "“They share a view",
    "However, Erdogan’s approach", "That helps his appeal", "Despite previously lifting", "At a NATO summit in Madrid", "Last week, the Turkish president",
    "“There’s all this leverage", "It would be surprising", "“Under Erdogan", "That’s been the modus operandi", "“It damages Turkey’s position",
    "We have witnessed", "But Erdogan doesn’t care", "It can show the results",
]


def test_seed_article_sentences(seed_text: str) -> None:
    sents = _sents(seed_text)
    assert len(sents) == len(SEED_SENTENCE_STARTS)
    for sent, start in zip(sents, SEED_SENTENCE_STARTS):
        assert sent.startswith(start), (sent[:60], start)
    assert sents[14] == "Subscribe to First Edition, our free daily newsletter – every morning at 7am. BST"


def test_title_abbreviations_the_tokenizer_splits() -> None:
    # spaCy's English tokenizer splits "Lt." into "Lt" + "."; the period is still an abbreviation's
    assert [t.text for t in BACKEND.nlp.make_doc("Lt. Gen. Avril")][:2] == ["Lt", "."]
    assert _sents("Lt. Gen. Prosper Avril resigned. Sgt. Maj. Jones said no. The army left.") == [
        "Lt. Gen. Prosper Avril resigned.", "Sgt. Maj. Jones said no.", "The army left."]
