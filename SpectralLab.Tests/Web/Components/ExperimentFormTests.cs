using Bunit;
using SpectralLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class ExperimentFormTests : LabComponentTest
{

    readonly FakeTrainingControl control = new();
    static readonly Dataset Data = new("MNIST", "/data", Images(600), Images(100));

    public ExperimentFormTests() => Services.AddSingleton<ITrainingControl>(control);

    static ImageSet Images(int count) => new(new byte[count * 4], new byte[count], count, 2, 2);

    IRenderedComponent<ExperimentForm> RenderForm(LabView? view = null) =>
        Render<ExperimentForm>(p => p.Add(c => c.View, view ?? new LabView()).Add(c => c.Data, Data));

    [Fact]
    public void Start_ValidForm_SendsTheFormsOptions()
    {
        var form = RenderForm();
        form.Find("[data-testid=epochs]").Input("3");
        form.Find("[data-testid=train-size]").Input("512");

        form.Find("[data-testid=start]").Click();

        var options = Assert.Single(control.Started);
        Assert.Equal(("spectral-gaussian", 3, 128, 0.001, 512), (options.Model, options.Epochs, options.BatchSize, options.LearningRate, options.TrainLimit));
    }

    [Fact]
    public void NegativeLearningRate_ShowsTheMessageAtTheFieldAndDisablesStart()
    {
        var form = RenderForm();

        form.Find("[data-testid=learning-rate]").Input("-0.5");

        Assert.Contains("The learning rate must be a positive finite number (got -0.5)", form.Markup);
        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void BatchLargerThanTheTrainingSet_SaysSoAndDisablesStart()
    {
        var form = RenderForm();

        form.Find("[data-testid=train-size]").Input("100");
        form.Find("[data-testid=batch-size]").Input("128");

        Assert.Contains("larger than the 100 training images", form.Markup);
        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void RunActive_StartIsDisabledAndStopEnabled()
    {
        var form = RenderForm(ViewOf(new RunStarted(Run())));

        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
        Assert.False(form.Find("[data-testid=stop]").HasAttribute("disabled"));
    }
}
