using System;
using System.Net;
using System.Text;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Outcome of a valid upgrade request: who connects and which subprotocol the bench selects.</summary>
    /// <param name="Identity">Charge-point identity: the last path segment, percent-decoded.</param>
    /// <param name="Key">Sec-WebSocket-Key of the request.</param>
    /// <param name="SelectedSubprotocol">"ocpp1.6", or null when the client did not offer it.</param>
    internal sealed record UpgradeDecision(string Identity, string Key, string SelectedSubprotocol);

    /// <summary>Checks a WebSocket upgrade request against the opening handshake of RFC 6455 and the bench's settings.</summary>
    internal static class UpgradeValidator
    {
        /// <summary>Longest identity accepted, in characters: a limit of the bench, which keeps its logs readable.</summary>
        public const int MaxIdentityLength = 48;

        /// <summary>
        /// Returns the decision for <paramref name="request"/>, or throws <see cref="HandshakeException"/>
        /// with the HTTP status of the response. A request that does not offer "ocpp1.6" is not rejected here:
        /// the caller completes the handshake without a subprotocol and closes the connection at once.
        /// </summary>
        public static UpgradeDecision Validate(HandshakeRequest request, BenchOptions options)
        {
            if (request.Method != "GET")
            {
                throw new HandshakeException(HttpStatusCode.MethodNotAllowed, "method " + request.Method + " is not GET");
            }

            if (request.Version != "HTTP/1.1")
            {
                throw new HandshakeException(HttpStatusCode.BadRequest, "version " + request.Version + " is not HTTP/1.1");
            }

            if (!HasToken(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase)
                || !HasToken(request.Header("Connection"), "Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                throw new HandshakeException(HttpStatusCode.UpgradeRequired, "the request is not a WebSocket upgrade (Upgrade: websocket and Connection: Upgrade are required)");
            }

            if (request.Header("Sec-WebSocket-Version") != "13")
            {
                throw new HandshakeException(HttpStatusCode.UpgradeRequired, "Sec-WebSocket-Version '" + request.Header("Sec-WebSocket-Version") + "' is not 13");
            }

            string key = request.Header("Sec-WebSocket-Key");
            if (!IsValidKey(key))
            {
                throw new HandshakeException(HttpStatusCode.BadRequest, "Sec-WebSocket-Key is missing or is not 16 bytes in base64");
            }

            string identity = IdentityOf(request.Path);
            CheckAuthorization(request.Header("Authorization"), identity, options.Password);

            // Subprotocol names are compared exactly: "OCPP1.6" is not the registered "ocpp1.6".
            bool offered = HasToken(request.Header("Sec-WebSocket-Protocol"), BenchOptions.Subprotocol, StringComparison.Ordinal);
            string selected = offered ? BenchOptions.Subprotocol : null;
            return new UpgradeDecision(identity, key, selected);
        }

        private static string IdentityOf(string path)
        {
            string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                throw new HandshakeException(HttpStatusCode.NotFound, "the path '" + path + "' has no charge-point identity: use /<prefix>/<identity>");
            }

            string identity;
            try
            {
                identity = Uri.UnescapeDataString(segments[segments.Length - 1]);
            }
            catch (UriFormatException)
            {
                throw new HandshakeException(HttpStatusCode.BadRequest, "the identity in '" + path + "' is not valid percent-encoding");
            }

            if (identity.Length == 0 || identity.Length > MaxIdentityLength)
            {
                throw new HandshakeException(HttpStatusCode.NotFound, "the identity '" + identity + "' must have 1 to " + MaxIdentityLength + " characters");
            }

            foreach (char c in identity)
            {
                if (c < 0x21 || c > 0x7E)
                {
                    throw new HandshakeException(HttpStatusCode.BadRequest, "the identity '" + identity + "' contains a character that is not printable ASCII");
                }
            }

            return identity;
        }

        private static void CheckAuthorization(string header, string identity, string password)
        {
            if (password == null)
            {
                return;
            }

            string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(identity + ":" + password));
            if (header == null || !string.Equals(header, expected, StringComparison.Ordinal))
            {
                // The message never contains the header or the password.
                throw new HandshakeException(HttpStatusCode.Unauthorized, "HTTP Basic authentication for '" + identity + "' is missing or wrong");
            }
        }

        private static bool IsValidKey(string key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return false;
            }

            Span<byte> decoded = stackalloc byte[24];
            return Convert.TryFromBase64String(key, decoded, out int length) && length == 16;
        }

        private static bool HasToken(string headerValue, string token, StringComparison comparison)
        {
            foreach (string candidate in HandshakeRequest.Tokens(headerValue))
            {
                if (string.Equals(candidate, token, comparison))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
