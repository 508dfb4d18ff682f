using System.Globalization;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>
/// Reads a list typed into one field ("0.001, 0.0003" or "1 2 3"): values separated by commas or spaces, each read
/// exactly (nothing clamped or rounded), each listed once. A list that cannot be read gives one sentence naming the
/// first bad value and what the field takes.
/// </summary>
public static class GridLists
{
    static readonly char[] Separators = [',', ' ', ';', '\t'];

    /// <param name="name">The field as a sentence names it, e.g. "learning rates".</param>
    public static (IReadOnlyList<int> Values, string? Error) Whole(string? text, string name) =>
        Read(text, name, "whole numbers such as 1, 2, 3", item =>
            int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : (int?)null);

    public static (IReadOnlyList<double> Values, string? Error) Numbers(string? text, string name) =>
        Read(text, name, "numbers such as 0.001, 0.0003", item =>
            double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : (double?)null);

    /// <summary>One whole number, for a field that takes one value.</summary>
    public static (int Value, string? Error) One(string? text, string name)
    {
        var (values, error) = Whole(text, name);
        return error is not null ? (0, error) : values.Count == 1 ? (values[0], null) : (0, $"Type one whole number for the {name} (got {values.Count} values).");
    }

    /// <summary>The values as a field shows them again: invariant culture, shortest exact form, comma-separated.</summary>
    public static string Text<T>(IEnumerable<T> values) where T : IFormattable =>
        string.Join(", ", values.Select(v => v.ToString(null, CultureInfo.InvariantCulture)));

    static (IReadOnlyList<T> Values, string? Error) Read<T>(string? text, string name, string example, Func<string, T?> parse) where T : struct
    {
        var items = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0) return ([], $"Type at least one value for the {name}: {example}.");
        var values = new List<T>(items.Length);
        foreach (var item in items)
        {
            if (parse(item) is not { } value) return ([], $"The {name} must be {example} ('{item}' is not).");
            if (values.Contains(value)) return ([], $"{item} is listed twice in the {name}; list each value once.");
            values.Add(value);
        }
        return (values, null);
    }
}
