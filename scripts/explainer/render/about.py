"""About and method: scope, sources, verdicts, contributing, counts from the data."""

from __future__ import annotations

from collections import Counter

from explainer.model import Corpus
from explainer.render import links
from explainer.render.common import VERDICT_LABELS, VERDICT_MEANINGS, verdict_badge
from explainer.schema import VERDICTS
from explainer.text import url


def about(corpus: Corpus, repo: str) -> str:
    page = links.ABOUT
    verdicts = Counter(c.assessment.verdict for c in corpus.claims.values() if c.assessment)
    quotes = sum(len(c.quotes) for c in corpus.claims.values())
    lines = ["# About and method", "", "## Scope {#scope}", "",
             "This site explains one op-ed about Mali's “double coup” of August 2020 and May "
             "2021. It sets out the events the article refers to and their background, the "
             "people and organisations involved, the structure of the article's argument, and "
             "a check of each claim of fact against the record.", "",
             "## Sources {#sources}", "",
             f"Every event, actor and claim cites its sources: the article itself, through "
             f"short quotes checked word for word against its text (see [the source]"
             f"({links.md(page, links.SOURCE)})), and outside references linked from each "
             "page. Where sources disagree on a value, each page shows the values side by "
             "side.", "",
             "## How verdicts are decided {#verdicts}", "",
             "Each claim of fact gets one of five verdicts, with a note on what the record "
             "shows and references:", ""]
    for v in VERDICTS:
        lines.append(f"- {verdict_badge(v)} **{VERDICT_LABELS[v]}**: {VERDICT_MEANINGS[v]}")
    lines += ["", "A verdict is about the claim as the article states it, not about the "
              "article's argument as a whole.", "",
              "## How to contribute {#contribute}", "",
              "Every page is generated from YAML files, one per record, and each page's edit "
              "button opens its file. The data is checked before each build, and every problem "
              "is reported with its file, line and column. Read "
              f"{url(repo.rstrip('/') + '/blob/main/CONTRIBUTING.md', 'CONTRIBUTING')} "
              "before you start.", "",
              "## In numbers {#numbers}", "",
              "| Records | Count |", "| --- | ---: |",
              f"| Events | {len(corpus.events)} |", f"| Actors | {len(corpus.actors)} |",
              f"| Claims | {len(corpus.claims)} |",
              f"| Quotes from the article in claims | {quotes} |",
              f"| Glossary terms | {len(corpus.terms)} |",
              f"| Sources | {len(corpus.sources)} |", ""]
    lines += ["| Verdict | Claims |", "| --- | ---: |"]
    lines += [f"| {VERDICT_LABELS[v]} | {verdicts.get(v, 0)} |" for v in VERDICTS]
    lines += ["", f"Download everything from [the data page]({links.md(page, links.DATA)}).", ""]
    return "\n".join(lines)
