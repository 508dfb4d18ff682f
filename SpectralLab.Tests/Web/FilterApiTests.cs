using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Api;

namespace SpectralLab.Tests.Web;

[Collection(TorchCollection.Name)]
public sealed class FilterApiTests
{
    [Fact]
    public async Task CurrentFilters_DuringASpectralRun_AgreeWithTheClosedFormToOneInTenThousand()
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();
        var control = factory.Services.GetRequiredService<ITrainingControl>();
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var started = await control.StartRunAsync(new TrainingOptions { Model = "spectral-gaussian", Epochs = 1, TrainLimit = 256, ValidationLimit = 50 });
        Assert.True(started.Accepted, started.Message);
        await LabState.WaitUntilRunEndsAsync(hub, factory.Services.GetRequiredService<IRunStore>());

        var filters = await client.GetFromJsonAsync<FiltersResponse>("/api/runs/current/filters");

        Assert.True(hub.State == TrainingState.Completed, LabState.Describe(hub));
        Assert.NotNull(filters);
        Assert.Equal(2, filters.Layers.Count);
        foreach (var layer in filters.Layers)
        {
            Assert.Equal((layer.Height, layer.Width / 2 + 1), (layer.Rows, layer.Columns));
            Assert.Equal(32, layer.Filters.Count);
            foreach (var filter in layer.Filters)
            {
                var p = filter.Parameters;
                Assert.Equal(12, p.Count);
                for (int i = 0; i < layer.Rows; i++)
                for (int j = 0; j < layer.Columns; j++)
                {
                    double u = FilterClosedForm.U(i, layer.Height, GridConvention.Published), v = FilterClosedForm.V(j, layer.Columns);
                    double re = GaussianClosedForm.At(Part(p, "re"), u, v), im = GaussianClosedForm.At(Part(p, "im"), u, v);
                    Assert.Equal(Math.Sqrt(re * re + im * im), filter.Magnitude[i][j], 1e-4);
                }
            }
        }
    }

    [Theory]
    [InlineData("?step=abc", HttpStatusCode.BadRequest, "whole number")]
    [InlineData("?step=-3", HttpStatusCode.BadRequest, "whole number")]
    [InlineData("", HttpStatusCode.NotFound, "No run")]
    public async Task CurrentFilters_BadStepOrNoRun_AnswersProblemDetails(string query, HttpStatusCode status, string expected)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/runs/current/filters" + query);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Contains(expected, problem!.Detail);
    }

    /// <summary>One part's six parameters, by the names the API gives them.</summary>
    static float[] Part(IReadOnlyDictionary<string, float> p, string part) =>
        new[] { "x0", "y0", "a", "b", "c", "s0" }.Select(name => p[$"{part}.{name}"]).ToArray();
}
