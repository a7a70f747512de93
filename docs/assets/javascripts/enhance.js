// Progressive enhancement: filter the timeline in place, without reloading a filter page, and
// show the fact-checks by verdict.
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

  // Fact-checks: buttons to show one verdict or all, and to put the worst verdicts first.
  // Without this script the page is already grouped by verdict, with counts and anchors.
  function setupVerdicts() {
    var heads = Array.prototype.slice.call(document.querySelectorAll(".md-content h2[id^='verdict-']"));
    if (!heads.length || document.getElementById("x-verdict-controls")) return;
    var parent = heads[0].parentNode;
    // Each verdict's section: its heading and everything up to the next verdict heading.
    var sections = heads.map(function (h, i) {
      var nodes = [h], n = h.nextSibling;
      while (n && n !== heads[i + 1]) { nodes.push(n); n = n.nextSibling; }
      var count = nodes.filter(function (x) { return x.nodeType === 1 && x.tagName === "H3"; }).length;
      var name = h.id.replace("verdict-", "");
      var label = (h.firstChild && h.firstChild.nodeType === 3 ? h.firstChild.textContent : name)
        .replace(/\s*\(\d+\)\s*$/, "").trim();
      return { id: name, label: label, count: count, nodes: nodes };
    });
    var anchor = sections[sections.length - 1].nodes;
    var after = anchor[anchor.length - 1].nextSibling;
    var total = sections.reduce(function (t, s) { return t + s.count; }, 0);

    var box = document.createElement("div");
    box.id = "x-verdict-controls";
    box.className = "x-verdict-controls";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Show fact-checks by verdict");
    var status = document.createElement("p");
    status.className = "x-verdict-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var state = { only: "", reversed: false };
    var filters = [];

    function button(text, pressed, onclick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button x-verdict-button";
      b.textContent = text;
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
      b.addEventListener("click", onclick);
      box.appendChild(b);
      return b;
    }

    function apply() {
      var order = state.reversed ? sections.slice().reverse() : sections;
      order.forEach(function (s) {
        s.nodes.forEach(function (n) {
          parent.insertBefore(n, after);
          if (n.nodeType !== 1) return;
          if (!state.only || state.only === s.id) n.removeAttribute("data-x-hidden");
          else n.setAttribute("data-x-hidden", "");
        });
      });
      filters.forEach(function (f) { f.b.setAttribute("aria-pressed", f.id === state.only ? "true" : "false"); });
      sort.setAttribute("aria-pressed", state.reversed ? "true" : "false");
      var shown = state.only ? sections.filter(function (s) { return s.id === state.only; })[0] : null;
      status.textContent = shown
        ? "Showing " + shown.count + " of " + total + " checked claims: " + shown.label + "."
        : "Showing all " + total + " checked claims, " + (state.reversed ? "opinion and unverified first." : "correct first.");
    }

    filters.push({ id: "", b: button("All (" + total + ")", true, function () { state.only = ""; apply(); }) });
    sections.forEach(function (s) {
      filters.push({ id: s.id, b: button(s.label + " (" + s.count + ")", false, function () {
        state.only = s.id; apply();
      }) });
    });
    var sort = button("Reverse order", false, function () { state.reversed = !state.reversed; apply(); });
    parent.insertBefore(box, heads[0]);
    parent.insertBefore(status, heads[0]);
    apply();
  }

  function init() {
    setup();
    setupVerdicts();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
