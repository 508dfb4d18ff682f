using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunComparisonTests
{
    [Fact]
    public void ElapsedSeconds_ThreeEpochs_SumsTheirTimesToEachEpochsEnd()
    {
        EpochRecord[] epochs = [new(1, 0.3, 0.2, 30.5), new(2, 0.2, 0.15, 20), new(3, 0.1, 0.1, 25)];

        Assert.Equal([30.5, 50.5, 75.5], RunComparison.ElapsedSeconds(epochs));
    }
}
