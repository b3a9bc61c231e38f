using System;
using System.Threading;
using KiWhi.Armoire.Boards;
using nanoFramework.Networking;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Brings the board's network up and waits for a valid system time. The nanoFramework ESP32
    /// firmware runs its own SNTP client once an IP address is configured. The helpers' requiresDateTime
    /// option then waits until DateTime.UtcNow reaches 2021 (nanoFramework.System.Net NetworkHelperInternal).
    /// </summary>
    public static class NetworkBringUp
    {
        /// <summary>
        /// Connects to <paramref name="wifiSsid"/> with <paramref name="wifiPassword"/> (DHCP), or, when no SSID
        /// is provisioned, with the credentials stored in the device's configuration block (set with the
        /// nanoFramework Device Explorer or nanoff); on an Ethernet board waits for the link and DHCP.
        /// Returns null on success, or the reason for the failure.
        /// </summary>
        /// <remarks>NOTE: static IPv4 addressing from the provisioned configuration is not applied yet; DHCP is used.</remarks>
        public static string Connect(BoardProfile profile, string wifiSsid, string wifiPassword, int timeoutMs)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            try
            {
                if (profile.Network == NetworkKind.Wifi)
                {
                    bool connected = wifiSsid != null && wifiSsid.Length > 0
                        ? WifiNetworkHelper.ConnectDhcp(wifiSsid, wifiPassword, WifiReconnectionKind.Automatic, true, 0, timeout.Token)
                        : WifiNetworkHelper.Reconnect(true, 0, timeout.Token);
                    return connected ? null : Describe("Wi-Fi", WifiNetworkHelper.Status, WifiNetworkHelper.HelperException);
                }

                bool ready = NetworkHelper.SetupAndConnectNetwork(timeout.Token, true);
                return ready ? null : Describe("Ethernet", NetworkHelper.Status, NetworkHelper.HelperException);
            }
            catch (Exception e)
            {
                return "network bring-up failed: " + e.Message;
            }
        }

        private static string Describe(string network, NetworkHelperStatus status, Exception error)
        {
            string text = network + " not ready: " + StatusName(status);
            return error == null ? text : text + " (" + error.Message + ")";
        }

        private static string StatusName(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.FailedNoNetworkInterface:
                    return "no network interface";
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress:
                    return "timed out waiting for an IP address";
                case NetworkHelperStatus.TokenExpiredWaitingDateTime:
                    return "timed out waiting for SNTP time";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning:
                    return "Wi-Fi connection failed";
                case NetworkHelperStatus.ExceptionOccurred:
                    return "exception in the network helper";
                default:
                    return "status " + (int)status;
            }
        }
    }
}
