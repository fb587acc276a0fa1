// The budget chart (ECharts, drawn through charts.js): per unit, this year's contracted fees, what was paid, the fees of
// the year before (year against year) and what is committed for next year, the units with the highest fees first.
(function () {
  function draw(element) {
    var d = element.dataset;
    GovCloudCharts.fetchAndDraw(element, function (units) {
      var shown = units.slice(0, 20);
      function bars(name, field) {
        return { name: name, type: 'bar', data: shown.map(function (u) { return Number(u[field]); }) };
      }
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 80, right: 20, top: 30, bottom: 110 },
        xAxis: { type: 'category', data: shown.map(function (u) { return u.unitName; }), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', name: 'CNY' },
        series: [bars(d.labelPrevious, 'previousFees'), bars(d.labelFees, 'fees'), bars(d.labelPaid, 'paid'),
          bars(d.labelCommitted, 'committedNextYear')]
      };
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart.budget[data-url]').forEach(draw);
  });
}());
