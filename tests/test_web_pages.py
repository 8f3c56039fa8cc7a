"""Web pages rendered server-side (no browser): what each page shows, and the graceful 'no events' case."""
from __future__ import annotations

import re

import pytest
from web_records import Client, build_store, records

from newsevents.api.app import create_app
from newsevents.api.charts import project, world_paths
from newsevents.store.db import open_store, write_record

DOCKERS, DRONE, MARCH, PLAIN, BAD = (r.id for r in records())


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return Client(create_app(build_store(tmp_path_factory.mktemp("web") / "news.db")))


@pytest.fixture(scope="module")
def plain_client(tmp_path_factory):
    """A store like today's real ones: records without events."""
    path = tmp_path_factory.mktemp("plain") / "news.db"
    with open_store(path) as conn:
        write_record(conn, records()[3], "plain")
    return Client(create_app(path))


def test_web_pages_allow_only_their_own_scripts(client):
    csp = client.get("/ui/events").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp


def test_web_home_redirects_to_articles(client):
    response = client.get("/")
    assert response.status_code == 307 and response.headers["location"] == "/ui/articles"


def test_web_article_page_marks_every_layer(client):
    html = client.get(f"/ui/articles/{DOCKERS}").text
    assert 'data-value="2026-03-02" title="DATE 2026-03-02 · anchored on 2026-03-03">Monday</span>' in html
    assert 'data-actor="CHL LAB"' in html and 'data-speaker="Marta Rojas"' in html
    assert re.search(r'class="ev-trig" data-ev="EV2"[^>]*>arrested</span>', html)
    assert 'class="removed">Sign up for the Harbor Wire morning briefing</p>' in html
    for layer in ("entities", "times", "places", "quantities", "quotes"):
        assert f'data-layer="{layer}" name="{layer}"' in html  # its checkbox
    assert html.count('<li class="event"') == 3
    assert "Chile&#39;s busiest port" in html  # text is escaped


def test_web_error_record_page_says_so(client):
    html = client.get(f"/ui/articles/{BAD}").text
    assert "E104" in html and "has no text" in html


def test_web_events_page_filters_table_timeline_and_map(client):
    html = client.get("/ui/events?type=PROTEST").text
    rows = re.findall(r'<tr data-type="([A-Z]+)">', html)
    assert rows == ["PROTEST", "PROTEST"]
    assert html.count('class="bar"') == 2 and '<svg class="map"' in html
    assert html.count('<circle class="place"') == 2 and 'data-country="CL"' in html
    assert f'href="/ui/articles/{MARCH}#EV1"' in html


def test_web_pages_accept_a_form_with_blank_fields(client):
    html = client.get("/ui/events?type=ASSAULT&mode=&status=&date_from=&date_to=&sort=day&order=desc").text
    assert re.findall(r'<tr data-type="([A-Z]+)">', html) == ["ASSAULT"]
    assert client.get("/ui/quotes?speaker=&q=&kind=").status_code == 200
    assert client.get("/ui/articles?q=&outlet=&date_from=&date_to=&has_event_type=").text.count('class="article-row') == 5


def test_web_quotes_page_groups_by_speaker(client):
    html = client.get("/ui/quotes").text
    groups = re.findall(r'<section class="speaker-group"[^>]*>\s*<h2>([^<]+)</h2>', html)
    assert groups == ["Amira Haddad", "Diego Alarcon", "Interior Ministry", "Ivan Petrenko", "Marta Rojas",
                      "United Nations"]
    assert "as Marta Rojas · Rojas" in html


def test_web_articles_page_searches(client):
    html = client.get("/ui/articles?q=Kharkiv").text
    assert html.count('class="article-row') == 1 and '<span class="match">Kharkiv</span>' in html
    assert "No articles match" in client.get("/ui/articles?q=zzzz").text


def test_web_pages_without_events_say_so(plain_client):
    assert "No events in this store yet" in plain_client.get("/ui/events").text
    html = plain_client.get(f"/ui/articles/{PLAIN}").text
    assert 'id="no-events"' in html and "city council of Tromso" in html
    assert "no events" in plain_client.get("/ui/stats").text


def test_web_pages_escape_what_articles_say(tmp_path):
    from newsevents.record import ArticleRecord, text_id

    text = "Protesters chanted <script>alert(1)</script> outside."
    hostile = ArticleRecord(id=text_id(text), text=text, meta={"title": "<img src=x onerror=alert(2)>",
                                                               "outlet": "<b>Evil</b>", "url": "javascript:alert(3)"})
    client = Client(create_app(build_store(tmp_path / "x.db", extra=[hostile])))
    for url in ("/ui/articles", f"/ui/articles/{hostile.id}", "/ui/stats", "/ui/articles?q=protesters"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Evil" not in html, url
        assert "javascript:" not in html, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/ui/articles/{hostile.id}").text


def test_web_world_outline_is_projected_from_natural_earth():
    paths = {iso: d for iso, _, d in world_paths()}
    assert len(paths) > 150 and "AQ" not in paths  # Antarctica is below the frame
    assert project(0, 0) == (480.0, 240.0) and project(-180, 90) == (0.0, 0.0)
    # Chile lies west of 66°W and south of 17°S: every point of its outline projects inside that box
    xs_ys = [tuple(map(float, p.split(","))) for p in re.split(r"[MLZ]", paths["CL"]) if p]
    assert all(x < project(-66, 0)[0] and y > project(0, -17)[1] for x, y in xs_ys)
