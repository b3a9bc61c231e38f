using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Wire text of the OCPP 1.6 enumerations, spelled as in the 1.6 JSON schemas. Each table is
    /// indexed by the enum value, so one list serves both directions. nanoCLR's Enum.ToString
    /// returns the number, never the name, which is why the text is never taken from the enum.
    /// </summary>
    public static class OcppEnumText
    {
        internal static readonly string[] RegistrationStatusTexts = { "Accepted", "Pending", "Rejected" };

        internal static readonly string[] AuthorizationStatusTexts = { "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx" };

        internal static readonly string[] ChargePointStatusTexts =
        {
            "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved",
            "Unavailable", "Faulted",
        };

        internal static readonly string[] ChargePointErrorCodeTexts =
        {
            "NoError", "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
            "InternalError", "LocalListConflict", "OtherError", "OverCurrentFailure", "OverVoltage",
            "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "WeakSignal",
        };

        // Index 0 of the following tables is the Omitted member, which has no text.
        internal static readonly string[] ReasonTexts =
        {
            null, "DeAuthorized", "EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss",
            "Reboot", "Remote", "SoftReset", "UnlockCommand",
        };

        internal static readonly string[] ReadingContextTexts =
        {
            null, "Interruption.Begin", "Interruption.End", "Other", "Sample.Clock", "Sample.Periodic",
            "Transaction.Begin", "Transaction.End", "Trigger",
        };

        internal static readonly string[] MeasurandTexts =
        {
            null, "Current.Export", "Current.Import", "Current.Offered", "Energy.Active.Export.Register",
            "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
            "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval",
            "Energy.Reactive.Import.Interval", "Frequency", "Power.Active.Export", "Power.Active.Import",
            "Power.Factor", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "RPM", "SoC",
            "Temperature", "Voltage",
        };

        // NOTE: the 1.6 schema of ocpp-rpc 2.2.1 accepts both "Celsius" and the misspelling
        // "Celcius". The cabinet writes "Celsius" and reads both.
        internal static readonly string[] UnitOfMeasureTexts =
        {
            null, "Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "K", "Celsius",
            "Fahrenheit", "Percent",
        };

        internal static readonly string[] ValueFormatTexts = { null, "Raw", "SignedData" };

        internal static readonly string[] PhaseTexts =
        {
            null, "L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1",
        };

        internal static readonly string[] LocationTexts = { null, "Body", "Cable", "EV", "Inlet", "Outlet" };

        private const string CelsiusMisspelling = "Celcius";

        /// <summary>Returns the wire text of <paramref name="value"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(RegistrationStatus value) => TextAt(RegistrationStatusTexts, (int)value, "RegistrationStatus");

        /// <summary>Returns the wire text of <paramref name="value"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(AuthorizationStatus value) => TextAt(AuthorizationStatusTexts, (int)value, "AuthorizationStatus");

        /// <summary>Returns the wire text of <paramref name="value"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(ChargePointStatus value) => TextAt(ChargePointStatusTexts, (int)value, "ChargePointStatus");

        /// <summary>Returns the wire text of <paramref name="value"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(ChargePointErrorCode value) => TextAt(ChargePointErrorCodeTexts, (int)value, "ChargePointErrorCode");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="Reason.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(Reason value) => TextAt(ReasonTexts, (int)value, "Reason");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="ReadingContext.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(ReadingContext value) => TextAt(ReadingContextTexts, (int)value, "ReadingContext");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="Measurand.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(Measurand value) => TextAt(MeasurandTexts, (int)value, "Measurand");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="UnitOfMeasure.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(UnitOfMeasure value) => TextAt(UnitOfMeasureTexts, (int)value, "UnitOfMeasure");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="ValueFormat.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(ValueFormat value) => TextAt(ValueFormatTexts, (int)value, "ValueFormat");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="Phase.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(Phase value) => TextAt(PhaseTexts, (int)value, "Phase");

        /// <summary>Returns the wire text of <paramref name="value"/>, or null for <see cref="Location.Omitted"/>.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
        public static string ToText(Location value) => TextAt(LocationTexts, (int)value, "Location");

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out RegistrationStatus value)
        {
            int index = IndexOf(RegistrationStatusTexts, text);
            value = (RegistrationStatus)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out AuthorizationStatus value)
        {
            int index = IndexOf(AuthorizationStatusTexts, text);
            value = (AuthorizationStatus)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out ChargePointStatus value)
        {
            int index = IndexOf(ChargePointStatusTexts, text);
            value = (ChargePointStatus)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out ChargePointErrorCode value)
        {
            int index = IndexOf(ChargePointErrorCodeTexts, text);
            value = (ChargePointErrorCode)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out Reason value)
        {
            int index = IndexOf(ReasonTexts, text);
            value = (Reason)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out ReadingContext value)
        {
            int index = IndexOf(ReadingContextTexts, text);
            value = (ReadingContext)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out Measurand value)
        {
            int index = IndexOf(MeasurandTexts, text);
            value = (Measurand)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>
        /// Converts wire text (case-sensitive) to the enum, reading "Celcius" as <see cref="UnitOfMeasure.Celsius"/>,
        /// and returns false when the text is not in the 1.6 list.
        /// </summary>
        public static bool TryParse(string text, out UnitOfMeasure value)
        {
            int index = text == CelsiusMisspelling ? (int)UnitOfMeasure.Celsius : IndexOf(UnitOfMeasureTexts, text);
            value = (UnitOfMeasure)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out ValueFormat value)
        {
            int index = IndexOf(ValueFormatTexts, text);
            value = (ValueFormat)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out Phase value)
        {
            int index = IndexOf(PhaseTexts, text);
            value = (Phase)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>Converts wire text (case-sensitive) to the enum and returns false when the text is not in the 1.6 list.</summary>
        public static bool TryParse(string text, out Location value)
        {
            int index = IndexOf(LocationTexts, text);
            value = (Location)(index < 0 ? 0 : index);
            return index >= 0;
        }

        /// <summary>
        /// Returns the index in <paramref name="table"/> of the reader's current string, compared
        /// without allocating, or -1 when it is not in the table.
        /// </summary>
        internal static int IndexOf(string[] table, JsonReader reader)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i] != null && reader.ValueEquals(table[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Returns true when <paramref name="value"/> is an index of <paramref name="table"/> with a text.</summary>
        internal static bool IsDefined(string[] table, int value)
        {
            return value >= 0 && value < table.Length && table[value] != null;
        }

        private static int IndexOf(string[] table, string text)
        {
            if (text == null)
            {
                return -1;
            }

            for (int i = 0; i < table.Length; i++)
            {
                if (table[i] != null && table[i] == text)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string TextAt(string[] table, int value, string enumName)
        {
            if (value < 0 || value >= table.Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(value), value + " is not a " + enumName + " value.");
            }

            return table[value];
        }
    }
}
