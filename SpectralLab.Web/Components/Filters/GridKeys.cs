namespace SpectralLab.Web.Components.Filters;

/// <summary>
/// Where the arrow keys, Home and End move in a grid of <c>count</c> tiles laid out <c>columns</c> to a row, as in the
/// WAI-ARIA grid pattern: one tab stop per grid, the keys move within it and stop at its edges.
/// </summary>
public static class GridKeys
{
    /// <summary>The tile <paramref name="key"/> moves to from <paramref name="index"/>, or null for a key that does not move.</summary>
    public static int? Move(string key, int index, int count, int columns) => key switch
    {
        "ArrowRight" => Math.Min(index + 1, count - 1),
        "ArrowLeft" => Math.Max(index - 1, 0),
        "ArrowDown" => index + columns < count ? index + columns : index,
        "ArrowUp" => index - columns >= 0 ? index - columns : index,
        "Home" => 0,
        "End" => count - 1,
        _ => null,
    };
}
