using System.Globalization;
using System.Threading.RateLimiting;
using InclusionNetwork.Silo.Extensions;

namespace InclusionNetwork.Silo.Security;

/// <summary>
/// Each caller (an account, or signed out an address) has a budget of GraphQL request-body
/// bytes that refills at a steady rate; a body is charged against it before a byte of it is
/// read, and one the budget cannot pay is answered 429 with Retry-After, unread. The per-caller
/// concurrency limit counts requests, and a request may carry up to
/// <c>GraphQL:Limits:MaxRequestBodyBytes</c>, so without this a few callers sending large
/// bodies (a megabyte of comment, say) would keep the cores busy reading, decoding and
/// lexing them while everyone else's queries waited. A body of unstated length (chunked) is
/// read first, up to the largest allowed, and charged before it is parsed. The first
/// <see cref="RequestBodyBudgetOptions.FreeBytesPerRequest"/> of each body are free, so ordinary
/// documents (a kilobyte or two) never notice.
/// </summary>
public sealed class RequestBodyBudget : IDisposable
{
    /// <summary>The budget is kept in kibibytes, so a few hundred bytes cost one.</summary>
    private const int Unit = 1024;

    private readonly PartitionedRateLimiter<HttpContext> _budgets;
    private readonly long _maxBodyBytes;
    private readonly int _burst;
    private readonly long _freeBytes;

    public RequestBodyBudget(RequestBodyBudgetOptions options, long maxBodyBytes)
    {
        if (options.BytesPerSecond < Unit)
        {
            throw new StartupConfigurationException($"GraphQL:BodyBudget:BytesPerSecond must be at least {Unit} (it is {options.BytesPerSecond}).");
        }
        _maxBodyBytes = maxBodyBytes;
        _freeBytes = Math.Max(0, options.FreeBytesPerRequest);
        // The budget always holds at least one body of the largest size allowed, so such a body is never refused outright.
        var burst = _burst = Units(Math.Max(options.BurstBytes, maxBodyBytes));
        var perSecond = Units(options.BytesPerSecond);
        _budgets = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            IdentityExtensions.CallerKey(context),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Charges the request's body; false (and the 429 written) when the caller's budget cannot pay for it now.</summary>
    public async ValueTask<bool> ChargeAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared > _maxBodyBytes)
        {
            // Refused as too large (413) by the reader before it reads anything; nothing to charge.
            return true;
        }
        // A body sent without its length (chunked, as HttpClient's JSON content is) is read first,
        // up to the largest allowed, so it is charged what it is; reading is cheap beside parsing.
        var bytes = declared ?? await BufferAsync(context.Request, _maxBodyBytes, context.RequestAborted);
        if (bytes > _maxBodyBytes)
        {
            return true;
        }
        var charged = bytes - _freeBytes;
        if (charged <= 0)
        {
            return true;
        }
        using var lease = _budgets.AttemptAcquire(context, Math.Min(_burst, Units(charged)));
        if (lease.IsAcquired)
        {
            return true;
        }
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(new
        {
            message = $"You have sent more request data than this service takes from one caller in a short time. Try again in {wait} second{(wait == 1 ? "" : "s")}.",
        }, context.RequestAborted);
        return false;
    }

    /// <summary>
    /// Reads a body of unstated length into memory, stopping one byte past <paramref name="limit"/>
    /// (the reader then answers 413), and puts it back as the request's body. Returns its length.
    /// </summary>
    private static async Task<long> BufferAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffered.Length <= limit && (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffered.Write(chunk, 0, read);
        }
        buffered.Position = 0;
        request.Body = buffered;
        request.HttpContext.Response.RegisterForDispose(buffered);
        return buffered.Length;
    }

    private static int Units(long bytes) => (int)Math.Min(int.MaxValue, Math.Max(1, (bytes + Unit - 1) / Unit));

    public void Dispose() => _budgets.Dispose();
}

/// <summary>The <c>GraphQL:BodyBudget</c> section.</summary>
public sealed class RequestBodyBudgetOptions
{
    /// <summary>Body bytes a caller's budget regains each second.</summary>
    public long BytesPerSecond { get; set; } = 256 * 1024;

    /// <summary>The most a caller's budget holds (at least <c>GraphQL:Limits:MaxRequestBodyBytes</c>).</summary>
    public long BurstBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The first bytes of every body cost nothing: every page's document and ordinary query fits,
    /// so the budget counts large bodies only and never acts as a limit on how often one asks.
    /// </summary>
    public long FreeBytesPerRequest { get; set; } = 16 * 1024;
}
