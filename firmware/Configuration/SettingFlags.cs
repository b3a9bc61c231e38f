namespace KiWhi.Armoire.Firmware
{
    /// <summary>Properties of a setting that are not its type or range.</summary>
    [System.Flags]
    public enum SettingFlags
    {
        None = 0,

        /// <summary>Never displayed, logged or returned: the console shows only whether it is set.</summary>
        Secret = 1,

        /// <summary>The running cabinet reads the value at boot, so a new value is saved and applied at the next boot.</summary>
        RequiresReboot = 2,

        /// <summary>The empty text is valid and means "not set".</summary>
        Optional = 4,

        /// <summary>Provisioning (setup or provisioning file) must give a value: the default is no use on site.</summary>
        RequiredAtProvisioning = 8,
    }
}
