using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// Pass-through wrapper of the cabinet's real transport that counts the messages sent and delivered. The rig
/// compares the counts with the central system's events to move the manual clock only while no OCPP message is
/// in flight. It changes no behaviour.
/// </summary>
public sealed class CountingTransport : IOcppTransport
{
    private readonly IOcppTransport _inner;
    private long _sentCount;
    private long _deliveredCount;
    private long _connectedCount;
    private long _closedCount;

    public CountingTransport(IOcppTransport inner)
    {
        _inner = inner;
    }

    /// <summary>Messages the cabinet handed to the transport that it accepted.</summary>
    public long SentCount => Interlocked.Read(ref _sentCount);

    /// <summary>Messages the transport delivered to the cabinet's listener.</summary>
    public long DeliveredCount => Interlocked.Read(ref _deliveredCount);

    /// <summary>OnConnected calls delivered to the cabinet.</summary>
    public long ConnectedCount => Interlocked.Read(ref _connectedCount);

    /// <summary>OnClosed calls delivered to the cabinet.</summary>
    public long ClosedCount => Interlocked.Read(ref _closedCount);

    public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
    {
        _inner.Connect(url, subprotocol, authorizationHeader, new CountingListener(this, listener));
    }

    public bool Send(byte[] utf8, int offset, int count)
    {
        bool accepted = _inner.Send(utf8, offset, count);
        if (accepted)
        {
            Interlocked.Increment(ref _sentCount);
        }

        return accepted;
    }

    public void Close()
    {
        _inner.Close();
    }

    private sealed class CountingListener : ITransportListener
    {
        private readonly CountingTransport _owner;
        private readonly ITransportListener _inner;

        public CountingListener(CountingTransport owner, ITransportListener inner)
        {
            _owner = owner;
            _inner = inner;
        }

        public void OnConnected()
        {
            _inner.OnConnected();
            Interlocked.Increment(ref _owner._connectedCount);
        }

        public void OnClosed(string reason)
        {
            _inner.OnClosed(reason);
            Interlocked.Increment(ref _owner._closedCount);
        }

        // Counted after the cabinet's listener returns: the message is then in the cabinet's event queue.
        public void OnMessage(byte[] utf8, int offset, int count)
        {
            _inner.OnMessage(utf8, offset, count);
            Interlocked.Increment(ref _owner._deliveredCount);
        }
    }
}
