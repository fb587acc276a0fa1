// A recommendation's evidence (ECharts, drawn through charts.js): the daily p95 (solid) and highest value (dashed) of
// CPU and memory over the window, in percent.
(function () {
  function percent(v) {
    return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
  }

  function draw(element) {
    var d = element.dataset;
    GovCloudCharts.fetchAndDraw(element, function (days) {
      var line = function (name, field, dashed) {
        return { name: name, type: 'line', connectNulls: false, lineStyle: dashed ? { type: 'dashed' } : undefined,
          data: days.map(function (day) { return [day.day, percent(day[field])]; }) };
      };
      return {
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
        legend: { bottom: 0 },
        grid: { left: 50, right: 20, top: 30, bottom: 60 },
        xAxis: { type: 'category', data: days.map(function (day) { return day.day; }) },
        yAxis: { type: 'value', name: '%', min: 0, max: 100 },
        series: [line(d.labelCpu + ' ' + d.labelP95, 'cpuP95', false), line(d.labelCpu + ' ' + d.labelMax, 'cpuMax', true),
          line(d.labelMemory + ' ' + d.labelP95, 'memoryP95', false), line(d.labelMemory + ' ' + d.labelMax, 'memoryMax', true)]
      };
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('#evidence-chart').forEach(draw);
  });
})();
