// Sorts a table by the column whose head was clicked (again: the other way), by each cell's
// data-sort, as numbers where the head says data-type="number".
(function () {
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (head, column) {
      head.addEventListener('click', function () {
        var up = head.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        head.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var numeric = head.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-sort');
          var y = b.cells[column].getAttribute('data-sort');
          var order = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    table.setAttribute('data-sorting', 'ready');
  });
})();
