using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// The published "linear" family, generalised to any order K: for each filter and each of its real and imaginary
/// parts, Σ_{k=0..K} p_k u^k + Σ_{k=1..K} q_k v^k on the grid's (u, v) coordinates (one shared constant p_0).
/// Per part the coefficients are stored c0, u1..uK, v1..vK.
/// </summary>
public sealed class PolynomialFilterFamily : SpectralFilterFamily
{
    readonly int order;
    readonly string[] names;

    // [F, 2K+1] each: c0, u1..uK, v1..vK. Initialised N(0, 0.05) as the published families.
    readonly Parameter real;
    readonly Parameter imaginary;

    public PolynomialFilterFamily(int filters, int order = 1, double initialStd = 0.05, GridConvention convention = GridConvention.Published)
        : base(nameof(PolynomialFilterFamily), convention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        this.order = order;
        names = [.. PartNames("re"), .. PartNames("im")];
        real = nn.Parameter(randn(filters, 2 * order + 1).mul_(initialStd));
        imaginary = nn.Parameter(randn(filters, 2 * order + 1).mul_(initialStd));
        RegisterComponents();
    }

    public override int FilterCount => (int)real.shape[0];

    public int Order => order;

    public override IReadOnlyList<string> ParameterNames => names;

    public override (Tensor Real, Tensor Imaginary) Build(FrequencyGrid grid)
    {
        var (u, v) = grid.Coordinates(real.device, Convention);
        var exponents = arange(order + 1, real.dtype, real.device).view(-1, 1); // matmul needs the parameters' type
        var rowPowers = u.to_type(real.dtype).view(1, -1).pow(exponents);                  // [K+1, H]: 1, u, …, u^K
        var columnPowers = v.to_type(real.dtype).view(1, -1).pow(exponents).narrow(0, 1, order); // [K, W/2+1]: v, …, v^K
        return (Surface(real, rowPowers, columnPowers), Surface(imaginary, rowPowers, columnPowers));
    }

    public override float[][] ParameterTable()
    {
        using var _ = no_grad();
        using var table = cat([real, imaginary], 1).cpu();
        var values = table.data<float>().ToArray();
        int width = names.Length;
        return Enumerable.Range(0, FilterCount).Select(f => values[(f * width)..((f + 1) * width)]).ToArray();
    }

    // A matrix product per axis, then the sum broadcast to [F, H, W/2+1].
    Tensor Surface(Tensor coefficients, Tensor rowPowers, Tensor columnPowers)
    {
        var rows = coefficients.narrow(1, 0, order + 1).matmul(rowPowers);
        var columns = coefficients.narrow(1, order + 1, order).matmul(columnPowers);
        return rows.unsqueeze(2) + columns.unsqueeze(1);
    }

    IEnumerable<string> PartNames(string part) =>
    [
        $"{part}.c0",
        .. Enumerable.Range(1, order).Select(k => $"{part}.u{k}"),
        .. Enumerable.Range(1, order).Select(k => $"{part}.v{k}"),
    ];

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
