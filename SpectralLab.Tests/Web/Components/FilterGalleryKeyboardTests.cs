using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Lab;
using SpectralLab.Web.Components.Pages;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The filter gallery by keyboard: one tab stop per layer, arrows within it, Escape back from the inspector.</summary>
public sealed class FilterGalleryKeyboardTests : LabComponentTest
{
    [Fact]
    public void ArrowsHomeAndEnd_MoveTheLayersOneTabStopAndTheFocus_StoppingAtTheEdges()
    {
        var gallery = Render<FilterGallery>(p => p.Add(c => c.Images, new SnapshotImages(Snapshot(step: 7)))); // 2 layers of 32: 4 rows of 8
        Assert.Equal([0, 32], TabStops(gallery));
        var references = References(gallery);

        (string Key, int From, int To)[] moves =
        [
            ("ArrowRight", 32, 33), ("ArrowDown", 33, 41), ("ArrowLeft", 41, 40), ("ArrowUp", 40, 32),
            ("End", 32, 63), ("ArrowRight", 63, 63), ("ArrowDown", 63, 63), ("Home", 63, 32), ("ArrowLeft", 32, 32), ("ArrowUp", 32, 32),
        ];
        int focusCalls = 0;
        foreach (var (key, from, to) in moves)
        {
            Tiles(gallery)[from].KeyDown(new KeyboardEventArgs { Key = key });
            Assert.Equal([0, to], TabStops(gallery)); // the other layer's stop stays
            if (to == from) continue;
            var focused = Context.JSInterop.VerifyFocusAsyncInvoke(++focusCalls)[^1];
            Assert.Equal(references[to], ((ElementReference)focused.Arguments[0]!).Id);
        }
        Context.JSInterop.VerifyFocusAsyncInvoke(focusCalls); // a key at an edge moves nothing
    }

    [Fact]
    public void Home_InspectByKeyboardThenEscape_InspectorFollowsTheArrowsAndClosesBackToItsFilter()
    {
        var hub = new LiveHub();
        Services.AddSingleton<ILiveFeed>(hub);
        Services.AddSingleton(new LabDataset("/no/such/folder"));
        Services.AddSingleton<ITrainingControl>(new FakeTrainingControl());
        hub.Publish(new RunStarted(Run()));
        hub.Publish(new SnapshotTaken(Snapshot(step: 0)));
        var page = Render<Home>();

        Tiles(page)[32 + 5].Click();
        // The inspector opens under the clicked filter's own layer, so nothing above the filter moves.
        var layers = page.FindAll(".lab-layer");
        Assert.Empty(layers[0].QuerySelectorAll("[data-testid=filter-inspector]"));
        Assert.Contains("Layer 2, filter 5", layers[1].QuerySelector("[data-testid=filter-inspector]")!.TextContent);
        Assert.Equal([0, 37], TabStops(page));

        Tiles(page)[37].KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        page.WaitForAssertion(() => Assert.Contains("Layer 2, filter 6", page.Find("[data-testid=filter-inspector]").TextContent));
        Assert.Equal("true", Tiles(page)[38].GetAttribute("aria-pressed"));

        page.Find("[data-testid=parameter-table]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=filter-inspector]")));
        // Focus went to filter 6 after the arrow (the test above checks where arrows send it), and back to it after closing.
        var focused = Context.JSInterop.VerifyFocusAsyncInvoke(2);
        Assert.Equal(((ElementReference)focused[0].Arguments[0]!).Id, ((ElementReference)focused[1].Arguments[0]!).Id);
        Assert.Equal([0, 38], TabStops(page));
    }

    static IReadOnlyList<IElement> Tiles<T>(IRenderedComponent<T> component) where T : IComponent =>
        component.FindAll("[data-testid=filter-gallery] button");

    // Each tile's reference as first drawn: bunit writes it out only then, and Blazor keeps it for the tile's life.
    static string?[] References<T>(IRenderedComponent<T> component) where T : IComponent =>
        Tiles(component).Select(tile => tile.GetAttribute("blazor:elementreference")).ToArray();

    static int[] TabStops<T>(IRenderedComponent<T> component) where T : IComponent =>
        Tiles(component).Select((tile, i) => (tile, i)).Where(t => t.tile.GetAttribute("tabindex") == "0").Select(t => t.i).ToArray();
}
