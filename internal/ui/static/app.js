// Charts: each element with data-chart reads its data from the JSON
// <script type="application/json"> named by data-source. No inline script,
// so the Content-Security-Policy can forbid it.
(function () {
  "use strict";
  var palette = {
    not_started: "#8c959f", in_progress: "#0b5cad", basically_completed: "#d29922",
    completed: "#1a7f37", ongoing: "#6639ba"
  };
  function loadECharts(cb) {
    if (window.echarts) { cb(); return; }
    var s = document.createElement("script");
    s.src = "/static/echarts.min.js";
    s.onload = cb;
    document.head.appendChild(s);
  }
  function readData(el) {
    var src = document.getElementById(el.getAttribute("data-source"));
    return src ? JSON.parse(src.textContent) : null;
  }
  function byCategory(el, d) {
    var chart = echarts.init(el);
    // On a phone the legend scrolls on one line and the labels are shorter,
    // so that neither covers the bars.
    var narrow = el.clientWidth < 500;
    chart.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: narrow ? "scroll" : "plain" },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: d.labels, inverse: true, axisLabel: { width: narrow ? 120 : 220, overflow: "truncate" } },
      series: d.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "all", data: s.data, itemStyle: { color: palette[s.key] }, barMaxWidth: 22 };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function pie(el, d) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "item", formatter: "{b}：{c}个（{d}%）" },
      legend: { bottom: 0 },
      series: [{
        type: "pie", radius: ["45%", "70%"], avoidLabelOverlap: true,
        label: { formatter: "{b}\n{c}个" },
        data: d.map(function (x) { return { name: x.name, value: x.value, itemStyle: { color: palette[x.key] } }; })
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  // The office's units: completion rate (bars, per cent) and overdue
  // measures (bars on their own axis), best first as the table ranks them.
  function ranking(el, d) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: [{ type: "value", max: 100, axisLabel: { formatter: "{value}%" } }, { type: "value", minInterval: 1, position: "top", splitLine: { show: false } }],
      yAxis: { type: "category", data: d.labels, inverse: true, axisLabel: { width: 220, overflow: "truncate" } },
      series: [
        { name: "完成率（%）", type: "bar", data: d.rate, itemStyle: { color: palette.completed }, barMaxWidth: 18 },
        { name: "逾期措施（项）", type: "bar", xAxisIndex: 1, data: d.overdue, itemStyle: { color: "#cf222e" }, barMaxWidth: 18 }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    // 打印 buttons open the browser's print dialog.
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    // 复制 buttons copy the text of the element data-copy names (the
    // statistics' sentences, for a report).
    document.querySelectorAll("[data-copy]").forEach(function (b) {
      b.addEventListener("click", function () {
        var src = document.getElementById(b.getAttribute("data-copy"));
        if (!src) { return; }
        var text = src.value !== undefined ? src.value : src.textContent;
        var done = function () { b.textContent = "已复制"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { src.select && src.select(); });
        } else if (src.select) {
          src.select();
          if (document.execCommand("copy")) { done(); }
        }
      });
    });
    // Filters submit themselves when a choice changes.
    document.querySelectorAll("form.filters select").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
    var els = document.querySelectorAll("[data-chart]");
    if (!els.length) { return; }
    loadECharts(function () {
      els.forEach(function (el) {
        var d = readData(el);
        if (!d) { return; }
        if (el.getAttribute("data-chart") === "by-category") { byCategory(el, d); }
        if (el.getAttribute("data-chart") === "pie") { pie(el, d); }
        if (el.getAttribute("data-chart") === "ranking") { ranking(el, d); }
      });
    });
  });
})();
