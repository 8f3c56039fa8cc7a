"""HTTP API through httpx.ASGITransport: JSON routes, their page twins, the one error shape, limits and the token."""
from __future__ import annotations

import pytest
from web_records import Client, build_store, records

from newsevents.api.app import create_app

DOCKERS, DRONE, MARCH, PLAIN, BAD = (r.id for r in records())


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "news.db")


@pytest.fixture(scope="module")
def client(db):
    return Client(create_app(db, token=""))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert list(body) == ["error"] and sorted(body["error"]) == ["code", "message", "status"]
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert body["error"]["message"].startswith(f"[{code}]")
    return body["error"]


@pytest.mark.parametrize("url, total", [
    ("/articles", 5), ("/articles?outlet=Harbor%20Wire", 2), ("/articles?q=drone", 1),
    ("/articles?has_event_type=PROTEST&date_from=2026-03-04", 1), ("/events", 6), ("/events?type=PROTEST", 2),
    ("/events?actor_country=CHL&sort=confidence&order=asc", 4), ("/events?place_country=UA&limit=1", 2),
    ("/entities?name=rojas", 1), ("/quotes?speaker=Rojas", 2), ("/quotes?kind=indirect", 4),
])
def test_api_list_routes_filter_and_paginate(client, url, total):
    response = client.get(url)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == total and len(page["items"]) == min(total, page["limit"])


def test_api_article_route_returns_the_record(client):
    record = client.get(f"/articles/{DOCKERS}").json()
    assert record == records()[0].model_dump(mode="json")
    assert client.get(f"/articles/{DOCKERS[:12]}").json()["id"] == DOCKERS


def test_api_stats_and_timeline_and_places(client):
    assert client.get("/stats").json()["tables"]["events"] == 6
    assert client.get("/events/timeline?type=PROTEST").json()["total"] == 2
    assert client.get("/events/places").json()["countries"] == {"CL": 3, "UA": 2}


@pytest.mark.parametrize("page_url, key, api_url", [
    ("/ui/articles?q=dock&format=json", "articles", "/articles?q=dock"),
    ("/ui/events?type=PROTEST&format=json", "events", "/events?type=PROTEST"),
    ("/ui/events?type=PROTEST&format=json", "timeline", "/events/timeline?type=PROTEST"),
    ("/ui/events?format=json", "places", "/events/places"),
    ("/ui/quotes?speaker=rojas&format=json", "quotes", "/quotes?speaker=rojas"),
    ("/ui/entities?name=un&format=json", "entities", "/entities?name=un"),
    ("/ui/stats?format=json", "stats", "/stats"),
    (f"/ui/articles/{DRONE}?format=json", "record", f"/articles/{DRONE}"),
])
def test_api_every_page_has_a_json_twin_from_the_same_query(client, page_url, key, api_url):
    twin = client.get(page_url)
    assert twin.headers["content-type"].startswith("application/json")
    assert twin.json()[key] == client.get(api_url).json()


def test_api_openapi_schema_lists_the_routes(client):
    schema = client.get("/openapi.json").json()
    for path in ("/extract", "/articles", "/articles/{article_id}", "/events", "/entities", "/quotes", "/stats"):
        assert path in schema["paths"]
    assert "ErrorBody" in schema["components"]["schemas"]
    assert not any(p.startswith("/ui") for p in schema["paths"])


def test_api_docs_page_uses_packaged_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="/swagger-ui/swagger-ui-bundle.js"' in page.text and "<script>" not in page.text
    assert "cdn" not in page.text.lower()
    bundle = client.get("/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("url, status, code", [
    ("/no/such/route", 404, "E501"),
    ("/articles/" + "0" * 64, 404, "E501"),
    ("/articles?limit=-1", 422, "E504"),
    ("/articles?limit=100000", 422, "E504"),
    ("/events?date_from=yesterday", 422, "E504"),
    ("/events?sort=day;DROP", 422, "E504"),
    ("/quotes?kind=rumour", 422, "E504"),
])
def test_api_errors_have_one_shape(client, url, status, code):
    assert_error(client.get(url), status, code)


def test_api_wrong_method_and_bad_body_have_the_shape(client):
    assert_error(client.request("DELETE", "/articles"), 405, "E504")
    assert_error(client.post("/extract", json={"title": "no body"}), 422, "E504")
    assert_error(client.post("/extract", json={"text": "a", "html": "<p>b</p>"}), 422, "E504")
    assert_error(client.post("/extract", content=b"{not json", headers={"content-type": "application/json"}), 422,
                 "E504")


def test_api_pages_render_errors_as_html(client):
    response = client.get("/ui/articles/" + "0" * 64)
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "E501" in response.text
    assert_error(client.get("/ui/articles/" + "0" * 64 + "?format=json"), 404, "E501")


def test_api_request_size_limit(db):
    small = Client(create_app(db, max_body=1000))
    error = assert_error(small.post("/extract", json={"text": "x" * 2000}), 413, "E502")
    assert "1000" in error["message"]
    # a body streamed without Content-Length is counted too
    async def chunks():
        for part in (b'{"text": "', b"y" * 1500, b'"}'):
            yield part
    assert_error(small.post("/extract", content=chunks(), headers={"content-type": "application/json"}), 413, "E502")


def test_api_token_guards_write_routes(db, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_API_TOKEN", "s3cret")
    guarded = Client(create_app(db))
    assert_error(guarded.post("/extract", json={"text": "Hello."}), 401, "E503")
    assert_error(guarded.post("/extract", json={"text": "Hello."}, headers={"Authorization": "Bearer wrong"}), 401,
                 "E503")
    assert guarded.get("/stats").status_code == 200  # reads stay open


def test_api_missing_store_and_crash_have_the_shape(tmp_path, monkeypatch):
    assert_error(Client(create_app(tmp_path / "absent.db")).get("/stats"), 503, "E301")
    from newsevents.store import queries

    def boom(conn):
        raise RuntimeError("kaput")

    monkeypatch.setattr(queries, "stats", boom)
    error = assert_error(Client(create_app(build_store(tmp_path / "s.db")), raise_app_exceptions=False).get("/stats"),
                         500, "E505")
    assert "RuntimeError" in error["message"] and "kaput" not in error["message"]


@pytest.mark.model
def test_api_extract_runs_the_pipeline_and_stores(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_API_TOKEN", "tok")
    db = tmp_path / "fresh.db"
    client = Client(create_app(db))
    text = "Farmers blocked roads near Lyon on Monday, police said."
    response = client.post("/extract?store=true", json={"text": text, "published": "2026-03-10", "outlet": "Test Wire"},
                           headers={"Authorization": "Bearer tok"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["status"] == "ok" and record["text"] == text and record["meta"]["outlet"] == "Test Wire"
    for item in record["times"] + record["places"]:
        assert text[item["start"]:item["end"]] == item["text"]
    stored = client.get(f"/articles/{record['id']}").json()
    assert stored == record
    assert client.get("/articles?q=Lyon").json()["total"] == 1
