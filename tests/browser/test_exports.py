"""The TimelineJS export, opened in the real tool: TimelineJS 3.9.11 (pinned in
package-lock.json, served from this machine) loads data/timeline.json from the built site."""

from __future__ import annotations

import shutil
from typing import Any

from harness import Guard

from sitebuild import ROOT, ServedSite

TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="stylesheet" href="css/timeline.css"></head>
<body><div id="timeline" style="width: 1200px; height: 700px"></div>
<script src="js/timeline.js"></script>
<script>
// TimelineJS defaults to Google-hosted fonts; this theme uses system fonts only.
fetch("/mali-coup-explainer/data/timeline.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline", data, {
    script_path: location.origin + "/timelinejs/js/", hash_bookmark: false,
    font: "georgia-helvetica"});
  window.timeline.on("loaded", () => { window.loaded = true; });
});
</script></body></html>
"""


def test_timelinejs_shows_a_slide_per_event(open_page: Any, site: ServedSite,
                                            corpus: Any) -> None:
    assert TIMELINEJS.is_dir(), "TimelineJS is missing: run `npm ci` (or `make browser`)"
    folder = site.site_dir.parent / "timelinejs"  # beside the site, never inside it
    if not folder.exists():
        shutil.copytree(TIMELINEJS, folder)
        (folder / "check.html").write_text(PAGE, encoding="utf-8")
    guard: Guard = open_page()
    guard.page.goto(f"{site.origin}/timelinejs/check.html", wait_until="load")
    guard.page.wait_for_function("() => window.loaded === true")
    slides = guard.page.locator(".tl-slide:not(.tl-slide-titleslide)")
    assert slides.count() == len(corpus.events)
    ids = guard.page.evaluate(
        "() => window.timeline.config.events.map(e => e.unique_id)")
    assert sorted(ids) == sorted(corpus.events)
