"""Benchmark the pipeline on synthetic datasets; write bench-results/latest.md. Not a test.

    .venv/bin/python scripts/bench.py [--sizes 100,1000,10000] [--repeat 3] [--live] [--weight]

For each size, in a temporary folder: `explainer check`, `explainer render OUT`, the full
`mkdocs build` with our hooks, and, as the anchor, a plain `mkdocs build` of the very pages
`render` wrote (same config, no hooks). Each run is a subprocess; the median of the repetitions
is reported, with the child's CPU time and peak memory (from wait4). `--live` times one-file
edits (at least 3) under the command `make serve` runs (`mkdocs serve --dirty`) on a copy of the
real data; `--weight` sums what each page kind transfers on first load (gzip -9).
"""

from __future__ import annotations

import argparse
import gzip
import html.parser
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from explainer.tools import synthetic

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench-results" / "latest.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PYTHONHASHSEED": "0"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and its children
    rss: int  # peak resident set, bytes


@dataclass(kw_only=True, slots=True)
class Step:
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss(self) -> int:
        return max(r.rss for r in self.runs)


def measure(cmd: list[str], *, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion; fail loudly if it fails. wait4 gives this child's own usage.
    Its stderr goes to a file, not a pipe: a child that writes more than a pipe holds (the
    warnings of 10,000 records) would block on it while we wait."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env or ENV, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        err = log.read().decode("utf-8", "replace")
    if proc.returncode:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    # Linux reports ru_maxrss in KiB.
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss=usage.ru_maxrss * 1024)


@dataclass(kw_only=True, slots=True)
class Sized:
    events: int
    check: Step = field(default_factory=Step)
    render: Step = field(default_factory=Step)
    full: Step = field(default_factory=Step)
    plain: Step = field(default_factory=Step)
    #: the French edition (mkdocs.fr.yml), against a plain build of its rendered pages
    full_fr: Step = field(default_factory=Step)
    plain_fr: Step = field(default_factory=Step)
    pages: dict[str, list[int]] = field(default_factory=dict)  # kind -> HTML sizes
    timeline: int = 0
    largest: tuple[int, str] = (0, "")


def page_kind(rel: str) -> str:
    """The kind of a built page from its path in site/: events/x/index.html -> 'event'."""
    parts = rel.split("/")[:-1]  # drop index.html
    if not parts:
        return "home"
    head = parts[0]
    if head == "timeline":
        if len(parts) == 1:
            return "timeline"
        if parts[1] in ("kind", "actor"):
            return f"timeline-{parts[1]}" + ("-year" if len(parts) == 4 else "")
        return "timeline-year"
    if head in ("events", "claims") and len(parts) == 2:
        return head[:-1]
    if head == "actors":
        return "actor" if len(parts) == 2 else "actors"
    return head


def page_sizes(site: Path) -> dict[str, list[tuple[int, str]]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for f in site.rglob("index.html"):
        rel = f.relative_to(site).as_posix()
        out.setdefault(page_kind(rel), []).append((f.stat().st_size, rel))
    return out


def bench_size(n: int, repeat: int, seed: int, tmp: Path) -> Sized:
    data, out = tmp / "data", tmp / "out"
    synthetic.write(data, n, seed=seed)
    env = {**ENV, "EXPLAINER_DATA": str(data)}
    result = Sized(events=n)
    explainer = str(BIN / "explainer")
    mkdocs = str(BIN / "mkdocs")
    full = [mkdocs, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp / "site-full")]
    plain = [mkdocs, "build", "-q", "-f", str(out / "mkdocs.yml"), "-d", str(tmp / "site-plain")]
    out_fr = tmp / "out-fr"
    full_fr = [mkdocs, "build", "-q", "-f", str(ROOT / "mkdocs.fr.yml"), "-d",
               str(tmp / "site-full-fr")]
    plain_fr = [mkdocs, "build", "-q", "-f", str(out_fr / "mkdocs.yml"), "-d",
                str(tmp / "site-plain-fr")]
    measure([explainer, "render", str(out_fr), "--data", str(data), "--lang", "fr",
             "--config", str(ROOT / "mkdocs.fr.yml")])
    for i in range(repeat):
        result.check.runs.append(measure([explainer, "check", str(data)]))
        result.render.runs.append(measure([explainer, "render", str(out), "--data", str(data),
                                           "--config", str(ROOT / "mkdocs.yml")]))
        # Alternate which build goes first, so that neither always runs on the heels of the
        # other (or of render).
        if i % 2:
            result.plain.runs.append(measure(plain))
            result.full.runs.append(measure(full, env=env))
        else:
            result.full.runs.append(measure(full, env=env))
            result.plain.runs.append(measure(plain))
        pair = [(result.full_fr, full_fr, env), (result.plain_fr, plain_fr, ENV)]
        for step, cmd, step_env in (pair[::-1] if i % 2 else pair):
            step.runs.append(measure(cmd, env=step_env))
        print(f"  {n} events: check {result.check.runs[-1].wall:.2f}s, render "
              f"{result.render.runs[-1].wall:.2f}s, full {result.full.runs[-1].wall:.2f}s, plain "
              f"{result.plain.runs[-1].wall:.2f}s; French full "
              f"{result.full_fr.runs[-1].wall:.2f}s, plain {result.plain_fr.runs[-1].wall:.2f}s",
              file=sys.stderr)
    sizes = page_sizes(tmp / "site-full")
    result.pages = {k: sorted(s for s, _ in v) for k, v in sorted(sizes.items())}
    result.timeline = (tmp / "site-full" / "timeline" / "index.html").stat().st_size
    result.largest = max(x for v in sizes.values() for x in v)
    return result


def _mb(b: int) -> str:
    return f"{b / 2**20:.0f}"


def _kb(b: float) -> str:
    return f"{b / 1024:.1f}"


def table(results: list[Sized]) -> list[str]:
    lines = ["| Events | check s | render s | full build s (CPU) | plain MkDocs s (CPU) | "
             "ours / plain (CPU) | full ms/event | peak MB check / full / plain | "
             "timeline KB | largest page KB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        lines.append(
            f"| {r.events:,} | {r.check.wall:.2f} | {r.render.wall:.2f} | {r.full.wall:.2f} "
            f"({r.full.cpu:.2f}) | {r.plain.wall:.2f} ({r.plain.cpu:.2f}) | "
            f"{r.full.wall / r.plain.wall:.2f} ({r.full.cpu / r.plain.cpu:.2f}) | "
            f"{1000 * r.full.wall / r.events:.2f} | {_mb(r.check.rss)} / {_mb(r.full.rss)} / "
            f"{_mb(r.plain.rss)} | {_kb(r.timeline)} | {_kb(r.largest[0])} "
            f"(`{r.largest[1].removesuffix('index.html')}`) |")
    lines += ["", "The French edition (`mkdocs.fr.yml`; each synthetic record has a stamped `fr:` "
              "block as long as its English):", "",
              "| Events | full build s (CPU) | plain MkDocs s (CPU) | ours / plain (CPU) |",
              "| ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.events:,} | {r.full_fr.wall:.2f} ({r.full_fr.cpu:.2f}) | "
                     f"{r.plain_fr.wall:.2f} ({r.plain_fr.cpu:.2f}) | "
                     f"{r.full_fr.wall / r.plain_fr.wall:.2f} "
                     f"({r.full_fr.cpu / r.plain_fr.cpu:.2f}) |")
    by = {r.events: r for r in results}
    if 1000 in by and 10_000 in by:
        a, b = by[1000], by[10_000]
        lines += ["", "Growth from 1,000 to 10,000 events: full build "
                  f"{b.full.wall / a.full.wall:.1f}x "
                  f"(CPU {b.full.cpu / a.full.cpu:.1f}x), plain MkDocs "
                  f"{b.plain.wall / a.plain.wall:.1f}x, check {b.check.wall / a.check.wall:.1f}x "
                  f"(CPU {b.check.cpu / a.check.cpu:.1f}x)."]
    return lines


def kinds_table(results: list[Sized]) -> list[str]:
    kinds = sorted({k for r in results for k in r.pages})
    head = " | ".join(f"{r.events:,} events: n, median / max KB" for r in results)
    lines = ["", "HTML bytes per page kind (full build):", "", f"| Page kind | {head} |",
             "| --- |" + " ---: |" * len(results)]
    for k in kinds:
        cells = []
        for r in results:
            v = r.pages.get(k)
            cells.append(f"{len(v)}, {_kb(statistics.median(v))} / {_kb(max(v))}" if v else "—")
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return lines


# First-load weight.
class _Assets(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.img: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.css.append(a["href"] or "")
        elif tag == "link" and "icon" in rel and a.get("href"):
            self.img.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"] or "")
        elif tag == "img" and a.get("src"):
            self.img.append(a["src"] or "")
        self._in_config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


def _gz(b: bytes) -> int:
    return len(gzip.compress(b, compresslevel=9, mtime=0))


def _local(site: Path, page: Path, ref: str) -> Path | None:
    if re.match(r"^[a-z]+:", ref) or ref.startswith("//"):
        return None  # third-party: none expected; the strict-build test forbids them
    ref = ref.split("#")[0].split("?")[0]
    target = (page.parent / ref).resolve()
    return target if target.is_file() and target.is_relative_to(site.resolve()) else None


def page_weight(site: Path, page: Path) -> dict[str, int]:
    text = page.read_bytes().decode("utf-8")
    p = _Assets()
    p.feed(text)
    w = {"html": _gz(text.encode()), "css": 0, "js": 0, "fonts": 0, "images": 0}
    seen: set[Path] = set()

    def add(kind: str, path: Path | None) -> None:
        if path is not None and path not in seen:
            seen.add(path)
            w[kind] += _gz(path.read_bytes())

    for ref in p.css:
        css = _local(site, page, ref)
        add("css", css)
        if css is not None:
            for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
                if u.split("?")[0].endswith((".woff2", ".woff", ".ttf", ".otf")):
                    add("fonts", _local(site, css, u))
    for ref in p.js:
        add("js", _local(site, page, ref))
    if p.config:  # Material starts its search worker on every page load
        worker = json.loads(p.config).get("search")
        base = json.loads(p.config).get("base", ".")
        if worker:
            add("js", _local(site, page, f"{base}/{worker}"))
    for ref in p.img:
        add("images", _local(site, page, ref))
    w["total"] = sum(w.values())
    return w


def weight(site: Path) -> list[str]:
    sizes = page_sizes(site)
    lines = ["", "First load per page kind, gzip -9 KB (the largest page of each kind; search "
             "index excluded):", "", "| Page kind | HTML | CSS | JS | fonts | images | total |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind, pages in sorted(sizes.items()):
        _, rel = max(pages)
        w = page_weight(site, site / rel)
        lines.append(f"| {kind} | {_kb(w['html'])} | {_kb(w['css'])} | {_kb(w['js'])} | "
                     f"{_kb(w['fonts'])} | {_kb(w['images'])} | **{_kb(w['total'])}** |")
    index = site / "search" / "search_index.json"
    if index.is_file():
        lines += ["", f"Search index (fetched by the search worker, reported apart): "
                  f"{_kb(_gz(index.read_bytes()))} KB gzip ({_kb(index.stat().st_size)} KB raw)."]
    timeline = (site / "timeline" / "index.html").read_bytes().decode("utf-8")
    static = len(re.findall(r'href="\.\./events/', timeline))
    lines.append(f"Timeline without JavaScript: {static} links to event pages in the served HTML.")
    return lines


def bench_weight(tmp: Path) -> list[str]:
    site = tmp / "site-real"
    measure([str(BIN / "mkdocs"), "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
            env={**ENV, "EXPLAINER_DATA": str(ROOT / "data")})
    return weight(site)


# Live editing.
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _serve_args() -> list[str]:
    """The arguments `make serve` passes to mkdocs, from the Makefile's `serve` recipe."""
    text = (ROOT / "Makefile").read_bytes().decode("utf-8")
    m = re.search(r"^serve:.*\n\t\$\(BIN\)/mkdocs (.+)$", text, re.M)
    if m is None:
        raise SystemExit("bench: no `serve` recipe running $(BIN)/mkdocs in the Makefile")
    return shlex.split(m.group(1))


def bench_live(tmp: Path, repeat: int) -> list[str]:
    """Save one event file under `make serve`'s command; time until the page shows the edit."""
    data = tmp / "live-data"
    shutil.copytree(ROOT / "data", data)
    event = sorted((data / "events").glob("*.yaml"))[0]
    original = event.read_bytes().decode("utf-8")
    port = _free_port()
    env = {**ENV, "EXPLAINER_DATA": str(data), "SITE_URL": f"http://127.0.0.1:{port}/live/"}
    url = f"http://127.0.0.1:{port}/live/events/{event.stem}/"
    args = _serve_args()
    server = subprocess.Popen([str(BIN / "mkdocs"), *args, "-a", f"127.0.0.1:{port}", "-f",
                               str(ROOT / "mkdocs.yml")],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    times: list[float] = []
    try:
        deadline = time.monotonic() + 300
        while not _get(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("bench: mkdocs serve did not come up")
            time.sleep(0.2)
        for i in range(max(3, repeat)):
            title = f"Live edit number {i} {time.time_ns()}"
            edited = re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M)
            time.sleep(1.0)  # let the watcher settle after the previous build
            start = time.perf_counter()
            event.write_text(edited, encoding="utf-8", newline="\n")
            while title not in _get(url):
                if time.perf_counter() - start > 120:
                    raise SystemExit("bench: the edit never showed up")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
    finally:
        event.write_text(original, encoding="utf-8", newline="\n")
        server.send_signal(signal.SIGINT)  # MkDocs then deletes its temporary site folder
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    n = len(list((ROOT / "data" / "events").glob("*.yaml")))
    return ["", f"Live edit of one event file under `make serve` (`mkdocs {' '.join(args)}`, "
            f"real data, {n} events, a copy): save to new title served in "
            f"{statistics.median(times):.2f} s median of {len(times)} "
            f"({', '.join(f'{t:.2f}' for t in times)})."]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 2**20
    except (OSError, ValueError, IndexError):
        mem = 0
    return (f"{cpu}, {os.cpu_count()} cores, {mem} GB RAM, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at the start")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="100,1000,10000", help="event counts, comma-separated")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--repeat-large", type=int, default=None, metavar="N",
                   help="repetitions for sizes of 10,000 events and more (default: --repeat)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--live", action="store_true",
                   help="time a one-file edit under `make serve`'s command (at least 3 edits)")
    p.add_argument("--weight", action="store_true", help="first-load bytes per page kind")
    p.add_argument("--out", type=Path, default=RESULTS)
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    runs = f"{args.repeat}" + (f" ({args.repeat_large} at 10,000 and more)"
                               if args.repeat_large is not None else "")
    lines = ["## Benchmark", "", f"Machine: {machine()}. Median of {runs} runs; wall "
             "seconds, CPU seconds in brackets; synthetic data "
             f"(`explainer.tools.synthetic`, seed {args.seed}).", ""]
    results: list[Sized] = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as t:
        tmp = Path(t)
        for n in sizes:
            print(f"bench: {n} events", file=sys.stderr)
            (tmp / str(n)).mkdir()
            repeat = args.repeat if n < 10_000 or args.repeat_large is None else args.repeat_large
            results.append(bench_size(n, repeat, args.seed, tmp / str(n)))
        if results:
            lines += table(results) + kinds_table(results)
        if args.weight:
            lines += bench_weight(tmp)
        if args.live:
            lines += bench_live(tmp, args.repeat)
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
