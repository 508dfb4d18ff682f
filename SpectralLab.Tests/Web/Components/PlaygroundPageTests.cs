using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Playground;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The playground page over the real playground (torch on its worker, the packaged MNIST).</summary>
[Collection(TorchCollection.Name)]
public sealed class PlaygroundPageTests : LabComponentTest
{
    public PlaygroundPageTests()
    {
        Services.AddSingleton(_ => new TorchWorker()); // the container disposes it with the context
        Services.AddSingleton<IFilterPlayground>(sp => new FilterPlaygroundService(Store, new LabDataset(null), sp.GetRequiredService<TorchWorker>()));
    }

    [Fact]
    public void Slider_Moved_ChangesTheParameterAndTheFilteredDigit()
    {
        var page = Render<PlaygroundPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=filtered-digit]")));
        string before = page.Find("[data-testid=filtered-digit]").GetAttribute("src")!;
        Assert.Single(page.FindAll("h1"));
        Assert.Equal(12, page.FindAll("input[type=range]").Count); // the Gaussian's six numbers, real and imaginary

        page.Find("[data-testid='slider-re.y0']").Input("0.3");

        page.WaitForAssertion(() => Assert.NotEqual(before, page.Find("[data-testid=filtered-digit]").GetAttribute("src")));
        var slider = page.Find("[data-testid='slider-re.y0']");
        Assert.Equal("0.30", page.Find($"output[for={slider.Id}]").TextContent);
        Assert.NotNull(page.Find($"label[for={slider.Id}]"));
    }

    [Fact]
    public void Query_ARunWithoutSnapshots_SaysSoAndStartsFromDefaults()
    {
        Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/playground?run=42&layer=1&filter=0");

        var page = Render<PlaygroundPage>();

        page.WaitForAssertion(() => Assert.Contains("There is no run 42.", page.Find("[data-testid=playground-problem]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("the family's defaults", page.Find("[data-testid=playground-source]").TextContent));
    }

    [Fact]
    public void Query_AWholeFilter_StartsFromItsValues()
    {
        var spec = new FilterSpec(FilterFamilyKind.Polynomial, 1, GridConvention.Centred, [0.25f, -0.5f, 0.75f, 0, 0, 0.125f]);
        Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(PlaygroundLink.For(spec, "a fit & more"));

        var page = Render<PlaygroundPage>();

        page.WaitForAssertion(() => Assert.Equal("Started from a fit & more.", page.Find("[data-testid=playground-source]").TextContent));
        Assert.Equal(["0.25", "-0.5", "0.75", "0", "0", "0.125"], page.FindAll("input[type=range]").Select(s => s.GetAttribute("value")));
        Assert.Equal("Centred", page.Find("[data-testid=playground-convention]").GetAttribute("value"));
    }

    [Fact]
    public void Query_AValueThatIsNotANumber_SaysSoAndStartsFromDefaults()
    {
        Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/playground?family=Polynomial&degree=1&values=1,x,0,0,0,0");

        var page = Render<PlaygroundPage>();

        page.WaitForAssertion(() => Assert.Equal("Value 2 of the address, 'x', is not a number.", page.Find("[data-testid=playground-problem]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("the family's defaults", page.Find("[data-testid=playground-source]").TextContent));
    }

    [Fact]
    public void Family_FreeChosen_OffersTheRealAndImaginaryWeightOfTheChosenFrequency()
    {
        var page = Render<PlaygroundPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=filtered-digit]")));

        page.Find("[data-testid=playground-family]").Change("Free");
        page.WaitForAssertion(() => Assert.Equal(["re[0,0]", "im[0,0]"], page.FindAll("input[type=range]").Select(s => s.GetAttribute("data-testid")![7..])));
        page.Find("[data-testid=free-row]").Change("3");

        page.WaitForAssertion(() => Assert.Equal(["re[3,0]", "im[3,0]"], page.FindAll("input[type=range]").Select(s => s.GetAttribute("data-testid")![7..])));
    }
}
