using System.Globalization;
using System.Xml.Linq;

namespace SpectralLab.Core.Imaging;

/// <summary>A named line on a chart; dashed lines are references (published values), drawn under the others.</summary>
public sealed record ChartLine(string Label, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>A standalone SVG line chart with axes, ticks and a legend, for reports read outside the lab.</summary>
public static class SvgChart
{
    const int Width = 760, Height = 420, Left = 70, Right = 240, Top = 20, Bottom = 50;
    static readonly string[] Colours = ["#3b528b", "#e8590c", "#21918c", "#a52c60", "#5ec962", "#fdae61", "#440154", "#7f7f7f"];
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Lines(IReadOnlyList<ChartLine> lines, string xLabel, string yLabel)
    {
        var points = lines.SelectMany(l => l.Points).DefaultIfEmpty((1, 0)).ToList();
        double xMin = Math.Min(1, points.Min(p => p.X)), xMax = Math.Max(xMin + 1, points.Max(p => p.X));
        double low = points.Min(p => p.Y), high = points.Max(p => p.Y), pad = (high - low) * 0.05 + 1e-6;
        double yMin = Math.Max(0, low - pad), yMax = high + pad;
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double y) => Top + (yMax - y) / (yMax - yMin) * (Height - Top - Bottom);

        var svg = new XElement(Svg + "svg", new XAttribute("width", Width), new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 12),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "white")));
        foreach (var tick in Ticks.Between(yMin, yMax, 6))
        {
            svg.Add(Line(Left, Y(tick), Width - Right, Y(tick), "#e0e0e0"));
            svg.Add(Text(Left - 6, Y(tick) + 4, "end", tick.ToString("G3", CultureInfo.InvariantCulture)));
        }
        foreach (var tick in Ticks.Between(xMin, xMax, 10).Where(t => t == Math.Round(t)))
            svg.Add(Text(X(tick), Height - Bottom + 18, "middle", tick.ToString("N0", CultureInfo.InvariantCulture)));
        svg.Add(Line(Left, Height - Bottom, Width - Right, Height - Bottom, "#555"), Line(Left, Top, Left, Height - Bottom, "#555"));
        svg.Add(Text((Left + Width - Right) / 2.0, Height - 8, "middle", xLabel));
        svg.Add(With(Text(0, 0, "middle", yLabel), new XAttribute("transform", $"translate(16 {F((Top + Height - Bottom) / 2.0)}) rotate(-90)")));

        var drawn = lines.Select((line, index) => (line, colour: Colours[index % Colours.Length], index)).OrderBy(d => !d.line.Dashed).ToList();
        foreach (var (line, colour, _) in drawn)
        {
            svg.Add(new XElement(Svg + "polyline", new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", 2),
                new XAttribute("stroke-dasharray", line.Dashed ? "6 4" : "none"),
                new XAttribute("points", string.Join(' ', line.Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}")))));
            foreach (var (x, y) in line.Points) // markers: a one-epoch run is a single point, which a polyline alone would not show
                svg.Add(new XElement(Svg + "circle", new XAttribute("cx", F(X(x))), new XAttribute("cy", F(Y(y))),
                    new XAttribute("r", line.Dashed ? 4 : 2.5), new XAttribute("fill", line.Dashed ? "white" : colour), new XAttribute("stroke", colour)));
        }
        foreach (var (line, colour, index) in drawn.OrderBy(d => d.index))
        {
            double y = Top + 10 + index * 20;
            svg.Add(With(Line(Width - Right + 16, y, Width - Right + 40, y, colour), new XAttribute("stroke-width", 2),
                new XAttribute("stroke-dasharray", line.Dashed ? "6 4" : "none")));
            svg.Add(Text(Width - Right + 46, y + 4, "start", line.Label));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg;
    }

    static XElement With(XElement element, params XAttribute[] attributes)
    {
        element.Add(attributes);
        return element;
    }

    static XElement Line(double x1, double y1, double x2, double y2, string stroke) => new(Svg + "line",
        new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)), new XAttribute("stroke", stroke));

    static XElement Text(double x, double y, string anchor, string content) => new(Svg + "text",
        new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("text-anchor", anchor), content);

    static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
