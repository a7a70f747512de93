// Progressive enhancement: filter the timeline in place, without reloading a filter page.
// The timeline works without this script (filter pages are static). No external requests.
(function () {
  "use strict";

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function setup() {
    var slot = document.getElementById("x-timeline-filter");
    if (!slot || slot.childElementCount) return;
    var items = Array.prototype.slice.call(document.querySelectorAll("li[data-kind]"));
    if (!items.length) return;
    var kinds = {}, actors = {};
    items.forEach(function (li) {
      kinds[li.dataset.kind] = true;
      (li.dataset.actors || "").split(" ").forEach(function (a) { if (a) actors[a] = true; });
    });
    // Actor names come from the links on the page, never from markup we build by hand.
    var names = {};
    document.querySelectorAll('a[href*="timeline/actor/"], a[href*="actor/"]').forEach(function (a) {
      var m = a.getAttribute("href").match(/actor\/([a-z0-9-]+)\/?$/);
      if (m && !names[m[1]]) names[m[1]] = a.textContent;
    });
    var form = document.createElement("form");
    form.className = "x-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the events on this page");
    var kind = document.createElement("select");
    kind.id = "x-filter-kind";
    kind.appendChild(option("", "all kinds"));
    Object.keys(kinds).sort().forEach(function (k) { kind.appendChild(option(k, k.replace(/-/g, " "))); });
    var actor = document.createElement("select");
    actor.id = "x-filter-actor";
    actor.appendChild(option("", "all actors"));
    Object.keys(actors).sort(function (a, b) {
      return (names[a] || a).localeCompare(names[b] || b);
    }).forEach(function (a) { actor.appendChild(option(a, names[a] || a)); });
    var count = document.createElement("output");
    count.setAttribute("aria-live", "polite");
    [["x-filter-kind", "Kind", kind], ["x-filter-actor", "Actor", actor]].forEach(function (t) {
      var label = document.createElement("label");
      label.htmlFor = t[0];
      label.textContent = t[1];
      form.appendChild(label);
      form.appendChild(t[2]);
    });
    form.appendChild(count);
    slot.appendChild(form);

    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = (!kind.value || li.dataset.kind === kind.value) &&
          (!actor.value || (" " + li.dataset.actors + " ").indexOf(" " + actor.value + " ") >= 0);
        if (ok) { li.removeAttribute("data-x-hidden"); shown++; } else li.setAttribute("data-x-hidden", "");
      });
      // Hide year and era headings with nothing left under them.
      document.querySelectorAll(".md-content h3[id^='year-']").forEach(function (h) {
        var list = h.nextElementSibling;
        var any = list && list.querySelector("li[data-kind]:not([data-x-hidden])");
        if (any) h.removeAttribute("data-x-hidden"); else h.setAttribute("data-x-hidden", "");
      });
      count.textContent = shown + " of " + items.length + " events";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
