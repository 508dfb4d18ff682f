using SpectralLab.Core.Lab.Sweeps;

namespace SpectralLab.Tests.Core.Lab.Sweeps;

public sealed class GridListsTests
{
    [Theory]
    [InlineData("0.001, 0.0003", new[] { 0.001, 0.0003 })]
    [InlineData(" 1e-3;3e-4 ", new[] { 0.001, 0.0003 })]
    [InlineData("0.01 0.001\t0.0001", new[] { 0.01, 0.001, 0.0001 })]
    public void Numbers_SeparatedByCommasOrSpaces_ReadExactly(string text, double[] expected)
    {
        var (values, error) = GridLists.Numbers(text, "learning rates");

        Assert.Null(error);
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData("", "Type at least one value for the seeds")]
    [InlineData(" , ", "Type at least one value for the seeds")]
    [InlineData("1, two", "The seeds must be whole numbers such as 1, 2, 3 ('two' is not).")]
    [InlineData("1.5", "('1.5' is not)")]
    [InlineData("99999999999", "('99999999999' is not)")]
    [InlineData("1, 2, 1", "1 is listed twice in the seeds; list each value once.")]
    public void Whole_BadList_OneSentenceNamingTheValue(string text, string expected)
    {
        var (values, error) = GridLists.Whole(text, "seeds");

        Assert.Empty(values);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Numbers_NotFinite_Refused(string text) =>
        Assert.Contains($"('{text}' is not)", GridLists.Numbers(text, "learning rates").Error);

    [Fact]
    public void One_TwoValues_AsksForOne() =>
        Assert.Equal("Type one whole number for the epochs (got 2 values).", GridLists.One("1 2", "epochs").Error);

    [Fact]
    public void Text_ReadBack_RoundTrips() =>
        Assert.Equal([0.001, 0.0003], GridLists.Numbers(GridLists.Text([0.001, 0.0003]), "rates").Values);
}
