namespace KiWhi.Armoire.Firmware
{
    /// <summary>Value type of a configuration setting; it fixes how the text form is parsed and checked.</summary>
    public enum SettingType
    {
        /// <summary>Decimal integer within [Minimum, Maximum].</summary>
        Integer,

        /// <summary>"true" or "false", the OCPP 1.6 text of a boolean configuration value.</summary>
        Boolean,

        /// <summary>Printable text of Minimum to Maximum characters.</summary>
        Text,

        /// <summary>One of a fixed list of words.</summary>
        Choice,

        /// <summary>WebSocket URL: ws:// or wss://, a host, an optional port and path, no query or fragment.</summary>
        Url,

        /// <summary>Charge-point identity: 1 to Maximum printable ASCII characters, no space.</summary>
        Identity,

        /// <summary>IPv4 address in dotted decimal form.</summary>
        IpAddress,

        /// <summary>Comma-separated integers, each within [ItemMinimum, ItemMaximum], no duplicates.</summary>
        IntegerList,

        /// <summary>Hexadecimal digits, an even number from Minimum to Maximum.</summary>
        HexKey,
    }
}
