using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class GaussianFilterFamilyTests
{
    // Two filters: (x0, y0, a, b, c, s0) for the real part, then for the imaginary part.
    static readonly float[] Real = [0.1f, 0.2f, 3f, 0.5f, 2f, 1.5f, -0.3f, 0.4f, 1f, -0.7f, 4f, -0.8f];
    static readonly float[] Imaginary = [0f, 0.3f, 2f, 0f, 1f, 0.6f, 0.2f, -0.1f, 0.5f, 0.25f, 0.5f, 2f];

    [Theory]
    [InlineData(5, 6)]
    [InlineData(7, 7)]
    public void Build_GivenParameters_MatchesTheClosedFormOnThePublishedGrid(int h, int w)
    {
        using var family = new GaussianFilterFamily(2);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var (real, imaginary) = family.Build(new FrequencyGrid(h, w));

        FilterClosedForm.AssertFollows(real, h, w, GridConvention.Published, Real, GaussianClosedForm.At);
        FilterClosedForm.AssertFollows(imaginary, h, w, GridConvention.Published, Imaginary, GaussianClosedForm.At);
    }

    [Theory]
    [InlineData(5, 6)]
    [InlineData(4, 7)]
    public void Build_CentredConvention_MatchesTheClosedFormWithSignedFrequencyRows(int h, int w)
    {
        using var family = new GaussianFilterFamily(2, convention: GridConvention.Centred);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var (real, imaginary) = family.Build(new FrequencyGrid(h, w));

        FilterClosedForm.AssertFollows(real, h, w, GridConvention.Centred, Real, GaussianClosedForm.At);
        FilterClosedForm.AssertFollows(imaginary, h, w, GridConvention.Centred, Imaginary, GaussianClosedForm.At);
    }

    [Fact]
    public void ParameterTable_ListsTwelveNamedParametersPerFilter()
    {
        using var family = new GaussianFilterFamily(2);
        Tensors.Set(family, "real", Real);
        Tensors.Set(family, "imaginary", Imaginary);

        var table = family.ParameterTable();

        Assert.Equal(12, family.ParameterNames.Count);
        Assert.Equal([.. Real[6..12], .. Imaginary[6..12]], table[1]);
    }

    [Fact]
    public void NewFamily_ParametersStartSmall_AsPublishedNormalWithStd005()
    {
        TorchSharp.torch.manual_seed(3);
        using var family = new GaussianFilterFamily(256);

        var values = family.ParameterTable().SelectMany(row => row).Select(v => (double)v).ToArray();

        double mean = values.Average(), std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(std, 0.045, 0.055);
    }
}
