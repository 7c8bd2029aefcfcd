using System.Security.Cryptography;
using System.Text;
using InclusionNetwork.Grains.Calendars;
using Microsoft.Extensions.Logging.Abstractions;

namespace InclusionNetwork.Grains.Tests.Calendars;

public sealed class FeedKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "inclusion-feed-key-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_token_is_256_bits_of_hmac_over_the_id_and_salt_in_base64url()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = new FeedKey(keyBytes);

        var token = key.TokenFor(42, salt);

        var expected = Convert.ToBase64String(HMACSHA256.HashData(keyBytes, Encoding.UTF8.GetBytes($"calendar-feed:42:{Convert.ToHexStringLower(salt)}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, token);
        Assert.Equal(43, token.Length);
        Assert.True(FeedKey.LooksLikeToken(token));
        Assert.Equal(token, key.TokenFor(42, salt));
        Assert.NotEqual(token, key.TokenFor(43, salt));
        Assert.NotEqual(token, key.TokenFor(42, RandomNumberGenerator.GetBytes(16)));
        Assert.NotEqual(token, new FeedKey(RandomNumberGenerator.GetBytes(32)).TokenFor(42, salt));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), FeedKey.HashOf(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_but_43_base64url_characters_is_not_a_token(string? text) => Assert.False(FeedKey.LooksLikeToken(text));

    [Fact]
    public void A_configured_key_is_used_and_a_short_or_malformed_one_is_refused()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(48);
        var salt = new byte[16];
        var configured = FeedKey.Resolve(Convert.ToBase64String(keyBytes), Path.Combine(folder, "unused.key"), NullLogger.Instance);

        Assert.Equal(new FeedKey(keyBytes).TokenFor(1, salt), configured.TokenFor(1, salt));
        Assert.False(File.Exists(Path.Combine(folder, "unused.key")));
        Assert.Contains("at least 32", Assert.Throws<InvalidOperationException>(() =>
            FeedKey.Resolve(Convert.ToBase64String(new byte[16]), Path.Combine(folder, "unused.key"), NullLogger.Instance)).Message);
        Assert.Contains("not base64", Assert.Throws<InvalidOperationException>(() =>
            FeedKey.Resolve("not base64!", Path.Combine(folder, "unused.key"), NullLogger.Instance)).Message);
    }

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_into_a_file_only_its_owner_can_read()
    {
        var file = Path.Combine(folder, "calendar-feed.key");
        var salt = new byte[16];

        var first = FeedKey.Resolve(null, file, NullLogger.Instance);
        var second = FeedKey.Resolve("", file, NullLogger.Instance);

        Assert.True(File.Exists(file));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(file)).Length);
        Assert.Equal(first.TokenFor(7, salt), second.TokenFor(7, salt));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Webcal_is_the_same_address_with_the_webcal_scheme()
    {
        Assert.Equal("webcal://inclusion.example/calendar/abc.ics", FeedLinks.Webcal("https://inclusion.example/calendar/abc.ics"));
        Assert.Equal("webcal://localhost:5080/calendar/abc.ics", FeedLinks.Webcal("http://localhost:5080/calendar/abc.ics"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
