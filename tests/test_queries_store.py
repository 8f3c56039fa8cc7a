"""store.queries: filters, pagination, search, grouping and refusal of injected SQL/FTS syntax."""
from __future__ import annotations

import pytest
from web_records import at, build_store, records

from newsevents.errors import ApiError
from newsevents.store import queries
from newsevents.store.db import open_store

DOCKERS, DRONE, MARCH, PLAIN, BAD = (r.id for r in records())


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("store") / "news.db")
    with open_store(path, create=False) as connection:
        yield connection


def test_queries_stats_counts_every_table(conn):
    s = queries.stats(conn)
    assert s["tables"] == {"articles": 5, "entities": 12, "times": 7, "places": 8, "quantities": 5, "quotes": 7,
                           "events": 6, "problems": 2}
    assert s["status"] == {"error": 1, "ok": 4}
    assert s["event_types"] == {"PROTEST": 2, "AID": 1, "ASSAULT": 1, "COERCE": 1, "CONSULT": 1}
    assert s["errors"] == {"E104": 1} and s["warnings"] == {"W103": 1}
    assert s["published"] == {"first": "2026-02-28", "last": "2026-03-05"}


@pytest.mark.parametrize("filters, expected", [
    ({}, [MARCH, DRONE, DOCKERS, PLAIN, BAD]),
    ({"outlet": "Harbor Wire"}, [MARCH, DOCKERS]),
    ({"date_from": "2026-03-03", "date_to": "2026-03-04"}, [DRONE, DOCKERS]),
    ({"q": "dock workers"}, [MARCH, DOCKERS]),
    ({"q": "Kharkiv drone"}, [DRONE]),
    ({"q": "drone dockers"}, []),
    ({"has_event_type": "PROTEST"}, [MARCH, DOCKERS]),
    ({"has_event_type": "ASSAULT", "outlet": "Harbor Wire"}, []),
    ({"status": "error"}, [BAD]),
    ({"sort": "title", "order": "asc", "status": "ok"}, [DOCKERS, DRONE, MARCH, PLAIN]),
])
def test_queries_list_articles_filters(conn, filters, expected):
    page = queries.list_articles(conn, **filters)
    assert [a["id"] for a in page["items"]] == expected
    assert page["total"] == len(expected)


def test_queries_list_articles_paginates(conn):
    page = queries.list_articles(conn, limit=2, offset=2)
    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 2)
    assert [a["id"] for a in page["items"]] == [DOCKERS, PLAIN]
    assert queries.list_articles(conn, limit=0)["items"] == []


def test_queries_list_articles_snippet_marks_point_at_matches(conn):
    item = queries.list_articles(conn, q="Kharkiv")["items"][0]
    assert item["snippet_marks"]
    for start, end in item["snippet_marks"]:
        assert item["snippet"][start:end].lower() == "kharkiv"
    assert "\x02" not in item["snippet"] and item["n_events"] == 2 and item["n_quotes"] == 3


@pytest.mark.parametrize("q, expected", [
    ("dock workers", '"dock" "workers"'),
    ('say "hello', '"say" """hello"'),
    ("NEAR(a b) OR c*", '"NEAR(a" "b)" "OR" "c*"'),
    ("- : ^ *", None),
    ("   ", None),
])
def test_queries_fts_query_quotes_every_word(q, expected):
    assert queries.fts_query(q) == expected


@pytest.mark.parametrize("q", ['"', "dock OR", "title:dock", "NOT dock", "dock*", "(dock", "a\"b' --", "'; DROP TABLE"])
def test_queries_search_never_raises_on_fts_syntax(conn, q):
    page = queries.list_articles(conn, q=q)
    assert page["total"] == len(page["items"])


@pytest.mark.parametrize("call", [
    lambda c: queries.list_articles(c, outlet="x' OR '1'='1"),
    lambda c: queries.list_articles(c, has_event_type="PROTEST' OR 1=1 --"),
    lambda c: queries.list_events(c, type="PROTEST' OR '1'='1"),
    lambda c: queries.list_events(c, actor_country="CHL\" OR 1=1 --"),
    lambda c: queries.list_entities(c, type="PERSON' OR 'a'='a"),
    lambda c: queries.list_quotes(c, speaker="%"),
    lambda c: queries.list_quotes(c, speaker="_"),
    lambda c: queries.list_quotes(c, q="' OR 1=1 --"),
])
def test_queries_injected_filters_match_nothing(conn, call):
    page = call(conn)
    assert page["total"] == 0 and page["items"] == []
    assert queries.stats(conn)["tables"]["articles"] == 5  # nothing dropped


@pytest.mark.parametrize("call", [
    lambda c: queries.list_events(c, sort="day; DROP TABLE events"),
    lambda c: queries.list_events(c, order="desc, 1"),
    lambda c: queries.list_articles(c, sort="rowid"),
    lambda c: queries.list_entities(c, sort="n_mentions"),
    lambda c: queries.list_events(c, date_from="2026-03-01' OR '1'='1"),
    lambda c: queries.list_articles(c, limit=10_000),
    lambda c: queries.list_articles(c, offset=-1),
])
def test_queries_refuse_bad_sort_order_dates_and_pages(conn, call):
    with pytest.raises(ApiError) as info:
        call(conn)
    assert info.value.code.name == "E504"


@pytest.mark.parametrize("filters, expected", [
    ({}, 6),
    ({"type": "PROTEST"}, 2),
    ({"type": "PROTEST", "mode": "strike"}, 1),
    ({"status": "intended"}, 2),
    ({"actor_country": "chl"}, 4),
    ({"actor_country": "CHL", "actor_sector": "GOV"}, 1),
    ({"place_country": "ua"}, 2),
    ({"date_from": "2026-03-03", "date_to": "2026-03-04"}, 3),
    ({"article_id": DRONE}, 2),
])
def test_queries_list_events_filters(conn, filters, expected):
    page = queries.list_events(conn, **filters)
    assert page["total"] == expected == len(page["items"])


def test_queries_list_events_sorts_and_adds_evidence(conn):
    items = queries.list_events(conn, sort="confidence", order="asc")["items"]
    assert [e["confidence"] for e in items] == sorted(e["confidence"] for e in items)
    text = records()[0].text
    coerce = next(e for e in items if e["type"] == "COERCE")
    assert (coerce["trigger_start"], coerce["trigger_end"]) == at(text, "arrested")
    assert coerce["trigger_text"] == "arrested" and coerce["actors"] == ["Police"]
    assert coerce["sentence_text"] == "Police arrested 14 people near the port gates, the Interior Ministry said."
    consult = next(e for e in items if e["type"] == "CONSULT")
    assert consult["actors"] == ["Diego Alarcon"] and consult["recipients"] == ["dockers' union"]


def test_queries_events_timeline_counts_per_day_and_type(conn):
    tl = queries.events_timeline(conn)
    assert {(i["day"], i["type"]): i["n"] for i in tl["items"]} == {
        ("2026-03-02", "COERCE"): 1, ("2026-03-02", "PROTEST"): 1, ("2026-03-03", "CONSULT"): 1,
        ("2026-03-04", "AID"): 1, ("2026-03-04", "ASSAULT"): 1, ("2026-03-05", "PROTEST"): 1}
    assert (tl["first"], tl["last"], tl["total"], tl["types"][0]) == ("2026-03-02", "2026-03-05", 6, "PROTEST")
    assert queries.events_timeline(conn, type="AID", sort="day")["total"] == 1


def test_queries_event_places_points_and_countries(conn):
    places = queries.event_places(conn)
    assert places["countries"] == {"CL": 3, "UA": 2} and places["unplaced"] == 1
    kharkiv = next(p for p in places["points"] if p["place_name"] == "Kharkiv")
    assert (kharkiv["n"], kharkiv["types"], kharkiv["lat"]) == (2, ["AID", "ASSAULT"], 49.98)
    assert queries.event_places(conn, type="PROTEST")["countries"] == {"CL": 2}


def test_queries_list_entities_groups_across_articles(conn):
    page = queries.list_entities(conn, name="rojas")
    assert page["total"] == 1
    rojas = page["items"][0]
    assert (rojas["n_articles"], rojas["n_mentions"], rojas["country"], rojas["sector"]) == (2, 2, "CHL", "LAB")
    assert rojas["roles"] == ["spokeswoman for the dockers' union"]
    assert queries.list_entities(conn, type="person", sort="name", order="asc")["items"][0]["name"] == "Amira Haddad"


def test_queries_list_quotes_groups_speaker_variants(conn):
    page = queries.list_quotes(conn, speaker="rojas")
    assert page["total"] == 2
    assert page["speakers"] == [{"name": "Marta Rojas", "n_quotes": 2, "n_articles": 2,
                                 "variants": ["Marta Rojas", "Rojas"]}]
    assert {q["content_text"] for q in page["items"]} == {
        "We will not let machines take our jobs,", 'the strike would continue "until the ministry listens"'}
    everyone = queries.list_quotes(conn)
    assert everyone["total"] == 7 and len(everyone["speakers"]) == 6
    assert queries.list_quotes(conn, kind="direct")["total"] == 2


def test_queries_get_article_by_id_and_prefix(conn):
    assert queries.get_article(conn, DRONE)["meta"]["outlet"] == "Northern Ledger"
    assert queries.get_article(conn, DRONE[:10])["id"] == DRONE
    assert queries.get_article(conn, "0" * 64) is None
    assert queries.get_article(conn, "%") is None
