"""Page chrome (captions, glued headings, datelines, credits, links) comes back as removed spans.

Hand-written examples in wire-copy style; each rule has a negative case of ordinary prose.
"""

from __future__ import annotations

import pytest

from dragoman.clean import find_boilerplate, load_rules
from dragoman.records import Article, RemovedSpan

RULES = load_rules()


def _runs(text: str) -> list[RemovedSpan]:
    return list(find_boilerplate(Article("t", text, "test"), RULES))


def _removed(text: str) -> list[str]:
    return [r.span.text for r in _runs(text)]


# --- photo captions -------------------------------------------------------------------------

def test_present_tense_caption_with_trailing_place_and_date() -> None:
    text = ("The minister arrived on Monday. A policeman stands next to a burned truck near the border "
            "crossing in Nogales, Mexico, March 3, 2019. Officials said the talks would resume.")
    runs = _runs(text)
    assert [r.span.text for r in runs] == ["A policeman stands next to a burned truck near the border crossing in Nogales, Mexico, March 3, 2019."]
    assert runs[0].reason == "photo caption"


@pytest.mark.parametrize("prose", [
    "Kerry met Lavrov in Geneva, Switzerland, on May 2, 2018.",  # past tense, "on"
    "Soldiers walked through the ruined village in Idlib, Syria, Feb. 3, 2019.",  # past tense
    "The spokesman says the envoys meet in Oslo, Norway, Jan. 4, 2020.",  # a speech verb
    "Rebels hold the town until Nov. 5, 2019, the ministry said.",  # a date after "until"
    "A missile hit the convoy near Homs, Syria, Oct. 1, 2018.",  # "hit" is past tense too
    "The Guard patrols took place in Basra, Iraq, June 8, 2017.",  # "took place"
])
def test_news_prose_is_no_caption(prose: str) -> None:
    assert _removed(f"Talks went on. {prose} Nothing else happened.") == []


def test_file_marker_caption_even_without_a_date() -> None:
    text = "The bill passed. FILE - Ukraine's foreign minister talks to reporters. The vote was 300 to 20."
    assert _removed(text) == ["FILE - Ukraine's foreign minister talks to reporters."]


def test_file_marker_caption_keeps_abbreviations_inside() -> None:
    text = "FILE - U.N. envoy Jan Smit, left, greets U.S. Sen. Ann Lee in Kabul, Afghanistan, Sept. 9, 2015. The envoy left."
    assert _removed(text) == ["FILE - U.N. envoy Jan Smit, left, greets U.S. Sen. Ann Lee in Kabul, Afghanistan, Sept. 9, 2015."]


def test_photo_noun_caption() -> None:
    text = "The clip spread quickly. A still image taken from video shows smoke over the port. Police are investigating."
    assert _removed(text) == ["A still image taken from video shows smoke over the port."]


def test_caption_cut_by_a_glued_heading_ends_at_the_dash() -> None:
    text = "He spoke. FILE - Delegates wait outside the hall in Vienna, July-But the talks went on for hours."
    assert _removed(text) == ["FILE - Delegates wait outside the hall in Vienna, July-"]


def test_second_caption_sentence_before_a_heading() -> None:
    text = ("The strike ended. Workers march through central Lisbon, Portugal, Feb. 2, 2018. The workers demanded higher pay "
            "at the port. Wage talks-The union met ministers on Friday.")
    assert _removed(text) == [
        "Workers march through central Lisbon, Portugal, Feb. 2, 2018.",
        "The workers demanded higher pay at the port.",
        "Wage talks-",
    ]


def test_unrelated_sentence_before_a_heading_stays() -> None:
    text = ("The strike ended. Workers march through central Lisbon, Portugal, Feb. 2, 2018. Parliament approved the budget "
            "on Tuesday, a spokesman said. Wage talks-The union met ministers on Friday.")
    assert "Parliament approved the budget on Tuesday, a spokesman said." not in _removed(text)


# --- glued section headings -----------------------------------------------------------------

def test_glued_heading_only_the_heading_goes() -> None:
    text = "Both sides agreed. Long road ahead-The two countries have fought three wars. Peace talks -On Monday the envoys met."
    runs = _runs(text)
    assert [r.span.text for r in runs] == ["Long road ahead-", "Peace talks -"]
    assert {r.reason for r in runs} == {"section heading"}


@pytest.mark.parametrize("prose", [
    "Pro-Western parties won the vote.",
    "Al-Shabab claimed the attack.",
    "The Iran-Iraq war ended in 1988.",
    "French Foreign Minister Jean-Marc Ayrault flew to Tehran.",
    "NATO-Russia talks resumed on Monday.",
    "April 4, 2017-The first strike hit the town.",
])
def test_compounds_are_no_headings(prose: str) -> None:
    assert _removed(f"It was quiet. {prose} Then it rained.") == []


def test_recurring_capitalised_pair_is_a_compound() -> None:
    text = "Troops crossed the line. Nagorno-Karabakh declared independence. Fighting in Nagorno-Karabakh resumed."
    assert _removed(text) == []


# --- datelines, bylines, credits, links ------------------------------------------------------

def test_dateline_keeps_its_place() -> None:
    runs = _runs("KABUL, Afghanistan — Gunmen attacked a police post on Sunday.")
    assert [(r.span.text, r.reason, r.place) for r in runs] == [("KABUL, Afghanistan —", "dateline", "KABUL, Afghanistan")]


def test_agency_dateline_after_a_byline() -> None:
    runs = _runs("By JANE DOE, Associated Press BEIRUT (AP) — Rockets hit the city.")
    assert [(r.span.text, r.reason, r.place) for r in runs] == [
        ("By JANE DOE, Associated Press", "byline", None),
        ("BEIRUT (AP) —", "dateline", "BEIRUT"),
    ]


def test_reuters_dateline() -> None:
    runs = _runs("WASHINGTON (Reuters) - The Senate passed the bill.")
    assert runs[0].span.text == "WASHINGTON (Reuters) -" and runs[0].place == "WASHINGTON"


@pytest.mark.parametrize("prose", [
    "FILE - Soldiers stand guard.",  # a file marker, not a place
    "NATO-Russia talks resumed.",
    "US - China trade rose.",
    "By June, the rebels held the north.",
])
def test_no_dateline_or_byline_in_prose(prose: str) -> None:
    assert all(r.reason not in {"dateline", "byline"} for r in _runs(prose))


def test_credits_and_links() -> None:
    text = ("Troops withdrew. Jane Roe contributed to this report from Kyiv. Some information for this report came from AP. "
            "Related: Border talks stall. Rebels regrouped.")
    assert _removed(text) == [
        "Jane Roe contributed to this report from Kyiv.",
        "Some information for this report came from AP.",
        "Related: Border talks stall.",
    ]


def test_contributions_in_prose_stay() -> None:
    assert _removed("Japan has contributed more than $4 million to the fund. More Syrians fled.") == []


def test_photo_credits() -> None:
    assert _removed("Crowds gathered. (AP Photo/Jane Roe) (K. Lee/VOA)-The march began.") == ["(AP Photo/Jane Roe)", "(K. Lee/VOA)-"]


def test_wiki_date_line_and_caption_lines() -> None:
    text = "Monday, May 4, 2015\n\nThe harbour at dawn. Image: Port Authority.\n\nElection Results\n\nVoters chose a new council on Sunday."
    assert [(r.span.text, r.reason) for r in _runs(text)] == [
        ("Monday, May 4, 2015", "date line"),
        ("The harbour at dawn. Image: Port Authority.", "photo caption"),
        ("Election Results", "caption or heading line"),
    ]


def test_spans_index_the_text() -> None:
    text = "BAGHDAD — Forces advanced. A soldier walks past a wall in Mosul, Iraq, Feb. 2, 2017. Next phase-The army moved west."
    for r in _runs(text):
        assert text[r.span.start : r.span.end] == r.span.text
