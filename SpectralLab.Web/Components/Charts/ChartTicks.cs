using System.Globalization;
using Microsoft.AspNetCore.Components;
using SpectralLab.Core.Imaging;

namespace SpectralLab.Web.Components.Charts;

/// <summary>Small helpers shared by the SVG charts.</summary>
public static class ChartTicks
{
    /// <summary>About <paramref name="count"/> round values (1, 2 or 5 × a power of ten apart) between low and high.</summary>
    public static IEnumerable<double> Between(double low, double high, int count) => Ticks.Between(low, high, count);

    public static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    // Razor reserves <text>, so SVG labels are written out here.
    public static MarkupString Label(double x, double y, string anchor, string cssClass, string content, bool rotate = false)
    {
        string position = rotate ? $"transform=\"translate({F(x)} {F(y)}) rotate(-90)\"" : $"x=\"{F(x)}\" y=\"{F(y)}\"";
        return new MarkupString($"<text {position} text-anchor=\"{anchor}\" class=\"{cssClass}\">{System.Net.WebUtility.HtmlEncode(content)}</text>");
    }

    public static string Points(IEnumerable<(double X, double Y)> points, Func<double, double> x, Func<double, double> y) =>
        string.Join(' ', points.Select(p => $"{F(x(p.X))},{F(y(p.Y))}"));
}
