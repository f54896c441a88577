// The dashboard chart: events per period stacked by QuadClass, with the cooperation index on a second
// axis. The data comes from the page itself (a JSON block), the drawing from the locally served Plotly.
"use strict";

// Plotly reads a title as its own markup (<a href>, <b>, <br>...), not as text: names typed in the
// address (?a=) are written as entities, which Plotly shows as the characters themselves.
function plainText(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function drawDyadChart() {
  const holder = document.getElementById("chart");
  const source = document.getElementById("dyad-data");
  if (!holder || !source || typeof Plotly === "undefined") return;
  const data = JSON.parse(source.textContent);
  const periods = data.series.map((p) => p.period);
  const fields = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
  const traces = fields.map((field, i) => ({
    type: "bar", name: plainText(data.labels[i]), x: periods, y: data.series.map((p) => p[field]),
    marker: { color: data.colours[i] }, hovertemplate: "%{x}: %{y} " + plainText(data.labels[i]) + "<extra></extra>",
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "cooperation index", x: periods, yaxis: "y2",
    y: data.series.map((p) => p.cooperation_index), line: { color: "#222222", width: 2 }, marker: { size: 8 },
    customdata: data.series.map((p) => [p.events, p.mean_goldstein, p.mean_tone === null ? "n/a" : p.mean_tone]),
    hovertemplate: "%{x}: index %{y}<br>%{customdata[0]} events, mean Goldstein %{customdata[1]}" +
      "<br>GDELT-style tone of the reports %{customdata[2]}<extra></extra>",
  });
  const layout = {
    title: { text: plainText(data.title) }, barmode: "stack", bargap: periods.length < 4 ? 0.6 : 0.25,
    margin: { t: 48, r: 72, b: 64, l: 56 },
    xaxis: { type: "category", title: { text: "period" } },
    yaxis: { title: { text: "events" }, rangemode: "tozero" },
    yaxis2: { title: { text: "cooperation index" }, overlaying: "y", side: "right", range: [-1.1, 1.1],
              tickvals: [-1, -0.5, 0, 0.5, 1], zeroline: true, zerolinecolor: "#bbbbbb", showgrid: false },
    legend: { orientation: "h", y: -0.25, traceorder: "normal" },
  };
  Plotly.newPlot(holder, traces, layout, { responsive: true, displaylogo: false });
}

document.addEventListener("DOMContentLoaded", drawDyadChart);
