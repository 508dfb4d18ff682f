namespace SpectralLab.Core.Lab;

/// <summary>
/// Every channel of one encoder stage for one image, as one picture: channels left to right, <see cref="PerRow"/> to a
/// row, all on one colour scale from <see cref="Min"/> to <see cref="Max"/>.
/// </summary>
public sealed record ActivationStage(string Title, int Channels, int Height, int Width, int PerRow, float Min, float Max, byte[] Png);

/// <summary>One encoder layer: its output after the nonlinearity, and after pooling (what the next layer reads).</summary>
public sealed record LayerActivations(string Layer, ActivationStage Activated, ActivationStage Pooled);

/// <summary>
/// A run's encoder looked into for one of the shown test images, with the weights of the checkpoint at
/// <see cref="Epoch"/>. <see cref="Note"/> says when that is not the epoch asked for.
/// </summary>
public sealed record ActivationMaps(long Run, string Model, int Epoch, IReadOnlyList<int> KeptEpochs, int Image, byte[] ImagePng,
    IReadOnlyList<LayerActivations> Layers, string? Note);


/// <summary>What screens ask about a run's encoder; the work runs off the caller's thread.</summary>
public interface IActivationQueries
{
    /// <summary>How many of the shown test images can be chosen (0 when there is no data).</summary>
    int Images { get; }

    /// <summary>
    /// The encoder of run <paramref name="run"/> on shown test image <paramref name="image"/>, with the weights of the
    /// kept checkpoint of <paramref name="epoch"/> (the newest when null, or when that epoch is not kept).
    /// </summary>
    Task<Answer<ActivationMaps>> ActivationsAsync(long run, int image, int? epoch = null);
}
