using System.Text.Json;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Cli;

namespace SpectralLab.Tests.Web.Cli;

[Collection(TorchCollection.Name)]
public sealed class FlexibilityVerbTests : IDisposable
{
    readonly TempDirectory state = new();

    public void Dispose() => state.Dispose();

    [Theory]
    [InlineData(new[] { "--families", "free" }, "Choose the classic targets, a stored run, or both.")]
    [InlineData(new[] { "--classic", "--families", "gaussian,nonsense" }, "--families: unknown nonsense")]
    [InlineData(new[] { "--classic", "--restarts", "0" }, "The number of restarts must be between 1 and 16 (got 0).")]
    [InlineData(new[] { "--run", "0" }, "A run's number is a positive whole number (got 0).")]
    [InlineData(new[] { "--classic", "--lbfgs", "5000" }, "L-BFGS iterations must be between 0 and 1000 (got 5000).")]
    public void Flexibility_BadInput_FailsWithOneSentence(string[] arguments, string sentence)
    {
        var (code, _, error) = VerbsTests.Run(["flexibility", .. arguments, "--state", state.Path]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(sentence, error);
    }

    [Fact]
    public void Flexibility_ClassicWithTheFreeFamily_StoresAndPrintsEveryCell()
    {
        var (code, output, _) = VerbsTests.Run("flexibility", "--classic", "--families", "free", "--restarts", "1", "--json", "--state", state.Path);

        Assert.Equal(ExitCodes.Success, code);
        using var report = JsonDocument.Parse(output);
        var cells = report.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(11, cells.Count); // the eleven classic targets × one family
        Assert.All(cells, cell => Assert.True(cell.GetProperty("residual").GetDouble() < 1e-6));
        Assert.True(File.Exists(Path.Combine(state.Path, "flexibility", "classic-r1-free.json")));
    }
}
