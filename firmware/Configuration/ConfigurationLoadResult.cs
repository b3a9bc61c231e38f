namespace KiWhi.Armoire.Firmware
{
    /// <summary>Outcome of <see cref="ConfigurationStore.Load"/>, with the problems to log and to show on the console.</summary>
    public sealed class ConfigurationLoadResult
    {
        public ConfigurationLoadResult(ConfigurationLoadOutcome outcome, SettingCheck storedProblem, SettingCheck provisioningFileProblem, int ignoredKeys)
        {
            Outcome = outcome;
            StoredProblem = storedProblem ?? SettingCheck.Valid;
            ProvisioningFileProblem = provisioningFileProblem ?? SettingCheck.Valid;
            IgnoredKeys = ignoredKeys;
        }

        public ConfigurationLoadOutcome Outcome { get; }

        /// <summary>Why the stored configuration was rejected (<see cref="ConfigurationLoadOutcome.StoredInvalid"/>), or valid.</summary>
        public SettingCheck StoredProblem { get; }

        /// <summary>Why a provisioning file on the flash was not applied; valid when there was none or it was applied.</summary>
        public SettingCheck ProvisioningFileProblem { get; }

        /// <summary>Keys of the stored configuration that this firmware does not know, skipped (a file written by a newer firmware).</summary>
        public int IgnoredKeys { get; }
    }
}
