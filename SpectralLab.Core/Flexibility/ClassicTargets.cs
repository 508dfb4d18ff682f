namespace SpectralLab.Core.Flexibility;

/// <summary>
/// The built-in targets: classic image filters, each a small spatial convolution kernel (see
/// <see cref="FlexibilityTarget.FromKernel"/>), except the band-pass ring, which is defined in frequency.
/// </summary>
public static class ClassicTargets
{
    /// <summary>The <see cref="FlexibilityTarget.Source"/> of the built-in targets.</summary>
    public const string Classic = "classic";

    /// <summary>The classic targets' names, in the order <see cref="All"/> gives them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["identity", "box blur 3×3", "Gaussian blur σ=1", "Laplacian", "Sobel x", "Sobel y", "Gabor 0°", "Gabor 45°", "Gabor 90°", "Gabor 135°", "band-pass ring"];

    public static IReadOnlyList<FlexibilityTarget> All(int height = 28, int width = 28) =>
    [
        FlexibilityTarget.FromKernel(Names[0], height, width, new float[,] { { 1 } }, Classic),
        FlexibilityTarget.FromKernel(Names[1], height, width, Fill(3, (_, _) => 1f / 9), Classic),
        FlexibilityTarget.FromKernel(Names[2], height, width, Normalised(Fill(5, (y, x) => MathF.Exp(-(x * x + y * y) / 2f))), Classic),
        FlexibilityTarget.FromKernel(Names[3], height, width, new float[,] { { 0, 1, 0 }, { 1, -4, 1 }, { 0, 1, 0 } }, Classic),
        FlexibilityTarget.FromKernel(Names[4], height, width, new float[,] { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } }, Classic),
        FlexibilityTarget.FromKernel(Names[5], height, width, new float[,] { { -1, -2, -1 }, { 0, 0, 0 }, { 1, 2, 1 } }, Classic),
        FlexibilityTarget.FromKernel(Names[6], height, width, Gabor(0), Classic),
        FlexibilityTarget.FromKernel(Names[7], height, width, Gabor(45), Classic),
        FlexibilityTarget.FromKernel(Names[8], height, width, Gabor(90), Classic),
        FlexibilityTarget.FromKernel(Names[9], height, width, Gabor(135), Classic),
        Ring(Names[10], height, width, low: 0.15, high: 0.3),
    ];

    // A Gabor filter: a cosine of wavelength 4 px along the orientation under a Gaussian envelope of σ = 2 px, 7×7.
    static float[,] Gabor(double degrees)
    {
        double theta = degrees * Math.PI / 180;
        return Fill(7, (y, x) =>
        {
            double along = x * Math.Cos(theta) + y * Math.Sin(theta);
            return (float)(Math.Exp(-(x * x + y * y) / 8.0) * Math.Cos(2 * Math.PI * along / 4));
        });
    }

    // Passes frequencies whose radius √(fy² + fx²) in cycles per pixel lies in [low, high], with zero phase.
    static FlexibilityTarget Ring(string name, int height, int width, double low, double high)
    {
        int columns = width / 2 + 1;
        var real = new float[height * columns];
        for (int k = 0; k < height; k++)
        for (int l = 0; l < columns; l++)
        {
            double fy = (double)(k < (height + 1) / 2 ? k : k - height) / height, fx = (double)l / width;
            double radius = Math.Sqrt(fy * fy + fx * fx);
            real[k * columns + l] = radius >= low && radius <= high ? 1 : 0;
        }
        return new FlexibilityTarget(name, Classic, new HalfSpectrum(height, width, real, new float[real.Length]));
    }

    static float[,] Fill(int size, Func<int, int, float> value)
    {
        var kernel = new float[size, size];
        for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
            kernel[y, x] = value(y - size / 2, x - size / 2);
        return kernel;
    }

    static float[,] Normalised(float[,] kernel)
    {
        float total = kernel.Cast<float>().Sum();
        return Fill(kernel.GetLength(0), (y, x) => kernel[y + kernel.GetLength(0) / 2, x + kernel.GetLength(0) / 2] / total);
    }
}
