using SpectralLab.Core.Imaging;

namespace SpectralLab.Core.Training;

/// <summary>
/// One spectral filter at one moment, as plain numbers and a picture. Real, Imaginary, Magnitude and Phase lie on the
/// layer's rfft2 grid (H × W/2+1, zero frequency at [0, 0], row-major); Kernel is the spatial kernel the filter
/// amounts to, irfft2 of the filter at the layer's H×W input size, shifted so its origin sits at [H/2, W/2].
/// </summary>
public sealed record FilterSnapshot(
    int Index, float[] Parameters, float[] Real, float[] Imaginary, float[] Magnitude, float[] Phase, float[] Kernel,
    float Min, float Max);

/// <summary>
/// One spectral layer at one moment, for an H×W input (its rfft2 grid is H × W/2+1). All its heatmaps share one colour
/// scale, <see cref="ScaleMin"/> to <see cref="ScaleMax"/>, so filters can be compared by eye.
/// </summary>
/// <param name="FiltersPng">The layer's filters as one <see cref="FilterMosaic"/>, in the order of <paramref name="Filters"/>.</param>
public sealed record LayerSnapshot(int Layer, int Height, int Width, float ScaleMin, float ScaleMax,
    IReadOnlyList<string> ParameterNames, IReadOnlyList<FilterSnapshot> Filters, byte[] FiltersPng)
{
    public int Columns => Width / 2 + 1;
}

/// <summary>
/// What a run looked like after <see cref="Step"/>: fixed test images over their reconstructions, and every spectral
/// filter. Made on the training thread; holds no tensor.
/// </summary>
public sealed record Snapshot(int Step, int Epoch, bool EpochEnd, DateTimeOffset Taken, byte[] ReconstructionPng, IReadOnlyList<LayerSnapshot> Layers)
{
    /// <summary>How many test images the reconstruction grid shows, above their reconstructions.</summary>
    public const int ShownImages = 10;
}
