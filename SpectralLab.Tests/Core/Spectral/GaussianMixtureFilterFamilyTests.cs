using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class GaussianMixtureFilterFamilyTests
{
    // Two filters of two Gaussians each: (x0, y0, a, b, c, s0) per Gaussian, real part then imaginary part.
    static readonly float[] Real =
        [0.1f, 0.2f, 3f, 0.5f, 2f, 1.5f, -0.2f, 0.5f, 1f, 0f, 6f, -0.7f,
         -0.3f, 0.4f, 1f, -0.7f, 4f, -0.8f, 0f, 0f, 8f, 0.3f, 8f, 1.2f];
    static readonly float[] Imaginary =
        [0f, 0.3f, 2f, 0f, 1f, 0.6f, 0.4f, 0.1f, 5f, -1f, 2f, 0.9f,
         0.2f, -0.1f, 0.5f, 0.25f, 0.5f, 2f, -0.4f, 0.6f, 3f, 0.2f, 1f, -1.3f];

    [Theory]
    [InlineData(5, 6, GridConvention.Published)]
    [InlineData(4, 7, GridConvention.Centred)]
    public void Build_TwoComponents_MatchesTheSumOfTwoClosedFormGaussians(int h, int w, GridConvention convention)
    {
        using var family = new GaussianMixtureFilterFamily(2, components: 2, convention: convention);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var (real, imaginary) = family.Build(new FrequencyGrid(h, w));

        FilterClosedForm.AssertFollows(real, h, w, convention, Real, SumOfTwoGaussians);
        FilterClosedForm.AssertFollows(imaginary, h, w, convention, Imaginary, SumOfTwoGaussians);
    }

    static double SumOfTwoGaussians(ReadOnlySpan<float> p, double u, double v) =>
        GaussianClosedForm.At(p[..6], u, v) + GaussianClosedForm.At(p[6..12], u, v);

    [Theory]
    [InlineData(GridConvention.Published)]
    [InlineData(GridConvention.Centred)]
    public void Build_OneComponent_EqualsTheGaussianFamilyWithTheSameParameters(GridConvention convention)
    {
        manual_seed(6);
        using var gaussian = new GaussianFilterFamily(3, initialStd: 0.8, convention: convention);
        using var mixture = new GaussianMixtureFilterFamily(3, components: 1, convention: convention);
        Tensors.Set(mixture, "real", Tensors.Values(gaussian.named_parameters().Single(p => p.name == "real").parameter));
        Tensors.Set(mixture, "imaginary", Tensors.Values(gaussian.named_parameters().Single(p => p.name == "imaginary").parameter));
        var grid = new FrequencyGrid(7, 6);

        var (expectedReal, expectedImaginary) = gaussian.Build(grid);
        var (real, imaginary) = mixture.Build(grid);

        Assert.Equal(Tensors.Values(expectedReal), Tensors.Values(real), (a, b) => Math.Abs(a - b) <= 1e-6f);
        Assert.Equal(Tensors.Values(expectedImaginary), Tensors.Values(imaginary), (a, b) => Math.Abs(a - b) <= 1e-6f);
        Assert.Equal(gaussian.ParameterTable(), mixture.ParameterTable());
    }

    [Fact]
    public void ParameterTable_TwoComponents_NamesAndListsEachGaussianInOrder()
    {
        using var family = new GaussianMixtureFilterFamily(2, components: 2);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var table = family.ParameterTable();

        Assert.Equal(24, family.ParameterNames.Count);
        Assert.Equal(["re.g1.x0", "re.g1.y0", "re.g1.a", "re.g1.b", "re.g1.c", "re.g1.s0", "re.g2.x0"], family.ParameterNames.Take(7));
        Assert.Equal("im.g2.s0", family.ParameterNames[^1]);
        Assert.Equal([.. Real[12..24], .. Imaginary[12..24]], table[1]);
    }

    [Fact]
    public void DefaultComponents_AreThree_StartingNormalWithStd005()
    {
        manual_seed(3);
        using var family = new GaussianMixtureFilterFamily(128);

        var values = family.ParameterTable().SelectMany(row => row).Select(v => (double)v).ToArray();

        double mean = values.Average(), std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(3, family.Components);
        Assert.Equal(128 * 36, values.Length);
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(std, 0.045, 0.055);
    }

    [Fact]
    public void Backward_TinyLayer_EveryParameterOfEveryComponentMatchesFiniteDifferences()
    {
        manual_seed(2);
        using var layer = new SpectralConv2d(new GaussianMixtureFilterFamily(2, components: 2, initialStd: 0.5), activate: false);
        layer.to(float64);
        var input = rand(1, 2, 4, 5, float64);
        var weights = randn(1, 2, 4, 5, float64);

        FiniteDifferences.AssertGradientsMatch(layer, () => (layer.forward(input) * weights).sum());
    }
}
