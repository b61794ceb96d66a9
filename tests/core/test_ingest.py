"""Ingest: formats, encodings, and rejections that never stop a batch."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.ingest import read_articles, read_inputs
from dragoman.records import Article, Duplicate, Rejection
from dragoman.settings import IngestSettings

TEXT = "Turkey and Russia agreed on Tuesday to resume talks, officials said."


def _read(paths: list[str], **kw: object) -> list[Article | Rejection]:
    return list(read_inputs(paths, IngestSettings(**kw)))  # type: ignore[arg-type]


def test_txt_utf8_with_and_without_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + ("Second " + TEXT).encode("utf-8"))
    items = _read([str(tmp_path)])
    assert [type(i) for i in items] == [Article, Article]
    assert items[1].text.startswith("Second")  # BOM stripped


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes(TEXT.encode("utf-16"))
    [item] = _read([str(tmp_path / "u.txt")])
    assert isinstance(item, Article) and item.text == TEXT


def test_latin1_is_rejected_with_offset(tmp_path: Path) -> None:
    data = "Café talks in Zürich".encode("latin-1")
    (tmp_path / "l.txt").write_bytes(data)
    [item] = _read([str(tmp_path / "l.txt")])
    assert isinstance(item, Rejection)
    assert item.reason == "undecodable bytes"
    assert "offset 3" in item.detail and "l.txt" in item.detail


def test_binary_and_empty_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "e.txt").write_text("   \n\t ", encoding="utf-8")
    reasons = {Path(i.source).name: i.reason for i in _read([str(tmp_path)]) if isinstance(i, Rejection)}
    assert reasons == {"x.bin": "binary file", "e.txt": "empty text"}


def test_jsonl_broken_line_names_line_number(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a1", "text": TEXT, "date": "2022-07-20", "lang": "en"}), "{not json", json.dumps({"title": "no text"}), json.dumps({"text": "Another " + TEXT})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _read([str(tmp_path / "c.jsonl")])
    assert isinstance(items[0], Article) and items[0].id == "a1" and items[0].date is not None and items[0].metadata["lang"] == "en"
    assert isinstance(items[1], Rejection) and items[1].reason == "invalid JSON line" and "line 2" in items[1].detail
    assert isinstance(items[2], Rejection) and items[2].reason == "missing text"
    assert isinstance(items[3], Article)


def test_oversize_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 500, encoding="utf-8")
    [item] = _read([str(tmp_path / "big.txt")], max_bytes=1000)
    assert isinstance(item, Rejection) and item.reason == "too large"


def test_same_text_is_coded_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    assert len(_read([str(tmp_path)])) == 2  # read_inputs yields every input; read_articles marks the repeat
    first, repeat = read_articles([str(tmp_path)], IngestSettings())
    assert isinstance(first, Article) and repeat == Duplicate(first.id, str(tmp_path / "b.txt"), first.id)


def test_json_object_with_text(tmp_path: Path) -> None:
    (tmp_path / "g.json").write_text(json.dumps({"id": "seed", "date": "2022-07-20", "text": TEXT, "events": []}), encoding="utf-8")
    [item] = _read([str(tmp_path / "g.json")])
    assert isinstance(item, Article) and item.id == "seed" and str(item.date) == "2022-07-20"


def test_html_keeps_title_and_date(tmp_path: Path) -> None:
    body = " ".join([TEXT] * 5)
    html = f"<html><head><title>Talks resume</title><meta name='date' content='2023-05-04'></head><body><article><h1>Talks resume</h1><p>{body}</p><p>{body}</p></article></body></html>"
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [item] = _read([str(tmp_path / "p.html")])
    assert isinstance(item, Article)
    assert item.title == "Talks resume" and str(item.date) == "2023-05-04" and "Turkey and Russia" in item.text


def test_stdin() -> None:
    items = list(read_inputs(["-"], IngestSettings(), io.BytesIO(TEXT.encode())))
    assert len(items) == 1 and isinstance(items[0], Article) and items[0].source == "-"


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        _read([str(tmp_path / "nope.txt")])


def test_dates_iso_rss_and_written_out_are_read_impossible_ones_raise() -> None:
    from dragoman.ingest.formats import DateError, parse_date

    for raw in ("2016-04-11", "20160411", "2016-04-11T09:30:00Z", "Mon, 11 Apr 2016 09:30:00 GMT", "April 11, 2016"):
        assert str(parse_date(raw)) == "2016-04-11", raw
    assert parse_date(None) is None and parse_date("  ") is None
    assert parse_date("2015-12") is None and parse_date("2015") is None  # a month or a year names no day
    for bad in ("2016-13-45", "2016-02-30", 20160411, "yesterday", "soon", "2015-13", "12/2015x"):
        with pytest.raises(DateError):
            parse_date(bad)


def test_one_text_on_two_days_has_two_ids(tmp_path: Path) -> None:
    records = [{"text": TEXT, "date": "2022-07-19"}, {"text": TEXT, "date": "2022-07-20"}, {"text": TEXT}]
    (tmp_path / "w.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    items = list(read_articles([str(tmp_path / "w.jsonl")], IngestSettings()))
    ids = {i.id for i in items if isinstance(i, Article)}
    assert len(items) == 3 and len(ids) == 3


def test_visible_text_maps_spans_back_onto_the_original() -> None:
    from dragoman.ingest.invisible import restore, visible_text
    from dragoman.records import Span

    text = "\ufeff\xadIran\xad con\u200bdemned\u2028Sy\u200bria\u2060."
    v = visible_text(Article("a", text, "s"))
    assert v.text == "Iran condemned\nSyria." and v.article.text == v.text
    for word in ("Iran", "condemned", "Syria", "Iran condemned\nSyria."):
        start = v.text.index(word)
        back = v.span(Span("a", start, start + len(word), word))
        assert back.text == text[back.start : back.end] and back.text.replace("\u2028", "\n").translate({0xAD: None, 0x200B: None, 0x2060: None, 0xFEFF: None}) == word
    assert v.span(Span("a", 0, 4, "Iran")).start == 2  # the marks before the word stay outside
    empty = v.span(Span("a", 4, 4, ""))
    assert empty.start == empty.end and empty.text == ""
    plain = Article("b", "Iran condemned Syria.", "s")
    assert visible_text(plain).article is plain and restore(plain, visible_text(plain)) is plain


def test_an_articles_outlet_is_who_published_it(tmp_path: Path) -> None:
    """ingest/outlets.py: an outlet field, a web domain, a site name, else a record's source field; never the file read."""
    from dragoman.ingest import record_article

    def outlet(record: dict[str, object]) -> str | None:
        article = record_article({"text": TEXT, **record}, "feed.jsonl:1")
        assert isinstance(article, Article) and article.source == "feed.jsonl:1"
        return article.outlet

    assert outlet({"outlet": " The  Guardian ", "url": "https://www.theguardian.com/x"}) == "The Guardian"
    assert outlet({"publisher": "BBC Online", "url": "http://www.bbc.co.uk/news/1"}) == "BBC Online"
    assert outlet({"url": "https://WWW.Reuters.com:443/world/1", "source": "some/dataset@1"}) == "reuters.com"
    assert outlet({"source": "TASS"}) == "TASS"
    assert outlet({"source": {"name": "TASS"}}) == '{"name": "TASS"}'  # a nested field reaches the metadata as JSON text
    assert outlet({"url": "not a url"}) is None and outlet({}) is None
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><title>Talks</title><meta property="og:site_name" content="Daily Sabah">'
        f'<link rel="canonical" href="https://www.dailysabah.com/x"></head><body><article><p>{TEXT * 4}</p></article></body></html>', encoding="utf-8")
    [html] = _read([str(page)])
    assert isinstance(html, Article) and html.outlet == "Daily Sabah" and html.metadata["sitename"] == "Daily Sabah"
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    [text] = _read([str(tmp_path / "b.txt")])
    assert isinstance(text, Article) and text.outlet is None
