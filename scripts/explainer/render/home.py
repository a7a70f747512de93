"""The home page: what happened, in five sentences and one picture; what the article argues."""

from __future__ import annotations

from explainer.model import Corpus, Event
from explainer.render import links, scope, svg, whatnext
from explainer.render.common import abbrs, count
from explainer.render.timeline import chart_target
from explainer.text import first_sentence, plain, rich, rich_inline

#: Which events tell the story first, most important first (the fallback when none is tagged).
_STORY_KINDS = ("independence", "coup", "agreement", "election", "military-operation",
                "sanction")
#: Events tagged so (or `regional-…`) happen next door: context, not the story (scope.is_regional).
_CONTEXT_TAG = "regional"
#: Events tagged so tell the story on the home page, one sentence each: their summary's first.
HOME_TAG = "home"
#: Coups named one by one in the history sentence, theses and sources shown: the page must not
#: grow with the data (a longer record names the latest and links to the rest).
MAX_COUPS = 10
MAX_THESES = 3
MAX_SOURCES = 3
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def story_events(corpus: Corpus, n: int = 4) -> list[Event]:
    """The events whose summaries tell what happened, in date order: those tagged `home`.

    Without any, the fallback: the first independence, then the latest coups, then other
    kinds; regional events and events after the article left out.
    """
    tagged = [e for e in corpus.events.values() if HOME_TAG in e.tags]
    if tagged:
        return tagged[:n]
    rank = {k: i for i, k in enumerate(_STORY_KINDS)}
    day = scope.cutoff(corpus)  # what came after the article has its own section
    evs = [e for e in corpus.events.values()
           if not scope.is_regional(e) and not scope.is_after(e, day)]
    first_of_kind: set[str] = set()
    keyed = []
    for i, e in enumerate(evs):
        # Independence is told once (the first); coups from the latest back.
        again = e.kind == "independence" and e.kind in first_of_kind
        first_of_kind.add(e.kind)
        keyed.append(((rank.get(e.kind, len(rank)) + (len(rank) if again else 0),
                       i if e.kind == "independence" else -i), i))
    return [evs[i] for i in sorted(i for _, i in sorted(keyed)[:n])]


def _link(page: str, e: Event, text: str) -> str:
    return f'<a href="{links.href(page, links.event(e.id))}">{plain(text)}</a>'


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def history_sentence(corpus: Corpus, page: str) -> str | None:
    """How many coups Mali has had since independence, each year linked to its coup event."""
    home = [e for e in corpus.events.values() if not scope.is_regional(e)]
    coups = scope.mali_coups(home)
    if not coups:
        return None
    years = [e.when.date.year for e in coups]

    def when(i: int, e: Event) -> str:
        # Two coups within a year or two are told apart by their month.
        near = any(abs(y - years[i]) <= 1 for j, y in enumerate(years) if j != i)
        d = e.when.date
        text = d.display().split(" ", 1)[-1] if near and d.month and d.day else str(d.year)
        return f"c. {text}" if e.when.approximate else text

    n = len(coups)
    count = f"{_NUMBERS[n] if n < len(_NUMBERS) else n} coup{'s' if n != 1 else ''}"
    dates = _and([_link(page, e, when(i, e)) for i, e in enumerate(coups)
                  if i >= n - MAX_COUPS])
    if n > MAX_COUPS:
        # A long record: the latest few, and the list of them all.
        every = f'<a href="{links.href(page, links.by_kind("coup"))}">all of them</a>'
        dates = f"the latest {MAX_COUPS} in {dates} ({every})"
    independence = next((e for e in home if e.kind == "independence"), None)
    if independence is None:
        return f"Mali has had {count}: {'' if n > MAX_COUPS else 'in '}{dates}."
    since = _link(page, independence, str(independence.when.date.year))
    return (f"Mali became independent in {since}; it has had {count} since, "
            f"{'' if n > MAX_COUPS else 'in '}{dates}.")


def story(corpus: Corpus, page: str) -> list[str]:
    """Up to five sentences, each traceable: the coup count, then one per story event."""
    glossary = abbrs(corpus)
    out = [s for s in (history_sentence(corpus, page),) if s]
    for e in story_events(corpus, 5 - len(out)):
        sentence = rich_inline(first_sentence(e.summary), glossary)
        out.append(f'{sentence} <a class="x-more" href="{links.href(page, links.event(e.id))}" '
                   f'aria-label="sources: {plain(e.title)}">(sources)</a>')
    return out


def home(corpus: Corpus) -> str:
    page = links.HOME
    lines = ["# Mali's double coup, explained", "",
             "A sourced, fact-checked guide to an op-ed on the coups of August 2020 and May "
             "2021 in Mali: the events behind it, the people in it, and how its argument holds "
             "up.", "", "## What happened {#what-happened}", ""]
    sentences = story(corpus, page)
    if sentences:
        timeline = links.href(page, links.TIMELINE)
        mark = svg.article_mark(corpus)
        lines += ['<p class="x-story">' + " ".join(sentences) + "</p>", "",
                  '<figure class="x-figure">',
                  *svg.overviews(corpus.events.values(), ident="home-overview",
                                 target=chart_target(corpus, page), article=mark),
                  "<figcaption>Mali's coups since independence, and the months of the double coup"
                  + (" (the dashed line: the article's publication)" if mark else "") + ". "
                  f'<a href="{timeline}">Open the timeline</a>.</figcaption>',
                  "</figure>", ""]
    else:
        lines += ["No events are recorded yet.", ""]
    lines += whatnext.what_happened_next(corpus, page)
    theses = [c for c in corpus.claims.values() if c.kind == "thesis"]
    lines += ["## What the article argues {#argument}", ""]
    for t in theses[:MAX_THESES]:
        lines += [f"**[{plain(t.label)}]({links.md(page, links.claim(t.id))})**", "",
                  rich(t.statement, abbrs(corpus)), ""]
    if len(theses) > MAX_THESES:
        lines += [f"And {len(theses) - MAX_THESES} more: see [the argument]"
                  f"({links.md(page, links.ARGUMENT)}).", ""]
    sources = list(corpus.sources.values())
    for s in sources[:MAX_SOURCES]:
        lines += [f"The article: *{plain(s.title)}* by {plain(s.author)}, published by "
                  f"{plain(s.publisher)}, {plain(s.published.display())}; "
                  f"[about the source]({links.md(page, links.SOURCE, 'source-' + s.id)}).", ""]
    if len(sources) > MAX_SOURCES:
        lines += [f"And {len(sources) - MAX_SOURCES} more: see [the sources]"
                  f"({links.md(page, links.SOURCE)}).", ""]
    lines += ["## Where to start {#start}", "",
              f"- [The timeline]({links.md(page, links.TIMELINE)}): "
              f"{len(corpus.events)} events in date order, filterable by kind and actor.",
              f"- [The argument]({links.md(page, links.ARGUMENT)}): the thesis, what supports "
              "it, what it attacks, as a map.",
              f"- [The article, paragraph by paragraph]({links.md(page, links.ARTICLE)}): "
              "what each paragraph says, the claims it makes and their verdicts.",
              f"- [The actors]({links.md(page, links.ACTORS)}): {len(corpus.actors)} people "
              "and organisations.",
              f"- [The map]({links.md(page, links.MAP)}): where it happened, "
              f"{count(len(corpus.events_by_place), 'place')} from Bamako to the capitals "
              "that reacted.",
              f"- [The fact-checks]({links.md(page, links.FACT_CHECKS)}): each claim of fact "
              "against the record.",
              f"- [Was the warning right?]({links.md(page, links.HINDSIGHT)}): the argument "
              "beside what happened after the article.", ""]
    return "\n".join(lines)
