using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Activations;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The run page's activations section over the real queries (torch on its worker, the packaged MNIST).</summary>
[Collection(TorchCollection.Name)]
public sealed class ActivationsSectionTests : LabComponentTest
{
    public ActivationsSectionTests()
    {
        Services.AddSingleton(_ => new TorchWorker()); // the container disposes it with the context
        Services.AddSingleton<IActivationQueries>(sp => new ActivationQueries(Store, new LabDataset(null), sp.GetRequiredService<TorchWorker>()));
    }

    [Fact]
    public void Render_ARunWithoutCheckpoint_SaysWhyAndOffersOnlyRunsWithOne()
    {
        long bare = NewRun("spectral-gaussian", checkpoint: false);
        long other = NewRun("spatial", checkpoint: true);

        var section = Render<ActivationsSection>(p => p.Add(c => c.Run, bare));

        section.WaitForAssertion(() => Assert.Equal($"Run {bare} has no checkpoint yet: one is kept at the end of each epoch.",
            section.Find("[data-testid=activation-problem]").TextContent));
        Assert.Equal(["", other.ToString()], section.FindAll("[data-testid=activation-compare] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void ChooseAnotherImage_RedrawsTheMapsForIt()
    {
        long run = NewRun("spatial", checkpoint: true);
        var section = Render<ActivationsSection>(p => p.Add(c => c.Run, run));
        section.WaitForAssertion(() => Assert.Equal(4, section.FindAll("[data-testid=activation-column] figure img").Count));
        string first = section.Find("[data-testid=activation-column] figure img").GetAttribute("src")!;

        section.Find("[data-testid=activation-image]").Change("4");

        section.WaitForAssertion(() => Assert.NotEqual(first, section.Find("[data-testid=activation-column] figure img").GetAttribute("src")));
        Assert.Contains("Test image 5", section.Find("[data-testid=activation-column] img").GetAttribute("alt"));
    }

    long NewRun(string model, bool checkpoint) => checkpoint ? StoredRuns.WithCheckpoint(Store, model) : StoredRuns.Create(Store, model);
}
