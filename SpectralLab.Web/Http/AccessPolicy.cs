using System.Net;
using System.Security.Cryptography;

namespace SpectralLab.Web.Http;

/// <summary>
/// Whether the lab asks for an access token, and which. A lab reachable only from this machine needs none; one that
/// listens on any other address always has one (the configured SpectralLab:AccessToken, or one made at start), because
/// anyone who can reach it could start, stop and delete runs.
/// </summary>
public sealed record AccessPolicy(bool Required, string Token)
{
    public const string CookieName = "spectrallab-token";

    /// <param name="urls">The addresses the lab listens on, separated by semicolons (the Urls setting).</param>
    /// <param name="require">SpectralLab:RequireAccessToken: true forces the token on loopback too; null decides from the addresses.</param>
    /// <param name="token">SpectralLab:AccessToken, if set.</param>
    public static AccessPolicy From(string? urls, bool? require, string? token) =>
        new(require ?? IsExposed(urls), string.IsNullOrWhiteSpace(token) ? NewToken() : token.Trim());

    /// <summary>True when any address is not a loopback one: a wildcard, a host name other than localhost, or a LAN or public IP.</summary>
    public static bool IsExposed(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(url => !IsLoopback(url));

    static bool IsLoopback(string url)
    {
        // Wildcards ("*", "+") are not valid URI hosts; they mean every address.
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        string rest = scheme >= 0 ? url[(scheme + 3)..] : url;
        if (rest.StartsWith('*') || rest.StartsWith('+')) return false;
        if (!Uri.TryCreate(scheme >= 0 ? url : "http://" + url, UriKind.Absolute, out var uri)) return false;
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public bool Accepts(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Token));

    static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
