using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// Runs a journey of js/journeys.mjs in Debian's Chromium, driven by npm playwright-core
/// (installed once from js/package-lock.json; it never downloads a browser).
/// </summary>
public static class Browser
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static string DriverDirectory => Path.Combine(RepositoryRoot.Path, "tests", "Web.Tests", "js");

    /// <summary>Fails (never skips) when the browser is missing, saying how to get it.</summary>
    public static void EnsureChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. The browser tests need Debian's Chromium: " +
                "run `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.");
        }
    }

    /// <summary>
    /// Runs several journeys one after another in one browser (its cookies cleared between
    /// them), sparing a browser start for each; they must agree on JavaScript on or off.
    /// </summary>
    public static Task RunJourneysAsync(this WebFixture web, params (string Journey, object? Parameters)[] journeys) =>
        web.RunJourneyAsync(string.Join('+', journeys.Select(j => j.Journey)), journeys.Select(j => j.Parameters ?? new { }).ToArray());

    public static async Task RunJourneyAsync(this WebFixture web, string journey, object? parameters = null)
    {
        EnsureChromium();
        var (exitCode, output, error) = await NodeTool.RunAsync(DriverDirectory, "run.mjs", journey, web.BrowserAddress.ToString().TrimEnd('/'),
            WebFixture.ScreenshotDirectory, JsonSerializer.Serialize(parameters ?? new { }));
        Assert.True(exitCode == 0, $"The '{journey}' journey failed in Chromium (exit code {exitCode}); screenshots in {WebFixture.ScreenshotDirectory}.\n{error}\n{output}");
    }
}
