using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class LossSeriesTests
{
    [Fact]
    public void Means_SixteenStepsInTwoGroups_AreEachGroupsMeanAtItsLastStep()
    {
        var series = new StepSeries(capacity: 4);
        for (int i = 1; i <= 16; i++) series.Add(new StepRecord(1, i, i, 16, Loss: i, Milliseconds: 1));

        var means = LossSeries.Means(series, groups: 2);

        Assert.Equal([(8.0, 4.5), (16.0, 12.5)], means); // (1 + … + 8) / 8 and (9 + … + 16) / 8
    }
}
