using Bunit;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunStatusTests : LabComponentTest
{
    [Fact]
    public void Render_MidRun_ShowsStatusStepLossAndEpoch()
    {
        var view = ViewOf(new RunStarted(Run()), new StepRecorded(Step(11, 0.25)), new StepRecorded(Step(12, 0.125)));

        var status = Render<RunStatus>(p => p.Add(c => c.View, view));

        Assert.Equal("Training", status.Find("[data-testid=training-status]").TextContent.Trim());
        Assert.Equal("12", status.Find("[data-testid=step]").TextContent);
        Assert.Equal("0.12500", status.Find("[data-testid=latest-loss]").TextContent);
        Assert.Equal("2", status.Find("[data-testid=epoch]").TextContent);
        Assert.Contains("left", status.Markup); // an ETA while training
    }

    [Theory]
    [InlineData(TrainingState.Diverged, "The loss became NaN at step 3")]
    [InlineData(TrainingState.Failed, "The run failed: out of memory")]
    public void Render_EndedRun_ShowsTheEndStateAndItsReason(TrainingState state, string reason)
    {
        var view = ViewOf(new RunStarted(Run()), new StepRecorded(Step(1)), new StateChanged(state, reason));

        var status = Render<RunStatus>(p => p.Add(c => c.View, view));

        Assert.Equal(state.ToString(), status.Find("[data-testid=training-status]").TextContent.Trim());
        Assert.Equal(reason, status.Find("[data-testid=training-reason]").TextContent);
        Assert.DoesNotContain("left", status.Markup);
    }

    [Fact]
    public void Render_NoRunYet_SaysIdleAndWhatToDo()
    {
        var status = Render<RunStatus>(p => p.Add(c => c.View, new LabView()));

        Assert.Equal("Idle", status.Find("[data-testid=training-status]").TextContent.Trim());
        Assert.Contains("press Start training", status.Markup);
    }
}
