namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Maximum lengths of the OCPP 1.6 CiString types (CiString20Type … CiString500Type), counted in
    /// Unicode characters as the JSON schema keyword maxLength counts them.
    /// </summary>
    public static class CiStringLength
    {
        /// <summary>CiString20Type: idTag, parentIdTag, chargePointVendor, chargePointModel, iccid, imsi.</summary>
        public const int CiString20 = 20;

        /// <summary>CiString25Type: serial numbers and meterType.</summary>
        public const int CiString25 = 25;

        /// <summary>CiString50Type: firmwareVersion, StatusNotification info and vendorErrorCode.</summary>
        public const int CiString50 = 50;

        /// <summary>CiString255Type: StatusNotification vendorId.</summary>
        public const int CiString255 = 255;

        /// <summary>CiString500Type: not used by the operations of this namespace.</summary>
        public const int CiString500 = 500;

        /// <summary>
        /// Returns true when <paramref name="value"/> has at most <paramref name="maxLength"/> Unicode
        /// characters (a surrogate pair counts as one). A null value fits.
        /// </summary>
        public static bool Fits(string value, int maxLength)
        {
            return value == null || CountCharacters(value) <= maxLength;
        }

        /// <summary>Returns the number of Unicode characters of <paramref name="value"/>, counting a surrogate pair once.</summary>
        internal static int CountCharacters(string value)
        {
            int count = value.Length;
            for (int i = 1; i < value.Length; i++)
            {
                if (IsLowSurrogate(value[i]) && IsHighSurrogate(value[i - 1]))
                {
                    count--;
                }
            }

            return count;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= '\uDC00' && c <= '\uDFFF';
        }
    }
}
