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
/// A caller also has only <see cref="RequestBodyBudgetOptions.LargeBodiesAtOnce"/> bodies larger
/// than that being read and parsed at once; another is answered 429 at once, unread. The budget
/// alone lets a burst of large bodies in together (it holds two megabytes), and each is copied,
/// decoded and lexed in full while it is in flight: the memory and cores that takes come from
/// everyone's queries.
/// </summary>
public sealed class RequestBodyBudget : IDisposable
{
    /// <summary>The budget is kept in kibibytes, so a few hundred bytes cost one.</summary>
    private const int Unit = 1024;

    private readonly PartitionedRateLimiter<HttpContext> _budgets;
    private readonly PartitionedRateLimiter<HttpContext> _largeBodies;
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
        var largeAtOnce = Math.Max(1, options.LargeBodiesAtOnce);
        _largeBodies = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetConcurrencyLimiter(
            IdentityExtensions.CallerKey(context),
            _ => new ConcurrencyLimiterOptions { PermitLimit = largeAtOnce, QueueLimit = 0 }));
    }

    /// <summary>
    /// Charges the request's body. Not admitted (and the 429 written) when the caller's budget
    /// cannot pay for it now or another large body of theirs is in flight; admitted with a large
    /// body, the caller's turn, to be given back once the request has been answered.
    /// </summary>
    public async ValueTask<(bool Admitted, IDisposable? Turn)> ChargeAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared > _maxBodyBytes)
        {
            // Refused as too large (413) by the reader before it reads anything; nothing to charge.
            return (true, null);
        }
        if (declared <= _freeBytes)
        {
            return (true, null);
        }
        // A body sent without its length (chunked, as HttpClient's JSON content is) is read up to
        // the free bytes first: most are ordinary documents and end there.
        var unread = context.Request.Body;
        var buffered = declared is null ? await BufferAsync(context.Request, _freeBytes, context.RequestAborted) : null;
        if (buffered is not null && buffered.Length <= _freeBytes)
        {
            return (true, null);
        }
        // A large body: one of the caller's few turns is held until its request is answered.
        var turn = _largeBodies.AttemptAcquire(context);
        if (!turn.IsAcquired)
        {
            turn.Dispose();
            await RefuseAsync(context, 1,
                "Another large request of yours is still being read. Send the next one when it has been answered.");
            return (false, null);
        }
        var paid = false;
        try
        {
            paid = await PayAsync(context, declared, buffered, unread);
            return paid ? (true, turn) : (false, null);
        }
        finally
        {
            if (!paid)
            {
                turn.Dispose();
            }
        }
    }

    /// <summary>Charges a large body to the caller's budget; false (and the 429 written) when it cannot pay now.</summary>
    private async Task<bool> PayAsync(HttpContext context, long? declared, MemoryStream? buffered, Stream unread)
    {
        // The rest of a chunked body is read now, up to the largest allowed, so it is charged
        // what it is; reading is cheap beside parsing.
        var bytes = declared ?? await BufferRestAsync(context.Request, buffered!, unread, _maxBodyBytes, context.RequestAborted);
        if (bytes > _maxBodyBytes)
        {
            return true;
        }
        var charged = bytes - _freeBytes;
        using var lease = _budgets.AttemptAcquire(context, Math.Min(_burst, Units(charged)));
        if (lease.IsAcquired)
        {
            return true;
        }
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        await RefuseAsync(context, wait,
            $"You have sent more request data than this service takes from one caller in a short time. Try again in {wait} second{(wait == 1 ? "" : "s")}.");
        return false;
    }

    private static async Task RefuseAsync(HttpContext context, int retryAfterSeconds, string message)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(new { message }, context.RequestAborted);
    }

    /// <summary>
    /// Reads a body of unstated length into memory, stopping one byte past <paramref name="limit"/>
    /// or at its end, and puts what was read back in front of the rest as the request's body.
    /// </summary>
    private static async Task<MemoryStream> BufferAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        request.HttpContext.Response.RegisterForDispose(buffered);
        var rest = request.Body;
        await ReadIntoAsync(rest, buffered, limit, cancellationToken);
        buffered.Position = 0;
        // Read to its end, the body is what was buffered; else what was buffered comes before the rest.
        request.Body = buffered.Length <= limit ? buffered : new BufferedThenRest(buffered, rest);
        return buffered;
    }

    /// <summary>
    /// Reads the rest of a body <see cref="BufferAsync"/> began, stopping one byte past
    /// <paramref name="limit"/> (the reader then answers 413), and makes the whole of it the
    /// request's body. Returns its length.
    /// </summary>
    private static async Task<long> BufferRestAsync(HttpRequest request, MemoryStream buffered, Stream rest, long limit, CancellationToken cancellationToken)
    {
        buffered.Position = buffered.Length;
        await ReadIntoAsync(rest, buffered, limit, cancellationToken);
        buffered.Position = 0;
        request.Body = buffered;
        return buffered.Length;
    }

    private static async Task ReadIntoAsync(Stream source, MemoryStream buffered, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while (buffered.Length <= limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffered.Length)), cancellationToken)) > 0)
        {
            buffered.Write(chunk, 0, read);
        }
    }

    private static int Units(long bytes) => (int)Math.Min(int.MaxValue, Math.Max(1, (bytes + Unit - 1) / Unit));

    public void Dispose()
    {
        _budgets.Dispose();
        _largeBodies.Dispose();
    }
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

    /// <summary>Bodies larger than <see cref="FreeBytesPerRequest"/> one caller may have being read and answered at once.</summary>
    public int LargeBodiesAtOnce { get; set; } = 1;
}

/// <summary>A request body whose start was read into memory: that start, then the rest as it arrives.</summary>
internal sealed class BufferedThenRest(MemoryStream buffered, Stream rest) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = buffered.Read(buffer);
        return read > 0 ? read : rest.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = buffered.Read(buffer.Span);
        return read > 0 ? ValueTask.FromResult(read) : rest.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
