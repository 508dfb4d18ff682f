using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// One free complex weight per frequency of a fixed rfft2 grid: a fully trainable Fourier-domain convolution
/// (Pratt et al. 2017), the most flexible reference for the parametric families. It has no coordinates, so it
/// has no grid convention. Its parameter table tabulates each filter's summary statistics, not its H·(W/2+1)·2
/// weights: the mean and the population standard deviation of the real part, then of the imaginary part.
/// The imaginary weights at self-conjugate frequencies (zero, and the Nyquist row and column of even sizes) have no
/// effect, since irfft2 keeps only the real part there; they are kept so the weights stay one plain grid.
/// </summary>
public sealed class FreeFilterFamily : SpectralFilterFamily
{
    static readonly string[] Names = ["re.mean", "re.std", "im.mean", "im.std"];

    readonly FrequencyGrid grid;

    // [F, H, W/2+1] each, the filters themselves. Initialised N(0, 0.05) as the parametric families.
    readonly Parameter real;
    readonly Parameter imaginary;

    /// <param name="grid">The size of the layer's input; the family builds filters for this grid only.</param>
    public FreeFilterFamily(int filters, FrequencyGrid grid, double initialStd = 0.05) : base(nameof(FreeFilterFamily))
    {
        this.grid = grid;
        real = nn.Parameter(randn(filters, grid.Height, grid.Columns).mul_(initialStd));
        imaginary = nn.Parameter(randn(filters, grid.Height, grid.Columns).mul_(initialStd));
        RegisterComponents();
    }

    public override int FilterCount => (int)real.shape[0];

    public FrequencyGrid Grid => grid;

    public override IReadOnlyList<string> ParameterNames => Names;

    public override (Tensor Real, Tensor Imaginary) Build(FrequencyGrid grid)
    {
        if (grid != this.grid)
            throw new ArgumentException(
                $"This free filter family holds weights for a {this.grid.Height}×{this.grid.Width} input, not {grid.Height}×{grid.Width}.",
                nameof(grid));
        return (real.alias(), imaginary.alias()); // new handles: a caller disposing what it built keeps the parameters
    }

    public override float[][] ParameterTable()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Tensor[] Statistics(Tensor part) => [part.mean([1, 2]), part.std([1, 2], unbiased: false)];
        var values = stack([.. Statistics(real), .. Statistics(imaginary)], 1).cpu().data<float>().ToArray();
        return Enumerable.Range(0, FilterCount).Select(f => values[(f * Names.Length)..((f + 1) * Names.Length)]).ToArray();
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
