"""What the site offers for sharing and reuse: ClaimReview, link previews, "cite this page",
the exports (TimelineJS, DOT, AIF, ACLED-shaped CSV) and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest
from PIL import Image
from pybtex.database import parse_string

from explainer.build import data_dir_of, read_corpus
from explainer.data.dates import PartialDate
from explainer.render import card, exports, feed, render_site
from explainer.render.cite import Cited, Publication, bibtex, csl_json, plain_citation
from explainer.render.claims import RATINGS
from explainer.render.preview import first_sentence
from sitebuild import ROOT, ServedSite

SITE = Publication(url="https://example.org/mali-coup-explainer/")
ATOM = "{http://www.w3.org/2005/Atom}"

#: The schema.org properties each type used in ClaimReview may carry (from schema.org's
#: definitions of the types and their parents: Thing, CreativeWork, Review, Rating, Claim,
#: Organization, Person, OpinionNewsArticle).
SCHEMA_ORG: dict[str, set[str]] = {
    "ClaimReview": {"@context", "@type", "url", "claimReviewed", "reviewRating",
                    "itemReviewed", "author", "datePublished"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName",
               "ratingExplanation"},
    "Claim": {"@type", "author", "datePublished", "appearance", "firstAppearance"},
    "OpinionNewsArticle": {"@type", "url", "headline", "publisher"},
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name"},
}


@pytest.fixture(scope="module")
def corpus() -> Any:
    return read_corpus(data_dir_of(ROOT))


@pytest.fixture(scope="module")
def rendered(corpus: Any) -> Any:
    return render_site(corpus, site=SITE)


def _typecheck(node: dict[str, Any], where: str) -> None:
    kind = node["@type"]
    assert kind in SCHEMA_ORG, f"{where}: {kind} is not a type this check knows"
    extra = set(node) - SCHEMA_ORG[kind]
    assert not extra, f"{where}: {kind} has no properties {sorted(extra)}"
    for key, value in node.items():
        if isinstance(value, dict):
            _typecheck(value, f"{where}.{key}")


def test_every_fact_checked_claim_has_one_complete_claimreview(corpus: Any, rendered: Any) -> None:
    checked = 0
    for c in corpus.claims.values():
        data = rendered.pages[f"claims/{c.id}.md"].jsonld
        if c.assessment is None or c.assessment.verdict == "opinion":
            assert data is None, c.id
            continue
        checked += 1
        assert data["@type"] == "ClaimReview"
        _typecheck(data, c.id)
        # Google's required and recommended fields.
        assert data["claimReviewed"] and data["url"].startswith(SITE.url)
        assert data["author"] == {"@type": "Organization", "name": SITE.name, "url": SITE.url}
        assert data["datePublished"] == c.reviewed.iso()
        rating = data["reviewRating"]
        assert rating["alternateName"].lower() == c.assessment.verdict
        if c.assessment.verdict != "unverified":
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        item = data["itemReviewed"]
        assert item["author"]["name"] == "Dishari Rakshit"
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item["datePublished"])
        assert item["appearance"]["url"].startswith("https://intpolicydigest.org/")
        assert item["appearance"]["publisher"]["name"]
    assert checked >= 20


def test_ratings_follow_the_verdicts(corpus: Any, rendered: Any) -> None:
    values = {c.assessment.verdict: rendered.pages[f"claims/{c.id}.md"].jsonld["reviewRating"]
              .get("ratingValue") for c in corpus.claims.values()
              if c.assessment and c.assessment.verdict != "opinion"}
    present = [v for v in ("wrong", "imprecise", "correct") if v in values]
    assert len(present) >= 2
    assert [values[v] for v in present] == [RATINGS[v] for v in present]
    assert RATINGS["wrong"] < RATINGS["imprecise"] < RATINGS["correct"]


def test_first_sentence_is_plain_and_short() -> None:
    html = ('<h1>T</h1><p></p><p>Mali&#39;s <a href="x">army</a> took power. Then more.</p>'
            + "<p>Other.</p>")
    assert first_sentence(html) == "Mali's army took power."
    long = "<p>" + "word " * 100 + "end.</p>"
    text = first_sentence(long)
    assert len(text) <= 200 and text.endswith("…") and "  " not in text


def test_the_card_is_a_1200_by_630_png() -> None:
    data = card.card_png("Title", "Subtitle", "example.org")
    assert data == card.card_png("Title", "Subtitle", "example.org")  # reproducible
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "PNG" and img.size == (1200, 630)


def test_citations_parse_in_both_formats_whatever_the_title() -> None:
    hostile = 'A {brace & 50% "quote" #1 _x} \\ ~ title'
    c = Cited(path="events/x-1.md", title=hostile, kind="event",
              reviewed=PartialDate(year=2026, month=11, day=29), site=SITE)
    entry = parse_string(bibtex(c), "bibtex").entries["event-x-1"]
    assert entry.fields["url"].replace("\\", "") == "https://example.org/mali-coup-explainer/" \
        "events/x-1/"
    assert "brace" in entry.fields["title"] and entry.fields["year"] == "2026"
    item = json.loads(csl_json(c))[0]
    assert item["title"] == hostile and item["type"] == "webpage"
    assert item["issued"] == {"date-parts": [[2026, 11, 29]]}
    assert plain_citation(c).endswith("Last reviewed 29 November 2026. "
                                      "https://example.org/mali-coup-explainer/events/x-1/.")


def test_every_record_page_ends_with_cite_this_page(corpus: Any, rendered: Any) -> None:
    for kind, records in (("events", corpus.events), ("claims", corpus.claims),
                          ("actors", corpus.actors)):
        for ident in records:
            md = rendered.pages[f"{kind}/{ident}.md"].markdown
            assert "## Cite this page {#cite}" in md, ident
            for ext in ("json", "bib"):
                assert f"cite/{kind}/{ident}.{ext}" in rendered.files
                assert f"({'../' * 1}cite/{kind}/{ident}.{ext})" in md


def test_dot_renders_with_graphviz(rendered: Any, tmp_path: Path) -> None:
    dot = shutil.which("dot")
    assert dot, "Graphviz is missing: run `make browser` (apt-get install graphviz)"
    src = tmp_path / "argument.dot"
    src.write_bytes(rendered.files[exports.DOT_FILE])
    out = subprocess.run([dot, "-Tsvg", str(src)], capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode()
    svg = ET.fromstring(out.stdout)
    nodes = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert len(nodes) == len(read_corpus(data_dir_of(ROOT)).claims)


def test_aif_round_trips_to_our_argument(corpus: Any, rendered: Any) -> None:
    aif = json.loads(rendered.files[exports.AIF_FILE])
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    assert set(kinds.values()) == {"I", "RA", "CA"}
    assert len(kinds) == len(aif["nodes"])  # ids unique
    for e in aif["edges"]:
        a, b = kinds[e["fromID"]], kinds[e["toID"]]
        # I -> RA/CA -> I: a scheme node sits between two claims.
        assert (a, b) in {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I")}, e
    supports, attacks = exports.aif_relations(aif)
    assert supports == {(c.id, t) for c in corpus.claims.values() for t in c.supports}
    assert attacks == {(c.id, t) for c in corpus.claims.values() for t in c.attacks}
    assert {n["nodeID"] for n in aif["nodes"] if n["type"] == "I"} == set(corpus.claims)


def test_acled_shaped_csv(corpus: Any, rendered: Any) -> None:
    rows = list(csv.reader(io.StringIO(rendered.files[exports.ACLED_FILE].decode("utf-8-sig"))))
    assert tuple(rows[0]) == exports.ACLED_COLUMNS
    assert rows[0][:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert len(rows) == len(corpus.events) + 1
    for row in rows[1:]:
        rec = dict(zip(rows[0], row, strict=True))
        assert rec["dataset"] == exports.ACLED_LABEL
        assert rec["time_precision"] in {"1", "2", "3"}
        assert rec["event_date"][:4] == rec["year"]
        e = corpus.events[rec["event_id_cnty"]]
        if e.when.date.precision != "day":
            assert rec["time_precision"] == "3"


def test_timelinejs_json_has_a_slide_per_event(corpus: Any, rendered: Any) -> None:
    data = json.loads(rendered.files[exports.TIMELINEJS_FILE])
    assert [e["unique_id"] for e in data["events"]] == list(corpus.events)
    for e in data["events"]:
        assert set(e) >= {"start_date", "text", "group", "unique_id"}
        assert e["start_date"]["year"].isdigit() and e["text"]["headline"]
        assert "<script" not in e["text"]["text"]
    approximate = [e for e in corpus.events.values() if e.when.approximate]
    if approximate:
        by_id = {e["unique_id"]: e for e in data["events"]}
        assert all("display_date" in by_id[e.id] for e in approximate)
    def day(d: dict[str, str]) -> tuple[int, ...]:
        return tuple(int(d[k]) for k in ("year", "month", "day"))

    assert len(data["eras"]) >= 4
    assert all(day(e["start_date"]) <= day(e["end_date"]) for e in data["eras"])
    assert data["eras"][-1]["text"]["headline"] == "After the article"


def test_feed_is_valid_atom(corpus: Any, rendered: Any) -> None:
    raw = rendered.files[feed.FEED_FILE]
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    root = ET.fromstring(raw)
    # RFC 4287 4.1.1: a feed has one id, title and updated, and an author (here at feed level).
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(ATOM + tag)) == 1, tag
    assert root.find(ATOM + "link[@rel='self']") is not None
    entries = root.findall(ATOM + "entry")
    assert 0 < len(entries) <= feed.FEED_ENTRIES
    stamps = []
    for entry in entries:
        for tag in ("id", "title", "updated", "link"):
            assert entry.find(ATOM + tag) is not None, tag
        stamps.append(entry.findtext(ATOM + "updated"))
    assert stamps == sorted(stamps, reverse=True)
    assert root.findtext(ATOM + "updated") == stamps[0]


def test_data_page_lists_every_download_with_its_size(rendered: Any) -> None:
    page = rendered.pages["data.md"].markdown
    for path in (exports.TIMELINEJS_FILE, exports.DOT_FILE, exports.AIF_FILE,
                 exports.ACLED_FILE, feed.FEED_FILE):
        name = path.rpartition("/")[2]
        assert re.search(rf"\[{re.escape(name)}\]\([^)]*{re.escape(path)}\) \(\d", page), name
    assert "not ACLED data" in page


def test_built_home_page_has_complete_preview_tags(site: ServedSite) -> None:
    html = (site.site_dir / "index.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name",
                "og:locale", "og:image", "og:image:width", "og:image:height", "og:image:alt",
                "twitter:card"):
        assert meta.get(key), key
    assert meta["og:url"] == site.base_url and meta["og:type"] == "website"
    assert len(meta["og:description"]) <= 200
    assert meta["og:image"] == site.base_url + card.CARD_FILE
    with Image.open(site.site_dir / card.CARD_FILE) as img:
        assert img.size == (int(meta["og:image:width"]), int(meta["og:image:height"]))
    assert 'type="application/atom+xml"' in html


def test_built_claim_pages_carry_one_claimreview(site: ServedSite, corpus: Any) -> None:
    for c in corpus.claims.values():
        html = (site.site_dir / "claims" / c.id / "index.html").read_text("utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        reviews = [b for b in blocks if '"ClaimReview"' in b]
        opinion = c.assessment is None or c.assessment.verdict == "opinion"
        assert len(reviews) == (0 if opinion else 1), c.id
        meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)"', html))
        assert meta["citation_title"] and meta["citation_date"], c.id
