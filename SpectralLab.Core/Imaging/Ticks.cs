namespace SpectralLab.Core.Imaging;

/// <summary>Axis ticks for charts, on the page and in written reports alike.</summary>
public static class Ticks
{
    /// <summary>About <paramref name="count"/> round values (1, 2 or 5 × a power of ten apart) between low and high.</summary>
    public static IEnumerable<double> Between(double low, double high, int count)
    {
        if (!(high > low)) yield break;
        double raw = (high - low) / count, power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        for (double t = Math.Ceiling(low / step) * step; t <= high; t += step) yield return Math.Round(t, 10);
    }
}
