using System;
using System.Net;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>An upgrade request the bench rejects, with the HTTP status of the response.</summary>
    internal sealed class HandshakeException : Exception
    {
        public HandshakeException(HttpStatusCode status, string message)
            : base(message)
        {
            Status = status;
        }

        public HttpStatusCode Status { get; }
    }
}
