"""Injection payloads through plain/rich/url/svg_text/json_script come out inert or refused."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from explainer.text import abbreviation, json_script, plain, rich, svg_text, url

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "https://ok/a) [evil](javascript:alert(1))",
    "Title {: onclick=\"alert(1)\" }",
    "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;",
    "</title><img src=x onerror=alert(1)>",
    "Title\n\n# Fake heading",
    "![x](https://tracker.example/p.gif)",
    "--8<-- \"/etc/passwd\"",
    "<svg onload=alert(1)>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "[x](\tjavascript:alert(1))",
    "*[HTML]: <script>",
]

FULL_MD = ["attr_list", "abbr", "tables", "toc", "md_in_html"]


def _render(md_text: str) -> str:
    return markdown.Markdown(extensions=FULL_MD).convert(md_text)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(html: str) -> None:
    """No dangerous element, no event-handler attribute, no link but http(s) or a fragment."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "svg", "iframe", "style", "object", "embed", "form",
                           "title", "meta", "link", "base"}, html
        for name, value in attrs:
            assert not name.startswith("on"), html
            if name in {"href", "src"}:
                assert (value or "").startswith(("https://", "http://", "#")), html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_is_inert_in_markdown_with_every_extension(payload: str) -> None:
    out = plain(payload)
    assert not re.search(r"[<>\[\](){}*_`#!&\"']", re.sub(r"&#\d+;", "", out))
    html = _render(f"# {out}\n\nText: {out}\n\n- {out}")
    _assert_inert(html)
    assert "<h1" in html and html.count("<h1") == 1


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_prose_is_sanitised(payload: str) -> None:
    out = rich(payload)
    assert out.startswith('<div class="x-prose">') and out.endswith("</div>")
    _assert_inert(out)
    _assert_inert(_render(f"before\n\n{out}\n\nafter"))


def test_rich_keeps_emphasis_and_https_links() -> None:
    out = rich("A *b* and [c](https://example.org/x) and [d](http://example.org)")
    assert "<em>b</em>" in out
    assert 'href="https://example.org/x"' in out
    assert 'rel="noopener noreferrer nofollow"' in out


@pytest.mark.parametrize("bad", [
    "javascript:alert(1)", " https://example.org", "https:/\\evil.example",
    "https://ok/a) [evil](javascript:alert(1))", "//evil.example/x", "data:text/html,x",
    "https://ok/<script>", "https://ok/\"onmouseover=x", "ftp://example.org", "https://",
    "jav&#x61;script:alert(1)",
])
def test_url_refuses_anything_but_absolute_http(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing URL"):
        url(bad, "label")


def test_url_keeps_parentheses_inside_angle_brackets() -> None:
    link = url("https://example.org/a_(b).pdf", "A [label](javascript:x)")
    html = _render(link)
    assert 'href="https://example.org/a_(b).pdf"' in html
    _assert_inert(html)
    assert html.count("<a ") == 1


@pytest.mark.parametrize("payload", PAYLOADS)
def test_svg_text_is_escaped(payload: str) -> None:
    out = svg_text(payload)
    assert "<" not in out and ">" not in out and '"' not in out


def test_json_script_cannot_close_the_element() -> None:
    out = json_script({"name": "</script><script>alert(1)</script> & <!--"})
    assert out.count("<script") == 1 and out.count("</script>") == 1
    assert "\\u003c/script\\u003e" in out and "\\u0026" in out


def test_abbreviation_refuses_breakouts_and_escapes_title() -> None:
    assert abbreviation("A]B", "x") is None
    assert abbreviation("A\\B", "x") is None
    line = abbreviation("CNSP", 'National "Committee" <b onclick=x>')
    assert line is not None
    html = _render(f"The CNSP ruled.\n\n{line}")
    assert '<abbr title="National &quot;Committee&quot; &lt;b onclick=x&gt;">CNSP</abbr>' in html
