namespace SpectralLab.Core.Flexibility;

/// <summary>A filter the families are asked to imitate: its name, where it comes from, and its transfer function.</summary>
/// <param name="Source">"classic", or the stored run it was read from ("run 3").</param>
public sealed record FlexibilityTarget(string Name, string Source, HalfSpectrum Response)
{
    /// <summary>
    /// A square kernel of odd size 2r+1 as a circular convolution on H×W: tap (dy, dx) from the centre lands on pixel
    /// (dy mod H, dx mod W), so the transfer function is Σ k[dy, dx]·e^(−2πi(u·dy/H + v·dx/W)).
    /// </summary>
    public static FlexibilityTarget FromKernel(string name, int height, int width, float[,] kernel, string source)
    {
        int size = kernel.GetLength(0), radius = size / 2;
        var image = new float[height * width];
        for (int dy = -radius; dy <= radius; dy++)
        for (int dx = -radius; dx <= radius; dx++)
            image[Wrap(dy, height) * width + Wrap(dx, width)] += kernel[dy + radius, dx + radius];
        return new FlexibilityTarget(name, source, HalfSpectrum.Of(image, height, width));
    }

    static int Wrap(int index, int length) => ((index % length) + length) % length;
}
