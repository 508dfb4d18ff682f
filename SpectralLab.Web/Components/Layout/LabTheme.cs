using MudBlazor;

namespace SpectralLab.Web.Components.Layout;

/// <summary>
/// MudBlazor's light theme with the colour roles darkened until white text on them, and they as text on white, reach
/// the 4.5:1 contrast WCAG asks of normal text (MudBlazor's own: secondary 3.33:1, info 3.12:1, error 3.68:1,
/// success 2.24:1, warning 2.16:1).
/// </summary>
public static class LabTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#594AE2",   // 6.0:1, MudBlazor's own
            Secondary = "#AD1457", // 6.97:1
            Info = "#1565C0",      // 5.75:1
            Success = "#2E7D32",   // 5.13:1
            Warning = "#9A4A00",   // 6.26:1
            Error = "#C62828",     // 5.62:1
        },
    };
}
