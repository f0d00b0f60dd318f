/*
 * twinspan: the reader's tools on an article page.
 *  - "Show English": a toggle (aria-pressed) that shows every English source sentence under its
 *    translation; remembered in localStorage ("twinspan:show-source").
 *  - Per sentence: hover or keyboard focus shows its source (CSS); a tap or Enter/Space pins it
 *    open, Escape closes it.
 *  - Checklist: one checkbox per step, remembered per article ("twinspan:checklist:<slug>"),
 *    with progress and a reset button.
 *  - Language switch: the reader's choice is remembered for the site's root page.
 */
(function () {
  "use strict";

  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* storage disabled: the page still works, without memory */ }
  }

  /* --- show English ---------------------------------------------------------------------- */
  var SOURCE_KEY = "twinspan:show-source";
  function showSource(on) {
    document.documentElement.classList.toggle("ts-show-source", on);
    var buttons = document.querySelectorAll(".ts-toggle");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
  }
  showSource(load(SOURCE_KEY) === "1");
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest(".ts-toggle");
    if (!button) return;
    var on = button.getAttribute("aria-pressed") !== "true";
    showSource(on);
    save(SOURCE_KEY, on ? "1" : null);
  });

  /* --- one sentence ---------------------------------------------------------------------- */
  function pin(seg, open) {
    seg.classList.toggle("ts-open", open);
  }
  document.addEventListener("click", function (ev) {
    if (!ev.target.closest || ev.target.closest("a, button, input")) return;
    var seg = ev.target.closest(".ts-seg");
    if (seg) pin(seg, !seg.classList.contains("ts-open"));
  });
  document.addEventListener("keydown", function (ev) {
    var seg = ev.target.closest && ev.target.closest(".ts-seg");
    if (ev.key === "Escape") {
      var open = document.querySelectorAll(".ts-seg.ts-open");
      for (var i = 0; i < open.length; i++) pin(open[i], false);
      if (seg) seg.classList.add("ts-closed");
      return;
    }
    if (seg && ev.target === seg && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      pin(seg, !seg.classList.contains("ts-open"));
    }
  });
  document.addEventListener("focusout", function (ev) {
    var seg = ev.target.closest && ev.target.closest(".ts-seg");
    if (seg) seg.classList.remove("ts-closed");
  });

  /* --- checklist ------------------------------------------------------------------------- */
  var article = document.querySelector(".ts-article[data-slug]");
  if (article) {
    var key = "twinspan:checklist:" + article.getAttribute("data-slug");
    var boxes = article.querySelectorAll("input.ts-check");
    var progress = document.querySelector(".ts-progress");
    var done = {};
    try { done = JSON.parse(load(key) || "{}") || {}; } catch (e) { done = {}; }

    var update = function () {
      var count = 0;
      for (var i = 0; i < boxes.length; i++) {
        var li = boxes[i].closest(".ts-step");
        if (li) li.classList.toggle("ts-done", boxes[i].checked);
        if (boxes[i].checked) count++;
      }
      if (progress) {
        progress.textContent = progress.getAttribute("data-template")
          .replace("{done}", String(count)).replace("{total}", String(boxes.length));
      }
    };
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = !!done[boxes[i].getAttribute("data-step")];
      boxes[i].addEventListener("change", function (ev) {
        var step = ev.target.getAttribute("data-step");
        if (ev.target.checked) done[step] = true;
        else delete done[step];
        save(key, Object.keys(done).length ? JSON.stringify(done) : null);
        update();
      });
    }
    var reset = document.querySelector(".ts-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        done = {};
        save(key, null);
        for (var i = 0; i < boxes.length; i++) boxes[i].checked = false;
        update();
      });
    }
    update();
  }

  /* --- language switch ------------------------------------------------------------------- */
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.ts-switch[data-lang]");
    if (link) save("twinspan:language", link.getAttribute("data-lang"));
  });
})();
