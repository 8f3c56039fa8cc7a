// newsevents web pages: layer switches and event evidence highlighting on the article view (no dependencies).
(function () {
  "use strict";

  function setupLayers() {
    var text = document.getElementById("text");
    var box = document.getElementById("layers");
    if (!text || !box) return;
    box.addEventListener("change", function (e) {
      var input = e.target;
      if (!input.dataset || !input.dataset.layer) return;
      text.classList.toggle("off-" + input.dataset.layer, !input.checked);
    });
  }

  function activate(id, scroll) {
    document.querySelectorAll(".active[data-ev]").forEach(function (el) {
      el.classList.remove("active");
      if (el.matches("li.event")) el.setAttribute("aria-pressed", "false");
    });
    if (!id) return;
    var marked = document.querySelectorAll('[data-ev="' + CSS.escape(id) + '"]');
    marked.forEach(function (el) {
      el.classList.add("active");
      if (el.matches("li.event")) el.setAttribute("aria-pressed", "true");
    });
    var trigger = document.querySelector('.ev-trig[data-ev="' + CSS.escape(id) + '"]');
    var calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (scroll && trigger) trigger.scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
  }

  function setupEvents() {
    var list = document.getElementById("events");
    if (!list) return;
    list.addEventListener("click", function (e) {
      var card = e.target.closest("li.event");
      if (!card) return;
      var on = card.classList.contains("active");
      activate(on ? null : card.dataset.ev, true);
      history.replaceState(null, "", on ? location.pathname + location.search : "#" + card.dataset.ev);
    });
    list.addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") && e.target.matches("li.event")) {
        e.preventDefault();
        e.target.click();
      }
    });
    if (location.hash.length > 1) activate(decodeURIComponent(location.hash.slice(1)), true);
  }

  function setupFilters() {
    // blank fields are left out of the URL, so links stay short and shareable
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (field) {
          if (field.name && field.value === "") field.disabled = true;
        });
      });
    });
    // filter menus apply at once; the submit button stays for keyboards and no-JS use
    document.querySelectorAll("form.filters select").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.requestSubmit(); });
    });
  }

  // coming back to a page from the history: the fields blanked out on submit must work again
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.filters [disabled]").forEach(function (field) { field.disabled = false; });
  });

  document.addEventListener("DOMContentLoaded", function () {
    setupLayers();
    setupEvents();
    setupFilters();
  });
})();
