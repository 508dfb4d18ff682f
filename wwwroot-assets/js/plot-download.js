// Plotly.Blazor offers PNG and JPEG downloads only; plotly.js itself also draws a chart as SVG.
window.labPlot = {
  download: (id, format, name, width, height) => {
    const plot = document.getElementById(id);
    if (plot && window.Plotly) return window.Plotly.downloadImage(plot, { format, filename: name, width, height });
  },
};
