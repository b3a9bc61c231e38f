using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>
    /// An HTTP/1.1 WebSocket upgrade request (the opening handshake of RFC 6455), read byte by byte so
    /// that nothing after the header block is consumed.
    /// </summary>
    internal sealed class HandshakeRequest
    {
        /// <summary>Largest header block accepted, in bytes; longer requests get 431.</summary>
        public const int MaxHeaderBytes = 16 * 1024;

        /// <summary>GUID appended to Sec-WebSocket-Key before hashing (RFC 6455 §1.3).</summary>
        private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        private readonly Dictionary<string, string> _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string Method { get; private set; }

        /// <summary>Request target without the query string, still percent-encoded.</summary>
        public string Path { get; private set; }

        public string Version { get; private set; }

        /// <summary>Returns the header's value, several occurrences joined with ", ", or null when absent.</summary>
        public string Header(string name)
        {
            return _headers.TryGetValue(name, out string value) ? value : null;
        }

        /// <summary>
        /// Reads the request line and headers. Returns null when the stream ends first; throws
        /// <see cref="HandshakeException"/> for a malformed or oversized request.
        /// </summary>
        public static async Task<HandshakeRequest> ReadAsync(Stream stream, CancellationToken cancellationToken)
        {
            var bytes = new List<byte>(512);
            var one = new byte[1];
            while (true)
            {
                int read = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                bytes.Add(one[0]);
                if (bytes.Count > MaxHeaderBytes)
                {
                    throw new HandshakeException(HttpStatusCode.RequestHeaderFieldsTooLarge, "the request headers exceed " + MaxHeaderBytes + " bytes");
                }

                int n = bytes.Count;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
                {
                    break;
                }
            }

            // Header values are ASCII by RFC 7230; Latin-1 keeps any other byte visible instead of failing.
            string text = Encoding.Latin1.GetString(bytes.ToArray(), 0, bytes.Count - 4);
            return Parse(text);
        }

        /// <summary>Returns Sec-WebSocket-Accept for <paramref name="key"/>: base64 of SHA-1 over the key and the RFC 6455 GUID.</summary>
        public static string ComputeAccept(string key)
        {
            byte[] hash = SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid));
            return Convert.ToBase64String(hash);
        }

        /// <summary>Returns the comma-separated tokens of a header value, trimmed, without empty ones.</summary>
        public static string[] Tokens(string value)
        {
            if (value == null)
            {
                return Array.Empty<string>();
            }

            return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        private static HandshakeRequest Parse(string text)
        {
            string[] lines = text.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3)
            {
                throw new HandshakeException(HttpStatusCode.BadRequest, "the request line '" + lines[0] + "' is malformed");
            }

            var request = new HandshakeRequest
            {
                Method = requestLine[0],
                Version = requestLine[2],
            };
            string target = requestLine[1];
            int query = target.IndexOf('?');
            request.Path = query < 0 ? target : target.Substring(0, query);

            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon <= 0)
                {
                    throw new HandshakeException(HttpStatusCode.BadRequest, "the header line '" + lines[i] + "' is malformed");
                }

                string name = lines[i].Substring(0, colon).Trim();
                string value = lines[i].Substring(colon + 1).Trim();
                request._headers[name] = request._headers.TryGetValue(name, out string earlier) ? earlier + ", " + value : value;
            }

            return request;
        }
    }
}
