"""The real dataset in data/: valid, big enough, sourced, quoted verbatim, covering the article."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.commands.urls import cited_urls
from explainer.data.coverage import coverage
from explainer.data.load import Document, Key, load
from explainer.data.model import ArticleCitation, Corpus
from explainer.data.problems import DataError
from explainer.data.source_classes import references
from explainer.data.validate import validate

URL = re.compile(r"https?://[^\s)>`\"']+")


@pytest.fixture(scope="module")
def corpus(repo_root: Path) -> Corpus:
    return read_corpus(repo_root / "data")


def test_the_dataset_meets_its_floors(corpus: Corpus) -> None:
    assert len(corpus.events) >= 35
    assert len(corpus.actors) >= 30
    assert len(corpus.claims) >= 25
    assert len(corpus.terms) >= 15
    checked = [c for c in corpus.claims.values()
               if c.assessment and c.assessment.verdict != "opinion"]
    assert len(checked) >= 12
    assert all(e.sources for e in corpus.events.values())
    assert all(c.quotes for c in corpus.claims.values())


def test_every_event_from_the_article_cites_it_with_a_quote(corpus: Corpus) -> None:
    quoted = [e for e in corpus.events.values()
              if any(isinstance(s, ArticleCitation) for s in e.sources)]
    assert len(quoted) >= 20


def test_every_body_paragraph_is_cited(corpus: Corpus) -> None:
    (article,) = coverage(corpus)
    assert [p.number for p in article.body() if not p.cited] == []
    assert article.share() >= 0.9


def test_the_link_check_reads_every_url_in_the_data(repo_root: Path, corpus: Corpus) -> None:
    """Every address written anywhere in data/ is on the list `explainer urls` gives the weekly
    link check, and every reference's host is a registered publisher (the check's own rule)."""
    files = {p.relative_to(repo_root).as_posix(): p.read_text("utf-8")
             for p in sorted((repo_root / "data").rglob("*.yaml"))}
    listed = cited_urls(corpus, files)
    written = {u.rstrip(".,;:") for text in files.values() for u in URL.findall(text)}
    assert written - set(listed) == set()
    assert all(ref.publisher_id in corpus.publishers for _rec, ref in references(corpus))


def _quote_keys(data: object, key: Key = ()) -> list[Key]:
    """Paths of every quote in a record: claim `quotes` items and citations' `quote` (not the
    French beside them, under `fr:`: our translations, which no source text holds)."""
    out: list[Key] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "fr" and not key:
                continue
            if k == "quote" and isinstance(v, str):
                out.append((*key, k))
            elif k == "quotes" and isinstance(v, list):
                out.extend((*key, k, i) for i in range(len(v)))
            else:
                out.extend(_quote_keys(v, (*key, k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(_quote_keys(v, (*key, i)))
    return out


def _set(data: object, key: Key, value: str) -> None:
    for k in key[:-1]:
        data = data[k]  # type: ignore[index]
    data[key[-1]] = value  # type: ignore[index]


def _get(data: object, key: Key) -> str:
    for k in key:
        data = data[k]  # type: ignore[index]
    assert isinstance(data, str)
    return data


def test_changing_one_word_of_any_quote_fails_at_that_quote(repo_root: Path) -> None:
    data = repo_root / "data"
    docs = [load(p.read_text("utf-8"), p.relative_to(repo_root).as_posix())
            for p in sorted(data.rglob("*.yaml"))]
    texts = {p.relative_to(repo_root).as_posix(): p.read_text("utf-8")
             for p in data.rglob("*.txt")}
    validate(docs, texts)
    # The sources (for their texts) and the publishers (for references' hosts) are always read.
    sources = [d for d in docs if d.path.startswith(("data/sources/", "data/publishers/"))]
    mutated = 0
    for doc in docs:
        for key in _quote_keys(doc.data):
            words = _get(doc.data, key).split()
            n = len(words) // 2
            words[n] = "zzz" if words[n] != "zzz" else "yyy"
            changed = copy.deepcopy(doc.data)
            _set(changed, key, " ".join(words))
            bad = Document(path=doc.path, data=changed, header=doc.header, marks=doc.marks,
                           key_marks=doc.key_marks)
            # Only the sources and the changed record are checked; the others' ids count as defined.
            others = [d.path for d in docs if d is not doc and d not in sources]
            with pytest.raises(DataError) as err:
                validate([*(d for d in sources if d is not doc), bad], texts, broken=others)
            line, col = doc.marks[key]
            assert [str(p).split("\n")[0] for p in err.value.problems] == [
                f"{doc.path}:{line}:{col}: quote not found in the text of 'mali-double-coup'"]
            mutated += 1
    assert mutated >= 100
