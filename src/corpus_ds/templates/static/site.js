// corpus_ds review site: index filters and sorting, article highlight tooltips and keyboard links. No dependencies.
(function () {
  "use strict";

  function setupIndex() {
    var table = document.getElementById("articles");
    if (!table) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var selects = document.querySelectorAll("select[data-filter]");
    var from = document.getElementById("f-from");
    var to = document.getElementById("f-to");
    var shown = document.getElementById("n-shown");

    function keep(row) {
      for (var i = 0; i < selects.length; i++) {
        var want = selects[i].value;
        if (!want) continue;
        var key = selects[i].getAttribute("data-filter");
        var have = row.getAttribute("data-" + key);
        var values = key === "actor" ? have.split(" ") : [have];
        if (values.indexOf(want) < 0) return false;
      }
      var date = row.getAttribute("data-date");
      if (from.value && date < from.value) return false;
      if (to.value && date > to.value) return false;
      return true;
    }

    function apply() {
      var n = 0;
      rows.forEach(function (row) {
        var ok = keep(row);
        row.hidden = !ok;
        if (ok) n++;
      });
      shown.textContent = String(n);
    }

    Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });
    [from, to].forEach(function (input) { input.addEventListener("input", apply); input.addEventListener("change", apply); });
    document.getElementById("f-reset").addEventListener("click", function () {
      Array.prototype.forEach.call(selects, function (s) { s.value = ""; });
      from.value = ""; to.value = "";
      apply();
    });

    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(table.querySelectorAll("th button[data-sort]"), function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-sort");
        var th = button.parentNode;
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction);
        var sign = direction === "ascending" ? 1 : -1;
        rows.sort(function (a, b) {
          var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
          if (x === y) { x = a.getAttribute("data-id"); y = b.getAttribute("data-id"); }
          return x < y ? -sign : x > y ? sign : 0;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    apply();
  }

  function setupArticle() {
    var tip = document.getElementById("tip");
    if (!tip) return;

    function show(mark) {
      tip.textContent = mark.getAttribute("data-tip");
      tip.hidden = false;
      var box = mark.getBoundingClientRect();
      var left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
      tip.style.left = left + "px";
      tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    }
    function hide() { tip.hidden = true; }
    function markOf(node) { return node && node.closest ? node.closest("mark.hl") : null; }

    document.addEventListener("mouseover", function (event) { var m = markOf(event.target); if (m) show(m); else hide(); });
    document.addEventListener("focusin", function (event) { var m = markOf(event.target); if (m) show(m); else hide(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); return; }
      var m = markOf(event.target);
      if (m && m === event.target && event.key === "Enter") {
        // Enter on a highlight goes to its entry in the label panel, which links back.
        var entry = document.getElementById("lab-" + m.getAttribute("data-hl"));
        if (entry) { entry.scrollIntoView({ block: "center" }); entry.focus(); event.preventDefault(); }
      }
    });
    // Following a panel link focuses the highlight, so Tab continues from there.
    Array.prototype.forEach.call(document.querySelectorAll("a.to-hl"), function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) return;
        event.preventDefault();
        var details = target.closest("details");
        if (details) details.open = true;
        target.scrollIntoView({ block: "center" });
        target.focus();
      });
    });
  }

  setupIndex();
  setupArticle();
}());
