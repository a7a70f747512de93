"""How an external reference is shown: archived copy, reader's note, excerpt (never a comment)."""

from __future__ import annotations

import pytest

from explainer.data.dates import parse_date
from explainer.data.load import load
from explainer.data.model import Reference
from explainer.data.validate import validate
from explainer.render.common import archive_url, citations, reference_line

URL = "https://example.org/a?b=1&c=2"


@pytest.mark.parametrize(("published", "accessed", "stamp"), [
    ("2021-05-24", None, "20210524/"), ("2021-05", None, "202105/"), ("2021", None, "2021/"),
    (None, "2026-11-29", "20261129/"), ("2020-08-18", "2026-11-29", "20200818/"),
    (None, None, ""),
])
def test_the_archived_copy_is_the_capture_nearest_the_date(
        published: str | None, accessed: str | None, stamp: str) -> None:
    ref = Reference(title="T", publisher="P", url=URL,
                    published=parse_date(published) if published else None,
                    accessed=parse_date(accessed) if accessed else None)
    assert archive_url(ref) == f"https://web.archive.org/web/{stamp}{URL}"


def test_an_exact_snapshot_wins() -> None:
    snap = "https://web.archive.org/web/20210525093000/https://example.org/a"
    ref = Reference(title="T", publisher="P", url=URL, archive=snap,
                    published=parse_date("2021-05-24"))
    assert archive_url(ref) == snap
    assert f'href="{snap}"' in reference_line(ref)


def test_the_line_escapes_every_value_and_quotes_the_excerpt_on_demand() -> None:
    ref = Reference(title="<b>T</b>", publisher="P & Q", url=URL, note="Read <this>",
                    excerpt='Il a dit "non" <script>', excerpt_en="He said no",
                    language="fr")
    line = reference_line(ref)
    assert "<b>" not in line and "<script>" not in line and "<this>" not in line
    assert 'href="https://example.org/a?b=1&amp;c=2"' in line
    assert '<details class="quote x-excerpt"><summary>What the page says</summary>' in line
    assert '<blockquote lang="fr"><p>Il a dit' in line
    assert '<p class="x-gloss">Translation: He said no</p>' in line
    assert '<span class="x-ref-note">Note: Read &#60;this&#62;</span>' in line


def test_english_excerpts_carry_no_lang_and_no_gloss() -> None:
    line = reference_line(Reference(title="T", publisher="P", url=URL, excerpt="Words."))
    assert "<blockquote><p>Words&#46;</p></blockquote></details>" in line
    assert "lang=" not in line and "Translation" not in line
    assert "<details" not in reference_line(Reference(title="T", publisher="P", url=URL))


def test_a_comment_never_reaches_the_page() -> None:
    text = """# yaml-language-server: $schema=../../schemas/publisher.schema.json
id: example
name: Example
hosts: [example.org]
class: news
reviewed: 2026-11-29
"""
    event = """# yaml-language-server: $schema=../../schemas/event.schema.json
id: e
title: E
date: 2021-05-24
precision: day
summary: S.
kind: coup
place: p
sources:
  - title: T
    publisher: P
    url: https://example.org/x
    comment: SECRET maintainer remark
reviewed: 2026-11-29
"""
    place = """# yaml-language-server: $schema=../../schemas/place.schema.json
id: p
name: P
name_fr: P
kind: capital
country: ML
lat: 12.6
lon: -7.98
precision: locality
geonames: 2460596
reviewed: 2026-11-29
"""
    corpus = validate([load(text, "data/publishers/example.yaml"),
                       load(event, "data/events/e.yaml"), load(place, "data/places/p.yaml")],
                      {})
    ref = corpus.events["e"].sources[0]
    assert "SECRET" not in repr(ref)
    assert "SECRET" not in "\n".join(citations(corpus, "events/e.md", (ref,)))
