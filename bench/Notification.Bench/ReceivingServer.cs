using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace InclusionNetwork.Notification.Bench;

/// <summary>
/// A local SMTP server (the SmtpServer package) that notes when each message arrived, by its
/// subject line, without keeping the message: what the bench measures is the moment of arrival.
/// </summary>
internal sealed class ReceivingServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private int count;

    private ReceivingServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public int Count => Volatile.Read(ref count);

    /// <summary>Arrival times (Stopwatch ticks) by "address|subject".</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public static ReceivingServer Start() => new();

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeKit.MimeMessage.Load(stream, cancellationToken);
        Arrivals.TryAdd($"{message.To.Mailboxes.FirstOrDefault()?.Address}|{message.Subject}", arrived);
        Interlocked.Increment(ref count);
        return Task.FromResult(SmtpResponse.Ok);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }
}
