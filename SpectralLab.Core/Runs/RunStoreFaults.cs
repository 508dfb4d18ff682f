using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SpectralLab.Core.Runs;

/// <summary>
/// What is wrong with the run database, as one sentence that names the file and says what to do: the lab prints it at
/// start-up, the pages show it and the API answers with it.
/// </summary>
static class RunStoreFaults
{
    // SQLite's primary result codes (the low byte of an extended code).
    const int ReadOnly = 8, Corrupt = 11, Full = 13, NotADatabase = 26;

    public static RunStoreException Damaged(string path, string problem, Exception? inner = null) =>
        new($"The run database {path} is damaged ({problem}); stop the lab and move the file away (the lab then starts an empty one) or restore it from a backup.", inner);

    public static RunStoreException ReadOnlyFile(string path, Exception? inner = null) =>
        new($"The run database {path} is read-only; make it writable, or set SpectralLab:StateDirectory to a writable folder.", inner);

    public static RunStoreException UnwritableFolder(string folder, Exception inner) => File.Exists(folder)
        ? new($"{folder} should be the folder of the run database but is a file; move it away or set SpectralLab:StateDirectory to a folder.", inner)
        : new($"The folder {folder} of the run database is not writable ({Reason(inner)}); make it writable, or set SpectralLab:StateDirectory to a writable folder.", inner);

    /// <summary>Whether <paramref name="e"/> is a fault of the database file or of what it holds, rather than a bug.</summary>
    public static bool IsFault(Exception e) =>
        e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException or JsonException or FormatException
            or ArgumentException or InvalidCastException or OverflowException;

    /// <summary>A fault met while reading or writing, by what SQLite, the file system or the decoder said.</summary>
    public static RunStoreException From(string path, Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == ReadOnly => ReadOnlyFile(path, e),
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) is Corrupt or NotADatabase => Damaged(path, Reason(e), e),
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == Full =>
            new($"The disk holding the run database {path} is full; free some space and try again.", e),
        SqliteException or UnauthorizedAccessException or (IOException and not EndOfStreamException) =>
            new($"Cannot use the run database {path} ({Reason(e)}); check that the file and its folder are there and writable, or set SpectralLab:StateDirectory to another folder.", e),
        _ => new($"The run database {path} holds a damaged record ({Reason(e)}); delete the run it belongs to, or restore the file from a backup.", e),
    };

    static string Reason(Exception e) => e.Message.TrimEnd('.');
}
