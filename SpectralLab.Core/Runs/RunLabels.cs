namespace SpectralLab.Core.Runs;

/// <summary>
/// A run's notes and tags as the researcher types them, and the bounds that keep every row of the runs table cheap to
/// read, filter and show: notes up to a few paragraphs, a handful of short tags.
/// </summary>
public static class RunLabels
{
    public const int MostNoteCharacters = 4_000;
    public const int MostTags = 12;
    public const int MostTagCharacters = 32;

    /// <summary>Tags typed as one line, separated by commas; blanks dropped, repeats (ignoring case) kept once.</summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Null when the notes and tags can be stored, else one sentence saying what is wrong and how to fix it.</summary>
    public static string? Problem(string notes, IReadOnlyList<string> tags)
    {
        if (notes.Length > MostNoteCharacters)
            return $"Notes can be at most {MostNoteCharacters:N0} characters (these are {notes.Length:N0}); shorten them.";
        if (tags.Count > MostTags)
            return $"A run can have at most {MostTags} tags (got {tags.Count}); remove some.";
        if (tags.FirstOrDefault(t => t.Length > MostTagCharacters) is { } longTag)
            return $"Each tag can be at most {MostTagCharacters} characters ('{longTag[..MostTagCharacters]}…' is {longTag.Length}); shorten it.";
        if (tags.FirstOrDefault(t => t.Any(char.IsControl) || t.Contains(',')) is { } oddTag)
            return $"The tag '{oddTag.Trim()}' holds a comma or a control character; tags are separated by commas and hold plain text.";
        return null;
    }
}
