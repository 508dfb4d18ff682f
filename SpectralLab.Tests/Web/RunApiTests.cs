using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Api;

namespace SpectralLab.Tests.Web;

[Collection(TorchCollection.Name)]
public sealed class RunApiTests
{
    [Theory]
    [InlineData("/api/runs/abc", HttpStatusCode.NotFound, "whole numbers")]
    [InlineData("/api/runs/-1", HttpStatusCode.NotFound, "no run -1")]
    [InlineData("/api/runs/999", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/999/metrics.csv", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/x/filters", HttpStatusCode.NotFound, "whole numbers")]
    [InlineData("/api/nothing/here", HttpStatusCode.NotFound, "No API route matches /api/nothing/here")]
    [InlineData("/api/runs/999/filters?step=abc", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/999/steps.csv", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/999/checkpoint", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/1/checkpoint?which=newest", HttpStatusCode.BadRequest, "which must be one of latest|best (got 'newest')")]
    [InlineData("/api/runs/999/export?format=pt", HttpStatusCode.NotFound, "no run 999")]
    [InlineData("/api/runs/1/export", HttpStatusCode.BadRequest, "format is required")]
    [InlineData("/api/runs/1/export?format=onnx", HttpStatusCode.BadRequest, "format must be one of pt|safetensors (got 'onnx')")]
    [InlineData("/api/runs/1/export?format=pt&which=worst", HttpStatusCode.BadRequest, "which must be one of latest|best")]
    public async Task Run_BadOrUnknownId_AnswersProblemDetails(string path, HttpStatusCode status, string expected)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal((int)status, problem.Status);
        Assert.Contains(expected, problem.Detail);
    }

    [Fact]
    public async Task CompletedRun_ListedWithItsMetricsCsvAndStoredFilters()
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();
        var control = factory.Services.GetRequiredService<ITrainingControl>();
        var hub = factory.Services.GetRequiredService<LiveHub>();
        Assert.True((await control.StartRunAsync(new TrainingOptions { Model = "spectral-gaussian", Epochs = 2, TrainLimit = 128, ValidationLimit = 20 })).Accepted);
        await LabState.WaitUntilRunEndsAsync(hub, factory.Services.GetRequiredService<IRunStore>());
        long id = hub.History().Run!.Number;

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/runs")).RootElement;
        string csv = await client.GetStringAsync($"/api/runs/{id}/metrics.csv");
        var filters = await client.GetFromJsonAsync<FiltersResponse>($"/api/runs/{id}/filters");
        using var png = await client.GetAsync($"/api/runs/{id}/reconstructions.png");

        var run = Assert.Single(list.EnumerateArray());
        Assert.Equal(("Completed", 2), (run.GetProperty("status").GetString(), run.GetProperty("epochsDone").GetInt32()));
        Assert.Equal(hub.History().InitialValidationLoss, run.GetProperty("initialValidationLoss").GetDouble()); // measured before step 1, stored
        Assert.False(run.GetProperty("endedAboveInitial").GetBoolean());
        Assert.Equal(("", 0), (run.GetProperty("notes").GetString(), run.GetProperty("tags").GetArrayLength()));
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("epoch,train_loss,val_loss,seconds", lines[0]);
        Assert.Equal(["1", "2"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(hub.History().Epochs[1].ValidationLoss, double.Parse(lines[2].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(32, filters!.Layers[1].Filters.Count);
        Assert.Equal(hub.History().Steps.Last!.Step, filters.Step);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
    }
}
