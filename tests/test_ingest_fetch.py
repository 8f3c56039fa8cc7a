"""fetch_url and URL targets through httpx.MockTransport (no network)."""
from __future__ import annotations

import httpx
import pytest

from newsevents.ingest import read_inputs
from newsevents.ingest.fetch import fetch_url

URL = "https://news.example.org/2024/05/02/port-strike"
BODY = ("The harbour authority said on Tuesday that the strike had cost the port two million dollars a day. "
        "Talks between the union and the port are due to resume next week, officials said.")
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Port strike enters second week | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:title" content="Port strike enters second week">
<meta name="author" content="Jane Okafor">
<meta property="article:published_time" content="2024-05-02T08:30:00+01:00">
<link rel="canonical" href="https://news.example.org/port-strike">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>
<h1>Port strike enters second week</h1>
<p>{BODY}</p>
<p>Dockworkers walked out last Thursday over pay. About 2,400 union members have joined the strike, and ships are
queuing outside the harbour.</p>
<p>READ MORE: <a href="/ports">Shipping costs climb as ports struggle with backlog</a></p>
<p>The union said it would hold a rally on Saturday in front of the harbour authority's offices.</p>
</article></main><footer>© Harbour Herald</footer></body></html>"""


def _client(handler):
    return httpx.MockTransport(handler)


def _codes(rows):
    return [r["code"] for r in rows]


def test_ingest_fetch_ok_with_metadata_and_promo_removed():
    seen = {}

    def handler(request):
        seen["ua"] = request.headers["user-agent"]
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=PAGE.encode())

    article = fetch_url(URL, transport=_client(handler))
    assert article.ok, article.errors
    assert seen["ua"].startswith("newsevents/")
    assert article.source == {"url": URL}
    assert article.meta["title"] == "Port strike enters second week"
    assert article.meta["outlet"] == "Harbour Herald"
    assert article.meta["author"] == "Jane Okafor"
    assert article.meta["published"] == "2024-05-02T08:30:00+01:00"
    assert article.meta["url"] == "https://news.example.org/port-strike"
    assert article.meta["language"] == "en"
    assert BODY in article.text.split("\n\n")
    assert "READ MORE: Shipping costs climb as ports struggle with backlog" in article.removed_boilerplate
    assert "Shipping costs climb" not in article.text


def test_ingest_fetch_charset_from_header():
    text = "Le maire a déclaré que le pont de Genève resterait fermé jusqu'à la fin de l'été."

    def handler(request):
        return httpx.Response(200, headers={"content-type": "text/plain; charset=iso-8859-1"},
                              content=text.encode("latin-1"))

    article = fetch_url(URL, transport=_client(handler))
    assert article.text == text and _codes(article.warnings) == ["W101"]


def test_ingest_fetch_follows_redirects():
    def handler(request):
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": URL})
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE.encode())

    article = fetch_url("https://news.example.org/old", transport=_client(handler))
    assert article.ok and article.source == {"url": "https://news.example.org/old"}


@pytest.mark.parametrize("handler, code", [
    (lambda r: httpx.Response(404, text="not found"), "E122"),
    (lambda r: httpx.Response(503), "E122"),
    (lambda r: httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF-1.7"), "E102"),
    (lambda r: httpx.Response(200, headers={"content-type": "image/png"}, content=b"\x89PNG"), "E102"),
    (lambda r: httpx.Response(200, headers={"content-type": "text/html"}, content=b"<html><body></body></html>"),
     "E104"),
])
def test_ingest_fetch_http_failures(handler, code):
    article = fetch_url(URL, transport=_client(handler))
    assert _codes(article.errors) == [code]
    assert article.source == {"url": URL}
    assert URL in article.errors[0]["message"] or code in ("E102", "E104")


def test_ingest_fetch_timeout():
    def handler(request):
        raise httpx.ReadTimeout("slow", request=request)

    article = fetch_url(URL, transport=_client(handler), timeout=0.5)
    assert _codes(article.errors) == ["E123"]
    assert "0.5 s" in article.errors[0]["message"]


def test_ingest_fetch_network_error():
    def handler(request):
        raise httpx.ConnectError("refused", request=request)

    article = fetch_url(URL, transport=_client(handler))
    assert _codes(article.errors) == ["E121"]


def test_ingest_fetch_too_large_by_header_and_by_stream():
    big = PAGE.encode() * 4

    def declared(request):
        return httpx.Response(200, headers={"content-type": "text/html"}, content=big)

    def streamed(request):
        # no Content-Length: the limit must be enforced while reading
        return httpx.Response(200, headers={"content-type": "text/html"}, content=iter([big[:1000], big[1000:]]))

    for handler in (declared, streamed):
        article = fetch_url(URL, transport=_client(handler), max_bytes=2000)
        assert _codes(article.errors) == ["E105"]


def test_ingest_fetch_url_target_is_single_and_takes_published():
    def handler(request):
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=BODY.encode())

    single, articles = read_inputs(URL, published="2024-05-03", transport=_client(handler))
    items = list(articles)
    assert single is True and len(items) == 1
    assert items[0].text == BODY and items[0].meta["published"] == "2024-05-03"
