using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Every configuration setting of the cabinet, one line of data each, mapped onto the fields of
    /// <see cref="CabinetConfiguration"/>. The console (config list|get|set), the first-boot setup,
    /// the provisioning file and the stored configuration read and write settings only through here.
    /// </summary>
    /// <remarks>
    /// To add a setting, add its field to <see cref="CabinetConfiguration"/> and one line below; a host
    /// test checks that every default here equals the field's initial value. OCPP keys keep the
    /// spelling of OCPP 1.6 §9.1; the others are the cabinet's own.
    /// </remarks>
    public static class ConfigurationRegistry
    {
        /// <summary>Largest number of bays any board drives; a board profile usually allows fewer.</summary>
        public const int MaxBays = 99;

        /// <summary>Text that replaces the value of a secret that is set.</summary>
        public const string MaskedValue = "********";

        private const SettingFlags Reboot = SettingFlags.RequiresReboot;
        private const SettingFlags Optional = SettingFlags.Optional;
        private const SettingFlags Secret = SettingFlags.Secret;
        private const SettingFlags Required = SettingFlags.RequiredAtProvisioning;

        /// <summary>The settings, in the order the console lists them.</summary>
        public static readonly SettingDefinition[] Settings = new SettingDefinition[]
        {
            // Hardware and network, used at boot before the cabinet loop starts.
            SettingDefinition.Choice("BoardProfile", BoardCatalogue.Names, null, Reboot | Required, OcppAccess.Hidden, c => c.BoardProfileName, (c, v) => c.BoardProfileName = v),
            SettingDefinition.Choice("NetworkInterface", new string[] { "wifi", "ethernet" }, "wifi", Reboot, OcppAccess.Hidden, c => c.NetworkInterface, (c, v) => c.NetworkInterface = v),
            SettingDefinition.Text("WifiSsid", SettingType.Text, 1, 32, null, Reboot | Optional, OcppAccess.Hidden, c => c.WifiSsid, (c, v) => c.WifiSsid = v),
            SettingDefinition.Text("WifiPassword", SettingType.Text, 8, 64, null, Reboot | Optional | Secret, OcppAccess.Hidden, c => c.WifiPassword, (c, v) => c.WifiPassword = v),
            SettingDefinition.Choice("IpAddressing", new string[] { "dhcp", "static" }, "dhcp", Reboot, OcppAccess.Hidden, c => c.IpAddressing, (c, v) => c.IpAddressing = v),
            SettingDefinition.Text("StaticIpAddress", SettingType.IpAddress, 7, 15, null, Reboot | Optional, OcppAccess.Hidden, c => c.StaticIpAddress, (c, v) => c.StaticIpAddress = v),
            SettingDefinition.Text("SubnetMask", SettingType.IpAddress, 7, 15, null, Reboot | Optional, OcppAccess.Hidden, c => c.SubnetMask, (c, v) => c.SubnetMask = v),
            SettingDefinition.Text("DefaultGateway", SettingType.IpAddress, 7, 15, null, Reboot | Optional, OcppAccess.Hidden, c => c.DefaultGateway, (c, v) => c.DefaultGateway = v),
            SettingDefinition.Text("DnsServer", SettingType.IpAddress, 7, 15, null, Reboot | Optional, OcppAccess.Hidden, c => c.DnsServer, (c, v) => c.DnsServer = v),

            // Central system link, read when the charge point is built.
            SettingDefinition.Text("CentralSystemUrl", SettingType.Url, 8, 512, "ws://127.0.0.1:9000/ocpp", Reboot | Required, OcppAccess.Hidden, c => c.CentralSystemUrl, (c, v) => c.CentralSystemUrl = v),
            SettingDefinition.Text("ChargePointIdentity", SettingType.Identity, 1, 20, "ARMOIRE-01", Reboot | Required, OcppAccess.Hidden, c => c.ChargePointIdentity, (c, v) => c.ChargePointIdentity = v),

            // OCPP 1.6 security whitepaper: 16 to 20 bytes written as 32 to 40 hexadecimal digits.
            SettingDefinition.Text("AuthorizationKey", SettingType.HexKey, 32, 40, null, Reboot | Optional | Secret, OcppAccess.WriteOnly, c => c.AuthorizationKey, (c, v) => c.AuthorizationKey = v),
            SettingDefinition.Text("ChargePointSerialNumber", SettingType.Text, 1, 25, null, Reboot | Optional, OcppAccess.Hidden, c => c.ChargePointSerialNumber, (c, v) => c.ChargePointSerialNumber = v),

            // Bays and cards, read when the cabinet is built.
            SettingDefinition.IntegerList("SpotNumbers", 1, MaxBays, 1, 9999, new int[] { 1, 2, 3, 4 }, Reboot | Required, OcppAccess.Hidden, c => c.SpotNumbers, (c, v) => c.SpotNumbers = v),
            SettingDefinition.Boolean("RequireCardAuthentication", true, Reboot, OcppAccess.Hidden, c => c.RequireCardAuthentication, (c, v) => c.RequireCardAuthentication = v),
            SettingDefinition.Text("CardMasterKey", SettingType.HexKey, 32, 32, null, Reboot | Optional | Secret, OcppAccess.Hidden, c => SettingText.ToHex(c.CardMasterKey), (c, v) => c.CardMasterKey = SettingText.FromHex(v)),
            SettingDefinition.Choice("IdTagRule", new string[] { "uid", "cardnumber" }, "uid", Reboot, OcppAccess.Hidden, c => IdTagRuleText(c.IdTagRule), (c, v) => c.IdTagRule = v == "cardnumber" ? KiWhiIdTagRule.CardNumber : KiWhiIdTagRule.Uid),

            // Operation, read each time it is used, except HeartbeatInterval, which the charge point
            // copies at start and then takes from BootNotification.conf.
            SettingDefinition.Choice("Language", new string[] { "fr", "en" }, "fr", SettingFlags.None, OcppAccess.Hidden, c => c.Language, (c, v) => c.Language = v),
            SettingDefinition.Integer("HeartbeatInterval", "s", 0, 86400, 300, Reboot, OcppAccess.ReadWrite, c => c.HeartbeatIntervalSeconds, (c, v) => c.HeartbeatIntervalSeconds = v),
            SettingDefinition.Integer("MeterValueSampleInterval", "s", 0, 86400, 60, SettingFlags.None, OcppAccess.ReadWrite, c => c.MeterValueSampleIntervalSeconds, (c, v) => c.MeterValueSampleIntervalSeconds = v),
            SettingDefinition.Boolean("StopTransactionOnInvalidId", true, SettingFlags.None, OcppAccess.ReadWrite, c => c.StopTransactionOnInvalidId, (c, v) => c.StopTransactionOnInvalidId = v),
            SettingDefinition.Integer("TransactionMessageAttempts", "", 1, 10, 3, SettingFlags.None, OcppAccess.ReadWrite, c => c.TransactionMessageAttempts, (c, v) => c.TransactionMessageAttempts = v),
            SettingDefinition.Integer("TransactionMessageRetryInterval", "s", 1, 3600, 60, SettingFlags.None, OcppAccess.ReadWrite, c => c.TransactionMessageRetryIntervalSeconds, (c, v) => c.TransactionMessageRetryIntervalSeconds = v),
            SettingDefinition.Boolean("LocalAuthListEnabled", true, SettingFlags.None, OcppAccess.ReadWrite, c => c.LocalAuthListEnabled, (c, v) => c.LocalAuthListEnabled = v),
            SettingDefinition.Boolean("AuthorizationCacheEnabled", true, SettingFlags.None, OcppAccess.ReadWrite, c => c.AuthorizationCacheEnabled, (c, v) => c.AuthorizationCacheEnabled = v),
            SettingDefinition.Boolean("LocalAuthorizeOffline", true, SettingFlags.None, OcppAccess.ReadWrite, c => c.LocalAuthorizeOffline, (c, v) => c.LocalAuthorizeOffline = v),
            SettingDefinition.Boolean("LocalPreAuthorize", false, SettingFlags.None, OcppAccess.ReadWrite, c => c.LocalPreAuthorize, (c, v) => c.LocalPreAuthorize = v),
            SettingDefinition.Boolean("AllowOfflineTxForUnknownId", false, SettingFlags.None, OcppAccess.ReadWrite, c => c.AllowOfflineTxForUnknownId, (c, v) => c.AllowOfflineTxForUnknownId = v),
            SettingDefinition.Integer("MaxEnergyOnInvalidId", "Wh", 0, 1000000, 0, SettingFlags.None, OcppAccess.ReadWrite, c => c.MaxEnergyOnInvalidId, (c, v) => c.MaxEnergyOnInvalidId = v),
            SettingDefinition.Integer("WebSocketPingInterval", "s", 0, 3600, 30, SettingFlags.None, OcppAccess.ReadWrite, c => c.WebSocketPingInterval, (c, v) => c.WebSocketPingInterval = v),
            SettingDefinition.Integer("CallTimeout", "s", 5, 300, 30, SettingFlags.None, OcppAccess.Hidden, c => c.CallTimeoutSeconds, (c, v) => c.CallTimeoutSeconds = v),
            SettingDefinition.Integer("ReconnectDelay", "s", 1, 3600, 10, SettingFlags.None, OcppAccess.Hidden, c => c.ReconnectDelaySeconds, (c, v) => c.ReconnectDelaySeconds = v),
            SettingDefinition.Integer("ReconnectMaxDelay", "s", 1, 86400, 300, SettingFlags.None, OcppAccess.Hidden, c => c.ReconnectMaxDelaySeconds, (c, v) => c.ReconnectMaxDelaySeconds = v),
            SettingDefinition.Integer("ReconnectJitter", "%", 0, ReconnectBackoff.MaxJitterPercent, 25, SettingFlags.None, OcppAccess.Hidden, c => c.ReconnectJitterPercent, (c, v) => c.ReconnectJitterPercent = v),
            SettingDefinition.Integer("StaleLinkHeartbeatIntervals", "", 0, 100, 2, SettingFlags.None, OcppAccess.Hidden, c => c.StaleLinkHeartbeatIntervals, (c, v) => c.StaleLinkHeartbeatIntervals = v),
            SettingDefinition.Integer("BayEntryTimeout", "s", 5, 300, 30, SettingFlags.None, OcppAccess.Hidden, c => c.BayEntryTimeoutSeconds, (c, v) => c.BayEntryTimeoutSeconds = v),
            SettingDefinition.Integer("MessageDisplayTime", "s", 1, 60, 5, SettingFlags.None, OcppAccess.Hidden, c => c.MessageDisplaySeconds, (c, v) => c.MessageDisplaySeconds = v),
            SettingDefinition.Integer("MaxSessionsPerCard", "", 1, MaxBays, 1, SettingFlags.None, OcppAccess.Hidden, c => c.MaxSessionsPerCard, (c, v) => c.MaxSessionsPerCard = v),
            SettingDefinition.Integer("ConsoleInactivityTimeout", "s", 30, 3600, 300, SettingFlags.None, OcppAccess.Hidden, c => c.ConsoleInactivityTimeoutSeconds, (c, v) => c.ConsoleInactivityTimeoutSeconds = v),
        };

        /// <summary>Returns the setting named <paramref name="key"/>, ignoring case as OCPP keys do (CiString50), or null.</summary>
        public static SettingDefinition Find(string key)
        {
            if (key == null)
            {
                return null;
            }

            for (int i = 0; i < Settings.Length; i++)
            {
                if (SettingText.EqualsIgnoreCase(Settings[i].Key, key))
                {
                    return Settings[i];
                }
            }

            return null;
        }

        /// <summary>Returns the value in its text form: the form <see cref="Apply"/> accepts, "" when not set. Secrets included.</summary>
        public static string GetText(SettingDefinition setting, CabinetConfiguration configuration)
        {
            switch (setting.Type)
            {
                case SettingType.Integer:
                    return setting.GetInteger(configuration).ToString();
                case SettingType.Boolean:
                    return setting.GetBoolean(configuration) ? "true" : "false";
                case SettingType.IntegerList:
                    return SettingText.FormatList(setting.GetIntegerList(configuration));
                default:
                    return setting.GetTextValue(configuration) ?? "";
            }
        }

        /// <summary>Returns the value safe to show: a secret becomes <see cref="MaskedValue"/> when set and "" when not.</summary>
        public static string GetDisplayText(SettingDefinition setting, CabinetConfiguration configuration)
        {
            string text = GetText(setting, configuration);
            if (setting.IsSecret)
            {
                return text.Length == 0 ? "" : MaskedValue;
            }

            return text;
        }

        /// <summary>
        /// Checks <paramref name="text"/> (leading and trailing spaces ignored) and stores it in
        /// <paramref name="configuration"/> when valid; returns the check. Words are stored in lower
        /// case and hexadecimal keys in upper case.
        /// </summary>
        public static SettingCheck Apply(SettingDefinition setting, CabinetConfiguration configuration, string text)
        {
            string trimmed = SettingText.TrimSpaces(text) ?? "";
            SettingCheck check = SettingValidator.Check(setting, trimmed);
            if (check.IsValid)
            {
                Store(setting, configuration, trimmed);
            }

            return check;
        }

        /// <summary>
        /// Stores a text that <see cref="GetText"/> returned earlier, without checking it again, to undo a
        /// change: the earlier value may be one that a configuration built in code contains but a check rejects.
        /// </summary>
        public static void Restore(SettingDefinition setting, CabinetConfiguration configuration, string text)
        {
            Store(setting, configuration, text);
        }

        /// <summary>Sets every setting to its default and clears the technician password hash.</summary>
        public static void ApplyDefaults(CabinetConfiguration configuration)
        {
            for (int i = 0; i < Settings.Length; i++)
            {
                Store(Settings[i], configuration, Settings[i].DefaultText);
            }

            configuration.TechnicianPasswordHash = null;
        }

        /// <summary>Clears every secret setting and the technician password hash.</summary>
        public static void ClearSecrets(CabinetConfiguration configuration)
        {
            for (int i = 0; i < Settings.Length; i++)
            {
                if (Settings[i].IsSecret)
                {
                    Store(Settings[i], configuration, "");
                }
            }

            configuration.TechnicianPasswordHash = null;
        }

        /// <summary>Copies every setting, the technician password hash and the provisioning state from one configuration to another.</summary>
        public static void CopySettings(CabinetConfiguration source, CabinetConfiguration destination)
        {
            for (int i = 0; i < Settings.Length; i++)
            {
                Store(Settings[i], destination, GetText(Settings[i], source));
            }

            destination.TechnicianPasswordHash = source.TechnicianPasswordHash;
            destination.IsProvisioned = source.IsProvisioned;
        }

        // Stores a text already checked (or a default); "" stores null for text settings.
        private static void Store(SettingDefinition setting, CabinetConfiguration configuration, string text)
        {
            switch (setting.Type)
            {
                case SettingType.Integer:
                    int value;
                    SettingText.TryParseInteger(text, out value);
                    setting.SetInteger(configuration, value);
                    return;
                case SettingType.Boolean:
                    setting.SetBoolean(configuration, SettingText.ToLowerAscii(text) == "true");
                    return;
                case SettingType.IntegerList:
                    int[] values;
                    SettingValidator.ParseList(setting, text, out values);
                    setting.SetIntegerList(configuration, values);
                    return;
                case SettingType.Choice:
                case SettingType.Url:
                    setting.SetTextValue(configuration, text.Length == 0 ? null : NormalizeWord(setting, text));
                    return;
                case SettingType.HexKey:
                    setting.SetTextValue(configuration, text.Length == 0 ? null : text.ToUpper());
                    return;
                default:
                    setting.SetTextValue(configuration, text.Length == 0 ? null : text);
                    return;
            }
        }

        // Choices are lower case; a URL keeps its path as typed but gets a lower-case scheme.
        private static string NormalizeWord(SettingDefinition setting, string text)
        {
            if (setting.Type == SettingType.Choice)
            {
                return SettingText.ToLowerAscii(text);
            }

            int schemeEnd = text.IndexOf("://");
            return SettingText.ToLowerAscii(text.Substring(0, schemeEnd)) + text.Substring(schemeEnd);
        }

        private static string IdTagRuleText(KiWhiIdTagRule rule)
        {
            return rule == KiWhiIdTagRule.CardNumber ? "cardnumber" : "uid";
        }
    }
}
