namespace KiWhi.Armoire.Firmware
{
    /// <summary>How a setting appears to the central system through GetConfiguration and ChangeConfiguration (OCPP 1.6 §5.8, §5.3).</summary>
    public enum OcppAccess
    {
        /// <summary>Not an OCPP configuration key: GetConfiguration lists it as unknown.</summary>
        Hidden,

        /// <summary>Listed with readonly true; ChangeConfiguration is rejected.</summary>
        ReadOnly,

        /// <summary>Listed with readonly false; ChangeConfiguration may change it.</summary>
        ReadWrite,

        /// <summary>Never listed, because its value is a secret, but ChangeConfiguration may set it.</summary>
        WriteOnly,
    }
}
