using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Checks that a whole configuration can run a cabinet. Each setting must be valid on its own,
    /// then the rules between settings apply: the network details the chosen interface needs, the
    /// board's bay count and network port, a card master key when cards must authenticate, and a
    /// technician password.
    /// </summary>
    public static class ConfigurationValidator
    {
        /// <summary>Returns <see cref="SettingCheck.Valid"/> or the first problem found, settings in registry order, then the password.</summary>
        public static SettingCheck Validate(CabinetConfiguration configuration)
        {
            SettingCheck check = ValidateSettings(configuration);
            if (check.IsValid && !TechnicianPassword.IsWellFormed(configuration.TechnicianPasswordHash))
            {
                return new SettingCheck(SettingErrorKind.PasswordMissing, TechnicianPassword.Rule.Key, "", null, null);
            }

            return check;
        }

        /// <summary>Checks everything <see cref="Validate"/> does except the technician password.</summary>
        public static SettingCheck ValidateSettings(CabinetConfiguration configuration)
        {
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            for (int i = 0; i < settings.Length; i++)
            {
                SettingDefinition setting = settings[i];
                string text = ConfigurationRegistry.GetText(setting, configuration);
                if (text.Length == 0 && setting.IsRequiredAtProvisioning)
                {
                    return new SettingCheck(SettingErrorKind.Required, setting.Key, "", null, null);
                }

                SettingCheck check = SettingValidator.Check(setting, text);
                if (!check.IsValid)
                {
                    return check;
                }
            }

            // The board first, because it fixes the network interface: a file that leaves NetworkInterface
            // at its default on an Ethernet board gets the board's rule, not a request for a Wi-Fi SSID.
            SettingCheck crossCheck = CheckBoard(configuration);
            if (!crossCheck.IsValid)
            {
                return crossCheck;
            }

            crossCheck = CheckNetwork(configuration);
            if (!crossCheck.IsValid)
            {
                return crossCheck;
            }

            if (configuration.RequireCardAuthentication && configuration.CardMasterKey == null)
            {
                return new SettingCheck(SettingErrorKind.RequiredForCardAuthentication, "CardMasterKey", "", null, null);
            }

            return SettingCheck.Valid;
        }

        private static SettingCheck CheckNetwork(CabinetConfiguration configuration)
        {
            if (configuration.NetworkInterface == "wifi")
            {
                SettingCheck ssid = RequireForNetwork(configuration.WifiSsid, "WifiSsid", "wifi");
                if (!ssid.IsValid)
                {
                    return ssid;
                }
            }

            if (configuration.IpAddressing != "static")
            {
                return SettingCheck.Valid;
            }

            // A static address needs its mask and a gateway to reach a central system off the local
            // network. The DNS server stays optional, because the URL may contain an IP address.
            SettingCheck check = RequireForNetwork(configuration.StaticIpAddress, "StaticIpAddress", "static");
            if (check.IsValid)
            {
                check = RequireForNetwork(configuration.SubnetMask, "SubnetMask", "static");
            }

            if (check.IsValid)
            {
                check = RequireForNetwork(configuration.DefaultGateway, "DefaultGateway", "static");
            }

            if (check.IsValid)
            {
                check = CheckStaticAddressing(configuration);
            }

            // A static interface learns no DNS server, so a host name in the URL could never resolve.
            string host = UrlHost(configuration.CentralSystemUrl);
            if (check.IsValid && host != null && host[0] != '[' && !SettingValidator.IsIpAddress(host))
            {
                check = RequireForNetwork(configuration.DnsServer, "DnsServer", "IpAddressing=static + CentralSystemUrl=" + host);
            }

            return check;
        }

        // The address, mask and gateway must describe one subnet, or the cabinet never reaches its
        // gateway: a mask of leading one bits, an address that is a host of that subnet (not its network
        // or broadcast address), and a gateway in the same subnet that is not the address itself.
        private static SettingCheck CheckStaticAddressing(CabinetConfiguration configuration)
        {
            uint address;
            uint mask;
            uint gateway;
            if (!SettingValidator.TryParseIpAddress(configuration.StaticIpAddress, out address)
                || !SettingValidator.TryParseIpAddress(configuration.SubnetMask, out mask)
                || !SettingValidator.TryParseIpAddress(configuration.DefaultGateway, out gateway))
            {
                // Each value was already checked on its own.
                return SettingCheck.Valid;
            }

            uint hostBits = ~mask;
            if (mask == 0 || (hostBits & (hostBits + 1)) != 0)
            {
                return new SettingCheck(SettingErrorKind.MaskNotContiguous, "SubnetMask", configuration.SubnetMask, null, null);
            }

            if (hostBits > 1 && ((address & hostBits) == 0 || (address & hostBits) == hostBits))
            {
                return new SettingCheck(SettingErrorKind.AddressNotAHost, "StaticIpAddress", configuration.StaticIpAddress, configuration.SubnetMask, null);
            }

            if ((gateway & mask) != (address & mask) || gateway == address)
            {
                return new SettingCheck(SettingErrorKind.GatewayOutsideSubnet, "DefaultGateway", configuration.DefaultGateway, configuration.StaticIpAddress, configuration.SubnetMask);
            }

            return SettingCheck.Valid;
        }

        // Returns the host of a ws:// or wss:// URL, an IPv6 literal with its brackets, or null when the URL has none.
        private static string UrlHost(string url)
        {
            if (url == null)
            {
                return null;
            }

            int start = url.IndexOf("://");
            if (start < 0)
            {
                return null;
            }

            start += 3;
            if (start < url.Length && url[start] == '[')
            {
                int close = url.IndexOf(']', start);
                return close > start ? url.Substring(start, close - start + 1) : null;
            }

            int end = start;
            while (end < url.Length && url[end] != ':' && url[end] != '/')
            {
                end++;
            }

            return end > start ? url.Substring(start, end - start) : null;
        }

        private static SettingCheck CheckBoard(CabinetConfiguration configuration)
        {
            BoardProfile board = BoardCatalogue.Find(configuration.BoardProfileName);
            if (board == null)
            {
                return SettingCheck.Valid;
            }

            string boardNetwork = board.Network == NetworkKind.Ethernet ? "ethernet" : "wifi";
            if (configuration.NetworkInterface != boardNetwork)
            {
                return new SettingCheck(SettingErrorKind.NetworkNotOnBoard, "NetworkInterface", configuration.NetworkInterface, board.Name, boardNetwork);
            }

            if (configuration.BayCount > board.MaxBays)
            {
                return new SettingCheck(SettingErrorKind.TooManyBays, "SpotNumbers", configuration.BayCount.ToString(), board.Name, board.MaxBays.ToString());
            }

            return SettingCheck.Valid;
        }

        private static SettingCheck RequireForNetwork(string value, string key, string mode)
        {
            if (value == null || value.Length == 0)
            {
                return new SettingCheck(SettingErrorKind.RequiredForNetwork, key, "", mode, null);
            }

            return SettingCheck.Valid;
        }
    }
}
