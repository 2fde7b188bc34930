/* seismic_wagtail consultations: sortable tables on the results page.

   Progressive enhancement of <table data-seismic-sortable>: each column heading marked data-sort="number" or
   data-sort="text" becomes a button that sorts the rows by that column (numbers from the cell's
   data-sort-value, text with the page language's collation), first in the natural direction (numbers
   highest first, text A to Z), then the other way. aria-sort on the heading says the current order. Without
   this script the table stays in the server's order, which its aria-sort already describes. The rank in
   each row header ("1.") stays the rank by the server's order. */
(function () {
  "use strict";

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort-value");
    if (raw === null) raw = cell.textContent.trim();
    if (type === "number") {
      var number = parseFloat(raw);
      return isNaN(number) ? -Infinity : number;
    }
    return raw;
  }

  function enhance(table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body) return;
    var lang = (table.closest("[lang]") || document.documentElement).getAttribute("lang") || undefined;
    var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
    var headers = Array.prototype.slice.call(head.cells);
    headers.forEach(function (th, index) {
      var type = th.getAttribute("data-sort");
      if (type !== "number" && type !== "text") return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "seismic-sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        var natural = type === "number" ? "descending" : "ascending";
        var direction = current === natural ? (natural === "ascending" ? "descending" : "ascending") : natural;
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction);
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, type);
          var y = cellValue(b, index, type);
          var order = type === "number" ? x - y : collator.compare(x, y);
          return direction === "ascending" ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    var hint = (table.closest("section") || table.parentNode).querySelector(".seismic-sort-hint");
    if (hint) hint.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-seismic-sortable]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
