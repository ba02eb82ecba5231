/*
 * Two small things the templates cannot do without a script (no inline scripts: the site
 * will carry a Content-Security-Policy with script hashes):
 * 1. The header's menu button (overrides/partials/header.html) opens and closes Material's
 *    drawer, so the menu works from the keyboard; Escape closes it and returns focus.
 * 2. The printed page's heading shows the date it was printed, in the page's language.
 * 3. A table wider than the page scrolls sideways in the box Material's script puts around
 *    it; while it does, the box takes keyboard focus, so that the arrow keys scroll it
 *    (WCAG 2.1.1; axe's scrollable-region-focusable). An editor cannot reach that box.
 */
(function () {
  "use strict";

  function shown(element) {
    var box = element.getBoundingClientRect();
    return box.width > 0 && box.right > 0 && box.left < window.innerWidth &&
      window.getComputedStyle(element).visibility === "visible";
  }

  function setUpMenu() {
    var button = document.querySelector("[data-site-menu]");
    var drawer = document.getElementById("__drawer");
    if (!button || !drawer) return;
    var label = document.querySelector(".site-menu-label");
    if (label) label.hidden = true;
    button.hidden = false;
    function sync() {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
    button.addEventListener("click", function () {
      drawer.click();  // Material listens for the checkbox's change event
      sync();
      if (drawer.checked) {
        // The first link a reader can see: Material hides the current page's own link behind
        // a label, and its contents stand in a closed panel beside the drawer.
        setTimeout(function () {
          var links = document.querySelectorAll(".md-sidebar--primary .md-nav__list a[href]");
          var first = Array.prototype.filter.call(links, shown)[0];
          if (first) first.focus();
        }, 50);
      }
    });
    // Tab past the drawer's last link closes it: the page's links under it were focused unseen.
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (sidebar) {
      sidebar.addEventListener("focusout", function (event) {
        var next = event.relatedTarget;
        if (drawer.checked && next && !sidebar.contains(next) && next !== button) {
          drawer.click();
          sync();
        }
      });
    }
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        sync();
        button.focus();
      }
    });
    sync();
  }

  function showPrintDate() {
    var holder = document.querySelector("[data-site-print-date]");
    if (!holder) return;
    var lang = holder.getAttribute("data-site-print-date") || document.documentElement.lang || undefined;
    holder.querySelector("span").textContent = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    holder.hidden = false;
  }

  function reachWideTables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  setUpMenu();
  showPrintDate();
  window.addEventListener("beforeprint", showPrintDate);
  // Material wraps the tables when its own script has read the page (its document$ stream).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reachWideTables);
  } else {
    reachWideTables();
  }
  window.addEventListener("resize", reachWideTables);
})();
