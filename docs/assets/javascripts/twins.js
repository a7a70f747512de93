// Each page names its twin in the other edition with <link rel="alternate" hreflang> (for search
// engines and browsers). When the page loads, Material fetches <href>/sitemap.xml for every such
// link, expecting an edition's root there (to keep the page when the language changes): for a
// twin page that is two requests that fail, on every page. This script runs before Material
// looks (at DOMContentLoaded, after the scripts) and puts the links back just after, so the
// document keeps them; our own language links already open the twin, with or without script.
(function () {
  "use strict";
  var twins = Array.prototype.slice.call(
    document.querySelectorAll('link[rel="alternate"][hreflang]'));
  twins.forEach(function (link) { link.remove(); });
  document.addEventListener("DOMContentLoaded", function () {
    twins.forEach(function (link) { document.head.appendChild(link); });
  }, { once: true });
})();
