"""dragoman's NER label conventions, shared by the training data and the gazetteer ruler.

The labels are PERSON, ORG, GPE, LOC and NORP (``docs/model.md``). Two rules decide
a span's label beyond its entity type, and both the training-data converter
(``training/convert.py``) and :mod:`dragoman.nlp.gazetteer_ruler` read them here so the
model and the ruler follow one convention:

* **GPE vs LOC**: a place is LOC when its name (without a leading "the") is a
  continent, region, sea or similar (:data:`LOC_NAMES`) or contains a
  geographic-feature or facility word (:data:`LOC_WORDS`); otherwise GPE.
* **NORP**: capitalised demonyms and group words (:data:`NORP_SEED` is the seed
  list); a plural group word names people, not an organisation ("Democrats",
  "Americans" are NORP, as GUM's plural proper-noun person heads are).
* **Titles**: title and role words (:data:`TITLES`) are not part of a PERSON name
  ("Senator John Cornyn" is PERSON "John Cornyn").
"""

from __future__ import annotations

from typing import Iterable, Literal

__all__ = ["LOC_NAMES", "LOC_WORDS", "NORP_SEED", "TITLES", "is_plural_group_word", "place_label"]

# Words marking a place name as a geographic feature or facility (LOC), not a
# political unit (GPE).
LOC_WORDS: frozenset[str] = frozenset({
    "river", "mountain", "mountains", "mount", "mt", "mt.", "lake", "lakes", "ocean",
    "sea", "gulf", "bay", "island", "islands", "isle", "valley", "desert", "forest",
    "park", "coast", "peninsula", "strait", "straits", "canal", "beach", "street", "st",
    "st.", "road", "rd", "avenue", "ave", "boulevard", "blvd", "square", "bridge",
    "castle", "hall", "palace", "museum", "airport", "station", "building", "tower",
    "church", "cathedral", "temple", "mosque", "hospital", "hotel", "stadium",
    "center", "centre", "plaza", "garden", "gardens", "falls", "creek", "hill", "hills",
    "highway", "route", "trail", "basin", "plateau", "glacier", "canyon", "harbor",
    "harbour", "cape", "delta", "abbey", "cemetery", "arena", "mall", "lane", "way",
    "drive", "crater", "volcano", "reef", "lagoon", "pass", "range", "border", "zoo",
    "library", "planetarium", "fort", "facility", "base", "port", "dam", "prison",
    "embassy", "memorial", "monument", "gallery", "theatre", "theater", "restaurant", "cafe", "market",
})

# Continents, regions, seas and similar names that are LOC (lower case).
LOC_NAMES: frozenset[str] = frozenset({
    "europe", "asia", "africa", "antarctica", "america", "americas", "oceania",
    "middle east", "near east", "far east", "the west", "west", "east", "north", "south",
    "scandinavia", "balkans", "caribbean", "mediterranean", "arctic", "antarctic",
    "pacific", "atlantic", "siberia", "sahara", "amazon", "himalayas", "alps", "andes",
    "midwest", "new england", "latin america", "north america", "south america",
    "central america", "east asia", "southeast asia", "south asia", "central asia",
    "eastern europe", "western europe", "sub-saharan africa", "north africa",
    "west africa", "east africa", "persian gulf", "gaza strip", "west bank", "sinai",
    "silicon valley", "earth", "mars", "moon", "the moon", "sun", "everest", "kashmir",
})

# Seed demonyms and group names (lower case), NORP when capitalised; the training
# data extends them with UNER's single-word OTH adjectives and plural proper nouns.
NORP_SEED: frozenset[str] = frozenset({
    "american", "americans", "british", "english", "french", "german", "germans",
    "chinese", "russian", "russians", "iranian", "iranians", "iraqi", "iraqis",
    "israeli", "israelis", "palestinian", "palestinians", "arab", "arabs", "muslim",
    "muslims", "christian", "christians", "jewish", "jews", "catholic", "catholics",
    "protestant", "democrat", "democrats", "republican", "republicans", "european",
    "europeans", "african", "africans", "asian", "asians", "syrian", "syrians",
    "afghan", "afghans", "pakistani", "pakistanis", "indian", "indians", "japanese",
    "korean", "koreans", "turkish", "turks", "kurdish", "kurds", "sunni", "sunnis",
    "shia", "shiite", "shiites", "hindu", "hindus", "buddhist", "buddhists", "spanish",
    "italian", "italians", "mexican", "mexicans", "canadian", "canadians", "australian",
    "saudi", "saudis", "egyptian", "egyptians", "lebanese", "ukrainian", "ukrainians",
    "soviet", "western", "islamic", "communist", "communists", "socialist", "liberal",
    "conservative", "latino", "latinos", "hispanic", "greek", "greeks", "irish",
    "scottish", "welsh", "dutch", "swedish", "norwegian", "danish", "polish", "czech",
    "brazilian", "argentine", "cuban", "vietnamese", "thai", "filipino", "nigerian",
    "kenyan", "ethiopian", "somali", "sudanese", "libyan", "yemeni", "jordanian",
    "taliban", "persian", "roman", "romans", "victorian", "biblical", "celtic", "latin",
    "libertarian", "libertarians", "conservatives", "liberals", "confederate", "confederates",
})

# Titles and roles, lower case: never part of a PERSON name.
TITLES: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "president",
    "vice", "senator", "sen.", "governor", "gov.", "general", "gen.", "major", "colonel",
    "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "admiral",
    "attorney", "judge", "justice", "chief", "king", "queen", "prince", "princess", "lord",
    "lady", "rev.", "reverend", "father", "pope", "saint", "minister", "prime",
    "secretary", "ambassador", "mayor", "professor", "prof.", "dean", "chairman",
    "director", "commissioner", "representative", "rep.", "congressman",
    "congresswoman", "speaker", "leader", "officer", "agent", "detective", "inspector",
    "doctor", "mp", "premier", "chancellor", "emperor", "empress", "sheikh", "shaikh",
    "imam", "ayatollah", "rabbi", "bishop", "cardinal", "u.s.", "former", "honor",
    "honour", "excellency", "majesty", "highness", "-", "nominee", "candidate",
})


def place_label(words: Iterable[str]) -> Literal["GPE", "LOC"]:
    """GPE or LOC for a place name given as its words ("Gaza Strip" → LOC, "Gaza" → GPE)."""
    forms = [w.lower() for w in words]
    text = " ".join(forms)
    if text.startswith("the "):
        text = text[4:]
    if text in LOC_NAMES or any(form in LOC_WORDS for form in forms):
        return "LOC"
    return "GPE"


def is_plural_group_word(word: str) -> bool:
    """A capitalised plural of a seed group word ("Democrats", "Kurds"): NORP, not ORG."""
    lower = word.lower()
    return word[:1].isupper() and lower.endswith("s") and lower in NORP_SEED and lower[:-1] in NORP_SEED
