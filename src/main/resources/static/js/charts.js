// Utilisation charts (ECharts): every .chart[data-url] fetches its points from the API and
// draws the average as a line and the highest value as a dashed line, per dimension.
(function () {
  function value(v, ratio) {
    return ratio ? Math.round(v * 1000) / 10 : Math.round(v / 10000) / 100; // % or Mbit/s
  }

  function lines(points, ratio, labels) {
    var byDimension = {};
    points.forEach(function (p) {
      var key = p.dimension || '';
      (byDimension[key] = byDimension[key] || []).push(p);
    });
    var series = [];
    Object.keys(byDimension).sort().forEach(function (dimension) {
      var suffix = dimension ? ' ' + dimension : '';
      var data = byDimension[dimension];
      series.push({ name: labels.avg + suffix, type: 'line', showSymbol: false,
        data: data.map(function (p) { return [Date.parse(p.at), value(p.avg, ratio)]; }) });
      series.push({ name: labels.max + suffix, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' },
        data: data.map(function (p) { return [Date.parse(p.at), value(p.max, ratio)]; }) });
    });
    return series;
  }

  // Fetches a chart's data from its data-url and draws what option(data) returns; an empty
  // answer shows data-empty, a failed one data-failed. data-state says which (for tests).
  function fetchAndDraw(element, option) {
    fetch(element.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        element.dataset.points = data.length;
        if (data.length === 0) {
          element.classList.add('empty');
          element.textContent = element.dataset.empty;
          element.dataset.state = 'empty';
          return;
        }
        var chart = echarts.init(element);
        chart.setOption(option(data));
        window.addEventListener('resize', function () { chart.resize(); });
        element.dataset.state = 'drawn';
      })
      .catch(function () {
        element.classList.add('empty');
        element.textContent = element.dataset.failed;
        element.dataset.state = 'failed';
      });
  }

  window.GovCloudCharts = { fetchAndDraw: fetchAndDraw };

  function draw(element) {
    var ratio = element.dataset.ratio === 'true';
    var labels = { avg: element.dataset.labelAvg, max: element.dataset.labelMax };
    fetchAndDraw(element, function (points) {
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 50, right: 20, top: 30, bottom: 50 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: ratio ? '%' : 'Mbit/s', min: 0, max: ratio ? 100 : null },
        series: lines(points, ratio, labels)
      };
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart[data-url]:not(.attainment)').forEach(draw);
  });
}());
