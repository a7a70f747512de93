"""Where each page lives, and relative links between pages (Markdown) or URLs (raw HTML)."""

from __future__ import annotations

import functools

HOME = "index.md"
TIMELINE = "timeline.md"
ARGUMENT = "argument.md"
ACTORS = "actors/index.md"
FACT_CHECKS = "fact-checks.md"
GLOSSARY = "glossary.md"
SOURCE = "source.md"
ARTICLE = "article.md"
DATA = "data.md"
ABOUT = "about.md"
METHOD = "method.md"
HINDSIGHT = "hindsight.md"
MAP = "map.md"


def event(ident: str) -> str:
    return f"events/{ident}.md"


def actor(ident: str) -> str:
    return f"actors/{ident}.md"


def place(ident: str) -> str:
    return f"places/{ident}.md"


def claim(ident: str) -> str:
    return f"claims/{ident}.md"


def timeline_year(year: int) -> str:
    return f"timeline/{year}.md"


def by_kind(kind: str, year: int | None = None) -> str:
    return f"timeline/kind/{kind}.md" if year is None else f"timeline/kind/{kind}/{year}.md"


def by_place(ident: str, year: int | None = None) -> str:
    return f"timeline/place/{ident}.md" if year is None else f"timeline/place/{ident}/{year}.md"


def by_actor(ident: str, year: int | None = None) -> str:
    return f"timeline/actor/{ident}.md" if year is None else f"timeline/actor/{ident}/{year}.md"


@functools.lru_cache(maxsize=65536)
def _relative(to: str, start: str) -> str:
    """posixpath.relpath for the clean relative paths of this module ('' is the site root),
    without its abspath and getcwd calls: a large site makes hundreds of thousands of links."""
    target = to.split("/") if to else []
    here = start.split("/") if start else []
    common = 0
    for a, b in zip(target, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + target[common:]) or "."


def md(frm: str, to: str, anchor: str = "") -> str:
    """Link target from page `frm` to page or file `to`, as MkDocs resolves Markdown links."""
    rel = _relative(to, frm.rpartition("/")[0])
    return f"{rel}#{anchor}" if anchor else rel


def url_of(path: str) -> str:
    """The directory URL of a page: events/x.md -> events/x/, index.md -> '' (directory URLs)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def href(frm: str, to: str, anchor: str = "") -> str:
    """Link from page `frm` to page `to` for raw HTML, which MkDocs does not rewrite."""
    base = url_of(frm)
    target = url_of(to)
    rel = _relative(target.rstrip("/"), base.rstrip("/"))
    rel = "./" if rel == "." else rel + ("/" if target.endswith("/") or not target else "")
    return f"{rel}#{anchor}" if anchor else rel
