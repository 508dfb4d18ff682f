using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// A sum of K Gaussians per filter and per part (real, imaginary), each with the published Gaussian's six numbers
/// (x0, y0, a, b, c, s0). With K = 1 it is <see cref="GaussianFilterFamily"/>.
/// </summary>
public sealed class GaussianMixtureFilterFamily : SpectralFilterFamily
{
    readonly string[] names;

    // [F, K, 6] each. Initialised N(0, 0.05) as the published Gaussian.
    readonly Parameter real;
    readonly Parameter imaginary;

    public GaussianMixtureFilterFamily(int filters, int components = 3, double initialStd = 0.05,
        GridConvention convention = GridConvention.Published)
        : base(nameof(GaussianMixtureFilterFamily), convention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        string[] gaussian = ["x0", "y0", "a", "b", "c", "s0"];
        names = (from part in new[] { "re", "im" }
                 from k in Enumerable.Range(1, components)
                 from name in gaussian
                 select $"{part}.g{k}.{name}").ToArray();
        real = nn.Parameter(randn(filters, components, GaussianFilterFamily.ParametersPerPart).mul_(initialStd));
        imaginary = nn.Parameter(randn(filters, components, GaussianFilterFamily.ParametersPerPart).mul_(initialStd));
        RegisterComponents();
    }

    public override int FilterCount => (int)real.shape[0];

    public int Components => (int)real.shape[1];

    public override IReadOnlyList<string> ParameterNames => names;

    public override (Tensor Real, Tensor Imaginary) Build(FrequencyGrid grid)
    {
        var (u, v) = grid.Coordinates(real.device, Convention);
        return (Mixture(real, u, v, grid), Mixture(imaginary, u, v, grid));
    }

    public override float[][] ParameterTable()
    {
        using var _ = no_grad();
        using var table = cat([real.flatten(1), imaginary.flatten(1)], 1).cpu();
        var values = table.data<float>().ToArray();
        int width = names.Length;
        return Enumerable.Range(0, FilterCount).Select(f => values[(f * width)..((f + 1) * width)]).ToArray();
    }

    // All F·K Gaussians at once, then the sum over each filter's K.
    Tensor Mixture(Tensor parameters, Tensor u, Tensor v, FrequencyGrid grid) =>
        GaussianFilterFamily.Surface(parameters.flatten(0, 1), u, v)
            .view(FilterCount, Components, grid.Height, grid.Columns)
            .sum(1);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            real.Dispose();
            imaginary.Dispose();
        }
        base.Dispose(disposing);
    }
}
