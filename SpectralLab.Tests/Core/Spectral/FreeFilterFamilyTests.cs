using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class FreeFilterFamilyTests
{
    [Fact]
    public void Build_ItsOwnGrid_ReturnsTheWeightsThemselves()
    {
        using var family = new FreeFilterFamily(2, new FrequencyGrid(3, 4));
        float[] real = Enumerable.Range(0, 2 * 3 * 3).Select(i => i * 0.1f).ToArray();
        float[] imaginary = real.Select(v => 1 - v).ToArray();
        Tensors.Set(family, "real", real);
        Tensors.Set(family, "imaginary", imaginary);

        var (re, im) = family.Build(new FrequencyGrid(3, 4));

        Assert.Equal([2, 3, 3], re.shape);
        Assert.Equal(real, Tensors.Values(re));
        Assert.Equal(imaginary, Tensors.Values(im));
    }

    [Fact]
    public void Build_AnotherGrid_ThrowsNamingBothSizes()
    {
        using var family = new FreeFilterFamily(2, new FrequencyGrid(28, 28));

        var error = Assert.Throws<ArgumentException>(() => family.Build(new FrequencyGrid(14, 14)));

        Assert.Contains("28×28", error.Message);
        Assert.Contains("14×14", error.Message);
    }

    [Fact]
    public void Build_CallerDisposesTheFilters_TheParametersLiveOn()
    {
        using var family = new FreeFilterFamily(1, new FrequencyGrid(2, 2));

        var (re, im) = family.Build(new FrequencyGrid(2, 2));
        re.Dispose();
        im.Dispose();

        Assert.Equal(2 * 2 * 2, family.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void ParameterTable_TwoFilters_GivesMeanAndPopulationStdOfEachPart()
    {
        using var family = new FreeFilterFamily(2, new FrequencyGrid(1, 2)); // 1 row × 2 columns per filter
        Tensors.Set(family, "real", [1f, 3f, -2f, -2f]);
        Tensors.Set(family, "imaginary", [0f, 4f, 5f, -1f]);

        var table = family.ParameterTable();

        Assert.Equal(["re.mean", "re.std", "im.mean", "im.std"], family.ParameterNames);
        Assert.Equal([2f, 1f, 2f, 2f], table[0]);  // {1, 3}: mean 2, std 1; {0, 4}: mean 2, std 2
        Assert.Equal([-2f, 0f, 2f, 3f], table[1]); // {−2, −2}: mean −2, std 0; {5, −1}: mean 2, std 3
    }

    [Fact]
    public void NewFamily_WeightsStartSmall_NormalWithStd005()
    {
        manual_seed(3);
        using var family = new FreeFilterFamily(16, new FrequencyGrid(28, 28));

        var weights = family.parameters().SelectMany(p => Tensors.Values(p)).Select(v => (double)v).ToArray();

        double mean = weights.Average(), std = Math.Sqrt(weights.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(2 * 16 * 28 * 15, weights.Length);
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(std, 0.048, 0.052);
    }

    [Fact]
    public void Backward_TinyLayer_EveryWeightMatchesFiniteDifferences()
    {
        manual_seed(2);
        using var layer = new SpectralConv2d(new FreeFilterFamily(2, new FrequencyGrid(5, 5), initialStd: 0.5), activate: false);
        layer.to(float64);
        var input = rand(1, 2, 5, 5, float64);
        var weights = randn(1, 2, 5, 5, float64);

        // The imaginary weight at zero frequency (element [f, 0, 0]) has no effect: irfft2 keeps only the real part there.
        int perFilter = 5 * 3;
        FiniteDifferences.AssertGradientsMatch(layer, () => (layer.forward(input) * weights).sum(),
            mayBeZero: (name, i) => name.EndsWith("imaginary", StringComparison.Ordinal) && i % perFilter == 0);
    }
}
