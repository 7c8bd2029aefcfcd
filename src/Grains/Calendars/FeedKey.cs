using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// The secret that feed tokens are derived from. A token is
/// <c>base64url(HMAC-SHA256(key, "calendar-feed:{id}:{salt}"))</c>: 256 bits no one can guess
/// without the key, reproducible from the stored id and salt (so listing feeds can show
/// their links again), and stored only as its SHA-256 hash.
/// </summary>
public sealed class FeedKey
{
    public const int MinimumLength = 32;
    private readonly byte[] key;

    public FeedKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"The calendar feed key has {key.Length} bytes; it needs at least {MinimumLength}.", nameof(key));
        }
        this.key = (byte[])key.Clone();
    }

    /// <summary>The token of the feed with this id and salt.</summary>
    public string TokenFor(long feedId, ReadOnlySpan<byte> salt)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"calendar-feed:{feedId}:{Convert.ToHexStringLower(salt)}"));
        return Base64Url(HMACSHA256.HashData(key, message));
    }

    /// <summary>What the database stores and looks tokens up by.</summary>
    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>
    /// True when <paramref name="token"/> has the shape of a token (43 base64url characters), so
    /// malformed requests are answered without touching the database.
    /// </summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// The configured key when there is one; otherwise the key in <paramref name="keyFile"/>, created
    /// with 32 random bytes the first time. A generated key suits one silo: several silos on one
    /// database must share a configured key, which the warning says.
    /// </summary>
    public static FeedKey Resolve(string? configured, string keyFile, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException("Calendar:FeedKey is not base64. Generate one with: openssl rand -base64 32", e);
            }
            if (bytes.Length < MinimumLength)
            {
                throw new InvalidOperationException($"Calendar:FeedKey holds {bytes.Length} bytes; it needs at least {MinimumLength}. Generate one with: openssl rand -base64 32");
            }
            return new FeedKey(bytes);
        }
        var path = Path.GetFullPath(keyFile);
        var key = ReadOrCreate(path);
        logger.LogWarning(
            "Calendar:FeedKey is not set, so calendar feed links are derived from the key in {KeyFile}. Several silos serving one database must share one key: set Calendar:FeedKey on all of them.",
            path);
        return new FeedKey(key);
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return ReadKeyFile(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumLength);
        // Written beside, then moved into place: a silo starting at the same moment sees either
        // no file or a whole one, never a half-written key.
        var draft = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Only the silo's own user may read the key.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(new FileStream(draft, options), Encoding.ASCII))
        {
            writer.Write(Convert.ToBase64String(key));
        }
        try
        {
            File.Move(draft, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another silo on this machine created the key first: use its key.
            File.Delete(draft);
            return ReadKeyFile(path);
        }
    }

    private static byte[] ReadKeyFile(string path)
    {
        var text = File.ReadAllText(path).Trim();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The calendar feed key file {path} does not hold base64; delete it to generate a new key (existing feed links stop working).", e);
        }
        if (bytes.Length < MinimumLength)
        {
            throw new InvalidOperationException($"The calendar feed key file {path} holds {bytes.Length} bytes; it needs at least {MinimumLength}.");
        }
        return bytes;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
