"""Cutting a long list into numbered pages: `x.md`, then `x/2.md`, `x/3.md`, ...

Pure and generic: which items go on which page, the path of page n, and a bounded pager line
(first, previous, next, last), so that no page grows with the data and every page is reachable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from explainer.i18n import _, integer
from explainer.render import links

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in runs of `size` (at least one run, possibly empty)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def numbered(base: str, n: int) -> str:
    """Page n of the list whose first page is `base`: base, then base-without-.md/n.md."""
    return base if n == 1 else f"{base.removesuffix('.md')}/{n}.md"


def pager(page: str, base: str, n: int, total: int) -> list[str]:
    """'Page 2 of 5' with links to the first, previous, next and last pages; [] for one page."""
    if total <= 1:
        return []
    parts = [_("Page %(n)s of %(total)s") % {"n": integer(n), "total": integer(total)}]
    if n > 1:
        parts += [f"[{_('first')}]({links.md(page, numbered(base, 1))})",
                  f"[← {_('previous')}]({links.md(page, numbered(base, n - 1))})"]
    if n < total:
        parts += [f"[{_('next')} →]({links.md(page, numbered(base, n + 1))})",
                  f"[{_('last')}]({links.md(page, numbered(base, total))})"]
    return [" · ".join(parts), ""]


def where(items: Sequence[str], base: str, size: int) -> dict[str, str]:
    """For each item (an id), the page it lands on when `items` is paged from `base`."""
    return {ident: numbered(base, i // size + 1) for i, ident in enumerate(items)}
