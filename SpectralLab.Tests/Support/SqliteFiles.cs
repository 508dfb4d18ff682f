using Microsoft.Data.Sqlite;

namespace SpectralLab.Tests.Support;

/// <summary>Damage done to a real SQLite database file, byte by byte, after every connection to it has let go.</summary>
public static class SqliteFiles
{
    /// <summary>Overwrites pages <paramref name="first"/> to <paramref name="last"/> (1-based, inclusive; page 1 holds the header) with seeded noise.</summary>
    public static void OverwritePages(string path, int first, int last, int seed = 13)
    {
        SqliteConnection.ClearAllPools(); // the last connection checkpoints the write-ahead log into the file
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        int pageSize = PageSize(file);
        var noise = new byte[pageSize];
        var random = new Random(seed);
        for (int page = first; page <= last; page++)
        {
            random.NextBytes(noise);
            file.Position = (long)(page - 1) * pageSize;
            file.Write(noise);
        }
    }

    public static int Pages(string path)
    {
        SqliteConnection.ClearAllPools();
        using var file = File.OpenRead(path);
        return (int)(file.Length / PageSize(file));
    }

    static int PageSize(FileStream file)
    {
        var header = new byte[18];
        file.Position = 0;
        file.ReadExactly(header);
        int size = header[16] << 8 | header[17];
        return size == 1 ? 65536 : size;
    }
}
