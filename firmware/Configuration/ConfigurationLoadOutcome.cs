namespace KiWhi.Armoire.Firmware
{
    /// <summary>What <see cref="ConfigurationStore.Load"/> found on the flash.</summary>
    public enum ConfigurationLoadOutcome
    {
        /// <summary>A valid stored configuration was loaded: the cabinet is provisioned.</summary>
        Loaded,

        /// <summary>A valid provisioning file was applied, saved as the configuration and deleted.</summary>
        ProvisioningFileApplied,

        /// <summary>Nothing stored: the cabinet waits for the first-boot setup.</summary>
        NotProvisioned,

        /// <summary>The stored configuration is unreadable or invalid: the cabinet waits for the setup, which offers the values read.</summary>
        StoredInvalid,
    }
}
