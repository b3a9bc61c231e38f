using System;
using System.Collections.Generic;
using System.Text;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>One OCPP message seen by the virtual cabinet, with the host's UTC time.</summary>
    /// <param name="UtcTime">Time the message was sent or received.</param>
    /// <param name="Sent">True for a message the cabinet sent, false for one it received.</param>
    /// <param name="Text">The message text.</param>
    public sealed record ObservedFrame(DateTime UtcTime, bool Sent, string Text);

    /// <summary>
    /// Transport decorator that records every message and link event of the cabinet, so the panel can
    /// show them whichever central system the cabinet talks to. Thread-safe.
    /// </summary>
    public sealed class ObservedTransport : IOcppTransport
    {
        /// <summary>Frames kept in memory.</summary>
        public const int Capacity = 500;

        private readonly IOcppTransport _inner;
        private readonly object _lock = new object();
        private readonly Queue<ObservedFrame> _frames = new Queue<ObservedFrame>();
        private bool _isOpen;
        private string _lastCloseReason;
        private long _frameCount;

        public ObservedTransport(IOcppTransport inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        /// <summary>True between the OnConnected and the OnClosed that the cabinet received.</summary>
        public bool IsOpen
        {
            get { lock (_lock) { return _isOpen; } }
        }

        /// <summary>Reason of the last OnClosed, or null.</summary>
        public string LastCloseReason
        {
            get { lock (_lock) { return _lastCloseReason; } }
        }

        /// <summary>Messages recorded since creation, including those no longer kept.</summary>
        public long FrameCount
        {
            get { lock (_lock) { return _frameCount; } }
        }

        /// <summary>Returns up to <paramref name="count"/> most recent messages, oldest first.</summary>
        public ObservedFrame[] Recent(int count)
        {
            lock (_lock)
            {
                ObservedFrame[] all = _frames.ToArray();
                int skip = Math.Max(0, all.Length - count);
                return all[skip..];
            }
        }

        public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
        {
            _inner.Connect(url, subprotocol, authorizationHeader, new Listener(this, listener));
        }

        public bool Send(byte[] utf8, int offset, int count)
        {
            bool sent = _inner.Send(utf8, offset, count);
            if (sent)
            {
                Record(true, Encoding.UTF8.GetString(utf8, offset, count));
            }

            return sent;
        }

        public void Close()
        {
            _inner.Close();
        }

        private void Record(bool sent, string text)
        {
            lock (_lock)
            {
                if (_frames.Count == Capacity)
                {
                    _frames.Dequeue();
                }

                _frames.Enqueue(new ObservedFrame(DateTime.UtcNow, sent, text));
                _frameCount++;
            }
        }

        private sealed class Listener : ITransportListener
        {
            private readonly ObservedTransport _owner;
            private readonly ITransportListener _inner;

            public Listener(ObservedTransport owner, ITransportListener inner)
            {
                _owner = owner;
                _inner = inner;
            }

            public void OnConnected()
            {
                lock (_owner._lock)
                {
                    _owner._isOpen = true;
                }

                _inner.OnConnected();
            }

            public void OnClosed(string reason)
            {
                lock (_owner._lock)
                {
                    _owner._isOpen = false;
                    _owner._lastCloseReason = reason;
                }

                _inner.OnClosed(reason);
            }

            public void OnMessage(byte[] utf8, int offset, int count)
            {
                _owner.Record(false, Encoding.UTF8.GetString(utf8, offset, count));
                _inner.OnMessage(utf8, offset, count);
            }
        }
    }
}
