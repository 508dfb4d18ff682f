using System.Numerics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

/// <summary>The playground's filtered digit against the spectral layer written out with direct DFT sums.</summary>
[Collection(TorchCollection.Name)]
public sealed class FilterPlaygroundTests : WorkerAndStore
{
    const int Image = 3;
    readonly FilterPlaygroundService playground;

    public FilterPlaygroundTests() => playground = new FilterPlaygroundService(Store, new LabDataset(null), Worker);

    // A rotated, off-centre Gaussian with a non-zero imaginary part, so both ReLUs and the complex product matter.
    static readonly float[] Gaussian = [-0.35f, 0.2f, 12f, 3f, 8f, 1.5f, -0.4f, 0.1f, 20f, -2f, 15f, -0.8f];

    [Theory]
    [InlineData(GridConvention.Published)]
    [InlineData(GridConvention.Centred)]
    public async Task Draw_AGaussian_FiltersTheDigitAsADirectDftComputationDoes(GridConvention convention)
    {
        var answer = await playground.DrawAsync(new FilterSpec(FilterFamilyKind.Gaussian, 1, convention, Gaussian), Image);

        Assert.Null(answer.Problem);
        var expected = Direct(convention, (u, v) => new Complex(
            GaussianClosedForm.At(Gaussian.AsSpan(0, 6), u, v), GaussianClosedForm.At(Gaussian.AsSpan(6, 6), u, v)));
        AssertImage(expected, answer.Value!.FilteredValues);
    }

    [Fact]
    public async Task Draw_AQuadraticPolynomial_FiltersTheDigitAsADirectDftComputationDoes()
    {
        // Per part: c0, u1, u2, v1, v2.
        float[] parameters = [0.5f, -1f, 2f, 0.7f, -1.5f, 0.1f, 0.9f, -0.4f, -1.2f, 0.3f];
        static double Part(ReadOnlySpan<float> p, double u, double v) => p[0] + p[1] * u + p[2] * u * u + p[3] * v + p[4] * v * v;

        var answer = await playground.DrawAsync(new FilterSpec(FilterFamilyKind.Polynomial, 2, GridConvention.Published, parameters), Image);

        Assert.Null(answer.Problem);
        var expected = Direct(GridConvention.Published, (u, v) => new Complex(Part(parameters.AsSpan(0, 5), u, v), Part(parameters.AsSpan(5, 5), u, v)));
        AssertImage(expected, answer.Value!.FilteredValues);
    }

    [Fact]
    public async Task Given_TooFewValues_IsRefusedSayingHowManyTheFamilyHas()
    {
        var answer = await playground.GivenAsync(new FilterSpec(FilterFamilyKind.Mixture, 2, GridConvention.Published, new float[12]), "a test");

        Assert.Equal("A Mixture filter of degree 2 has 24 parameters; 12 were given.", answer.Problem);
    }

    [Fact]
    public async Task Draw_WrongParameterCountOrAnOutOfRangeImage_SaysWhatIsWrong()
    {
        var tooFew = await playground.DrawAsync(new FilterSpec(FilterFamilyKind.Gaussian, 1, GridConvention.Published, [1f, 2f]), Image);
        var noImage = await playground.DrawAsync(new FilterSpec(FilterFamilyKind.Gaussian, 1, GridConvention.Published, Gaussian), 99);
        var badOrder = await playground.DefaultsAsync(FilterFamilyKind.Polynomial, 9, GridConvention.Published);

        Assert.Equal("A Gaussian filter here has 12 parameters, not 2.", tooFew.Problem);
        Assert.Equal("Image 99 is not one of the shown test images; choose 0 to 9.", noImage.Problem);
        Assert.Equal("A polynomial has order 1 to 4; 9 is outside that.", badOrder.Problem);
    }

    [Theory]
    [InlineData(FilterFamilyKind.Gaussian, 1, 12)]
    [InlineData(FilterFamilyKind.Mixture, 3, 36)]
    [InlineData(FilterFamilyKind.Polynomial, 2, 10)]
    [InlineData(FilterFamilyKind.Free, 1, 2 * 28 * 15)]
    public async Task Defaults_EachFamily_GiveOneSliderPerParameterAroundItsValue(FilterFamilyKind family, int degree, int count)
    {
        var answer = await playground.DefaultsAsync(family, degree, GridConvention.Published);

        var filter = answer.Value!;
        Assert.Equal(count, filter.Spec.Parameters.Length);
        Assert.Equal(count, filter.Sliders.Count);
        Assert.All(filter.Sliders.Zip(filter.Spec.Parameters), pair => Assert.InRange(pair.Second, pair.First.Min, pair.First.Max));
    }

    /// <summary>The digit through rfft2, the complex product with W(u, v), ReLU on both parts and irfft2, as plain sums.</summary>
    static double[,] Direct(GridConvention convention, Func<double, double, Complex> filter)
    {
        var test = TestData.RealMnist.Test;
        int h = test.Height, w = test.Width, columns = w / 2 + 1;
        var digit = new double[h, w];
        for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
            digit[i, j] = test.Pixels[Image * h * w + i * w + j] / 255.0;
        var spectrum = DirectDft.Rfft2(digit);
        var product = new Complex[h, columns];
        for (int k = 0; k < h; k++)
        for (int l = 0; l < columns; l++)
        {
            var p = spectrum[k, l] * filter(FilterClosedForm.U(k, h, convention), FilterClosedForm.V(l, columns));
            product[k, l] = new Complex(Math.Max(p.Real, 0), Math.Max(p.Imaginary, 0));
        }
        return DirectDft.Irfft2(product, h, w);
    }

    static void AssertImage(double[,] expected, float[] actual)
    {
        // float32 filters and FFTs over 784 points against float64 sums: a few float32 epsilons of the image's scale.
        var tolerance = new Tolerance(Relative: 1e-4, Absolute: 1e-4);
        tolerance.AssertAll(expected.Cast<double>().ToArray(), actual.Select(v => (double)v).ToArray(), k => $"pixel {k}");
    }
}
