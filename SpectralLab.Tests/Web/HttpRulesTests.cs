using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Web;

[Collection(TorchCollection.Name)]
public sealed class HttpRulesTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/runs")]
    [InlineData("/api/runs/404")]
    public async Task Response_AnyRoute_CarriesNoSniffAndNoReferrer(string path)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/api/runs", "application/json")]
    public async Task Head_WhereGetIsServed_AnswersLikeGetWithoutABody(string path, string mediaType)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_ToTheReadOnlyApi_AnswersProblemDetails()
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/runs", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("only reads", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory]
    [InlineData("http://attacker.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:9999", HttpStatusCode.Forbidden)]
    public async Task Circuit_FromAnotherOrigin_IsRefused(string origin, HttpStatusCode expected)
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("refused", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Circuit_FromTheLabsOwnOrigin_IsNegotiated()
    {
        await using var factory = new LabFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
