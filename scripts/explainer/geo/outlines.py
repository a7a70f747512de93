"""The committed country outlines (scripts/cut_outlines.py writes them) and the questions the
validator asks of them: is a point in a country, or near it? Pure once loaded."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OUTLINES = Path(__file__).with_name("outlines.json")
#: The region map's box: (west, south, east, north) in degrees. West Africa and the Sahel,
#: the Mediterranean, and France.
REGION = (-18.5, 3.0, 24.5, 51.5)
#: A place this close to its country's outline counts as in it: the simplified outlines cut
#: corners, and capitals such as Dakar sit on capes.
NEAR_KM = 40.0

Point = tuple[float, float]  # (lon, lat)
Polygon = list[list[Point]]  # outer ring, then holes


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True, slots=True)
class Outlines:
    region: dict[str, Country]
    world: dict[str, Country]
    provenance: str
    licence: str


def _countries(raw: dict[str, dict[str, Any]]) -> dict[str, Country]:
    return {code: Country(code=code, name=c["name"], polygons=tuple(
        [[(p[0], p[1]) for p in ring] for ring in poly] for poly in c["polygons"]))
        for code, c in raw.items()}


@functools.cache
def outlines() -> Outlines:
    raw = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return Outlines(region=_countries(raw["region"]), world=_countries(raw["world"]),
                    provenance=raw["provenance"], licence=raw["licence"])


def _in_ring(p: Point, ring: list[Point]) -> bool:
    x, y = p
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        (xi, yi), (xj, yj) = ring[i], ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(country: Country, p: Point) -> bool:
    return any(_in_ring(p, poly[0]) and not any(_in_ring(p, h) for h in poly[1:])
               for poly in country.polygons)


def _km_to_segment(p: Point, a: Point, b: Point) -> float:
    k = math.cos(math.radians(p[1]))
    px, py = p[0] * k, p[1]
    ax, ay, bx, by = a[0] * k, a[1], b[0] * k, b[1]
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy)
                                            / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * 111.2


def distance_km(country: Country, p: Point) -> float:
    """0 inside the country, else the distance to its outline (equirectangular, ~1%)."""
    if contains(country, p):
        return 0.0
    return min(_km_to_segment(p, ring[i - 1], ring[i])
               for poly in country.polygons for ring in poly for i in range(1, len(ring)))


def country(code: str) -> Country | None:
    o = outlines()
    return o.world.get(code) or o.region.get(code)
