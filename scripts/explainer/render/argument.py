"""The argument: thesis, support and evidence, the view attacked and its rebuttal, recommendations.

Drawn three ways from the same tree: prose, a nested list (the accessible form), an SVG map.
"""

from __future__ import annotations

from explainer.data.model import Claim, Corpus
from explainer.i18n import N_, _, integer, ngettext
from explainer.render import argument_map, links, paging
from explainer.render.common import abbrs, count, kind_label, time, verdict_badge
from explainer.render.hindsight import outcome_badge, outcome_text
from explainer.render.text import plain, rich

#: (claim, relation to its parent: root / supports / attacks, children, links to claims shown
#: elsewhere in the tree as (claim, relation))
Tree = tuple[str, str, tuple["Tree", ...], tuple[tuple[str, str], ...]]


_KIND_ORDER = {k: i for i, k in enumerate(
    ("opposing-view", "rebuttal", "recommendation", "premise", "evidence", "background"))}


def argument_tree(corpus: Corpus, root: str) -> tuple[Tree, set[str]]:
    """A spanning tree from `root` through incoming support and attack; each claim once."""
    seen = {root}

    def grow(ident: str, relation: str) -> Tree:
        kids: list[tuple[str, str]] = []
        also: list[tuple[str, str]] = []
        for rel, index in (("supports", corpus.supporters), ("attacks", corpus.attackers)):
            for child in index.get(ident, ()):
                if child not in seen:
                    seen.add(child)
                    kids.append((child, rel))
                else:
                    also.append((child, rel))
        # Attacks and recommendations first: they are what a reader looks for.
        kids.sort(key=lambda cr: (cr[1] != "attacks",
                                  _KIND_ORDER.get(corpus.claims[cr[0]].kind, 9)))
        return ident, relation, tuple(grow(c, r) for c, r in kids), tuple(also)

    return grow(root, "root"), seen


def _list(corpus: Corpus, page: str, tree: Tree, depth: int) -> list[str]:
    ident, relation, children, also = tree
    c = corpus.claims[ident]
    pad = "    " * depth
    badge = f" {verdict_badge(c.assessment.verdict)}" if c.assessment else ""
    badge += f" {outcome_badge(c.outcome.status)}" if c.outcome else ""
    rel = {"root": "", "supports": "**" + _("supports") + "** · ",
           "attacks": "**" + _("attacks") + "** · "}[relation]
    lines = [f"{pad}- {rel}[{plain(c.label)}]({links.md(page, links.claim(ident))}) "
             f"<span class=\"x-kind\">{kind_label(c.kind)}</span>{badge}"]
    for ev in c.evidence:
        e = corpus.events[ev]
        lines.append(f"{pad}    - *{_('evidence')}* · {time(e.when)} · "
                     f"[{plain(e.title)}]({links.md(page, links.event(ev))})")
    for child in children:
        lines += _list(corpus, page, child, depth + 1)
    for other, rel in also:
        by = _("supported by") if rel == "supports" else _("attacked by")
        lines.append(f"{pad}    - **{by}** · [{plain(corpus.claims[other].label)}]"
                     f"({links.md(page, links.claim(other))}) {_('(shown above)')}")
    return lines


def _map_node(corpus: Corpus, page: str, tree: Tree) -> argument_map.MapNode:
    ident, relation, children, _also = tree
    c = corpus.claims[ident]
    return argument_map.MapNode(ident=ident, label=c.label, kind=c.kind, relation=relation,
                       href=links.href(page, links.claim(ident)),
                       outcome=outcome_text(c.outcome.status) if c.outcome else None,
                       children=tuple(_map_node(corpus, page, t) for t in children),
                       verdict=c.assessment.verdict if c.assessment else None)


def _maps(root: argument_map.MapNode, title: str) -> list[str]:
    """The map twice: two columns for wide screens, one (an indented outline) below 700px;
    CSS shows one of them."""
    ident = f"argmap-{root.ident}"
    return [argument_map.argument_map(root, title=title, ident=ident),
            argument_map.argument_map(root, title=title, width=argument_map.NARROW_W,
                                      columns=1, ident=f"{ident}-narrow")]


def _summary(corpus: Corpus, thesis: Claim, limit: int | None = None) -> str:
    claims = list(corpus.claims.values())
    support = [c for c in claims if c.kind in ("premise", "evidence", "background")]
    opposing = [c for c in claims if c.kind == "opposing-view"]
    rebut = [c for c in claims if c.kind == "rebuttal"]
    recs = [c for c in claims if c.kind == "recommendation"]
    events = {e for c in claims for e in c.evidence}
    checked = [c for c in claims if c.assessment and c.assessment.verdict != "opinion"]
    parts = [_("The article's thesis is “%(thesis)s”. It rests on %(support)s, which together "
               "cite %(events)s as evidence.") % {
        "thesis": plain(thesis.label), "support": count(len(support), "supporting claim"),
        "events": count(len(events), "event")}]
    if opposing:
        named = "; ".join(_("“%(label)s”") % {"label": plain(c.label)}
                          for c in opposing[:limit])
        if limit is not None and len(opposing) > limit:
            named += "; " + _("and %(n)s more") % {"n": integer(len(opposing) - limit)}
        values = {"opposing": count(len(opposing), "opposing view"), "named": named,
                  "rebuttals": count(len(rebut), "rebuttal")}
        parts.append(_("It argues against %(opposing)s (%(named)s) with %(rebuttals)s.") % values
                     if rebut else _("It argues against %(opposing)s (%(named)s).") % values)
    if recs:
        parts.append(_("It ends with %(recommendations)s.")
                     % {"recommendations": count(len(recs), "recommendation")})
    parts.append(ngettext(
        "Of its claims, %(n)s statement of fact was checked; see the [fact-checks](%(link)s).",
        "Of its claims, %(n)s statements of fact were checked; see the [fact-checks](%(link)s).",
        len(checked)) % {"n": integer(len(checked)),
                         "link": links.md(links.ARGUMENT, links.FACT_CHECKS)})
    later = sum(1 for c in claims if c.outcome)
    if later:
        parts.append(_("Events after the article bear on %(claims)s, whose outcomes are marked "
                       "“Later”: see [was the warning right?](%(link)s).") % {
            "claims": count(later, "claim"), "link": links.md(links.ARGUMENT, links.HINDSIGHT)})
    return " ".join(parts)


#: Claims drawn in full (the whole tree, every section) before the argument page is cut down to
#: each thesis, its direct supporters and attackers, and counts; claim pages carry the rest.
SPLIT = 60
#: Direct supporters and attackers of a thesis shown on a large argument page.
CHILDREN = 30
#: Claims of each section named on a large argument page; their own pages list them all.
FIRST = 5
#: Claims on one page of a section.
PER_PAGE = 25
#: (heading, marked for the catalogue; anchor; claim kinds)
SECTIONS = ((N_("The view the article attacks"), "opposing", ("opposing-view",)),
            (N_("Its rebuttal"), "rebuttal", ("rebuttal",)),
            (N_("Recommendations"), "recommendations", ("recommendation",)))
_OTHER = N_("Other claims")


def section_page(anchor: str) -> str:
    return f"argument/{anchor}.md"


def _size(tree: Tree) -> int:
    return 1 + sum(_size(t) for t in tree[2])


def _shallow_list(corpus: Corpus, page: str, tree: Tree) -> list[str]:
    """The thesis and its direct supporters and attackers, each with the size of its subtree."""
    ident, _rel, children, _also = tree
    c = corpus.claims[ident]
    badge = f" {verdict_badge(c.assessment.verdict)}" if c.assessment else ""
    badge += f" {outcome_badge(c.outcome.status)}" if c.outcome else ""
    lines = [f"- [{plain(c.label)}]({links.md(page, links.claim(ident))}) "
             f"<span class=\"x-kind\">{kind_label(c.kind)}</span>{badge}"]
    for child in children[:CHILDREN]:
        k = corpus.claims[child[0]]
        below = _size(child) - 1
        kbadge = f" {verdict_badge(k.assessment.verdict)}" if k.assessment else ""
        kbadge += f" {outcome_badge(k.outcome.status)}" if k.outcome else ""
        more = (" — [" + _("%(claims)s below it") % {"claims": count(below, "claim")}
                + f"]({links.md(page, links.claim(k.id), 'relations')})" if below else "")
        lines.append(f"    - **{_(child[1])}** · [{plain(k.label)}]"
                     f"({links.md(page, links.claim(k.id))}) "
                     f"<span class=\"x-kind\">{kind_label(k.kind)}</span>{kbadge}{more}")
    if len(children) > CHILDREN:
        lines.append("    - " + _("and %(n)s more: see [the thesis](%(link)s)") % {
            "n": integer(len(children) - CHILDREN),
            "link": links.md(page, links.claim(ident), "relations")})
    return lines


def _large(corpus: Corpus) -> dict[str, str]:
    page = links.ARGUMENT
    lines = ["# " + _("The argument"), ""]
    theses = [c for c in corpus.claims.values() if c.kind == "thesis"]
    shown: set[str] = set()
    for thesis in theses:
        tree, seen = argument_tree(corpus, thesis.id)
        shown |= seen
        top = (tree[0], tree[1], tree[2][:CHILDREN], ())
        lines += [_summary(corpus, thesis, FIRST), "",
                  f"## {_('Thesis')} {{#thesis-{thesis.id}}}", "",
                  f"[{plain(thesis.label)}]({links.md(page, links.claim(thesis.id))})", "",
                  rich(thesis.statement, abbrs(corpus)), "",
                  f"### {_('The argument map')} {{#map-{thesis.id}}}", "",
                  '<figure class="x-figure x-figure--wide">',
                  *_maps(_map_node(corpus, page, (*top[:2], tuple(
                      (t[0], t[1], (), ()) for t in top[2]), ())),
                         _("Argument map: %(thesis)s") % {"thesis": thesis.label}),
                  "<figcaption>" + _(
                      "The thesis and the %(claims)s that directly support (solid) or attack "
                      "(dashed) it, out of %(all)s in its tree. Each box opens the claim, whose "
                      "page lists the claims under it.") % {
                      "claims": count(len(top[2]), "claim"), "all": count(len(seen), "claim")}
                  + "</figcaption>", "</figure>", "",
                  f"### {_('Claims under the thesis')} {{#tree-{thesis.id}}}", "",
                  *_shallow_list(corpus, page, tree), ""]
    pages: dict[str, str] = {}
    groups = [(h, a, [c for c in corpus.claims.values() if c.kind in kinds])
              for h, a, kinds in SECTIONS]
    groups.append((_OTHER, "other",
                   [c for c in corpus.claims.values() if c.id not in shown]))
    for heading, anchor, claims in groups:
        if not claims:
            continue
        lines += [f"## {_(heading)} ({integer(len(claims))}) {{#{anchor}}}", "",
                  *(f"- [{plain(c.label)}]({links.md(page, links.claim(c.id))})"
                    for c in claims[:FIRST]), ""]
        if len(claims) > FIRST:
            lines += [_("[All %(n)s](%(link)s).") % {
                "n": integer(len(claims)), "link": links.md(page, section_page(anchor))}, ""]
            pages.update(_section_pages(corpus, heading, anchor, claims))
    return {page: "\n".join(lines), **pages}


def _section_pages(corpus: Corpus, heading: str, anchor: str,
                   claims: list[Claim]) -> dict[str, str]:
    base = section_page(anchor)
    runs = paging.chunks(claims, PER_PAGE)
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        page = paging.numbered(base, n)
        nav = paging.pager(page, base, n, len(runs))
        lines = ["# " + _("The argument: %(section)s") % {"section": _(heading).lower()}, "",
                 f"[← {_('The argument')}]({links.md(page, links.ARGUMENT)}) · "
                 f"{count(len(claims), 'claim')}.", "", *nav]
        for c in run:
            lines += [f"## [{plain(c.label)}]({links.md(page, links.claim(c.id))}) "
                      f"{{#claim-{c.id}}}", "", rich(c.statement, abbrs(corpus)), ""]
        pages[page] = "\n".join([*lines, *nav])
    return pages


def argument_pages(corpus: Corpus) -> dict[str, str]:
    """The argument page; above SPLIT claims, cut down, with a paged list per section."""
    if len(corpus.claims) > SPLIT and any(c.kind == "thesis" for c in corpus.claims.values()):
        return _large(corpus)
    return {links.ARGUMENT: argument(corpus)}


def argument(corpus: Corpus) -> str:
    page = links.ARGUMENT
    lines = ["# " + _("The argument"), ""]
    theses = [c for c in corpus.claims.values() if c.kind == "thesis"]
    if not theses:
        return "\n".join([*lines, _("No thesis is recorded yet."), ""])
    shown: set[str] = set()
    for thesis in theses:
        tree, seen = argument_tree(corpus, thesis.id)
        shown |= seen
        lines += [_summary(corpus, thesis), "", "## " + _("Thesis") + " {#thesis}", "",
                  f"[{plain(thesis.label)}]({links.md(page, links.claim(thesis.id))})", "",
                  rich(thesis.statement, abbrs(corpus)), "",
                  "## " + _("The argument map") + " {#map}", "",
                  '<figure class="x-figure x-figure--wide">',
                  *_maps(_map_node(corpus, page, tree),
                         _("Argument map: %(thesis)s") % {"thesis": thesis.label}),
                  "<figcaption>" + _(
                      "Arrows point from a claim to the claim it supports (solid) or attacks "
                      "(dashed). The mark in a box's corner is our verdict on the claim (✗ "
                      "wrong, ≈ imprecise, ? unverified, ✓ correct, ◆ opinion). Each box opens "
                      "the claim. The list below says the same, with the evidence.")
                  + "</figcaption>", "</figure>", "",
                  "## " + _("Claims and evidence") + " {#tree}", "",
                  _("Each claim is listed under the claim it supports or attacks, with the "
                    "events it cites as evidence."), "",
                  *_list(corpus, page, tree, 0), ""]
    for heading, anchor, kinds in SECTIONS:
        claims = [c for c in corpus.claims.values() if c.kind in kinds]
        if claims:
            lines += [f"## {_(heading)} {{#{anchor}}}", ""]
            for c in claims:
                lines += [f"### [{plain(c.label)}]({links.md(page, links.claim(c.id))})", "",
                          rich(c.statement, abbrs(corpus)), ""]
    rest = [c for c in corpus.claims.values() if c.id not in shown]
    if rest:
        lines += ["## " + _(_OTHER) + " {#other}", "", *(
            f"- [{plain(c.label)}]({links.md(page, links.claim(c.id))})" for c in rest), ""]
    return "\n".join(lines)
