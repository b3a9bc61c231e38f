namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Outcome of checking one value or a whole configuration: valid, or the error with the key, the
    /// offending value and the limits that its catalogue message names. The value of a secret is
    /// never kept: its errors carry a length or a position instead.
    /// </summary>
    public sealed class SettingCheck
    {
        /// <summary>The shared result of every successful check.</summary>
        public static readonly SettingCheck Valid = new SettingCheck(SettingErrorKind.None, null, null, null, null);

        public SettingCheck(SettingErrorKind error, string key, string value, string limit1, string limit2)
        {
            Error = error;
            Key = key ?? "";
            Value = value ?? "";
            Limit1 = limit1 ?? "";
            Limit2 = limit2 ?? "";
        }

        public SettingErrorKind Error { get; }

        public bool IsValid
        {
            get { return Error == SettingErrorKind.None; }
        }

        /// <summary>Setting key, or the file name for <see cref="SettingErrorKind.InvalidFile"/>.</summary>
        public string Key { get; }

        /// <summary>Offending value, shortened and with control characters replaced, safe to print.</summary>
        public string Value { get; }

        /// <summary>First limit or detail of the message: the minimum, the accepted words, the board name.</summary>
        public string Limit1 { get; }

        /// <summary>Second limit or detail of the message: the maximum, the board's limit.</summary>
        public string Limit2 { get; }
    }
}
