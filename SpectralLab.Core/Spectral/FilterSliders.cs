namespace SpectralLab.Core.Spectral;

/// <summary>A slider for one filter parameter: its bounds and step.</summary>
public sealed record ParameterSlider(string Name, double Min, double Max, double Step);

/// <summary>
/// Where the playground starts and how far its sliders go. Bounds cover the shapes that fit on a grid whose
/// coordinates lie in [−0.5, 1]: centres within ±1, widths (a, b, c) up to a Gaussian a few cells wide, gains of a few
/// units. A learned value outside them widens its slider rather than being clipped.
/// </summary>
public static class FilterSliders
{
    public static ParameterSlider For(string name, float value)
    {
        var (limit, step) = name[(name.LastIndexOf('.') + 1)..] switch
        {
            "x0" or "y0" => (1.0, 0.01),
            "a" or "b" or "c" => (60.0, 0.5),
            _ => (3.0, 0.01), // s0, polynomial coefficients, free weights
        };
        double bound = Math.Max(limit, Math.Ceiling(Math.Abs((double)value)));
        return new ParameterSlider(name, -bound, bound, step);
    }

    /// <summary>
    /// A smooth low-pass start: for the Gaussians, a real part centred on zero frequency (u = −0.5 on the published grid,
    /// 0 on the centred one) and an imaginary part of zero gain; a polynomial's constant 1; a free filter of ones.
    /// </summary>
    public static float[] Defaults(FilterFamilyKind kind, int degree, GridConvention convention, FrequencyGrid grid)
    {
        float x0 = convention == GridConvention.Published ? -0.5f : 0f;
        float[] Gaussian(float gain) => [x0, 0, 10, 0, 10, gain];
        return kind switch
        {
            FilterFamilyKind.Gaussian => [.. Gaussian(1), .. Gaussian(0)],
            FilterFamilyKind.Mixture =>
            [
                .. Enumerable.Range(0, degree).SelectMany(k => Gaussian(k == 0 ? 1 : 0)),
                .. Enumerable.Range(0, degree).SelectMany(_ => Gaussian(0)),
            ],
            FilterFamilyKind.Polynomial => [1, .. new float[2 * degree], .. new float[2 * degree + 1]],
            _ => [.. Enumerable.Repeat(1f, grid.Height * grid.Columns), .. new float[grid.Height * grid.Columns]],
        };
    }
}
