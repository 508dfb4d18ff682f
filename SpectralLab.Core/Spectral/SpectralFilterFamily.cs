using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// A parametric family of spectral filters: a few learned numbers per filter, expanded into a complex filter
/// on an rfft2 grid. All filters are built at once by broadcasting, never in a loop over filters.
/// </summary>
public abstract class SpectralFilterFamily(string name, GridConvention convention = GridConvention.Published) : nn.Module(name)
{
    /// <summary>The number of filters (output channels, or output × input channels for full channel mixing).</summary>
    public abstract int FilterCount { get; }

    /// <summary>How the family places grid rows on its u axis; families without coordinates keep the published one.</summary>
    public GridConvention Convention { get; } = convention;

    /// <summary>The names of one filter's parameters, in the order <see cref="ParameterTable"/> gives them.</summary>
    public abstract IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The real and imaginary parts of every filter on <paramref name="grid"/>, each shaped [F, H, W/2+1].</summary>
    public abstract (Tensor Real, Tensor Imaginary) Build(FrequencyGrid grid);

    /// <summary>Each filter's parameters as plain numbers, [filter][parameter]; call on the thread that trains.</summary>
    public abstract float[][] ParameterTable();
}
