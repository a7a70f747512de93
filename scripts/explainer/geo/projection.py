"""Equirectangular projection with a cosine correction: at the Sahel's latitudes it keeps
shapes close enough for locator maps, and it is one line of arithmetic to test."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Projection:
    """Degrees to SVG units: `box` (west, south, east, north) fills `width` units across."""

    box: tuple[float, float, float, float]
    width: float

    @property
    def k(self) -> float:
        """Units per degree of latitude; a degree of longitude is k·cos(middle latitude)."""
        west, _, east, _ = self.box
        return self.width / ((east - west) * self._cos)

    @property
    def _cos(self) -> float:
        return math.cos(math.radians((self.box[1] + self.box[3]) / 2))

    @property
    def height(self) -> float:
        return round((self.box[3] - self.box[1]) * self.k, 1)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        west, _, _, north = self.box
        return (round((lon - west) * self._cos * self.k, 1), round((north - lat) * self.k, 1))
