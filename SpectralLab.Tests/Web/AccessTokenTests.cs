using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Http;

namespace SpectralLab.Tests.Web;

[Collection(TorchCollection.Name)]
public sealed class AccessTokenTests
{
    const string Token = "correct-horse-battery-staple";

    static LabFactory TokenLab() => new(("SpectralLab:RequireAccessToken", "true"), ("SpectralLab:AccessToken", Token));

    [Theory]
    [InlineData("/")]
    [InlineData("/runs")]
    [InlineData("/api/runs")]
    [InlineData("/api/runs/current/filters")]
    [InlineData("/css/lab.css")]
    [InlineData("/?token=wrong")]
    public async Task Request_WithoutTheToken_Answers401WithOneSentence(string path)
    {
        await using var factory = TokenLab();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        string body = path.StartsWith("/api", StringComparison.Ordinal)
            ? (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!
            : await response.Content.ReadAsStringAsync();
        Assert.Contains("access token", body);
        Assert.DoesNotContain(Token, body);
    }

    [Fact]
    public async Task Circuit_WithoutTheToken_IsRefused()
    {
        await using var factory = TokenLab();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PrintedAddress_SetsAnHttpOnlyCookieAndDropsTheTokenFromTheAddress()
    {
        await using var factory = TokenLab();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/runs?token={Token}&x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/runs?x=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{AccessPolicy.CookieName}={Token}", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookie_AfterThePrintedAddress_OpensPagesAndTheApi()
    {
        await using var factory = TokenLab();
        using var client = factory.CreateClient(); // follows the redirect and keeps the cookie, as a browser does

        using var page = await client.GetAsync($"/?token={Token}");
        using var api = await client.GetAsync("/api/runs");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("SpectralLab", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task BearerHeader_WithTheToken_OpensTheApi()
    {
        await using var factory = TokenLab();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.GetAsync("/api/runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5117", false)]
    [InlineData("http://localhost:5117;http://[::1]:5118", false)]
    [InlineData("http://127.0.0.2:80", false)]
    [InlineData("http://0.0.0.0:5117", true)]
    [InlineData("http://192.168.1.20:5117", true)]
    [InlineData("http://*:5117", true)]
    [InlineData("http://+:80", true)]
    [InlineData("http://lab.example:80", true)]
    [InlineData("http://127.0.0.1:5117;http://10.0.0.5:5117", true)]
    public void IsExposed_ListenAddresses_TrueForAnyNonLoopbackAddress(string urls, bool exposed) =>
        Assert.Equal(exposed, AccessPolicy.IsExposed(urls));

    [Fact]
    public void From_ExposedWithNoTokenSet_RequiresAFreshUnguessableToken()
    {
        var first = AccessPolicy.From("http://0.0.0.0:5117", require: null, token: null);
        var second = AccessPolicy.From("http://0.0.0.0:5117", require: null, token: "  ");

        Assert.True(first.Required && second.Required);
        Assert.True(first.Token.Length >= 32, first.Token);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public void From_LoopbackUnlessForced_RequiresNoToken()
    {
        Assert.False(AccessPolicy.From("http://127.0.0.1:5117", require: null, token: null).Required);
        Assert.Equal((true, "set"), (AccessPolicy.From("http://127.0.0.1:5117", require: true, token: "set") is var p ? (p.Required, p.Token) : default));
        Assert.False(AccessPolicy.From("http://0.0.0.0:5117", require: false, token: null).Required); // an explicit choice is respected
    }
}
