// Progressive enhancement: filter the timeline in place, without reloading a filter page, and
// show the fact-checks by verdict.
// The timeline works without this script (filter pages are static). No external requests.
(function () {
  "use strict";

  // The page's words: a French page carries them in #x-strings (written by the generator from
  // the message catalogue); English pages carry none, and the English below is used.
  var strings = null;

  function t(key, fallback, values) {
    if (strings === null) {
      var el = document.getElementById("x-strings");
      try {
        strings = el ? JSON.parse(el.getAttribute("data-strings") || "{}") : {};
      } catch (e) {
        strings = {};
      }
    }
    var text = typeof strings[key] === "string" ? strings[key] : fallback;
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : m;
    });
  }

  function kindName(k) {
    var kinds = (strings && strings.kinds) || {};
    return typeof kinds[k] === "string" ? kinds[k] : k.replace(/-/g, " ");
  }

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
    var kinds = {}, actors = {}, places = {};
    items.forEach(function (li) {
      kinds[li.dataset.kind] = true;
      (li.dataset.actors || "").split(" ").forEach(function (a) { if (a) actors[a] = true; });
      (li.dataset.places || "").split(" ").forEach(function (p) { if (p) places[p] = true; });
      var a = li.querySelector("a[href*='events/']");
      var m = a && a.getAttribute("href").match(/events\/([a-z0-9-]+)\/?$/);
      li.xEvent = m ? m[1] : "";
    });
    // Actor names come from the links on the page, never from markup we build by hand.
    var names = {};
    document.querySelectorAll('a[href*="timeline/actor/"], a[href*="actor/"]').forEach(function (a) {
      var m = a.getAttribute("href").match(/actor\/([a-z0-9-]+)\/?$/);
      if (m && !names[m[1]]) names[m[1]] = a.textContent;
    });
    // Place names likewise, from the links to the place filter pages and place pages.
    var placeNames = {};
    document.querySelectorAll('a[href*="place/"], a[href*="places/"]').forEach(function (a) {
      var m = a.getAttribute("href").match(/places?\/([a-z0-9-]+)\/?$/);
      if (m && !placeNames[m[1]]) placeNames[m[1]] = a.textContent;
    });
    var form = document.createElement("form");
    form.className = "x-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", t("filterLabel", "Filter the events on this page"));
    var kind = document.createElement("select");
    kind.id = "x-filter-kind";
    kind.appendChild(option("", t("allKinds", "all kinds")));
    Object.keys(kinds).sort().forEach(function (k) { kind.appendChild(option(k, kindName(k))); });
    var actor = document.createElement("select");
    actor.id = "x-filter-actor";
    actor.appendChild(option("", t("allActors", "all actors")));
    Object.keys(actors).sort(function (a, b) {
      return (names[a] || a).localeCompare(names[b] || b);
    }).forEach(function (a) { actor.appendChild(option(a, names[a] || a)); });
    var place = document.createElement("select");
    place.id = "x-filter-place";
    place.appendChild(option("", t("allPlaces", "all places")));
    Object.keys(places).sort(function (a, b) {
      return (placeNames[a] || a).localeCompare(placeNames[b] || b);
    }).forEach(function (p) { place.appendChild(option(p, placeNames[p] || p)); });
    var count = document.createElement("output");
    count.setAttribute("aria-live", "polite");
    [["x-filter-kind", t("kind", "Kind"), kind], ["x-filter-actor", t("actor", "Actor"), actor],
     ["x-filter-place", t("place", "Place"), place]].forEach(function (f) {
      // A label and its drop-down wrap together.
      var field = document.createElement("span");
      field.className = "x-filter-field";
      var label = document.createElement("label");
      label.htmlFor = f[0];
      label.textContent = f[1];
      field.appendChild(label);
      field.appendChild(f[2]);
      form.appendChild(field);
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.id = "x-filter-reset";
    reset.className = "x-filter-reset";
    reset.textContent = t("showAll", "Show all");
    form.appendChild(reset);
    form.appendChild(count);
    slot.appendChild(form);

    // The no-JavaScript filter links fold under the drop-downs.
    var links = document.getElementById("x-filter-links");
    if (links) {
      var more = document.createElement("details");
      more.className = "x-more-filters";
      var summary = document.createElement("summary");
      summary.textContent = t("moreFilters",
        "More filters: a page per kind, per actor, per actor and kind, per place");
      more.appendChild(summary);
      more.appendChild(links);
      slot.appendChild(more);
    }

    var params = readParams();
    if (kinds[params.kind]) kind.value = params.kind;
    if (actors[params.actor]) actor.value = params.actor;
    if (places[params.place]) place.value = params.place;

    function hideIf(el, hidden) {
      if (hidden) el.setAttribute("data-x-hidden", ""); else el.removeAttribute("data-x-hidden");
    }

    function apply() {
      var shown = 0, months = {}, years = {}, events = {};
      var filtered = !!(kind.value || actor.value || place.value);
      items.forEach(function (li) {
        var ok = (!kind.value || li.dataset.kind === kind.value) &&
          (!actor.value || (" " + li.dataset.actors + " ").indexOf(" " + actor.value + " ") >= 0) &&
          (!place.value || (" " + li.dataset.places + " ").indexOf(" " + place.value + " ") >= 0);
        hideIf(li, !ok);
        if (!ok) return;
        shown++;
        var month = li.dataset.month || "";
        (months[month] = months[month] || {})[li.dataset.kind] = true;
        years[month.slice(0, 4)] = true;
        events[li.xEvent] = true;
      });
      // Hide year and era headings with nothing left under them.
      var heads = document.querySelectorAll(".md-content h2[id^='era-'], .md-content h3[id^='year-']");
      var era = null, eraAny = false;
      Array.prototype.forEach.call(heads, function (h) {
        if (h.tagName === "H2") {
          if (era) hideIf(era, !eraAny);
          era = h; eraAny = false;
          return;
        }
        var list = h.nextElementSibling;
        var any = !!(list && list.querySelector("li[data-kind]:not([data-x-hidden])"));
        hideIf(h, !any);
        if (list && list.tagName === "UL") hideIf(list, !any);
        eraAny = eraAny || any;
      });
      if (era) hideIf(era, !eraAny);
      var hiddenIds = {};
      Array.prototype.forEach.call(heads, function (h) {
        if (h.hasAttribute("data-x-hidden")) hiddenIds[h.id] = true;
      });
      syncToc(hiddenIds);
      // The chart dims what the list hides.
      document.querySelectorAll(".x-overview [data-month]").forEach(function (dot) {
        var seen = months[dot.getAttribute("data-month")] || {};
        var any = (dot.getAttribute("data-kinds") || "").split(" ").some(function (k) { return seen[k]; });
        dot.classList.toggle("x-dim", filtered && !any);
      });
      document.querySelectorAll(".x-overview [data-event]").forEach(function (m) {
        m.classList.toggle("x-dim", filtered && !events[m.getAttribute("data-event")]);
      });
      document.querySelectorAll(".x-overview rect[data-year]").forEach(function (b) {
        b.classList.toggle("x-dim", filtered && !years[b.getAttribute("data-year")]);
      });
      count.textContent = t("shownOf", "{shown} of {total} events",
        { shown: shown, total: items.length });
      writeParams({ kind: kind.value, actor: actor.value, place: place.value });
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    reset.addEventListener("click", function () {
      kind.value = "";
      actor.value = "";
      place.value = "";
      apply();
      kind.focus();
    });
    apply();
  }

  // The address keeps a filter (?kind=coup&actor=france, ?verdict=wrong), so it can be shared
  // and survives a reload; replaceState, so Back still leaves the page.
  function readParams() {
    var out = {};
    (location.search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var kv = pair.split("=");
      out[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
    });
    return out;
  }

  function writeParams(params) {
    var q = Object.keys(params).filter(function (k) { return params[k]; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); })
      .join("&");
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  // Hide the table-of-contents entries whose section is hidden.
  function syncToc(hiddenIds) {
    document.querySelectorAll(".md-nav--secondary a.md-nav__link[href^='#']").forEach(function (a) {
      var li = a.closest("li");
      if (!li) return;
      if (hiddenIds[a.getAttribute("href").slice(1)]) li.setAttribute("data-x-hidden", "");
      else li.removeAttribute("data-x-hidden");
    });
  }

  // Fact-checks: buttons to show one verdict or all. The page already puts what the article got
  // wrong first; without this script it is grouped by verdict, with counts and anchors.
  function setupVerdicts() {
    var heads = Array.prototype.slice.call(document.querySelectorAll(".md-content h2[id^='verdict-']"));
    if (!heads.length || document.getElementById("x-verdict-controls")) return;
    var parent = heads[0].parentNode;
    // Each verdict's section: its heading and everything up to the next h2.
    var sections = heads.map(function (h) {
      var nodes = [h], n = h.nextSibling;
      while (n && !(n.nodeType === 1 && n.tagName === "H2")) { nodes.push(n); n = n.nextSibling; }
      var count = nodes.filter(function (x) { return x.nodeType === 1 && x.tagName === "H3"; }).length;
      var name = h.id.replace("verdict-", "");
      var label = (h.firstChild && h.firstChild.nodeType === 3 ? h.firstChild.textContent : name)
        .replace(/\s*\(\d+\)\s*$/, "").trim();
      var ids = [];
      nodes.forEach(function (x) { if (x.nodeType === 1 && x.id) ids.push(x.id); });
      return { id: name, label: label, count: count, nodes: nodes, ids: ids };
    });
    var total = sections.reduce(function (sum, s) { return sum + s.count; }, 0);

    var box = document.createElement("div");
    box.id = "x-verdict-controls";
    box.className = "x-verdict-controls";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", t("verdictsLabel", "Show fact-checks by verdict"));
    var status = document.createElement("p");
    status.className = "x-verdict-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var known = {};
    sections.forEach(function (s) { known[s.id] = true; });
    var wanted = readParams().verdict || "";
    var state = { only: known[wanted] ? wanted : "" };
    var filters = [];

    function button(text, onclick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button x-verdict-button";
      b.textContent = text;
      b.addEventListener("click", onclick);
      box.appendChild(b);
      return b;
    }

    function apply() {
      var hidden = {};
      sections.forEach(function (s) {
        var off = state.only && state.only !== s.id;
        s.nodes.forEach(function (n) {
          if (n.nodeType !== 1) return;
          if (off) n.setAttribute("data-x-hidden", ""); else n.removeAttribute("data-x-hidden");
        });
        if (off) s.ids.forEach(function (id) { hidden[id] = true; });
      });
      syncToc(hidden);
      filters.forEach(function (f) { f.b.setAttribute("aria-pressed", f.id === state.only ? "true" : "false"); });
      var shown = state.only ? sections.filter(function (s) { return s.id === state.only; })[0] : null;
      status.textContent = shown
        ? t("showingOne", "Showing {count} of {total} checked claims: {label}.",
          { count: shown.count, total: total, label: shown.label })
        : t("showingAll", "Showing all {total} checked claims, what the article got wrong first.",
          { total: total });
      writeParams({ verdict: state.only });
    }

    filters.push({ id: "", b: button(t("all", "All ({total})", { total: total }), function () {
      state.only = ""; apply();
    }) });
    sections.forEach(function (s) {
      filters.push({ id: s.id, b: button(s.label + " (" + s.count + ")", function () {
        state.only = s.id; apply();
      }) });
    });
    parent.insertBefore(box, heads[0]);
    parent.insertBefore(status, heads[0]);
    apply();
  }

  function init() {
    strings = null;  // instant navigation: each page brings its own
    setup();
    setupVerdicts();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
