using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// The published 2-D Gaussian family. For each filter and each of its real and imaginary parts, six numbers
/// (x0, y0, a, b, c, s0) give s0·exp(−a(v−y0)² + 2b(u−x0)(v−y0) − c(u−x0)²) on the grid's (u, v) coordinates, placed
/// by the family's <see cref="GridConvention"/> (published by default).
/// </summary>
public sealed class GaussianFilterFamily : SpectralFilterFamily
{
    public const int ParametersPerPart = 6;
    static readonly string[] Names =
        ["re.x0", "re.y0", "re.a", "re.b", "re.c", "re.s0", "im.x0", "im.y0", "im.a", "im.b", "im.c", "im.s0"];

    // [F, 6] each: x0, y0, a, b, c, s0. Initialised N(0, 0.05) as published.
    readonly Parameter real;
    readonly Parameter imaginary;

    public GaussianFilterFamily(int filters, double initialStd = 0.05, GridConvention convention = GridConvention.Published)
        : base(nameof(GaussianFilterFamily), convention)
    {
        real = nn.Parameter(randn(filters, ParametersPerPart).mul_(initialStd));
        imaginary = nn.Parameter(randn(filters, ParametersPerPart).mul_(initialStd));
        RegisterComponents();
    }

    public override int FilterCount => (int)real.shape[0];

    public override IReadOnlyList<string> ParameterNames => Names;

    public override (Tensor Real, Tensor Imaginary) Build(FrequencyGrid grid)
    {
        var (u, v) = grid.Coordinates(real.device, Convention);
        return (Surface(real, u, v), Surface(imaginary, u, v));
    }

    public override float[][] ParameterTable()
    {
        using var _ = no_grad();
        using var table = cat([real, imaginary], 1).cpu();
        var values = table.data<float>().ToArray();
        int width = 2 * ParametersPerPart;
        return Enumerable.Range(0, FilterCount).Select(f => values[(f * width)..((f + 1) * width)]).ToArray();
    }

    /// <summary>One Gaussian per row of <paramref name="parameters"/> ([G, 6]) on the broadcast coordinates: [G, H, W/2+1].</summary>
    internal static Tensor Surface(Tensor parameters, Tensor u, Tensor v)
    {
        Tensor Column(int index) => parameters.select(1, index).view(-1, 1, 1);
        var du = u - Column(0);
        var dv = v - Column(1);
        var exponent = -Column(2) * dv.square() + 2 * Column(3) * du * dv - Column(4) * du.square();
        return Column(5) * exponent.exp();
    }

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
