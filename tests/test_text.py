"""Injection payloads through plain/rich/url/svg_text/json_script come out inert or refused."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.render.text import (
    Abbreviations,
    abbreviation,
    first_sentence,
    json_script,
    plain,
    rich,
    rich_inline,
    svg_text,
    url,
)

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


_ABBRS = Abbreviations.of([("ECOWAS", "Economic Community of West African States"),
                           ("AU", "African Union"), ("AU PSC", "AU Peace and Security Council"),
                           ("EVIL", '"><script>alert(1)</script>'),
                           ("R&D", "research & development")])


def test_rich_wraps_glossary_terms_in_abbr_as_whole_words() -> None:
    out = rich("ECOWAS and the AU PSC met; AUDIT and ECOWASx are other words. R&D too.", _ABBRS)
    assert '<abbr title="Economic Community of West African States">ECOWAS</abbr> and' in out
    assert '<abbr title="AU Peace and Security Council">AU PSC</abbr>' in out
    assert " met; AUDIT and ECOWASx are other words. <abbr" in out
    assert '<abbr title="research &amp; development">R&amp;D</abbr>' in out


def test_rich_leaves_links_code_and_existing_abbr_alone() -> None:
    out = rich("[ECOWAS](https://ecowas.int) `ECOWAS` <abbr title=\"x\">AU</abbr>", _ABBRS)
    assert out.count("<abbr") == 1 and '<abbr title="x">AU</abbr>' in out
    assert "<code>ECOWAS</code>" in out


@pytest.mark.parametrize("payload", [*PAYLOADS, "EVIL", "<b title='EVIL'>EVIL</b>",
                                     '<abbr title="x" onclick="alert(1)">AU</abbr>'])
def test_rich_with_abbreviations_stays_inert(payload: str) -> None:
    for out in (rich(payload, _ABBRS), rich_inline(payload, _ABBRS)):
        _assert_inert(out)
        _assert_inert(_render(out))
        assert "<script" not in out
    if payload == "EVIL":
        parser = _Tags()
        parser.feed(rich(payload, _ABBRS))
        assert ("abbr", [("title", '"><script>alert(1)</script>')]) in parser.tags


def test_abbreviations_refused_by_the_abbr_extension_are_not_wrapped() -> None:
    assert Abbreviations.of([("[x]", "y"), ("", "z")]).pattern is None


@pytest.mark.parametrize(("prose", "first"), [
    ("Soldiers led by *Col. Ada Example* detained him. Then more.",
     "Soldiers led by *Col. Ada Example* detained him."),
    ("The U.S. Army left on 3 June 2021. It came back.", "The U.S. Army left on 3 June 2021."),
    ("One sentence only", "One sentence only"),
    ("He said “go.” Then left.", "He said “go.”"),
])
def test_first_sentence(prose: str, first: str) -> None:
    assert first_sentence(prose) == first


@given(st.text(max_size=40))
def test_plain_references_every_ascii_punctuation_and_control(s: str) -> None:
    # White space collapsed, except the no-break spaces of French typography (before : ; ? !)
    words = re.sub(r"[^\S\u00a0\u202f]+", " ", s).strip()
    assert plain(s) == "".join(
        f"&#{ord(c)};" if c.isascii() and not c.isalnum() and c != " " else c for c in words)


@pytest.mark.parametrize("unit", ["[a", "![a", "[[a]", "[a](", "[a]["])
def test_unclosed_brackets_render_in_linear_work(unit: str) -> None:
    """Python-Markdown's own getText scanned from each '[' to the end: '[a' * 1500 took 0.6 s.
    Counted, not timed: the brackets of each text are matched in one pass, whatever its
    length, and the output is what Python-Markdown gives."""
    from explainer.render import text as t

    stock = markdown.Markdown(extensions=[])
    for n in (100, 400, 1600):
        prose = unit * n
        before = t._BRACKETS.passes
        out = t._PROSE_MD.reset().convert(prose)
        assert t._BRACKETS.passes - before <= 2, (unit, n)
        if n <= 400:
            assert out == stock.reset().convert(prose)
    assert rich("[a" * 1500).count("[a") == 1500


@given(st.lists(st.sampled_from([*"[]()!\\`*_ \nax:", "https://x.org/", "[x]: https://y.org/\n",
                                 "`[`", "\\[", "](", "]["]), max_size=40))
def test_bracket_matching_gives_python_markdowns_answers(pieces: list[str]) -> None:
    from explainer.render import text as t

    prose = "".join(pieces)
    stock = markdown.Markdown(extensions=[])
    assert t._PROSE_MD.reset().convert(prose) == stock.reset().convert(prose)
