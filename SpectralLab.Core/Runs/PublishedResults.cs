namespace SpectralLab.Core.Runs;

/// <summary>One published curve: training and validation loss at the epochs the publication reports.</summary>
public sealed record PublishedCurve(string Model, string Label, double SecondsPerEpochOnGpu, IReadOnlyList<(int Epoch, double Loss, double ValidationLoss)> Points);

/// <summary>The results of "On the Flexibility of Parametric Spectral Filters: Part 1" (2021), Keras on a GPU.</summary>
public static class PublishedResults
{
    public static IReadOnlyList<PublishedCurve> Curves { get; } =
    [
        new("spatial", "Spatial baseline (published)", 3,
        [
            (1, 0.0676, 0.0669), (2, 0.0670, 0.0663), (3, 0.0665, 0.0658), (5, 0.0658, 0.0652),
            (10, 0.0647, 0.0642), (20, 0.0637, 0.0633), (30, 0.0632, 0.0628), (50, 0.0627, 0.0623),
        ]),
        new("spectral-gaussian", "Spectral encoder, Gaussian (published)", 26,
        [
            (1, 0.2450, 0.1238), (2, 0.1136, 0.1050), (3, 0.1028, 0.0995), (5, 0.0962, 0.0942),
            (10, 0.0906, 0.0892), (20, 0.0863, 0.0852), (30, 0.0840, 0.0832), (50, 0.0816, 0.0809),
        ]),
    ];
}
