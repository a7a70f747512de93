"""After the article (issue 12): the rules behind the headline numbers and the later record,
the pages that show outcomes, and search over the later record of the real site."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.data.dates import PartialDate, When
from explainer.data.model import Corpus, Event, Place
from explainer.render import render_site, scope, timeline
from sitebuild import ServedSite


def _event(date: str, *, tags: tuple[str, ...] = (), kind: str = "coup",
           place: str | None = None) -> Event:
    """An event; `place` is a place id."""
    y, _, rest = date.partition("-")
    m, _, d = rest.partition("-")
    when = When(date=PartialDate(year=int(y), month=int(m or 0), day=int(d or 0)))
    return Event(id=f"e-{date}", path="", title="T", when=when, summary="S", kind=kind,
                 places=(place,) if place else (), actors=(), tags=tags, sources=())


def test_regional_is_the_tag_or_its_prefix() -> None:
    assert scope.is_regional(_event("2022-01-24", tags=("regional",)))
    assert scope.is_regional(_event("2022-01-24", tags=("after-article", "regional-coups")))
    assert not scope.is_regional(_event("2022-01-24", tags=("regionalism", "coup-history")))


def test_coup_counts_follow_the_rules() -> None:
    evs = [_event("1968-11-19"), _event("2012-03-22"), _event("2012-04-30", tags=("attempt",)),
           _event("2020-08-18"),
           _event("2021-04", tags=("regional",), place="ndjamena"),
           _event("2023-07-26", tags=("regional-coups",), place="niamey"),
           _event("2023-07-27", kind="statement")]
    assert [e.id for e in scope.mali_coups(evs)] == ["e-1968-11-19", "e-2012-03-22",
                                                      "e-2020-08-18"]
    assert [e.id for e in scope.region_coups(evs)] == ["e-2020-08-18", "e-2021-04",
                                                        "e-2023-07-26"]
    niamey = Place(id="niamey", path="", name="Niamey", name_fr="Niamey", kind="capital",
                   country="NE", lat=13.51366, lon=2.1098, precision="locality")
    corpus = Corpus.build(sources={}, events={}, actors={}, claims={}, terms={},
                          places={"niamey": niamey})
    assert scope.country(corpus, evs[5]) == "Niger"


@pytest.mark.parametrize(("date", "said"), [
    ("2021-06-16", "within a week"), ("2021-07-01", "about 2 weeks"),
    ("2022-08-19", "about 14 months"), ("2023-06-15", "about 2 years"),
    ("2025-01-29", "about 3 years and 7 months"), ("2021-09", "about 3 months")])
def test_time_after_the_article(date: str, said: str) -> None:
    assert scope.time_after(_event(date), dt.date(2021, 6, 15)) == said


def test_eras_end_with_after_the_article_from_the_sources_latest_date(
        fixtures_dir: Path) -> None:
    corpus = read_corpus(fixtures_dir / "small")
    eras = timeline.eras(corpus)
    assert eras[-1].ident == timeline.AFTER
    assert eras[-1].start == dt.date(2021, 7, 1)  # sample-article: latest 2021-06-30
    assert [timeline.era_of(e, eras).ident for e in corpus.events.values()] == [
        "independence", "transition", "transition", timeline.AFTER]


def test_a_coup_added_to_the_data_updates_the_home_numbers(fixtures_dir: Path,
                                                          tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    before = render_site(read_corpus(data)).pages["index.md"].markdown
    assert "Mali has had two coups" in before
    assert "have had one coup" in before
    (data / "places" / "niamey.yaml").write_text(
        (data / "places" / "capital-city.yaml").read_text("utf-8")
        .replace("id: capital-city", "id: niamey").replace("name: Capital City", "name: Niamey")
        .replace("country: ML", "country: NE").replace("lat: 12.60915", "lat: 13.51366")
        .replace("lon: -7.97522", "lon: 2.1098").replace("geonames: 2460596", "geonames: 2440485"),
        "utf-8")
    (data / "events" / "2022-neighbour-coup.yaml").write_text(
        (data / "events" / "2023-elections-postponed.yaml").read_text("utf-8")
        .replace("id: 2023-elections-postponed", "id: 2022-neighbour-coup")
        .replace("kind: statement", "kind: coup\ntags: [regional-coups]")
        .replace("place: capital-city", "place: niamey")
        .replace("date: 2023-09-25", "date: 2022-01-24"), "utf-8")
    after = render_site(read_corpus(data)).pages["index.md"].markdown
    assert "Mali has had two coups" in after  # a regional coup is not Mali's
    assert "have had two coups" in after and "Niger (<a href" in after


def test_outcome_and_verdict_are_worded_apart(fixtures_dir: Path) -> None:
    pages = render_site(read_corpus(fixtures_dir / "small")).pages
    thesis = pages["claims/thesis.md"].markdown
    assert "## What happened next {#outcome}" in thesis
    assert "Later: △ partly borne out" in thesis
    claim = pages["claims/coup-happened.md"].markdown
    assert "✓ Correct" in claim and "Later:" not in claim
    argument = pages["argument.md"].markdown
    assert argument.count('class="x-outcome ') >= 2  # list items; the map has its own line
    assert '<tspan class="x-node-outcome"' in argument
    event = pages["events/2023-elections-postponed.md"].markdown
    assert "**After the article:** about 2 years and 3 months after it was published" in event
    assert "After the article" not in pages["events/2021-coup.md"].markdown


# The later record must be findable: these names come from the data researchers add.
SEARCHED = ("Wagner", "Africa Corps", "AES", "MINUSMA", "Tiani", "Traoré")


@pytest.mark.parametrize("term", SEARCHED)
def test_search_index_finds_the_later_record(site: ServedSite, term: str) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    hits = [d["location"] for d in index["docs"]
            if term.casefold() in (d["title"] + " " + d["text"]).casefold()]
    assert hits, f"no page of the built site mentions {term!r}"


def test_search_index_finds_traore_without_the_diaeresis(site: ServedSite) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    # Only words that change when folded are kept there; lunr lowercases them when it indexes.
    assert any(re.search(r"\btraore\b", d.get("folded_title", "") + " "
                         + d.get("folded_text", ""), re.I) for d in index["docs"])


def test_minusma_end_is_in_the_record(site: ServedSite) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(d["text"] for d in index["docs"] if "MINUSMA" in d["text"])
    assert any(w in text for w in ("withdrawal", "ended", "end of", "terminat")), text[:300]


def test_json_schema_describes_the_outcome(repo_root: Path, fixtures_dir: Path) -> None:
    import jsonschema
    import yaml

    schema = json.loads((repo_root / "schemas" / "claim.schema.json").read_text("utf-8"))
    outcome = schema["$defs"]["Outcome"]
    assert outcome["required"] == ["status", "note", "as_of"]
    assert outcome["properties"]["status"]["enum"] == [
        "borne-out", "partly", "not-borne-out", "overtaken", "too-early"]
    claim = yaml.safe_load((fixtures_dir / "small" / "claims" / "thesis.yaml").read_text("utf-8"))
    claim["outcome"]["as_of"] = "2025-01-01"  # as an editor reads it: a string
    claim["reviewed"] = str(claim["reviewed"])  # likewise
    jsonschema.validate(claim, schema)
    for bad in ({"status": "true"}, {"as_of": None}, {"events": ["Not An Id"]}):
        broken = {**claim, "outcome": {**claim["outcome"], **bad}}
        broken["outcome"] = {k: v for k, v in broken["outcome"].items() if v is not None}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_split_timeline_links_each_year_of_each_era(tmp_path: Path) -> None:
    # Above timeline.SPLIT events the list is cut into year pages; a year split between two
    # eras (2021: before and after the article) is listed twice, each to its own heading.
    from explainer.tools import synthetic

    synthetic.write(tmp_path, 400, seed=3)
    pages = {p: pg.markdown for p, pg in render_site(read_corpus(tmp_path)).pages.items()}
    link = re.compile(r"\]\(((?:\.\./)*timeline(?:/\d{4})?\.md)#(year-[a-z0-9-]+)\)")
    checked = 0
    for path, text in pages.items():
        if not (path == "timeline.md" or path.startswith("events/")):
            continue
        for target, anchor in link.findall(text):
            resolved = target.lstrip("./") if path == "timeline.md" else target[3:]
            assert f"{{#{anchor}}}" in pages[resolved], (path, target, anchor)
            checked += 1
    assert checked >= 1
    assert "#year-2021-after-the-article)" in pages["timeline.md"]


def test_both_drawings_of_the_overview_leave_out_the_regions_coups(fixtures_dir: Path) -> None:
    corpus = read_corpus(fixtures_dir / "hostile")
    regional = [e.id for e in corpus.events.values() if e.kind == "coup" and scope.is_regional(e)]
    assert regional
    home = render_site(corpus).pages["index.md"].markdown
    assert home.count("<svg class=\"x-overview") == 2
    for ident in regional:
        assert f'data-event="{ident}"' not in home
