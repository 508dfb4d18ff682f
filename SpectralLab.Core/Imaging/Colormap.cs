using SixLabors.ImageSharp.PixelFormats;

namespace SpectralLab.Core.Imaging;

/// <summary>
/// A perceptually uniform colour map (viridis-like): dark blue-violet through teal to yellow, evenly spaced in
/// lightness so equal steps in value look like equal steps in colour, and readable in grey and by most colour-blind
/// viewers. Nine anchor colours, linearly interpolated.
/// </summary>
public static class Colormap
{
    static readonly (byte R, byte G, byte B)[] Anchors =
    [
        (68, 1, 84), (72, 40, 120), (62, 73, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ];

    /// <summary>The colour for t in [0, 1]; values outside are clamped, NaN is drawn black.</summary>
    public static Rgb24 Viridis(double t)
    {
        if (double.IsNaN(t)) return new Rgb24(0, 0, 0);
        t = Math.Clamp(t, 0, 1) * (Anchors.Length - 1);
        int low = Math.Min((int)t, Anchors.Length - 2);
        double f = t - low;
        var (a, b) = (Anchors[low], Anchors[low + 1]);
        return new Rgb24(Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
    }

    /// <summary>The map as a CSS linear-gradient, for colour-scale bars drawn by the browser.</summary>
    public static string CssGradient(string direction = "to right") =>
        $"linear-gradient({direction}, {string.Join(", ", Anchors.Select(c => $"rgb({c.R},{c.G},{c.B})"))})";

    /// <summary>The colour for t as CSS, for cells the browser colours.</summary>
    public static string CssColor(double t)
    {
        var c = Viridis(t);
        return $"rgb({c.R},{c.G},{c.B})";
    }

    /// <summary>Black or white, whichever contrasts more with the colour for t (WCAG relative luminance): text on a coloured cell stays readable.</summary>
    public static string TextColorOn(double t)
    {
        var c = Viridis(t);
        static double Linear(byte v) => v / 255.0 is var s && s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        double luminance = 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000" : "#fff";
    }

    static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
