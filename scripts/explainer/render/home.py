"""The home page: what happened, in five sentences and one picture; what the article argues."""

from __future__ import annotations

from explainer.model import Corpus, Event
from explainer.render import links, svg
from explainer.text import plain, rich

#: Which events tell the story first, most important first.
_STORY_KINDS = ("independence", "coup", "agreement", "election", "military-operation",
                "sanction")
#: Events tagged so happen next door: context, not the story.
_CONTEXT_TAG = "regional"


def story_events(corpus: Corpus, n: int = 5) -> list[Event]:
    """The `n` events that best tell what happened, in date order.

    The first independence, then the latest coups, then other kinds; regional events left out.
    """
    rank = {k: i for i, k in enumerate(_STORY_KINDS)}
    evs = [e for e in corpus.events.values() if _CONTEXT_TAG not in e.tags]
    first_of_kind: set[str] = set()
    keyed = []
    for i, e in enumerate(evs):
        # Independence is told once (the first); coups from the latest back.
        again = e.kind == "independence" and e.kind in first_of_kind
        first_of_kind.add(e.kind)
        keyed.append(((rank.get(e.kind, len(rank)) + (len(rank) if again else 0),
                       i if e.kind == "independence" else -i), i))
    return [evs[i] for i in sorted(i for _, i in sorted(keyed)[:n])]


def _sentence(page: str, e: Event) -> str:
    when = plain(e.when.display())
    prep = "On" if e.when.date.precision == "day" and not e.when.end else "In"
    return (f"{prep} {when}: [{plain(e.title.rstrip('.'))}]"
            f"({links.md(page, links.event(e.id))}).")


def home(corpus: Corpus) -> str:
    page = links.HOME
    lines = ["# Mali's double coup, explained", "",
             "A sourced, fact-checked guide to an op-ed on the coups of August 2020 and May "
             "2021 in Mali: the events behind it, the people in it, and how its argument holds "
             "up.", "", "## What happened {#what-happened}", ""]
    story = story_events(corpus)
    if story:
        timeline = links.href(page, links.TIMELINE)
        lines += [" ".join(_sentence(page, e) for e in story), "",
                  '<figure class="x-figure" tabindex="0">',
                  svg.overview(corpus.events.values(), ident="home-overview"),
                  "<figcaption>Every event on a time axis; coups and independence marked. "
                  f'<a href="{timeline}">Open the timeline</a>.</figcaption>',
                  "</figure>", ""]
    else:
        lines += ["No events are recorded yet.", ""]
    theses = [c for c in corpus.claims.values() if c.kind == "thesis"]
    lines += ["## What the article argues {#argument}", ""]
    for t in theses:
        lines += [f"**[{plain(t.label)}]({links.md(page, links.claim(t.id))})**", "",
                  rich(t.statement), ""]
    for s in corpus.sources.values():
        lines += [f"The article: *{plain(s.title)}* by {plain(s.author)} "
                  f"({plain(s.publisher)}, {plain(s.published.display())}); "
                  f"[about the source]({links.md(page, links.SOURCE, 'source-' + s.id)}).", ""]
    lines += ["## Where to start {#start}", "",
              f"- [The timeline]({links.md(page, links.TIMELINE)}): "
              f"{len(corpus.events)} events in date order, filterable by kind and actor.",
              f"- [The argument]({links.md(page, links.ARGUMENT)}): the thesis, what supports "
              "it, what it attacks, as a map.",
              f"- [The actors]({links.md(page, links.ACTORS)}): {len(corpus.actors)} people "
              "and organisations.",
              f"- [The fact-checks]({links.md(page, links.FACT_CHECKS)}): each claim of fact "
              "against the record.", ""]
    return "\n".join(lines)
