using System;
using System.Collections.Generic;
using System.Net;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Settings of a <see cref="BenchCentralSystem"/>; change them before <see cref="BenchCentralSystem.Start"/>.</summary>
    public sealed class BenchOptions
    {
        /// <summary>The OCPP-J subprotocol the bench requires.</summary>
        public const string Subprotocol = "ocpp1.6";

        /// <summary>Address to listen on. Default: 127.0.0.1, so only programs of this machine can connect.</summary>
        public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

        /// <summary>TCP port; 0 (the default) picks a free port, read back from <see cref="BenchCentralSystem.Port"/>.</summary>
        public int Port { get; set; }

        /// <summary>Heartbeat interval sent in BootNotification.conf, in seconds. Default 300.</summary>
        public int HeartbeatIntervalSeconds { get; set; } = 300;

        /// <summary>Status sent in BootNotification.conf: "Accepted" (default), "Pending" or "Rejected".</summary>
        public string BootStatus { get; set; } = "Accepted";

        /// <summary>idTags that get status Invalid. Compared ignoring case, as OCPP CiString values are.</summary>
        public ISet<string> InvalidIdTags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>idTags that get status Blocked. Compared ignoring case.</summary>
        public ISet<string> BlockedIdTags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>When not empty, only these idTags are Accepted and every other one is Invalid. Compared ignoring case.</summary>
        public ISet<string> AllowedIdTags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Actions the bench receives and logs without a reply, so that a charge point's CALL times out.</summary>
        public ISet<string> UnansweredActions { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>First transactionId handed out by StartTransaction.conf; later ones increase by 1. Default 1.</summary>
        public int FirstTransactionId { get; set; } = 1;

        /// <summary>
        /// Password of HTTP Basic authentication (the charge point's AuthorizationKey), or null for none.
        /// When set, the user name must be the charge-point identity, and other upgrade requests get 401.
        /// </summary>
        public string Password { get; set; }

        /// <summary>Largest message accepted from a charge point, in bytes; a larger one closes the link with status 1009. Default 1 MiB.</summary>
        public int MaxMessageBytes { get; set; } = 1024 * 1024;

        /// <summary>Interval of the server's WebSocket pings; <see cref="TimeSpan.Zero"/> disables them. Default 30 s.</summary>
        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Frames kept in <see cref="BenchCentralSystem.Frames"/> before the oldest are dropped. Default 10000.</summary>
        public int FrameHistoryCapacity { get; set; } = 10000;

        /// <summary>Source of currentTime in BootNotification.conf and Heartbeat.conf, and of the frame log's time.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Returns the idTagInfo status the bench gives <paramref name="idTag"/>: Blocked, Invalid or Accepted.</summary>
        public string AuthorizationStatusOf(string idTag)
        {
            if (BlockedIdTags.Contains(idTag))
            {
                return "Blocked";
            }

            if (InvalidIdTags.Contains(idTag))
            {
                return "Invalid";
            }

            if (AllowedIdTags.Count > 0 && !AllowedIdTags.Contains(idTag))
            {
                return "Invalid";
            }

            return "Accepted";
        }

        /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
        public void Validate()
        {
            if (ListenAddress == null)
            {
                throw new ArgumentException("The listen address is missing.");
            }

            if (Port < 0 || Port > 65535)
            {
                throw new ArgumentException("The port " + Port + " is invalid: use 0 to 65535 (0 picks a free port).");
            }

            if (HeartbeatIntervalSeconds < 0)
            {
                throw new ArgumentException("The heartbeat interval " + HeartbeatIntervalSeconds + " s is invalid: use 0 or more seconds.");
            }

            if (BootStatus != "Accepted" && BootStatus != "Pending" && BootStatus != "Rejected")
            {
                throw new ArgumentException("The boot status '" + BootStatus + "' is invalid: use Accepted, Pending or Rejected.");
            }

            if (FirstTransactionId < 1)
            {
                throw new ArgumentException("The first transactionId " + FirstTransactionId + " is invalid: use 1 or more.");
            }

            if (MaxMessageBytes < 64)
            {
                throw new ArgumentException("The maximum message size " + MaxMessageBytes + " is invalid: use at least 64 bytes.");
            }

            if (FrameHistoryCapacity < 1)
            {
                throw new ArgumentException("The frame history capacity must be at least 1.");
            }

            if (TimeProvider == null)
            {
                throw new ArgumentException("The time provider is missing.");
            }
        }
    }
}
