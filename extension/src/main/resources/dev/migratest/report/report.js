// migratest report: sorting and filtering of what is already on the page. No network, no data in script.
(function () {
  "use strict";
  var table = document.getElementById("overview");
  if (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      th.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var numeric = th.classList.contains("num");
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort") || a.cells[column].textContent;
          var y = b.cells[column].getAttribute("data-sort") || b.cells[column].textContent;
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  }
  var search = document.getElementById("filter");
  var riskyOnly = document.getElementById("risky-only");
  function applyFilter() {
    var words = search ? search.value.toLowerCase().trim() : "";
    var onlyRisky = riskyOnly && riskyOnly.checked;
    document.querySelectorAll("[data-key]").forEach(function (node) {
      var shown = (!words || node.getAttribute("data-key").indexOf(words) >= 0)
        && (!onlyRisky || node.getAttribute("data-risky") === "true");
      node.classList.toggle("hidden", !shown);
    });
  }
  if (search) search.addEventListener("input", applyFilter);
  if (riskyOnly) riskyOnly.addEventListener("change", applyFilter);
  function openAll(open) {
    document.querySelectorAll("details.migration").forEach(function (d) { d.open = open; });
  }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand) expand.addEventListener("click", function () { openAll(true); });
  if (collapse) collapse.addEventListener("click", function () { openAll(false); });
  document.documentElement.setAttribute("data-ready", "true");
})();
