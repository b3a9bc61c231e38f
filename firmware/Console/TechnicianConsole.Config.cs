namespace KiWhi.Armoire.Firmware
{
    /// <summary>config list, config get and config set.</summary>
    public sealed partial class TechnicianConsole
    {
        private SettingDefinition _pendingSetting;

        // Settings whose flash copy the console changed for the next reboot, by registry index.

        private void RunConfig(string[] words, string line)
        {
            string action = words.Length >= 2 ? SettingText.ToLowerAscii(words[1]) : "";
            if (action == "list" && (words.Length == 2 || words.Length == 3))
            {
                ListSettings(words.Length == 3 ? SettingText.ToLowerAscii(words[2]) : "");
                return;
            }

            if ((action == "get" && words.Length == 3) || (action == "set" && words.Length >= 3))
            {
                SettingDefinition setting = ConfigurationRegistry.Find(words[2]);
                if (setting == null)
                {
                    WriteLine(Describe(new SettingCheck(SettingErrorKind.UnknownKey, "", SettingText.Printable(words[2]), null, null)));
                    return;
                }

                if (action == "get")
                {
                    WriteLine(SettingLine(setting));
                    return;
                }

                BeginSet(setting, ValueAfterKey(line));
                return;
            }

            WriteLine(Text(ConsoleTextId.Usage, Text(ConsoleTextId.ConfigUsage)));
        }

        private void ListSettings(string prefix)
        {
            bool any = false;
            for (int i = 0; i < ConfigurationRegistry.Settings.Length; i++)
            {
                SettingDefinition setting = ConfigurationRegistry.Settings[i];
                if (SettingText.ToLowerAscii(setting.Key).StartsWith(prefix))
                {
                    WriteLine(SettingLine(setting));
                    any = true;
                }
            }

            if (!any)
            {
                WriteLine(Text(ConsoleTextId.ConfigNoMatch, SettingText.Printable(prefix)));
            }
        }

        private void BeginSet(SettingDefinition setting, string value)
        {
            if (value.Length == 0)
            {
                _pendingSetting = setting;
                _mode = ConsoleMode.SettingValue;
                ConsoleTextId prompt = setting.IsSecret ? ConsoleTextId.ConfigSecretPrompt : ConsoleTextId.ConfigValuePrompt;
                Prompt(Text(prompt, setting.Key), setting.IsSecret);
                return;
            }

            if (setting.IsSecret)
            {
                // The value is already on the technician's screen. Refusing it keeps secrets off every
                // screen and out of terminal logs from now on.
                WriteLine(Text(ConsoleTextId.ConfigSecretInline, setting.Key));
                return;
            }

            ApplySetting(setting, value);
        }

        private void OnSettingValue(string value)
        {
            SettingDefinition setting = _pendingSetting;
            _pendingSetting = null;
            _editor.Echo = true;
            _mode = ConsoleMode.Command;
            ApplySetting(setting, value);
            ShowPrompt();
        }

        // Checks the value and the rules between settings, saves the flash copy, and applies the value
        // to the running cabinet unless it is read only at boot. Any failure keeps the previous value.
        private void ApplySetting(SettingDefinition setting, string value)
        {
            string failure;
            SettingCheck check = _saved.Change(setting, value, !setting.RequiresReboot, out failure);
            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                return;
            }

            if (failure != null)
            {
                _log.Error(Component, "configuration not saved: " + failure);
                WriteLine(Text(ConsoleTextId.ConfigSaveFailed, setting.Key, SettingText.Printable(failure)));
                return;
            }

            CabinetConfiguration saved = _saved.Values;
            string displayed = DisplayedValue(setting, saved);
            _log.Info(Component, "setting " + setting.Key + (setting.IsSecret
                ? " changed, value not logged: secret"
                : " changed to " + SettingText.Printable(ConfigurationRegistry.GetText(setting, saved))));
            WriteLine(Text(setting.RequiresReboot ? ConsoleTextId.ConfigSavedReboot : ConsoleTextId.ConfigSaved, setting.Key, displayed));
        }

        // "KEY = value unit  (range; flags)", plus the value saved for the next boot when it differs.
        private string SettingLine(SettingDefinition setting)
        {
            string details = RangeText(setting);
            if (setting.IsSecret)
            {
                details += Text(ConsoleTextId.ListSeparator) + Text(ConsoleTextId.FlagSecret);
            }

            if (setting.IsOptional)
            {
                details += Text(ConsoleTextId.ListSeparator) + Text(ConsoleTextId.FlagOptional);
            }

            if (setting.RequiresReboot)
            {
                details += Text(ConsoleTextId.ListSeparator) + Text(ConsoleTextId.FlagReboot);
            }

            if (setting.Ocpp != OcppAccess.Hidden)
            {
                details += Text(ConsoleTextId.ListSeparator) + Text(ConsoleTextId.FlagOcpp);
            }

            string line = Text(ConsoleTextId.ConfigLine, new string[] { setting.Key, DisplayedValue(setting, _configuration), details });
            if (_saved.IsPendingAtReboot(setting))
            {
                line += Text(ConsoleTextId.ConfigPending, DisplayedValue(setting, _saved.Values));
            }

            return line;
        }

        // The value as the console shows it: a secret masked, a number with its unit, "(not set)" when empty.
        private string DisplayedValue(SettingDefinition setting, CabinetConfiguration configuration)
        {
            string displayed = ConfigurationRegistry.GetDisplayText(setting, configuration);
            if (displayed.Length == 0)
            {
                return Text(ConsoleTextId.NotSet);
            }

            return setting.Unit.Length > 0 ? displayed + " " + setting.Unit : displayed;
        }

        private string RangeText(SettingDefinition setting)
        {
            string minimum = setting.Minimum.ToString();
            string maximum = setting.Maximum.ToString();
            switch (setting.Type)
            {
                case SettingType.Integer:
                    return Text(ConsoleTextId.RangeInteger, minimum, maximum);
                case SettingType.Boolean:
                    return Text(ConsoleTextId.RangeBoolean);
                case SettingType.Choice:
                    string choices = "";
                    for (int i = 0; i < setting.Choices.Length; i++)
                    {
                        choices += i == 0 ? setting.Choices[i] : " | " + setting.Choices[i];
                    }

                    return choices;
                case SettingType.Url:
                    return Text(ConsoleTextId.RangeUrl);
                case SettingType.Identity:
                    return Text(ConsoleTextId.RangeIdentity, minimum, maximum);
                case SettingType.IpAddress:
                    return Text(ConsoleTextId.RangeIpAddress);
                case SettingType.IntegerList:
                    return Text(ConsoleTextId.RangeList, new string[] { minimum, maximum, setting.ItemMinimum.ToString(), setting.ItemMaximum.ToString() });
                case SettingType.HexKey:
                    return setting.Minimum == setting.Maximum ? Text(ConsoleTextId.RangeHexExact, minimum) : Text(ConsoleTextId.RangeHex, minimum, maximum);
                default:
                    return Text(ConsoleTextId.RangeText, minimum, maximum);
            }
        }

        // The value of "config set KEY VALUE" is the rest of the line after KEY, inner spaces kept
        // (a Wi-Fi SSID may contain some).
        private static string ValueAfterKey(string line)
        {
            int index = 0;
            for (int word = 0; word < 3; word++)
            {
                while (index < line.Length && (line[index] == ' ' || line[index] == '\t'))
                {
                    index++;
                }

                while (index < line.Length && line[index] != ' ' && line[index] != '\t')
                {
                    index++;
                }
            }

            return SettingText.TrimSpaces(line.Substring(index));
        }
    }
}
