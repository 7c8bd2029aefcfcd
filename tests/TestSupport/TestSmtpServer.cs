using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace InclusionNetwork.TestSupport;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), keeping every message it
/// accepts; or, when told to refuse, answering 554 as a broken server would: to every message,
/// or only to those for addresses at <c>refusedDomain</c>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly Store store;
    private readonly Task running;

    private TestSmtpServer(int port, Store store, CancellationTokenSource stop, Task running)
    {
        Port = port;
        this.store = store;
        this.stop = stop;
        this.running = running;
    }

    public int Port { get; }

    /// <summary>Messages accepted, in order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. store.Received];

    /// <summary>SMTP connections (sessions) clients have opened.</summary>
    public int Connections => store.Connections;

    /// <summary>Messages refused (the server said 554).</summary>
    public int Refused => store.Refused;

    /// <summary>The Silo settings that send through this server.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
        new("Email:PollInterval", "00:00:00.2"),
    ];

    public static TestSmtpServer Start(bool refuse = false, string? refusedDomain = null)
    {
        var port = SiloHost.FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var store = new Store(refuse, refusedDomain);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => store.CountConnection();
        var stop = new CancellationTokenSource();
        return new TestSmtpServer(port, store, stop, server.StartAsync(stop.Token));
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (or fails after the timeout).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, Func<MimeMessage, bool>? where = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matching = Received.Where(where ?? (_ => true)).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} message(s); {matching.Count} arrived.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private sealed class Store(bool refuse, string? refusedDomain) : MessageStore
    {
        private int refused;
        private int connections;

        public int Connections => Volatile.Read(ref connections);

        public void CountConnection() => Interlocked.Increment(ref connections);

        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public int Refused => refused;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (refuse || (refusedDomain is not null
                && transaction.To.Any(to => string.Equals(to.Host, refusedDomain, StringComparison.OrdinalIgnoreCase))))
            {
                Interlocked.Increment(ref refused);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Mailbox unavailable for this test");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
