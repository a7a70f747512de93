"""What a reader sees on every built page of the real site: no more than a quarter of the
article's body words in quotation, and no table with an empty header."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from explainer.build import read_corpus
from explainer.data.model import Source
from explainer.render.source import MAX_QUOTED_SHARE

#: A run of this many words of the article found on a page counts as quoted.
RUN = 6
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_WORD = re.compile(r"[\w’']+")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("’", "'").casefold()
    return _WORD.findall(text)


def page_text(raw: str) -> str:
    """The page's main content as text (navigation, header and footer left out)."""
    m = re.search(r"<article\b.*?</article>", raw, re.S)
    return html.unescape(_TAG.sub(" ", m.group(0) if m else raw))


def quoted_share(body: list[str], text: str) -> float:
    """Share of the body's words that stand in a run of RUN words found verbatim in `text`."""
    seen = words(text)
    runs = {tuple(seen[i:i + RUN]) for i in range(len(seen) - RUN + 1)}
    shown = [False] * len(body)
    for i in range(len(body) - RUN + 1):
        if tuple(body[i:i + RUN]) in runs:
            shown[i:i + RUN] = [True] * RUN
    return sum(shown) / len(body) if body else 0.0


def body_words(s: Source) -> list[str]:
    return [w for n, p in enumerate(s.paragraphs, 1) if n not in s.not_body for w in words(p)]


def test_quoted_share_counts_what_it_should() -> None:
    body = words("one two three four five six seven eight nine ten eleven twelve")
    assert quoted_share(body, "<p>one two three four five six</p>") == 0.5
    assert quoted_share(body, "one two three four five") == 0.0
    assert quoted_share(body, " ".join(body)) == 1.0


def test_no_page_shows_more_than_a_quarter_of_the_article_in_quotation(site, repo_root: Path
                                                                       ) -> None:
    sources = read_corpus(repo_root / "data").sources.values()
    bodies = {s.id: body_words(s) for s in sources}
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 100
    shares: dict[str, float] = {}
    for p in pages:
        text = page_text(p.read_text(encoding="utf-8"))
        for ident, body in bodies.items():
            shares[f"{p.relative_to(site.site_dir)} ({ident})"] = quoted_share(body, text)
    worst = max(shares, key=shares.__getitem__)
    print(f"largest quoted share: {shares[worst]:.1%} on {worst}")
    over = {k: round(v, 3) for k, v in shares.items() if v > MAX_QUOTED_SHARE}
    assert not over


def test_no_table_has_an_empty_header_cell(site) -> None:
    empty = re.compile(r"<th\b[^>]*>\s*</th>")
    bad = [str(p.relative_to(site.site_dir)) for p in sorted(site.site_dir.rglob("*.html"))
           if empty.search(p.read_text(encoding="utf-8"))]
    assert not bad
