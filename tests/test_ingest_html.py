"""extract_html: body text, metadata, and promo lines removed from extracted text (links only)."""
from __future__ import annotations

from newsevents.ingest.html import extract_html

P1 = ("Rescue teams evacuated more than 3,000 people from villages in the Velmar valley on Sunday after two days "
      "of heavy rain burst the river's banks, the regional government said.")
P2 = ("The regional governor declared a state of emergency in four districts and asked the army for help with "
      "the evacuation of the lower valley.")
P3 = "Army engineers were sent to shore up a dam upstream of the town of Ostrel, the defence ministry said."
RELATED = "Families sheltering in school gyms say they need help"
SUBHEAD = "Dam under pressure"
PAGE = f"""<html lang="en"><head><meta charset="windows-1252"><title>Floods in Velmar</title>
<meta property="og:site_name" content="Valley Times">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2024-03-10T17:05:00Z",
"headline": "Floods force thousands from homes"}}</script></head>
<body><article><h1>Floods force thousands from homes</h1>
<p>{P1}</p><p>{P2}</p>
<p><a href="/news/gyms">{RELATED}</a></p>
<h2>{SUBHEAD}</h2>
<p>{P3}</p>
<p>Inside Story – <a href="/shows/dams">Can the valley's dams cope?</a></p>
<p>Officials said two people were missing and more rain was expected on Tuesday.</p>
</article></body></html>"""


def test_ingest_html_body_metadata_and_promos():
    article = extract_html(PAGE.encode("cp1252"), url="https://valley.example/floods")
    assert article.ok and article.warnings == []            # declared charset: no guessing, no W102
    paragraphs = article.text.split("\n\n")
    for para in (P1, P2, P3, SUBHEAD):
        assert para in paragraphs
    assert article.text.index(P2) == article.text.index(P1) + len(P1) + 2
    assert article.removed_boilerplate == [RELATED, "Inside Story – Can the valley's dams cope?"]
    assert article.meta["published"] == "2024-03-10T17:05:00+00:00"
    assert article.meta["outlet"] == "Valley Times"
    assert article.meta["title"] == "Floods force thousands from homes"
    assert article.meta["language"] == "en"
    assert article.source == {"url": "https://valley.example/floods"}


def test_ingest_html_unlinked_short_line_is_kept():
    # the same short line, not a link: a sub-heading or caption the page wrote, kept
    page = PAGE.replace(f'<a href="/news/gyms">{RELATED}</a>', RELATED)
    article = extract_html(page)
    assert RELATED in article.text.split("\n\n")


def test_ingest_html_without_cleaning():
    article = extract_html(PAGE, clean=False)
    assert RELATED in article.text and article.removed_boilerplate == []


def test_ingest_html_non_english_page_keeps_text():
    page = ("<html><body><article><p>Die Rettungskräfte haben am Sonntag mehr als 3.000 Menschen aus Dörfern im "
            "Tal in Sicherheit gebracht, nachdem der Fluss über die Ufer getreten war.</p><p>Der Gouverneur rief "
            "in vier Bezirken den Notstand aus und bat die Armee um Hilfe.</p></article></body></html>")
    article = extract_html(page)
    assert article.ok and article.meta["language"] == "de"
    assert [w["code"] for w in article.warnings] == ["W101"]
    assert article.text.startswith("Die Rettungskräfte")
