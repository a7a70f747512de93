"""The synthetic dataset generator: valid data of any size, the same bytes for the same seed."""

from __future__ import annotations

from pathlib import Path

from explainer.build import read_corpus
from explainer.tools import synthetic


def test_a_small_synthetic_dataset_passes_check(tmp_path: Path) -> None:
    sizes = synthetic.write(tmp_path, 120, seed=3)
    corpus = read_corpus(tmp_path)
    assert len(corpus.events) == sizes.events == 120
    assert len(corpus.actors) == sizes.actors
    assert len(corpus.claims) == sizes.claims
    assert len(corpus.terms) == sizes.terms
    assert len(corpus.sources) == sizes.sources
    assert any(c.quotes for c in corpus.claims.values())


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    synthetic.write(a, 60, seed=7)
    synthetic.write(b, 60, seed=7)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_another_seed_gives_other_data() -> None:
    assert synthetic.dataset(60, seed=1) != synthetic.dataset(60, seed=2)


def test_records_grow_in_proportion_to_events() -> None:
    small, large = synthetic.sizes_for(1000), synthetic.sizes_for(10_000)
    assert (large.actors, large.claims, large.terms) == (
        10 * small.actors, 10 * small.claims, 10 * small.terms)
