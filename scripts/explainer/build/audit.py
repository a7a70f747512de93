"""Pure HTML checks for the built site, and the Content-Security-Policy meta tag.

Strings in, problems or strings out: `audit_content` for a page's rendered Markdown,
`audit_page` for a whole built page, `add_csp` to put the policy first in `<head>`.
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

from explainer.build import html_scan
from explainer.build.html_scan import Attrs

# Elements whose content browsers read as text while html.parser reads markup (or the other
# way round): `<xmp><p title="</xmp><img onerror=…>">` is an attribute to the parser and a live
# image to a browser. Refused everywhere: nothing of ours uses them. (title, whose content
# both read alike when it holds no markup, and script and style are checked by content.)
PARSE_DIFFERS: Final = frozenset({
    "xmp", "noembed", "noframes", "plaintext", "textarea", "noscript", "math",
})
# Elements that contributor content must never produce. The theme's own <script>, <meta>,
# <link>, <style> and search <form> are outside the content, so only audit_page sees them.
CONTENT_BANNED: Final = frozenset({
    "script", "iframe", "object", "embed", "form", "base", "meta", "style", "link",
    "frame", "frameset", "applet", "noscript", "template",
    "animate", "set", "animatemotion", "animatetransform",
}) | PARSE_DIFFERS
# Elements that load or embed another document, or re-base every relative URL, and the SVG
# animation elements, which can set any attribute (<set attributeName="href" to="javascript:…">):
# never on a page.
PAGE_BANNED: Final = frozenset({"iframe", "object", "embed", "frame", "frameset", "applet", "base",
                                "animate", "set", "animatemotion", "animatetransform"}
                               ) | PARSE_DIFFERS
URL_ATTRIBUTES: Final = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "cite",
    "background", "longdesc", "usemap", "ping", "manifest", "codebase", "imagesrcset",
})
SAFE_SCHEMES: Final = frozenset({"http", "https", "mailto"})
# A script element with one of these types (or none) runs; any other type is a data block.
SCRIPT_TYPES: Final = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/x-javascript",
})
# What Material and its search need, beyond 'self':
# - style-src 'unsafe-inline': Material sets style attributes from JavaScript (header shadow,
#   sidebar heights, search result highlighting) and our SVGs carry presentation attributes;
#   style cannot run script, so this is the one relaxation kept (reference, section 2.5).
# - img-src data: the theme's CSS draws icons as data: SVG images.
# - worker-src blob: the brief's policy; Material's search worker is a same-origin file, and
#   blob: workers are the documented fallback of its worker loader.
# - script-src and style-src name the site's own folder (from site_url), not 'self': a project
#   site shares its host, OWNER.github.io, with every other project site of its owner.
CSP_TEMPLATE: Final = (
    "default-src 'self'; script-src {site}{hashes}; style-src {site} 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
_CSP_MARK: Final = '<meta http-equiv="Content-Security-Policy" content="'
_CSP_META = re.compile(re.escape(_CSP_MARK) + r'[^"]*">')
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
# What browsers drop from a URL before reading its scheme: ASCII white space and controls
# (so "java\tscript:" and " javascript:" are javascript: URLs).
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")
# Material 9.8.2's inline scripts (base.html: the storage scope; palette.html: the colour
# scheme; content: the tabbed-set anchor), as sha256 of their text with the scope URL emptied.
# A new theme version may change them: the build then names the script, and its digest
# (`explainer.build.audit.theme_digest(text)`) goes here after review.
THEME_SCRIPTS: Final = frozenset({
    "7eb3684fdacd2881f67b9428983273a29d8774d8bc82622af9b65a8ec1032a90",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",
})
_SCOPE_URL = re.compile(r'^__md_scope=new URL\("[^"\\<>]*",location\)')
_COMMENT_CLOSE = re.compile(r"--\s*>")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True, slots=True)
class Offender:
    """One unsafe construct, with its position in the audited HTML (1-based)."""

    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, col {self.col}: {self.message}"


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see (lower case), or None for a relative URL."""
    m = _SCHEME.match(_IGNORED.sub("", url))
    return m.group(1).lower() if m else None


def _urls(attr: str, value: str) -> list[str]:
    if attr in ("srcset", "imagesrcset"):  # "a.png 1x, b.png 2x": the URL is each first word
        return [part.split()[0] for part in value.split(",") if part.split()]
    if attr == "ping":
        return value.split()
    return [value]


def _external(src: str) -> bool:
    return url_scheme(src) is not None or _IGNORED.sub("", src).startswith(("//", "\\", "/\\"))


def _runs_inline(attrs: Attrs) -> bool:
    """A <script> without src whose type makes it run (not a data block)."""
    attr = dict(attrs)
    return attr.get("src") is None and (attr.get("type") or "").strip().lower() in SCRIPT_TYPES


def _tag_offences(tag: str, attrs: Attrs, banned: frozenset[str]) -> list[str]:
    """What is wrong with one start tag, in words: banned element, event handlers, unsafe URL
    schemes, a meta refresh to an unsafe URL. (Script sources are checked apart.)"""
    found: list[str] = []
    if tag in PARSE_DIFFERS:
        found.append(f"<{tag}> is not allowed: browsers read its content otherwise than the "
                     "audit does")
    elif tag in banned:
        found.append(f"<{tag}> is not allowed")
    for name, raw in attrs:
        value = raw or ""
        if name.startswith("on"):
            found.append(f"<{tag}> has an event handler attribute {name}={value[:60]!r}")
        elif name in URL_ATTRIBUTES:
            for url in _urls(name, value):
                scheme = url_scheme(url)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    found.append(f"<{tag} {name}> uses the {scheme}: scheme ({url[:60]!r})")
    if tag == "meta":
        attr = dict(attrs)
        if (attr.get("http-equiv") or "").lower() == "refresh":
            m = _REFRESH_URL.search(attr.get("content") or "")
            scheme = url_scheme(m.group(1)) if m else None
            if scheme is not None and scheme not in SAFE_SCHEMES:
                found.append(f"<meta http-equiv=refresh> redirects to a {scheme}: URL")
    return found


class _Auditor(HTMLParser):
    def __init__(self, html: str, banned: frozenset[str], *, page: bool) -> None:
        # convert_charrefs: attribute values arrive decoded, so "jav&#x61;script:" is seen as
        # the browser sees it. (Script text is never decoded, by HTML's rules.)
        super().__init__(convert_charrefs=True)
        self.html = html
        self.banned = banned
        self.page = page
        self.offenders: list[Offender] = []
        self.scripts: list[tuple[int, int, str]] = []  # line, col, exact text of inline scripts
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._script_start: tuple[int, int, int] | None = None
        self._text_only: str | None = None  # an open title, whose content must be text

    def run(self) -> None:
        self.feed(self.html)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _flag(self, message: str) -> None:
        line, col = self.getpos()
        self.offenders.append(Offender(line=line, col=col + 1, message=message))

    def _in_text_only(self, what: str) -> None:
        if self._text_only is not None:
            self._flag(f"{what} inside <{self._text_only}>: browsers read it as text, or as "
                       "markup inside svg; it must hold text only")
            self._text_only = None

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self._in_text_only(f"<{tag}>")
        if tag in html_scan.TEXT_ONLY:
            self._text_only = tag
        for message in _tag_offences(tag, attrs, self.banned):
            self._flag(message)
        if tag == "script" and self.page:
            src = dict(attrs).get("src")
            if src is not None and _external(src):
                self._flag(f"<script src> loads a script from outside the site ({src[:60]!r})")
            if _runs_inline(attrs):
                line, col = self.getpos()
                start = self._offset() + len(self.get_starttag_text() or "")
                self._script_start = (line, col + 1, start)

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        self.handle_starttag(tag, attrs)
        if self._text_only == tag:
            self._text_only = None

    def handle_data(self, data: str) -> None:
        elem = self.cdata_elem
        if elem is not None and html_scan.MARKUP_IN_RAW_TEXT.search(data):
            self._flag(f"<{elem}> holds markup ({data[:60]!r}): browsers read it as markup "
                       "inside svg or math, or end the element there")

    def handle_comment(self, data: str) -> None:
        self._in_text_only("a comment")
        start = self._offset()
        if self.html.startswith("<!--", start) and html_scan.comment_differs(
                self.html, start, _COMMENT_CLOSE.search(self.html, start + 4)):
            self._flag("a comment that browsers end elsewhere ('<!-->', '<!--->', '--!>' or "
                       "'-- >')")

    def unknown_decl(self, data: str) -> None:
        self._flag(f"<![{data[:20]}…: browsers read a marked section outside svg as a comment "
                   "that ends at the first '>'")

    def handle_decl(self, decl: str) -> None:
        self._in_text_only("a declaration")

    def handle_pi(self, data: str) -> None:
        self._in_text_only("a processing instruction")

    def handle_endtag(self, tag: str) -> None:
        if self._text_only is not None:
            if tag == self._text_only:
                self._text_only = None
            else:
                self._in_text_only(f"</{tag}>")
        if tag == "script" and self._script_start is not None:
            line, col, start = self._script_start
            self.scripts.append((line, col, self.html[start:self._offset()]))
            self._script_start = None


# The fast scan (explainer.build.html_scan) lets clean markup skip html.parser, and skips runs of
# harmless markup in C. A run may hold start tags of these elements: ordinary tags to the parser
# (not script or style), in which _tag_offences reads nothing but the attributes. The theme's
# link, meta and form join them for pages; each audit's banned elements are taken out.
_PLAIN_ELEMENTS: Final = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "body", "br",
    "button", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "i", "img", "input", "ins", "kbd", "label", "legend", "li",
    "main", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "title", "tr", "u", "ul", "var", "wbr",
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
    "tspan", "defs", "desc", "marker",
})
_THEME_ELEMENTS: Final = frozenset({"link", "meta", "form"})


def _harmless_run(tags: frozenset[str]) -> re.Pattern[str]:
    """The run may hold no attribute _tag_offences reads: none starting with "on", no URL
    attribute, no http-equiv (meta refresh); but href and src with a value in which url_scheme
    finds no scheme, or http or https."""
    if not {"http", "https"} <= SAFE_SCHEMES:  # pragma: no cover - a guard for future edits
        raise ValueError("the harmless run passes http(s) URLs: SAFE_SCHEMES must hold them")
    return html_scan.harmless_run(tags, read=URL_ATTRIBUTES | {"http-equiv"},
                                  read_prefixes=["on"], plain_urls=["href", "src"])


def _content_flags(tag: str, attrs: Attrs) -> bool:
    return bool(_tag_offences(tag, attrs, CONTENT_BANNED))


def _page_flags(tag: str, attrs: Attrs) -> bool:
    if _tag_offences(tag, attrs, PAGE_BANNED):
        return True
    src = dict(attrs).get("src") if tag == "script" else None
    return src is not None and _external(src)


_CONTENT_RULES: Final = html_scan.Rules(
    run=_harmless_run(_PLAIN_ELEMENTS - CONTENT_BANNED), flagged=_content_flags)
_PAGE_RULES: Final = html_scan.Rules(
    run=_harmless_run((_PLAIN_ELEMENTS | _THEME_ELEMENTS) - PAGE_BANNED), flagged=_page_flags,
    runs_inline=_runs_inline)


def _fast_scan(html: str, *, page: bool) -> list[str] | None:
    """The inline scripts the parser would find, if nothing at all is flagged; else None."""
    return html_scan.scan(html, _PAGE_RULES if page else _CONTENT_RULES).scripts


def _audit(html: str, banned: frozenset[str], *, page: bool) -> list[Offender]:
    if _fast_scan(html, page=page) is not None:
        return []
    auditor = _Auditor(html, banned, page=page)
    auditor.run()
    return auditor.offenders


def audit_content(html: str) -> list[Offender]:
    """Every unsafe construct in a page's rendered content: script-capable or embedding
    elements, event handler attributes, URLs whose scheme is not http, https or mailto."""
    return _audit(html, CONTENT_BANNED, page=False)


def _normalise(script: str) -> str:
    return _SCOPE_URL.sub('__md_scope=new URL("",location)', script, count=1)


def theme_digest(script: str) -> str:
    """The digest THEME_SCRIPTS holds for a theme script (its scope URL emptied)."""
    return hashlib.sha256(_normalise(script).encode("utf-8")).hexdigest()


def is_theme_script(script: str) -> bool:
    """True for the exact text of one of Material's inline scripts."""
    return theme_digest(script) in THEME_SCRIPTS


def _csp_hash(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


@dataclass(frozen=True, slots=True)
class _Scan:
    offenders: list[Offender]
    scripts: list[str]  # exact text of each inline script that runs, in page order


def _scan(html: str) -> _Scan:
    # The HTML parser turns CR LF and lone CR into LF before the browser hashes the text.
    if "\r" in html:
        html = html.replace("\r\n", "\n").replace("\r", "\n")
    scripts = _fast_scan(html, page=True)
    if scripts is not None and all(is_theme_script(s) for s in scripts):
        return _Scan([], scripts)
    auditor = _Auditor(html, PAGE_BANNED, page=True)
    auditor.run()
    for line, col, script in auditor.scripts:
        if not is_theme_script(script):
            auditor.offenders.append(Offender(
                line=line, col=col,
                message=f"inline <script> that is not the theme's ({script[:60]!r})"))
    auditor.offenders.sort(key=lambda o: (o.line, o.col))
    return _Scan(auditor.offenders, [script for _, _, script in auditor.scripts])


def _without_csp(html: str) -> str:
    return _CSP_META.sub("", html, count=1) if _CSP_MARK in html else html


#: site_url's placeholder host (mkdocs.yml): a build with no real address is a local one.
PLACEHOLDER_HOST: Final = "owner.github.io"


def site_source(site_url: str | None) -> str:
    """The policy's source for the site's own scripts and styles: the origin and folder of
    site_url (https://owner.github.io/repo/ admits /repo/… only), or 'self' for a local build
    (no site_url, or the placeholder address), which must also work from another address."""
    parts = urllib.parse.urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or host == PLACEHOLDER_HOST or any(
            c in (site_url or "") for c in " ;,'\"\\<>"):
        return "'self'"
    port = f":{parts.port}" if parts.port else ""
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{host}{port}{path}"


def harden(html: str, site: str = "'self'") -> tuple[str, list[Offender]]:
    """`audit_page` and `add_csp` in one parse: the page with its policy (scripts and styles
    from `site`, see site_source), and its offenders."""
    html = _without_csp(html)
    scan = _scan(html)
    return _insert_csp(html, scan, site), scan.offenders


def audit_page(html: str) -> list[Offender]:
    """Every unsafe construct in a whole built page (theme included): event handler
    attributes, unsafe URL schemes, embedding elements, scripts loaded from another host,
    inline scripts other than the theme's own."""
    return _scan(html).offenders


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for the theme's inline scripts on this page, in
    page order, without repeats. Any other inline script gets no hash, so it cannot run."""
    return _theme_hashes(_scan(html))


def _theme_hashes(scan: _Scan) -> list[str]:
    hashes: list[str] = []
    for script in scan.scripts:
        source = _csp_hash(script)
        if is_theme_script(script) and source not in hashes:
            hashes.append(source)
    return hashes


def _insert_csp(html: str, scan: _Scan, site: str) -> str:
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("no <head> element: cannot add the Content-Security-Policy")
    policy = CSP_TEMPLATE.format(site=site, hashes="".join(" " + h for h in _theme_hashes(scan)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:head.end()] + meta + html[head.end():]


def add_csp(html: str, site: str = "'self'") -> str:
    """Insert the Content-Security-Policy meta tag as the first child of <head>.

    A meta policy governs only what comes after it, so it must come first. Idempotent: a tag
    added earlier is replaced, and the hashes are taken without it."""
    html = _without_csp(html)
    return _insert_csp(html, _scan(html), site)
