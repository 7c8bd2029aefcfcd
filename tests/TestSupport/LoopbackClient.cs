using System.Net;
using System.Net.Sockets;

namespace InclusionNetwork.TestSupport;

/// <summary>HTTP clients whose connections come from a loopback address of the test's choosing.</summary>
public static class LoopbackClient
{
    /// <summary>
    /// A client whose connections come from <paramref name="address"/> (any of 127.0.0.0/8
    /// reaches a silo on 127.0.0.1), so limits kept per address count it apart from the test's other clients.
    /// </summary>
    public static HttpClient From(IPAddress address, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
