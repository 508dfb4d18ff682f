using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class SweepPageTests : LabComponentTest
{
    readonly FakeTrainingControl control = new();

    public SweepPageTests()
    {
        Services.AddSingleton<ITrainingControl>(control);
        Services.AddSingleton<ILiveFeed>(new LiveHub());
        Services.AddSingleton(new LabDataset(DatasetLoader.Locate()));
    }

    [Fact]
    public void Render_LatestSweep_OneRowPerModelWithValidationLossPerEpoch()
    {
        long sweep = Store.NextSweep();
        foreach (var (model, loss) in new[] { ("spatial", 0.0712), ("spectral-gaussian", 0.0934) })
        {
            long id = Store.CreateRun(new RunInfo(0, new TrainingOptions { Model = model, Epochs = 1 }, model, 1, "MNIST", 4096, 10_000, 32, DateTimeOffset.UtcNow), sweep);
            Store.Append(id, [], new EpochRecord(1, loss + 0.01, loss, 4.2));
            Store.SetStatus(id, TrainingState.Completed, "done");
        }

        var page = Render<SweepPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=sweep-table] tbody tr").Count)); // read off the circuit's thread
        var table = page.Find("[data-testid=sweep-table]").TextContent;
        Assert.Contains($"Sweep {sweep}", table);
        Assert.Contains("0.0712", table);
        Assert.Contains("0.0934", table);
    }

    [Fact]
    public void RunSweep_TwoModelsChosen_AsksForThoseModelsWithTheFormsSettings()
    {
        var page = Render<SweepPage>();
        foreach (var model in ModelCatalogNames().Except(["spatial", "spectral-gaussian"]))
            page.Find($"input[data-testid=sweep-model-{model}]").Change(false);

        page.Find("[data-testid=sweep-start]").Click();

        page.WaitForAssertion(() => Assert.Equal(["spatial", "spectral-gaussian"], control.Started.Select(o => o.Model)));
        Assert.All(control.Started, o => Assert.Equal((1, 4096), (o.Epochs, o.TrainLimit)));
    }

    static IEnumerable<string> ModelCatalogNames() => SpectralLab.Core.Models.ModelCatalog.All.Select(m => m.Name);
}
