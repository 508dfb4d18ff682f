namespace SpectralLab.Core.Training;

/// <summary>One spectral filter at one moment: its parameters and its magnitude |W|, as plain numbers and a picture.</summary>
/// <param name="Magnitude">|W| on the rfft2 grid, row-major [Rows × Columns] of its layer.</param>
/// <param name="Png">A heatmap of |W| on the full frequency plane, zero frequency centred, on its layer's colour scale.</param>
public sealed record FilterSnapshot(int Index, float[] Parameters, float[] Magnitude, float Min, float Max, byte[] Png);

/// <summary>
/// One spectral layer at one moment, for an H×W input (its rfft2 grid is H × W/2+1). All its heatmaps share one colour
/// scale, <see cref="ScaleMin"/> to <see cref="ScaleMax"/>, so filters can be compared by eye.
/// </summary>
public sealed record LayerSnapshot(int Layer, int Height, int Width, float ScaleMin, float ScaleMax,
    IReadOnlyList<string> ParameterNames, IReadOnlyList<FilterSnapshot> Filters)
{
    public int Columns => Width / 2 + 1;
}

/// <summary>
/// What a run looked like after <see cref="Step"/>: fixed test images over their reconstructions, and every spectral
/// filter. Made on the training thread; holds no tensor.
/// </summary>
public sealed record Snapshot(int Step, int Epoch, bool EpochEnd, DateTimeOffset Taken, byte[] ReconstructionPng, IReadOnlyList<LayerSnapshot> Layers);
