using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Lab;

/// <summary>
/// A cell's detail drawn from the report's plain numbers (no torch): target, fit and residual on the rfft2 grid, the
/// spatial kernels around the origin, and the test digit filtered by each. Pictures that are compared share a scale.
/// </summary>
public static class FlexibilityPictures
{
    const int SpectrumScale = 8, KernelScale = 12, DigitScale = 5;

    /// <summary>Taps either side of the origin shown of a spatial kernel: the classic kernels reach 3 (Gabor, 7×7).</summary>
    public const int KernelRadius = 5;

    public static FlexibilityCellDetail Draw(FlexibilityReport report, FlexibilityCell cell)
    {
        var target = report.Targets[cell.Target];
        var (t, fit) = (target.Response, cell.Fit);
        var residual = fit with { Real = Difference(fit.Real, t.Real), Imaginary = Difference(fit.Imaginary, t.Imaginary) };
        var polar = new[] { t, fit, residual }.Select(s => s.Polar()).ToArray();
        float top = polar.Max(p => p.Magnitude.Max());
        string[] names = ["Target", "Fit", "Residual (fit − target)"];
        var spectra = new List<FlexibilityFigure>();
        for (int i = 0; i < names.Length; i++)
        {
            spectra.Add(Spectrum($"{names[i]}: magnitude", "|W| on the rfft2 grid, zero-frequency row centred; one scale for all three", polar[i].Magnitude, t, 0, top));
            spectra.Add(Spectrum($"{names[i]}: phase", "radians, −π to π", polar[i].Phase, t, -MathF.PI, MathF.PI));
        }

        var kernels = new[] { t.Inverse(), fit.Inverse() }.Select(k => AroundOrigin(k, t.Height, t.Width)).ToArray();
        float reach = Math.Max(kernels.Max(k => k.Max(Math.Abs)), float.Epsilon);
        int side = 2 * KernelRadius + 1;
        string kernelCaption = $"irfft2, the {side}×{side} taps around the origin (centre)";
        var digits = new[] { FilteredDigit.Apply(report.Digit, t), FilteredDigit.Apply(report.Digit, fit) };
        float low = digits[0].Min(), high = digits[0].Max();
        string digitCaption = "rfft2 × filter, irfft2; the target's range";
        var choice = FamilyChoice.Find(cell.Family);
        return new FlexibilityCellDetail(target.Name, choice?.DisplayName ?? cell.Family, cell.Residual, cell.Psnr, cell.Parameters, spectra,
            [
                new("Target: spatial kernel", kernelCaption, Heat(kernels[0], side, side, KernelScale, -reach, reach)),
                new("Fit: spatial kernel", kernelCaption, Heat(kernels[1], side, side, KernelScale, -reach, reach)),
            ],
            [
                new("Digit filtered by the target", digitCaption, Heat(digits[0], t.Height, t.Width, DigitScale, low, high)),
                new("Digit filtered by the fit", digitCaption, Heat(digits[1], t.Height, t.Width, DigitScale, low, high)),
            ],
            cell.Values is { } values ? choice?.Playable(values) : null);
    }

    static FlexibilityFigure Spectrum(string title, string caption, float[] values, HalfSpectrum grid, float min, float max) =>
        new(title, caption, Heat(SpectrumLayout.CentredRows(values, grid.Height, grid.Columns), grid.Height, grid.Columns, SpectrumScale, min, max));

    static PlaygroundFigure Heat(float[] values, int rows, int columns, int scale, float min, float max) =>
        new(Png.Heatmap(values, rows, columns, min, max, scale), min, max);

    /// <summary>The taps within <see cref="KernelRadius"/> of the origin of a circular kernel (origin at [0, 0]), origin in the middle.</summary>
    public static float[] AroundOrigin(float[] kernel, int height, int width)
    {
        int side = 2 * KernelRadius + 1;
        var crop = new float[side * side];
        for (int dy = -KernelRadius; dy <= KernelRadius; dy++)
        for (int dx = -KernelRadius; dx <= KernelRadius; dx++)
            crop[(dy + KernelRadius) * side + dx + KernelRadius] = kernel[(dy % height + height) % height * width + (dx % width + width) % width];
        return crop;
    }

    static float[] Difference(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x - y)];
}
