using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Configuration as the flash stores it for the next boot, and the one path that changes and saves
    /// a setting. The technician console and the central system's ChangeConfiguration both go through
    /// it, so a save by one never drops a change the other made for the next boot.
    /// </summary>
    public sealed class SavedConfiguration
    {
        private readonly CabinetConfiguration _running;
        private readonly CabinetConfiguration _values = new CabinetConfiguration();
        private readonly bool[] _pendingAtReboot = new bool[ConfigurationRegistry.Settings.Length];
        private readonly ConfigurationStore _store;

        /// <summary>Creates the flash copy from <paramref name="running"/>, the configuration the cabinet runs with.</summary>
        public SavedConfiguration(CabinetConfiguration running, ConfigurationStore store)
        {
            _running = running;
            _store = store;
            ConfigurationRegistry.CopySettings(running, _values);
        }

        /// <summary>Values for the next boot. A caller that edits a field directly saves with <see cref="Save"/>.</summary>
        public CabinetConfiguration Values
        {
            get
            {
                RefreshFromRunning();
                return _values;
            }
        }

        public ConfigurationStore Store
        {
            get { return _store; }
        }

        /// <summary>Returns true when the flash contains a value of <paramref name="setting"/> that applies only after a reboot.</summary>
        public bool IsPendingAtReboot(SettingDefinition setting)
        {
            int index = IndexOf(setting);
            return index >= 0 && _pendingAtReboot[index];
        }

        /// <summary>
        /// Checks <paramref name="value"/>, then the rules between settings that this change would break,
        /// saves, and copies the value into the running configuration when <paramref name="applyNow"/>.
        /// Returns the failed check, or <see cref="SettingCheck.Valid"/>. <paramref name="saveFailure"/> is
        /// the storage error when the flash write failed. On any failure both copies keep their values.
        /// </summary>
        public SettingCheck Change(SettingDefinition setting, string value, bool applyNow, out string saveFailure)
        {
            saveFailure = null;
            RefreshFromRunning();
            string previous = ConfigurationRegistry.GetText(setting, _values);
            SettingCheck before = ConfigurationValidator.ValidateSettings(_values);
            SettingCheck check = ConfigurationRegistry.Apply(setting, _values, value);
            if (!check.IsValid)
            {
                return check;
            }

            // A rule between settings is reported only when this change breaks it: a configuration
            // built in code may already break one that this change has nothing to do with.
            SettingCheck after = ConfigurationValidator.ValidateSettings(_values);
            if (!after.IsValid && (before.IsValid || after.Error != before.Error || after.Key != before.Key))
            {
                ConfigurationRegistry.Restore(setting, _values, previous);
                return after;
            }

            saveFailure = Write();
            if (saveFailure != null)
            {
                ConfigurationRegistry.Restore(setting, _values, previous);
                return SettingCheck.Valid;
            }

            string saved = ConfigurationRegistry.GetText(setting, _values);
            int index = IndexOf(setting);
            if (applyNow)
            {
                ConfigurationRegistry.Apply(setting, _running, saved);
                _pendingAtReboot[index] = false;
            }
            else
            {
                _pendingAtReboot[index] = saved != ConfigurationRegistry.GetText(setting, _running);
            }

            return SettingCheck.Valid;
        }

        /// <summary>
        /// Writes <see cref="Values"/> to the flash. Returns null, or the storage error (the caller restores
        /// the fields it changed). A simulated power cut propagates.
        /// </summary>
        public string Save()
        {
            RefreshFromRunning();
            return Write();
        }

        private string Write()
        {
            try
            {
                _store.Save(_values);
                return null;
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception exception)
            {
                // IFileStorage implementations throw their platform's exceptions (IOException on the
                // device), and every one of them means the file was not replaced.
                return exception.Message;
            }
        }

        /// <summary>Sets every value for the next boot back to its default, after a factory reset erased the flash.</summary>
        public void ResetToDefaults()
        {
            ConfigurationRegistry.ApplyDefaults(_values);
            for (int i = 0; i < _pendingAtReboot.Length; i++)
            {
                _pendingAtReboot[i] = false;
            }
        }

        // Copies into the flash copy every setting without a change pending for the next boot, so that
        // a value changed in the running configuration is saved as it is, not overwritten with an older one.
        private void RefreshFromRunning()
        {
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            for (int i = 0; i < settings.Length; i++)
            {
                if (!_pendingAtReboot[i])
                {
                    ConfigurationRegistry.Restore(settings[i], _values, ConfigurationRegistry.GetText(settings[i], _running));
                }
            }
        }

        private static int IndexOf(SettingDefinition setting)
        {
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            for (int i = 0; i < settings.Length; i++)
            {
                if (settings[i] == setting)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
