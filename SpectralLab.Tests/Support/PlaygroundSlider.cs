using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.Support;

/// <summary>The playground in a browser: one press of ArrowRight on a parameter's slider, and the filtered digit redrawn.</summary>
public static class PlaygroundSlider
{
    /// <summary>Presses ArrowRight on <paramref name="parameter"/>'s slider and waits for the filtered digit's picture to change; returns the slider.</summary>
    public static async Task<ILocator> ArrowRightRedrawsTheDigitAsync(IPage page, string parameter)
    {
        var digit = page.GetByTestId("filtered-digit");
        await Expect(digit).ToHaveAttributeAsync("src", new Regex("^data:image/png"));
        string before = (await digit.GetAttributeAsync("src"))!;

        var slider = page.GetByLabel(parameter, new() { Exact = true });
        await slider.FocusAsync();
        await slider.PressAsync("ArrowRight");

        await Expect(digit).Not.ToHaveAttributeAsync("src", before);
        return slider;
    }
}
