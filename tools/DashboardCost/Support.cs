using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace DashboardCost;

sealed record Settings(string LabDll, int Tabs, int WindowSeconds, int TrainingImages, int Epochs)
{
    const string DefaultLab = "SpectralLab.Web/bin/Release/net10.0/SpectralLab.Web.dll";

    /// <summary>The settings, or null after saying what is wrong.</summary>
    public static Settings? From(string[] args)
    {
        string dll = Path.GetFullPath(args.Length > 0 ? args[0] : DefaultLab);
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"No lab at {dll}: build it with 'dotnet build -c Release SpectralLab.Web' or name its DLL first.");
            return null;
        }
        int?[] numbers = [.. args.Skip(1).Select(a => int.TryParse(a, out int n) && n > 0 ? n : (int?)null)];
        if (numbers.Any(n => n is null))
        {
            Console.Error.WriteLine("Tabs, window seconds, training images and epochs must be positive whole numbers.");
            return null;
        }
        int At(int index, int fallback) => index < numbers.Length ? numbers[index]!.Value : fallback;
        return new Settings(dll, At(0, 3), At(1, 20), At(2, 60_000), At(3, 4));
    }
}

/// <summary>A lab process of its own, on a free port, with a fresh state folder; killed on dispose.</summary>
sealed class Lab : IDisposable
{
    readonly Process process;
    readonly string state;

    Lab(Process process, string state, string address) => (this.process, this.state, Address) = (process, state, address);

    public string Address { get; }

    public string Database => Path.Combine(state, "spectrallab.db");

    public static Lab Start(string dll)
    {
        string state = Directory.CreateTempSubdirectory("dashboard-cost-").FullName;
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string address = $"http://127.0.0.1:{port}/";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["SpectralLab__StateDirectory"] = state;
        start.Environment["SpectralLab__TorchThreads"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Lab(process, state, address);
    }

    public async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        for (int attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The lab exited with code {process.ExitCode} before serving.");
            try
            {
                if ((await http.GetAsync(Address)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The lab did not answer at {Address} within a minute.");
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(state, recursive: true);
    }
}

static class Tabs
{
    public static async Task<List<IPage>> OpenAsync(IBrowser browser, string address, int count)
    {
        var pages = new List<IPage>();
        for (int i = 0; i < count; i++)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(address);
            await page.WaitForSelectorAsync("[data-interactive=true]");
            pages.Add(page);
        }
        return pages;
    }

    public static async Task CloseAsync(List<IPage> pages)
    {
        foreach (var page in pages) await page.CloseAsync();
    }
}

/// <summary>Reads the newest run's steps from the lab's store, read-only.</summary>
sealed class StepStore(string database)
{
    public bool Training() => Scalar("SELECT status FROM runs ORDER BY id DESC LIMIT 1") is "Training";

    public long LastStep() => Scalar("SELECT IFNULL(MAX(step), 0) FROM steps WHERE run_id = (SELECT MAX(id) FROM runs)") as long? ?? 0;

    public Dictionary<long, double> StepMilliseconds()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT step, ms FROM steps WHERE run_id = (SELECT MAX(id) FROM runs)";
        var steps = new Dictionary<long, double>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) steps[reader.GetInt64(0)] = reader.GetDouble(1);
        return steps;
    }

    object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
