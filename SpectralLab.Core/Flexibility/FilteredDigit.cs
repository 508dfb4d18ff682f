namespace SpectralLab.Core.Flexibility;

/// <summary>
/// What a filter does to an image, defined once for the analysis and its screens: the image's rfft2 times the filter,
/// then irfft2 (a plain complex product, a circular convolution; no ReLU, so the comparison is of the filters alone).
/// </summary>
public static class FilteredDigit
{
    /// <summary>PSNR is capped here so that identical images give a number a JSON file can hold.</summary>
    public const double MaxPsnr = 120;

    public static float[] Apply(float[] image, HalfSpectrum filter) =>
        HalfSpectrum.Of(image, filter.Height, filter.Width).Times(filter).Inverse();

    /// <summary>10·log10(range² / MSE) of <paramref name="image"/> against <paramref name="reference"/>, range being the reference's max − min.</summary>
    public static double Psnr(float[] reference, float[] image)
    {
        double range = reference.Max() - reference.Min();
        double mse = reference.Zip(image, (a, b) => (double)(a - b) * (a - b)).Average();
        if (mse == 0 || range == 0) return mse == 0 ? MaxPsnr : 0;
        return Math.Min(MaxPsnr, 10 * Math.Log10(range * range / mse));
    }
}
