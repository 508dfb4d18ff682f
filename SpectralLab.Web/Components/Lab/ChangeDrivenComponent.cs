using Microsoft.AspNetCore.Components;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// A component that re-renders only when what it shows has changed. The live pages re-render several times a second
/// while training and every tab's render costs the trainer CPU, so parts that are costly to draw (the filter mosaics, a
/// form of MudBlazor fields, an SVG chart) skip the renders that would draw the same thing again.
/// </summary>
public abstract class ChangeDrivenComponent : ComponentBase
{
    object? drawn;

    /// <summary>Everything the component's markup depends on, comparable with <see cref="object.Equals(object?)"/>.</summary>
    protected abstract object? Shown { get; }

    protected override bool ShouldRender() => !Equals(drawn, Shown);

    protected override void OnAfterRender(bool firstRender) => drawn = Shown;
}
