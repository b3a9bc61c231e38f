namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>ChangeConfiguration.conf status (OCPP 1.6 §7.19 ConfigurationStatus).</summary>
    public enum ConfigurationStatus
    {
        /// <summary>The new value is in force.</summary>
        Accepted = 0,

        /// <summary>The key is read-only or the value is not valid for it.</summary>
        Rejected,

        /// <summary>The new value is stored and takes effect after the next reboot.</summary>
        RebootRequired,

        /// <summary>The key is not known to the charge point.</summary>
        NotSupported,
    }
}
