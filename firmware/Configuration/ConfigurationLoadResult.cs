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

        /// <summary>Returns one English log line: what was loaded, and each problem with the value and the rule it broke.</summary>
        public string Summary()
        {
            string text;
            switch (Outcome)
            {
                case ConfigurationLoadOutcome.Loaded:
                    text = "configuration loaded";
                    break;
                case ConfigurationLoadOutcome.ProvisioningFileApplied:
                    text = "configuration taken from " + ConfigurationStore.ProvisioningFileName + ", saved, and the file deleted";
                    break;
                case ConfigurationLoadOutcome.StoredInvalid:
                    text = "stored configuration rejected (" + SettingMessages.Describe(StoredProblem, "en") + "): first-boot setup on the console";
                    break;
                default:
                    text = "no configuration: first-boot setup on the console";
                    break;
            }

            if (!ProvisioningFileProblem.IsValid)
            {
                text += "; " + ConfigurationStore.ProvisioningFileName + " rejected and left on the flash (" + SettingMessages.Describe(ProvisioningFileProblem, "en") + ")";
            }

            if (IgnoredKeys > 0)
            {
                text += "; " + IgnoredKeys.ToString() + " unknown key(s) ignored";
            }

            return text;
        }
    }
}
