// The service-level attainment chart (ECharts, drawn through charts.js): for each supplier, the share of tickets answered
// in time (solid) and resolved in time (dashed) per month of the year, summed over priorities.
(function () {
  function share(done, total) {
    return total === 0 ? null : Math.round(1000 * done / total) / 10;
  }

  function monthsOf(year) {
    var months = [];
    for (var m = 1; m <= 12; m++) { months.push(year + '-' + (m < 10 ? '0' + m : m)); }
    return months;
  }

  function series(rows, labels, months) {
    var bySupplier = {};
    rows.forEach(function (r) {
      var s = bySupplier[r.supplierName] = bySupplier[r.supplierName] || {};
      var m = s[r.month] = s[r.month] || { responded: 0, respondedInTime: 0, resolved: 0, resolvedInTime: 0 };
      m.responded += r.responded;
      m.respondedInTime += r.respondedInTime;
      m.resolved += r.resolved;
      m.resolvedInTime += r.resolvedInTime;
    });
    var out = [];
    Object.keys(bySupplier).sort().forEach(function (supplier) {
      out.push({ name: supplier + ' · ' + labels.response, type: 'line', connectNulls: true,
        data: months.map(function (k) { var m = bySupplier[supplier][k]; return m ? share(m.respondedInTime, m.responded) : null; }) });
      out.push({ name: supplier + ' · ' + labels.resolution, type: 'line', connectNulls: true, lineStyle: { type: 'dashed' },
        data: months.map(function (k) { var m = bySupplier[supplier][k]; return m ? share(m.resolvedInTime, m.resolved) : null; }) });
    });
    return out;
  }

  function draw(element) {
    var labels = { response: element.dataset.labelResponse, resolution: element.dataset.labelResolution };
    var months = monthsOf(element.dataset.year);
    GovCloudCharts.fetchAndDraw(element, function (rows) {
      return {
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 50, right: 20, top: 30, bottom: 60 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', name: '%', min: 0, max: 100 },
        series: series(rows, labels, months)
      };
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart.attainment[data-url]').forEach(draw);
  });
}());
