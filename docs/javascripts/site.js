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

  // The current page's entry in the drawer: Material writes it as a label that slides in the
  // page's contents, which no keyboard can reach, and nothing said which page is current
  // (audit 35b). A button beside it stands in for it where it is shown (site.css): Enter or
  // Space opens the contents, Escape closes them, and so does leaving them; the current
  // page's links say they are the current page.
  function setUpCurrentEntry() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary a.md-nav__link--active"), function (link) {
      link.setAttribute("aria-current", "page");
    });
    var contents = document.getElementById("__toc");
    var label = document.querySelector('.md-nav--primary label.md-nav__link--active[for="__toc"]');
    var panel = label && label.parentNode.querySelector(".md-nav--secondary");
    if (!contents || !label || !panel) return;
    var entry = document.createElement("button");
    entry.type = "button";
    entry.className = "md-nav__link md-nav__link--active site-current-entry";
    entry.setAttribute("aria-current", "page");
    Array.prototype.forEach.call(label.childNodes, function (node) { entry.appendChild(node.cloneNode(true)); });
    // Its name says what it opens: "Julistus, Sisällysluettelo" (the panel's own name).
    if (panel.getAttribute("aria-label")) {
      var what = document.createElement("span");
      what.className = "site-visually-hidden";
      what.textContent = ", " + panel.getAttribute("aria-label");
      entry.appendChild(what);
    }
    label.parentNode.insertBefore(entry, label);
    function sync() {
      entry.setAttribute("aria-expanded", contents.checked ? "true" : "false");
    }
    function toggle() {
      contents.click();  // Material listens for the checkbox's change event
      sync();
    }
    entry.addEventListener("click", function () {
      toggle();
      setTimeout(function () {
        var first = panel.querySelector("a.md-nav__link");
        if (contents.checked && first) first.focus();
      }, 50);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !contents.checked) return;
      event.stopPropagation();  // the contents close, not the whole drawer
      toggle();
      entry.focus();
    });
    // Tab past the contents' last link closes them: the entries under them were focused unseen.
    panel.addEventListener("focusout", function (event) {
      if (contents.checked && event.relatedTarget && !panel.contains(event.relatedTarget)) toggle();
    });
    // The drawer always opens at its top: closed with the contents open (a contents link
    // followed), it opened on them, with the focus on the entries hidden under them (audit
    // 35e). Captured, so that this runs before the menu button's own handler moves the focus.
    var drawer = document.getElementById("__drawer");
    var menu = document.querySelector("[data-site-menu]");
    if (drawer && menu) {
      menu.addEventListener("click", function () {
        if (!drawer.checked && contents.checked) toggle();
      }, true);
    }
    contents.addEventListener("change", sync);
    sync();
  }

  // Escape closes the search, and Material then takes the focus off the field, leaving it
  // nowhere: the next Tab started again from the top of the page (audit 35b). It goes back to
  // where it was before the field, or, opened with its key (/), to the search itself.
  function setUpSearchReturn() {
    var field = document.querySelector(".md-search__input");
    var search = document.getElementById("__search");
    var landmark = document.querySelector(".md-search__inner");
    if (!field || !search) return;
    if (landmark) landmark.tabIndex = -1;
    var before = null;
    field.addEventListener("focus", function (event) {
      var from = event.relatedTarget;
      if (!from || !from.closest(".md-search")) before = from;  // none, opened with its key
    });
    // Before Material's own handler (the capture phase), which may run first and close it.
    window.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !search.checked) return;
      var back = before;
      setTimeout(function () {
        var active = document.activeElement;
        var left = !active || active === document.body || !!active.closest(".md-search");
        if (search.checked || !left) return;
        if (back && document.contains(back)) back.focus();
        else if (landmark && active === document.body) landmark.focus();
      }, 0);
    }, true);
  }

  // What the search found, told to screen readers once the reader stops typing: Material
  // rewrites its count at every key, often the same again, which a live region would read
  // out each time (audit 35e: nine times while "open data" was typed). The count stays on
  // screen as Material writes it; a hidden status beside the field says it once.
  function setUpSearchStatus() {
    var meta = document.querySelector(".md-search-result__meta");
    var field = document.querySelector(".md-search__input");
    var form = document.querySelector(".md-search__form");
    if (!meta || !field || !form) return;
    var status = document.createElement("div");
    status.className = "site-visually-hidden";
    status.setAttribute("role", "status");
    form.parentNode.insertBefore(status, form.nextSibling);
    var timer = null;
    new MutationObserver(function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = field.value.trim() ? meta.textContent.trim() : "";
        if (text !== status.textContent) status.textContent = text;
      }, 700);
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  function showPrintDate() {
    var holder = document.querySelector("[data-site-print-date]");
    if (!holder) return;
    var lang = holder.getAttribute("data-site-print-date") || document.documentElement.lang || undefined;
    holder.querySelector("span").textContent = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    holder.hidden = false;
  }

  // A table wider than the page scrolls in its own box, which the keyboard reaches; the box is
  // a region named by the heading above it, so that a screen reader says what it is (audit
  // 35b: a stop with no name).
  function reachWideTables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
        var heading = headingBefore(box);  // looked for only where it names something, not at each resize
        if (heading) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-labelledby", heading.id);
        }
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    });
  }

  // The nearest heading with an id before the element in the page's text, also one inside a
  // part of its own (the Open data page's file lists each stand in one, under a heading).
  function headingBefore(element) {
    for (var node = element; node && !node.classList.contains("md-typeset"); node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName) && before.id) return before;
        var inside = before.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
        if (inside.length) return inside[inside.length - 1];
      }
    }
    return null;
  }

  setUpMenu();
  setUpCurrentEntry();
  setUpSearchReturn();
  setUpSearchStatus();
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
