"""The geographic checks of a place record: a known country, and a point in or near it.
Pure: values in, problems out (the validator gives them their positions)."""

from __future__ import annotations

from dataclasses import dataclass

from explainer.geo.outlines import NEAR_KM, country, distance_km, outlines


@dataclass(frozen=True, slots=True)
class PointProblem:
    key: tuple[str, ...]
    message: str
    hint: str = ""


def check_point(code: str, lat: float, lon: float) -> list[PointProblem]:
    """A place's country must be a known ISO code, and its point within NEAR_KM of it."""
    c = country(code)
    if c is None:
        known = sorted(outlines().world)
        return [PointProblem(("country",), f"country must be an ISO 3166-1 alpha-2 code with "
                             f"an outline (got {code!r})",
                             "e.g. ML for Mali, BF for Burkina Faso, NE for Niger; "
                             f"{len(known)} codes are known")]
    km = distance_km(c, (lon, lat))
    if km <= NEAR_KM:
        return []
    swapped = -90 <= lon <= 90 and distance_km(c, (lat, lon)) <= NEAR_KM
    return [PointProblem(("lat",), f"the point ({lat:g}, {lon:g}) is {km:,.0f} km outside "
                         f"{c.name} ({code})",
                         "latitude and longitude look swapped: swap them" if swapped else
                         "check the signs (south and west are negative) and the country code")]
