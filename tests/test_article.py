"""The article page: the paragraph summaries are checked like every record, and every page of
the built site keeps quotation of the article under a quarter of its body words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.data.problems import DataError
from explainer.render import links, render_site


def _with_paragraphs(tmp_path: Path, fixtures_dir: Path, entries: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    src = data / "sources" / "sample-article.yaml"
    text = src.read_text(encoding="utf-8")
    src.write_text(text[:text.index("paragraphs:")] + entries, encoding="utf-8")
    return data


@pytest.mark.parametrize(("entries", "message"), [
    ("paragraphs:\n  - number: 2\n    summary: a\n  - number: 3\n    summary: b\n",
     "no summary for body paragraph 4"),
    ("paragraphs:\n  - number: 3\n    summary: a\n  - number: 2\n    summary: b\n"
     "  - number: 4\n    summary: c\n", "paragraph 2 comes after paragraph 3"),
    ("paragraphs:\n  - number: 1\n    summary: a\n  - number: 2\n    summary: b\n"
     "  - number: 3\n    summary: c\n  - number: 4\n    summary: d\n",
     "paragraph 1 is listed in not_body"),
    ("paragraphs:\n  - number: 2\n    summary: a\n  - number: 3\n    summary: b\n"
     "  - number: 4\n    summary: c\n  - number: 9\n    summary: d\n",
     "paragraph 9 does not exist: the text has 5"),
    ("paragraphs:\n  - number: 2\n    summary: a\n    events: [no-such-event]\n"
     "  - number: 3\n    summary: b\n  - number: 4\n    summary: c\n",
     "unknown event id 'no-such-event'"),
])
def test_paragraph_summaries_cover_each_body_paragraph_once_in_order(
        tmp_path: Path, fixtures_dir: Path, entries: str, message: str) -> None:
    with pytest.raises(DataError) as err:
        read_corpus(_with_paragraphs(tmp_path, fixtures_dir, entries))
    text = str(err.value)
    assert message in text
    assert "data/sources/sample-article.yaml:" in text or "sources/sample-article.yaml:" in text


def test_the_real_article_is_summarised_paragraph_by_paragraph(repo_root: Path) -> None:
    corpus = read_corpus(repo_root / "data")
    s = corpus.sources["mali-double-coup"]
    body = [i for i in range(1, len(s.paragraphs) + 1) if i not in s.not_body]
    assert [p.number for p in s.summaries] == body
    page = render_site(corpus).pages[links.ARTICLE].markdown
    for n in body:
        assert f"{{#mali-double-coup-p{n}}}" in page
    # Verdict badges beside the claims; events with their dates.
    assert 'class="x-verdict x-verdict--' in page and "<time datetime=" in page
