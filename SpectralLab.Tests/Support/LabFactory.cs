using Microsoft.AspNetCore.Mvc.Testing;

namespace SpectralLab.Tests.Support;

/// <summary>The lab in memory for integration tests, with its run database and checkpoints in a temporary folder.</summary>
public sealed class LabFactory : WebApplicationFactory<Program>
{
    readonly TempDirectory state = new();

    public LabFactory(params (string Key, string Value)[] settings)
    {
        Settings = [("SpectralLab:StateDirectory", state.Path), .. settings];
    }

    (string Key, string Value)[] Settings { get; }

    public string StateDirectory => state.Path;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // release the database file before deleting it
        state.Dispose();
    }
}
