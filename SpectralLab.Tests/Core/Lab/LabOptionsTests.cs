using SpectralLab.Core.Lab;

namespace SpectralLab.Tests.Core.Lab;

public sealed class LabOptionsTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(-1, false)]
    public void Validate_KeptEpochCheckpoints_NoneOrMoreAreAcceptedNegativeIsNamed(int kept, bool accepted)
    {
        var result = new LabOptionsValidator().Validate(null, new LabOptions { KeptEpochCheckpoints = kept });

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Contains("SpectralLab:KeptEpochCheckpoints must be at least 0 (got -1).", result.Failures!);
    }
}
