using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that can refuse: <see cref="Refuse"/> cuts every
/// connection through it and stops listening, so a new one is refused (ECONNREFUSED), as when the
/// database host goes away; <see cref="Accept"/> listens again on the same port.
/// </summary>
internal sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener;
    private Task _accepting = Task.CompletedTask;

    private DatabaseProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync(_listener);
    }

    public int Port { get; }

    /// <summary>A proxy for the server of <paramref name="connectionString"/>, and the same connection string through it.</summary>
    public static (DatabaseProxy Proxy, string ConnectionString) Start(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var address = Dns.GetHostAddresses(builder.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var proxy = new DatabaseProxy(new IPEndPoint(address, builder.Port));
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
        return (proxy, builder.ConnectionString);
    }

    /// <summary>Cuts every connection and refuses new ones.</summary>
    public void Refuse()
    {
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                // A reset, not a polite close: the database is gone, not shutting down.
                client.Client?.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again.</summary>
    public void Accept()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptLoopAsync(_listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Refuse();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // cut by Refuse, or by either side
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
            server.Dispose();
        }
    }
}
