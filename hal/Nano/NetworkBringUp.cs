using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using KiWhi.Armoire.Boards;
using nanoFramework.Networking;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Network bring-up of the board, with the interface state for the technician console. The
    /// nanoFramework ESP32 firmware starts its own SNTP client once the interface has an address, and the
    /// helpers' requiresDateTime option waits until DateTime.UtcNow reaches 2021 (NetworkHelperInternal).
    /// </summary>
    public sealed class NetworkBringUp : INetworkStatus
    {
        private readonly NetworkInterfaceType _interfaceType;
        private string _lastError;

        public NetworkBringUp(BoardProfile profile)
        {
            _interfaceType = profile.Network == NetworkKind.Wifi ? NetworkInterfaceType.Wireless80211 : NetworkInterfaceType.Ethernet;
        }

        /// <summary>IPv4 address of the board's interface, read from the IP stack on each call.</summary>
        public string IpAddress
        {
            get
            {
                try
                {
                    NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                    for (int i = 0; i < interfaces.Length; i++)
                    {
                        if (interfaces[i].NetworkInterfaceType == _interfaceType)
                        {
                            string address = interfaces[i].IPv4Address;
                            return address == null || address == "0.0.0.0" ? null : address;
                        }
                    }
                }
                catch (Exception e)
                {
                    _lastError = "interface query failed: " + e.Message;
                }

                return null;
            }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        /// <summary>
        /// Connects the interface within <paramref name="timeoutMs"/>. On Wi-Fi: to <paramref name="wifiSsid"/> with
        /// <paramref name="wifiPassword"/>, or, when no SSID is provisioned, with the credentials stored in
        /// the device's configuration block (set with nanoff or the Device Explorer). On Ethernet: waits
        /// for the link. <paramref name="staticAddress"/> is null for DHCP, else the fixed IPv4 settings
        /// (with a stored Wi-Fi configuration it is not applied: that block carries its own addressing).
        /// Returns null on success, or the reason for the failure, which <see cref="LastError"/> keeps.
        /// </summary>
        public string Connect(string wifiSsid, string wifiPassword, IPConfiguration staticAddress, int timeoutMs)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            string failure;
            try
            {
                if (_interfaceType == NetworkInterfaceType.Wireless80211)
                {
                    bool connected;
                    if (wifiSsid == null || wifiSsid.Length == 0)
                    {
                        connected = WifiNetworkHelper.Reconnect(true, 0, timeout.Token);
                    }
                    else if (staticAddress == null)
                    {
                        connected = WifiNetworkHelper.ConnectDhcp(wifiSsid, wifiPassword, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
                    }
                    else
                    {
                        connected = WifiNetworkHelper.ConnectFixAddress(wifiSsid, wifiPassword, staticAddress, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
                    }

                    failure = connected ? null : Describe("Wi-Fi", WifiNetworkHelper.Status, WifiNetworkHelper.HelperException);
                }
                else
                {
                    bool ready = NetworkHelper.SetupAndConnectNetwork(staticAddress, timeout.Token, true);
                    failure = ready ? null : Describe("Ethernet", NetworkHelper.Status, NetworkHelper.HelperException);
                }
            }
            catch (Exception e)
            {
                failure = "network bring-up failed: " + e.Message;
            }

            if (failure != null)
            {
                _lastError = failure;
            }

            return failure;
        }

        /// <summary>
        /// Builds fixed IPv4 settings from dotted-decimal texts that the configuration validator accepted.
        /// A null or empty <paramref name="dnsServer"/> keeps the DNS servers that DHCP announces.
        /// </summary>
        public static IPConfiguration StaticAddress(string address, string subnetMask, string gateway, string dnsServer)
        {
            string[] dns = dnsServer == null || dnsServer.Length == 0 ? null : new string[] { dnsServer };
            return new IPConfiguration(address, subnetMask, gateway, dns);
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
