using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Flexibility;

/// <summary>The kinds of filter family the analysis fits.</summary>
public enum FamilyKind { Gaussian, Polynomial, Free }

/// <summary>
/// One column of the analysis: a family from Core/Spectral with its size (Gaussians per part, or polynomial order) and
/// grid convention. A Gaussian with one component is the published <see cref="GaussianFilterFamily"/>; with more it is
/// <see cref="GaussianMixtureFilterFamily"/>, so "mixture K = 1" and "Gaussian" are one column.
/// </summary>
public sealed record FamilyChoice(FamilyKind Kind, int Size, GridConvention Convention)
{
    public const int MaxComponents = 5, MaxOrder = 4;

    /// <summary>Every column, in the order the matrix shows them: per convention the Gaussians K = 1…5 and the polynomials 1…4, then free.</summary>
    public static IReadOnlyList<FamilyChoice> All { get; } =
    [
        .. from convention in new[] { GridConvention.Published, GridConvention.Centred }
           from choice in Enumerable.Range(1, MaxComponents).Select(k => new FamilyChoice(FamilyKind.Gaussian, k, convention))
               .Concat(Enumerable.Range(1, MaxOrder).Select(k => new FamilyChoice(FamilyKind.Polynomial, k, convention)))
           select choice,
        new FamilyChoice(FamilyKind.Free, 1, GridConvention.Published),
    ];

    /// <summary>A short name for the command line and stored results: gaussian, mixture3, poly2, free, with -centred for the centred grid.</summary>
    public string Key => (Kind switch
    {
        FamilyKind.Gaussian when Size == 1 => "gaussian",
        FamilyKind.Gaussian => $"mixture{Size}",
        FamilyKind.Polynomial => $"poly{Size}",
        _ => "free",
    }) + (Kind != FamilyKind.Free && Convention == GridConvention.Centred ? "-centred" : "");

    /// <summary>The name people read.</summary>
    public string DisplayName => (Kind switch
    {
        FamilyKind.Gaussian when Size == 1 => "Gaussian",
        FamilyKind.Gaussian => $"mixture K={Size}",
        FamilyKind.Polynomial => $"polynomial {Size}",
        _ => "free",
    }) + (Kind != FamilyKind.Free && Convention == GridConvention.Centred ? " (centred)" : "");

    /// <summary>Learned numbers per filter.</summary>
    public int ParameterCount(FrequencyGrid grid) => Kind switch
    {
        FamilyKind.Gaussian => 2 * GaussianFilterFamily.ParametersPerPart * Size,
        FamilyKind.Polynomial => 2 * (2 * Size + 1),
        _ => 2 * grid.Height * grid.Columns,
    };

    /// <summary>The family itself, with <paramref name="filters"/> filters; call on the thread that fits.</summary>
    public SpectralFilterFamily Create(int filters, FrequencyGrid grid) => Kind switch
    {
        FamilyKind.Gaussian when Size == 1 => new GaussianFilterFamily(filters, convention: Convention),
        FamilyKind.Gaussian => new GaussianMixtureFilterFamily(filters, Size, convention: Convention),
        FamilyKind.Polynomial => new PolynomialFilterFamily(filters, Size, convention: Convention),
        _ => new FreeFilterFamily(filters, grid),
    };

    /// <summary>
    /// The parameters fitted to a target scaled to unit norm (<see cref="FamilyFit.Parameters"/>), for the target as it
    /// is: each Gaussian's height s0, and every polynomial coefficient, scale with the filter. Null for the free family
    /// (its parameters are the fit itself) and when the fit has no parameters (a zero target).
    /// </summary>
    public float[]? Unscaled(double[] unitParameters, double scale) => Kind == FamilyKind.Free || unitParameters.Length == 0 ? null
        : [.. unitParameters.Select((value, i) => (float)(Kind == FamilyKind.Polynomial || i % GaussianFilterFamily.ParametersPerPart == 5 ? value * scale : value))];

    /// <summary>The filter as the playground takes it, or null for the free family (hundreds of weights are no start for sliders).</summary>
    public FilterSpec? Playable(float[] values) => Kind switch
    {
        FamilyKind.Gaussian when Size == 1 => new FilterSpec(FilterFamilyKind.Gaussian, 1, Convention, values),
        FamilyKind.Gaussian => new FilterSpec(FilterFamilyKind.Mixture, Size, Convention, values),
        FamilyKind.Polynomial => new FilterSpec(FilterFamilyKind.Polynomial, Size, Convention, values),
        _ => null,
    };

    /// <summary>Finds a column by its <see cref="Key"/>.</summary>
    public static FamilyChoice? Find(string key) => All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}
