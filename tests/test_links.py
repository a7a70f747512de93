"""Crawl the built site as GitHub Pages serves it, under /mali-coup-explainer/: every internal
link and #anchor resolves, nothing escapes the sub-path, external links are well formed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from sitebuild import ServedSite

# Every attribute that holds a URL the reader's browser follows or loads.
URL_ATTRIBUTES = {"href", "src", "xlink:href", "poster", "action", "formaction", "cite", "data"}
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?(?::\d{1,5})?$",
                  re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s/?#]+@[^@\s/?#]+\.[a-z]{2,}$", re.IGNORECASE)


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[int, str, str]] = field(default_factory=list)  # line, <tag attr>, value


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.parsed.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.parsed.urls.append((self.getpos()[0], f"<{tag} {name}>", value))
            elif name in ("srcset", "imagesrcset"):
                for part in value.split(","):
                    if part.split():
                        self.parsed.urls.append((self.getpos()[0], f"<{tag} {name}>",
                                                 part.split()[0]))

    handle_startendtag = handle_starttag


def parse(path: Path) -> Parsed:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p.parsed


@dataclass
class Crawl:
    site: ServedSite
    pages: dict[Path, Parsed]

    def page_url(self, path: Path) -> str:
        rel = path.relative_to(self.site.site_dir).as_posix()
        return self.site.url(rel.removesuffix("index.html"))

    def resolve(self, url: str) -> tuple[Path | None, str]:
        """The file an internal absolute URL serves (None outside the sub-path), and its
        fragment. A folder serves its index.html, as on GitHub Pages."""
        parts = urlsplit(url)
        prefix = urlsplit(self.site.base_url).path
        if not parts.path.startswith(prefix):
            return None, parts.fragment
        target = self.site.site_dir / unquote(parts.path[len(prefix):])
        if target.is_dir():
            target = target / "index.html"
        return target, unquote(parts.fragment)

    def ids(self, path: Path) -> set[str]:
        if path not in self.pages:
            self.pages[path] = parse(path)
        return self.pages[path].ids


@pytest.fixture(scope="module")
def crawl(site: ServedSite) -> Crawl:
    return Crawl(site, {p: parse(p) for p in sorted(site.site_dir.rglob("*.html"))})


def external_problem(url: str) -> str | None:
    """Why an outside URL is malformed, or None. Only its form is checked, never the network."""
    if any(c.isspace() or ord(c) < 32 or c in "<>\"'`\\" for c in url):
        return "white space, control or quote characters"
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return None if EMAIL.match(unquote(parts.path)) else "not an e-mail address"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'}: is not http, https or mailto"
    if parts.username or parts.password:
        return "credentials in the URL"
    if not HOST.match(parts.netloc):
        return f"host {parts.netloc!r} is not a domain name"
    return None


def test_crawl_covers_every_page_kind(crawl: Crawl) -> None:
    found = {p.relative_to(crawl.site.site_dir).parts[0] for p in crawl.pages}
    assert {"index.html", "404.html", "timeline", "events", "actors", "claims", "argument",
            "fact-checks", "glossary", "source", "data", "about"} <= found
    assert len(crawl.pages) > 20


def broken_links(crawl: Crawl) -> tuple[int, list[str]]:
    broken: list[str] = []
    checked = 0
    for page, parsed in list(crawl.pages.items()):
        base = crawl.page_url(page)
        where = page.relative_to(crawl.site.site_dir).as_posix()
        for line, what, value in parsed.urls:
            absolute = urljoin(base, value)
            if urlsplit(absolute).netloc != urlsplit(crawl.site.origin).netloc:
                continue
            checked += 1
            target, fragment = crawl.resolve(absolute)
            if target is None:
                broken.append(f"{where}:{line}: {what} {value!r} leaves /mali-coup-explainer/")
            elif not target.is_file():
                broken.append(f"{where}:{line}: {what} {value!r}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in crawl.ids(target):
                broken.append(f"{where}:{line}: {what} {value!r}: no id {fragment!r}")
    return checked, broken


def test_every_internal_link_and_anchor_resolves_under_the_subpath(crawl: Crawl) -> None:
    checked, broken = broken_links(crawl)
    assert checked > 1000
    assert broken == [], f"{len(broken)} broken:\n" + "\n".join(broken[:40])


def test_every_external_link_is_http_https_or_mailto_and_well_formed(crawl: Crawl) -> None:
    bad: list[str] = []
    external = 0
    for page, parsed in crawl.pages.items():
        where = page.relative_to(crawl.site.site_dir).as_posix()
        for line, what, value in parsed.urls:
            absolute = urljoin(crawl.page_url(page), value)
            if urlsplit(absolute).netloc == urlsplit(crawl.site.origin).netloc:
                continue
            external += 1
            problem = external_problem(absolute)
            if problem:
                bad.append(f"{where}:{line}: {what} {value!r}: {problem}")
    assert external > 0
    assert bad == [], "\n".join(bad[:40])


def test_external_url_form_check_rejects_what_it_should() -> None:
    assert external_problem("https://www.example.org/a_(b).pdf") is None
    assert external_problem("mailto:someone@example.org") is None
    for url in ("javascript:alert(1)", "data:text/html,x", "https://exa mple.org/",
                "https://user:pw@example.org/", "http://localhost/", "ftp://example.org/",
                "mailto:nobody", "https://ok/a) [evil](javascript:x)"):
        assert external_problem(url) is not None, url


def test_every_page_is_reachable_from_the_home_page(crawl: Crawl) -> None:
    home = crawl.site.site_dir / "index.html"
    seen, queue = {home}, deque([home])
    while queue:
        page = queue.popleft()
        for _, what, value in crawl.pages[page].urls:
            if not what.startswith("<a "):
                continue
            target, _ = crawl.resolve(urljoin(crawl.page_url(page), value))
            if target in crawl.pages and target not in seen:
                seen.add(target)
                queue.append(target)
    # reached by GitHub Pages, not by links (each edition has one)
    not_found = {crawl.site.site_dir / "404.html", crawl.site.site_dir / "fr" / "404.html"}
    orphans = sorted(p.relative_to(crawl.site.site_dir).as_posix()
                     for p in crawl.pages if p not in seen and p not in not_found)
    assert orphans == []


def test_sitemap_and_search_index_point_at_real_pages_and_anchors(crawl: Crawl) -> None:
    site_dir = crawl.site.site_dir
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in ET.parse(site_dir / "sitemap.xml").getroot().iterfind(
        "s:url/s:loc", ns)]
    assert locs
    missing = [loc for loc in locs if not (crawl.resolve(loc)[0] or Path("/nonexistent"))
               .is_file()]
    assert missing == []
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    broken = []
    for doc in index["docs"]:
        target, fragment = crawl.resolve(crawl.site.url(doc["location"]))
        if target is None or not target.is_file() or (fragment
                                                      and fragment not in crawl.ids(target)):
            broken.append(doc["location"])
    assert broken == []


def test_crawler_finds_seeded_breakage(tmp_path: Path) -> None:
    site_dir = tmp_path / "mali-coup-explainer"
    (site_dir / "a").mkdir(parents=True)
    (site_dir / "index.html").write_text(
        '<h1 id="top">x</h1><a href="a/">ok</a><a href="a/#here">ok</a><a href="#top">ok</a>'
        '<a href="missing/">1</a><a href="a/#nowhere">2</a><img src="/assets/logo.png">'
        '<a href="../other-project/">4</a>', encoding="utf-8")
    (site_dir / "a" / "index.html").write_text('<p id="here">', encoding="utf-8")
    site = ServedSite(site_dir=site_dir, base_url="http://127.0.0.1:1/mali-coup-explainer/",
                      origin="http://127.0.0.1:1")
    crawl = Crawl(site, {p: parse(p) for p in sorted(site_dir.rglob("*.html"))})
    checked, broken = broken_links(crawl)
    assert checked == 7
    assert [b.split(": ", 1)[1] for b in broken] == [
        "<a href> 'missing/': no such file",
        "<a href> 'a/#nowhere': no id 'nowhere'",
        "<img src> '/assets/logo.png' leaves /mali-coup-explainer/",
        "<a href> '../other-project/' leaves /mali-coup-explainer/",
    ]
