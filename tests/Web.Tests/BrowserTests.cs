namespace InclusionNetwork.Web.Tests;

// In the browser collection so no journey runs while the setting is changed.
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests
{
    [Fact]
    public void A_missing_chromium_fails_with_how_to_install_it_rather_than_skipping()
    {
        var before = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        Environment.SetEnvironmentVariable("CHROMIUM_PATH", "/nonexistent/chromium");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(Browser.EnsureChromium);

            Assert.Contains("/nonexistent/chromium", error.Message);
            Assert.Contains("apt-get install -y chromium", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHROMIUM_PATH", before);
        }
    }
}
