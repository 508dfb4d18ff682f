using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class PolynomialFilterFamilyTests
{
    // Two filters of order 2: c0, u1, u2, v1, v2 for the real part, then for the imaginary part.
    static readonly float[] Real = [0.1f, 0.5f, -2f, 1.5f, 0.3f, -0.4f, 1f, 0.7f, -0.2f, 2f];
    static readonly float[] Imaginary = [0f, -1f, 0.25f, 0.6f, -3f, 0.9f, 0.2f, 0f, 1.1f, -0.5f];

    [Theory]
    [InlineData(5, 6, GridConvention.Published)]
    [InlineData(4, 7, GridConvention.Published)]
    [InlineData(5, 6, GridConvention.Centred)]
    [InlineData(4, 7, GridConvention.Centred)]
    public void Build_OrderTwo_MatchesTheClosedForm(int h, int w, GridConvention convention)
    {
        using var family = new PolynomialFilterFamily(2, order: 2, convention: convention);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var (real, imaginary) = family.Build(new FrequencyGrid(h, w));

        FilterClosedForm.AssertFollows(real, h, w, convention, Real, OrderTwo);
        FilterClosedForm.AssertFollows(imaginary, h, w, convention, Imaginary, OrderTwo);
    }

    [Fact]
    public void ParameterTable_OrderTwo_NamesAndListsTenParametersPerFilter()
    {
        using var family = new PolynomialFilterFamily(2, order: 2);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var table = family.ParameterTable();

        Assert.Equal(["re.c0", "re.u1", "re.u2", "re.v1", "re.v2", "im.c0", "im.u1", "im.u2", "im.v1", "im.v2"], family.ParameterNames);
        Assert.Equal([.. Real[5..10], .. Imaginary[5..10]], table[1]);
    }

    [Fact]
    public void DefaultOrder_IsTheLinearFamily_WithSixParametersPerFilter()
    {
        using var family = new PolynomialFilterFamily(32);

        Assert.Equal(["re.c0", "re.u1", "re.v1", "im.c0", "im.u1", "im.v1"], family.ParameterNames);
        Assert.Equal(32 * 6, family.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void NewFamily_ParametersStartSmall_NormalWithStd005()
    {
        manual_seed(3);
        using var family = new PolynomialFilterFamily(256, order: 2);

        var values = family.ParameterTable().SelectMany(row => row).Select(v => (double)v).ToArray();

        double mean = values.Average(), std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(std, 0.045, 0.055);
    }

    [Theory]
    [InlineData(GridConvention.Published)]
    [InlineData(GridConvention.Centred)]
    public void Backward_TinyLayer_EveryCoefficientMatchesFiniteDifferences(GridConvention convention)
    {
        manual_seed(2);
        using var layer = new SpectralConv2d(new PolynomialFilterFamily(2, order: 2, initialStd: 0.5, convention: convention), activate: false);
        layer.to(float64);
        var input = rand(1, 2, 4, 5, float64);
        var weights = randn(1, 2, 4, 5, float64);

        FiniteDifferences.AssertGradientsMatch(layer, () => (layer.forward(input) * weights).sum());
    }

    /// <summary>c0 + u1·u + u2·u² + v1·v + v2·v² for p = (c0, u1, u2, v1, v2).</summary>
    static double OrderTwo(ReadOnlySpan<float> p, double u, double v) =>
        p[0] + p[1] * u + p[2] * u * u + p[3] * v + p[4] * v * v;
}
