"""Store: SQLite with provenance (schema in schema.sql); one writer, a transaction per batch.

``rows`` is the one record-to-row flattening (also behind the Parquet output of ``scale``); ``merging`` says which
coded mentions are one event and ``grouping`` keeps the events in step with every write (docs/store.md);
``queries`` and ``dyads`` read a store through :func:`open_readonly` (the HTTP API of ``serve``);
``commands`` are the functions behind ``dragoman query``, ``export`` and ``migrate`` (not imported
here: the exporters load pyarrow and networkx).
"""

from dragoman.store.actor_stats import ActorMatch, ActorSummary, MixCount, NameCount, Partner, QuoteRole, actor_quotes, actor_summary, find_actors
from dragoman.store.downloads import MEDIA_TYPES, SUFFIXES, EventFormat, ListFormat, article_download, event_download, quote_download, rejection_download
from dragoman.store.facets import CameoEntry, EventType, EventTypes, Facet, Facets, FacetValue, PloverType, cameo_catalogue, event_facets, event_types
from dragoman.store.geo import CountryCount, EventMap, MapSide, PlaceCount, event_map
from dragoman.store.overview import ActorStat, DyadStat, Overview, TypeStat, overview
from dragoman.store.rejected import ReasonCount, RejectionRow, Rejections, list_rejections
from dragoman.store.series import PERIODS, Period, Series, SeriesBin, event_series
from dragoman.store.dyads import Interval, Network, NetworkLevel, Timeline, actor_network, dyad_timeline
from dragoman.store.explaining import ApartEvent, EventExplanation, ExplainedMention, explain_event
from dragoman.store.queries import (
    UNITS, EventSort, headline, ArticleSummary, ArticleView, DyadCount, EventFilter, EventRow, Page, QuoteMentionRow, QuoteRow, SearchHit, SearchKind, StoreSummary, Unit,
    event_mentions, find_events, find_quotes, get_article, get_event, list_articles, search, summarize,
)
from dragoman.store.reading import cameo_names, open_readonly
from dragoman.store.rows import (
    ARTICLE_COLUMNS, DUPLICATE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, QUOTE_MENTION_COLUMNS, REJECTION_COLUMNS, Row, article_of,
    article_row, duplicate_of, duplicate_row, event_of, event_row, mention_of, mention_row, quote_mention_rows, quote_of, quote_row, rejection_of,
    rejection_row, removed_of, removed_row,
)
from dragoman.store.writer import Store, connect, write_stream

__all__ = [
    "ActorMatch", "ActorStat", "ActorSummary", "CameoEntry", "CountryCount", "DyadStat", "EventFormat", "EventMap", "EventSort", "EventType",
    "EventTypes", "Facet", "FacetValue", "Facets", "ListFormat", "MEDIA_TYPES", "MapSide", "MixCount", "NameCount", "Overview", "PERIODS",
    "Partner", "Period", "PlaceCount", "PloverType", "QuoteRole", "ReasonCount", "RejectionRow", "Rejections", "SUFFIXES", "Series",
    "SeriesBin", "TypeStat", "actor_quotes", "actor_summary", "article_download", "cameo_catalogue", "event_download", "event_facets",
    "event_map", "event_series", "event_types", "find_actors", "headline", "list_rejections", "overview", "quote_download",
    "rejection_download",
    "ARTICLE_COLUMNS", "ApartEvent", "ArticleSummary", "ArticleView", "DUPLICATE_COLUMNS", "EVENT_COLUMNS", "EventExplanation", "EventFilter", "EventRow", "ExplainedMention", "Interval",
    "MENTION_COLUMNS", "Network", "NetworkLevel", "Page", "QUOTE_COLUMNS", "QUOTE_MENTION_COLUMNS", "QuoteMentionRow", "QuoteRow",
    "DyadCount", "REJECTION_COLUMNS", "Row", "SearchHit", "SearchKind", "Store", "StoreSummary", "Timeline", "UNITS", "Unit", "actor_network", "article_of",
    "article_row", "cameo_names", "connect", "duplicate_of", "duplicate_row", "dyad_timeline", "event_mentions", "event_of", "event_row", "explain_event", "find_events",
    "find_quotes", "get_article", "get_event", "list_articles", "mention_of", "mention_row", "open_readonly", "quote_mention_rows", "quote_of",
    "quote_row", "rejection_of", "rejection_row", "removed_of", "removed_row", "search", "summarize", "write_stream",
]
