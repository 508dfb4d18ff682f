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

        int columns = w / 2 + 1;
        Assert.Equal([2, h, columns], real.shape);
        var (re, im) = (Tensors.Values(real), Tensors.Values(imaginary));
        for (int f = 0; f < 2; f++)
        for (int i = 0; i < h; i++)
        for (int j = 0; j < columns; j++)
        {
            double u = (double)i / h - 0.5, v = (double)j / columns; // as published: not centred
            int at = (f * h + i) * columns + j;
            Assert.Equal(GaussianClosedForm.At(Real.AsSpan(f * 6, 6), u, v), re[at], 5);
            Assert.Equal(GaussianClosedForm.At(Imaginary.AsSpan(f * 6, 6), u, v), im[at], 5);
        }
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

        int columns = w / 2 + 1;
        var (re, im) = (Tensors.Values(real), Tensors.Values(imaginary));
        for (int f = 0; f < 2; f++)
        for (int i = 0; i < h; i++)
        for (int j = 0; j < columns; j++)
        {
            int k = i <= (h - 1) / 2 ? i : i - h; // row i of rfft2 holds frequency k
            double u = (double)k / h, v = (double)j / columns;
            int at = (f * h + i) * columns + j;
            Assert.Equal(GaussianClosedForm.At(Real.AsSpan(f * 6, 6), u, v), re[at], 1e-5);
            Assert.Equal(GaussianClosedForm.At(Imaginary.AsSpan(f * 6, 6), u, v), im[at], 1e-5);
        }
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
