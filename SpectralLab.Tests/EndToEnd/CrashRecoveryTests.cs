using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The real lab killed with SIGKILL mid-run, started again, and the run resumed to completion.</summary>
[Collection(TorchCollection.Name)]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledMidRun_RestartShowsItInterruptedWithItsEpochs_AndItResumesToCompletion()
    {
        using var state = new TempDirectory();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        long id;
        var settings = new Dictionary<string, string> { ["SpectralLab__SnapshotSeconds"] = "0.5" };

        await using (var lab = await LabProcess.StartAsync(settings, state.Path))
        {
            var page = await Browser.OpenAsync(browser, lab.Address);
            await page.GetByTestId("model-select").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Spatial baseline" }).ClickAsync();
            await page.GetByTestId("train-size").FillAsync("512");
            await page.GetByTestId("epochs").FillAsync("4");
            await page.GetByTestId("train-size").PressAsync("Tab");
            await page.GetByTestId("start").ClickAsync();
            await Expect(page.GetByTestId("epoch")).ToHaveTextAsync("2", new() { Timeout = 60_000 }); // epoch 1 and its checkpoint are written

            lab.Kill(); // SIGKILL: no shutdown code runs
        }

        using (var database = new SqliteConnection($"Data Source={Path.Combine(state.Path, "spectrallab.db")}"))
        {
            database.Open();
            using var check = database.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar());
        }
        SqliteConnection.ClearAllPools();

        await using (var lab = await LabProcess.StartAsync(settings, state.Path))
        {
            using var http = new HttpClient { BaseAddress = lab.Address };
            var run = JsonDocument.Parse(await http.GetStringAsync("/api/runs")).RootElement.EnumerateArray().Single();
            id = run.GetProperty("id").GetInt64();
            Assert.Equal("Interrupted", run.GetProperty("status").GetString());
            Assert.True(run.GetProperty("epochsDone").GetInt32() >= 1);

            var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "runs"));
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Interrupted");
            await page.GetByTestId("resume").ClickAsync();
            await Expect(page.GetByTestId("training-status")).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });

            var finished = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{id}")).RootElement;
            Assert.Equal("Completed", finished.GetProperty("run").GetProperty("status").GetString());
            Assert.Equal([1, 2, 3, 4], finished.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        }
    }
}
