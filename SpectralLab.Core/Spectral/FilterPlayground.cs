using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>The filter families the playground offers.</summary>
public enum FilterFamilyKind { Gaussian, Mixture, Polynomial, Free }

/// <summary>
/// One filter as plain numbers: its family, the family's size (Gaussians in a mixture, order of a polynomial; ignored
/// otherwise), its grid convention, and its parameters in the order of the family's parameter table: the real part's,
/// then the imaginary part's. A free filter's parameters are its weights on the rfft2 grid, real then imaginary.
/// </summary>
public sealed record FilterSpec(FilterFamilyKind Family, int Degree, GridConvention Convention, float[] Parameters);

/// <summary>
/// One filter on an H×W input: the filter on the rfft2 grid (H × W/2+1, zero frequency at [0, 0]), its spatial kernel
/// (irfft2, origin shifted to [H/2, W/2]) and the image after the spectral layer, all row-major.
/// </summary>
public sealed record FilteredImage(int Height, int Width, float[] Real, float[] Imaginary, float[] Magnitude, float[] Phase, float[] Kernel, float[] Filtered);

/// <summary>
/// A single filter of any family, built by the family's own class and applied by <see cref="SpectralConv2d"/> itself,
/// so what the playground shows is exactly what a layer with that filter computes. Call on a thread that may do tensor
/// work, inside a dispose scope.
/// </summary>
public static class FilterPlayground
{
    /// <summary>The family holding just this filter, its parameters loaded.</summary>
    public static SpectralFilterFamily Family(FilterSpec spec, FrequencyGrid grid)
    {
        var family = Empty(spec.Family, spec.Degree, spec.Convention, grid);
        var parts = family.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var (real, imaginary) = (parts["real"], parts["imaginary"]);
        long half = real.numel();
        if (spec.Parameters.Length != 2 * half)
        {
            family.Dispose();
            throw new ArgumentException($"A {spec.Family} filter here has {2 * half} parameters, not {spec.Parameters.Length}.");
        }
        using (no_grad())
        {
            real.copy_(tensor(spec.Parameters[..(int)half]).view(real.shape));
            imaginary.copy_(tensor(spec.Parameters[(int)half..]).view(imaginary.shape));
        }
        return family;
    }

    /// <summary>The names of one filter's parameters, in <see cref="FilterSpec.Parameters"/>' order.</summary>
    public static IReadOnlyList<string> ParameterNames(FilterFamilyKind kind, int degree, FrequencyGrid grid)
    {
        if (kind == FilterFamilyKind.Free)
            return [.. WeightNames("re", grid), .. WeightNames("im", grid)];
        using var family = Empty(kind, degree, GridConvention.Published, grid);
        return family.ParameterNames;
    }

    /// <summary>
    /// The image after the spectral layer with this one filter, as published: rfft2, the complex product with the filter,
    /// ReLU on the real and imaginary parts, irfft2 back to H×W.
    /// </summary>
    public static FilteredImage Apply(FilterSpec spec, float[] image, int height, int width)
    {
        var grid = new FrequencyGrid(height, width);
        using var layer = new SpectralConv2d(Family(spec, grid));
        var filtered = layer.forward(tensor(image, [1, 1, height, width]));
        var (real, imaginary) = layer.Filters.Build(grid);
        var kernel = fft.fftshift(fft.irfft2(torch.complex(real, imaginary), s: [height, width]), [1, 2]);
        static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();
        return new FilteredImage(height, width, Values(real), Values(imaginary), Values((real.square() + imaginary.square()).sqrt()),
            Values(torch.atan2(imaginary, real)), Values(kernel), Values(filtered));
    }

    static SpectralFilterFamily Empty(FilterFamilyKind kind, int degree, GridConvention convention, FrequencyGrid grid) => kind switch
    {
        FilterFamilyKind.Gaussian => new GaussianFilterFamily(1, convention: convention),
        FilterFamilyKind.Mixture => new GaussianMixtureFilterFamily(1, degree, convention: convention),
        FilterFamilyKind.Polynomial => new PolynomialFilterFamily(1, degree, convention: convention),
        _ => new FreeFilterFamily(1, grid),
    };

    static IEnumerable<string> WeightNames(string part, FrequencyGrid grid) =>
        from row in Enumerable.Range(0, grid.Height) from column in Enumerable.Range(0, grid.Columns) select $"{part}[{row},{column}]";
}
