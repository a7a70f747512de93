"""The fact-checks page: every assessed claim, verdict first (what the article got wrong at the
top, opinions last), with counts and anchors.

Above SPLIT checks the page keeps the counts and the first few claims of each verdict, and each
verdict gets its own pages (`fact-checks/<verdict>.md`, then `.../<verdict>/2.md`, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from explainer.data.model import Claim, Corpus
from explainer.i18n import _, integer, ngettext
from explainer.render import links, paging
from explainer.render.common import (
    VERDICT_LABELS,
    VERDICT_MEANINGS,
    VERDICT_ORDER,
    abbrs,
    citations,
    count,
    script_strings,
    verdict_badge,
)
from explainer.render.text import plain, rich

#: Checks on one page before they are split by verdict.
SPLIT = 60
#: Checks on one page of a verdict.
PER_PAGE = 25
#: Claims of each verdict named on the main page of a large set.
FIRST = 3
#: Wrong and imprecise claims named in the summary at the top; the rest are counted.
GOT_WRONG = 10


def verdict_page(verdict: str) -> str:
    return f"fact-checks/{verdict}.md"


def _by_verdict(corpus: Corpus) -> dict[str, list[Claim]]:
    by_verdict: dict[str, list[Claim]] = {v: [] for v in VERDICT_ORDER}
    for c in corpus.claims.values():
        if c.assessment:
            by_verdict[c.assessment.verdict].append(c)
    return by_verdict


def _check(corpus: Corpus, page: str, v: str, c: Claim) -> list[str]:
    assert c.assessment is not None
    lines = [f"### {plain(c.label)} {{#check-{c.id}}}", "",
             f"{verdict_badge(v)} · [{_('the claim in full')}]"
             f"({links.md(page, links.claim(c.id))})", "",
             rich(c.statement, abbrs(corpus)), "", _("**The record:**"), "",
             rich(c.assessment.note, abbrs(corpus)), ""]
    if c.assessment.references:
        lines += [_("**References:**"), "", *citations(corpus, page, c.assessment.references)]
    return lines


def _verdict_table(by_verdict: dict[str, list[Claim]], target: Callable[[str], str]
                   ) -> list[str]:
    """The counts per verdict, each verdict linking to `target(verdict)`."""
    rows = [f"| [{VERDICT_LABELS[v]}]({target(v)}) | {integer(len(by_verdict[v]))} | "
            f"{VERDICT_MEANINGS[v]} |" for v in VERDICT_ORDER]
    return [f"| {_('Verdict')} | {_('Claims')} | {_('Meaning')} |", "| --- | ---: | --- |",
            *rows, ""]


def _got_wrong(by_verdict: dict[str, list[Claim]], target: Callable[[str, Claim], str]
               ) -> list[str]:
    """One line for each wrong and each imprecise claim (up to GOT_WRONG of each)."""
    lines = ["## " + _("What the article got wrong") + " {#got-wrong}", ""]
    bad = [(v, c) for v in ("wrong", "imprecise") for c in by_verdict[v][:GOT_WRONG]]
    if not bad:
        return [*lines, _("Nothing: no claim was found wrong or imprecise."), ""]
    lines += [f"- {verdict_badge(v)} [{plain(c.label)}]({target(v, c)})" for v, c in bad]
    more = sum(max(0, len(by_verdict[v]) - GOT_WRONG) for v in ("wrong", "imprecise"))
    if more:
        lines.append("- " + ngettext("and %(n)s more, under its verdict below",
                                     "and %(n)s more, under their verdicts below", more)
                     % {"n": integer(more)})
    return [*lines, ""]


def _one_page(corpus: Corpus, by_verdict: dict[str, list[Claim]], total: int) -> str:
    page = links.FACT_CHECKS
    lines = ["# " + _("Fact-checks"), "",
             _("%(n)s claims of the article were checked against the record. What it got "
               "wrong comes first: wrong, imprecise, unverified, then correct claims, then "
               "opinions. Each verdict has its own anchor.") % {"n": integer(total)}, "",
             *script_strings(),
             *_got_wrong(by_verdict, lambda v, c: f"#check-{c.id}"),
             "## " + _("All verdicts") + " {#verdicts}", "",
             *_verdict_table(by_verdict, lambda v: f"#verdict-{v}")]
    for v in VERDICT_ORDER:
        claims = by_verdict[v]
        lines += [f"## {VERDICT_LABELS[v]} ({integer(len(claims))}) {{#verdict-{v}}}", ""]
        if not claims:
            lines += [_("None."), ""]
        for c in claims:
            lines += _check(corpus, page, v, c)
    return "\n".join(lines)


def _index(by_verdict: dict[str, list[Claim]], total: int) -> str:
    page = links.FACT_CHECKS
    lines = ["# " + _("Fact-checks"), "",
             _("%(n)s claims of the article were checked against the record. Each verdict "
               "has its own pages, what the article got wrong first; below are the first "
               "claims of each.") % {"n": integer(total)}, "",
             *_got_wrong(by_verdict, lambda v, c: links.md(page, verdict_page(v),
                                                           "check-" + c.id)),
             "## " + _("All verdicts") + " {#verdicts}", "",
             *_verdict_table(by_verdict, lambda v: links.md(page, verdict_page(v)))]
    for v in VERDICT_ORDER:
        claims = by_verdict[v]
        lines += [f"## {VERDICT_LABELS[v]} ({integer(len(claims))}) {{#summary-{v}}}", ""]
        if not claims:
            lines += [_("None."), ""]
            continue
        lines += [f"- [{plain(c.label)}]({links.md(page, verdict_page(v), 'check-' + c.id)})"
                  for c in claims[:FIRST]]
        lines += ["", _("[All %(claims)s judged *%(verdict)s*](%(link)s).") % {
            "claims": count(len(claims), "claim"), "verdict": VERDICT_LABELS[v].lower(),
            "link": links.md(page, verdict_page(v))}, ""]
    return "\n".join(lines)


def _verdict_pages(corpus: Corpus, v: str, claims: Sequence[Claim]) -> dict[str, str]:
    base = verdict_page(v)
    runs = paging.chunks(claims, PER_PAGE)
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        page = paging.numbered(base, n)
        nav = paging.pager(page, base, n, len(runs))
        lines = ["# " + _("Fact-checks: %(verdict)s") % {"verdict": VERDICT_LABELS[v].lower()},
                 "", f"[← {_('All fact-checks')}]({links.md(page, links.FACT_CHECKS)}) · "
                 f"{count(len(claims), 'claim')}{_(':')} {VERDICT_MEANINGS[v]}", "", *nav]
        if not run:
            lines += [_("None."), ""]
        for c in run:
            lines += _check(corpus, page, v, c)
        pages[page] = "\n".join([*lines, *nav])
    return pages


def fact_check_pages(corpus: Corpus) -> dict[str, str]:
    """The fact-checks page; above SPLIT checks, its index and the pages of each verdict."""
    by_verdict = _by_verdict(corpus)
    total = sum(len(v) for v in by_verdict.values())
    if total <= SPLIT:
        return {links.FACT_CHECKS: _one_page(corpus, by_verdict, total)}
    pages = {links.FACT_CHECKS: _index(by_verdict, total)}
    for v in VERDICT_ORDER:
        pages.update(_verdict_pages(corpus, v, by_verdict[v]))
    return pages


def fact_checks(corpus: Corpus) -> str:
    return fact_check_pages(corpus)[links.FACT_CHECKS]
