"""Problems found in data files, and how they are shown to people and tools."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, kw_only=True, slots=True, order=True)
class Problem:
    """One mistake in one data file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        head = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


class DataError(Exception):
    """Raised with every problem found; the build stops once, after reading everything."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def summary(problems: list[Problem]) -> str:
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    return f"explainer: {len(problems)} {noun} in {files} file{'' if files == 1 else 's'}"


def format_problems(problems: list[Problem]) -> str:
    """Every problem on its own line (hints indented), then a one-line summary."""
    ordered = sorted(problems)
    return "\n".join([*(str(p) for p in ordered), summary(ordered)])


def problems_as_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in sorted(problems)], ensure_ascii=False, indent=2)


def problems_as_github(problems: list[Problem]) -> str:
    """GitHub workflow commands, so problems show on the changed lines of a pull request."""

    lines = []
    for p in sorted(problems):
        text = p.message + (f" (hint: {p.hint})" if p.hint else "")
        lines.append(f"::error file={_github_property(p.path)},line={p.line},col={p.col}::"
                     f"{_github_data(text)}")
    return "\n".join(lines)


def _github_data(s: str) -> str:
    """A workflow command's message: '%', CR and LF escaped (GitHub's escapeData)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(s: str) -> str:
    """A workflow command's property value: also ':' and ',' (GitHub's escapeProperty), so a
    crafted file name cannot end the property list or start another command."""
    return _github_data(s).replace(":", "%3A").replace(",", "%2C")
