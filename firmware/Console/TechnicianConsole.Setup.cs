using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The first-boot setup: one question per step, each answer checked by the same rules as
    /// config set and the provisioning file, then a summary, the password hash, the save and a reboot.
    /// </summary>
    public sealed partial class TechnicianConsole
    {
        private CabinetConfiguration _candidate;
        private SetupStep _step;
        private int _setupBayCount;
        private int _setupSpotIndex;
        private int[] _setupSpots;
        private string _setupPassword;
        private bool _setupHasAnswers;

        private void StartSetup()
        {
            _candidate = new CabinetConfiguration();
            ConfigurationRegistry.CopySettings(_configuration, _candidate);
            _setupHasAnswers = false;
            WriteLine(Text(ConsoleTextId.SetupIntro));

            if (_hardware.Storage.GetLength(ConfigurationStore.FileName) >= 0)
            {
                // After a failed load the running configuration contains the values read, so checking it
                // again names the problem, and those values become the offered answers.
                SettingCheck stored = ConfigurationValidator.Validate(_configuration);
                if (!stored.IsValid)
                {
                    WriteLine(Text(ConsoleTextId.SetupStoredInvalid, Describe(stored)));
                    _setupHasAnswers = true;
                }
            }

            SettingCheck provisioning = _store.CheckProvisioningFile();
            if (!provisioning.IsValid)
            {
                WriteLine(Text(ConsoleTextId.SetupProvisioningInvalid, Describe(provisioning)));
            }

            BeginSetupStep(SetupStep.Language);
        }

        private void ResumeSetup()
        {
            if (_configuration.IsProvisioned)
            {
                WriteLine(Text(ConsoleTextId.SetupOnlyWhenNotProvisioned));
                return;
            }

            if (_candidate == null)
            {
                StartSetup();
                return;
            }

            BeginSetupStep(_step);
        }

        private void BeginSetupStep(SetupStep step)
        {
            _step = step;
            _mode = ConsoleMode.Setup;
            AskSetupQuestion();
        }

        private void AskSetupQuestion()
        {
            switch (_step)
            {
                case SetupStep.Language:
                    AskSetting(ConsoleTextId.QuestionLanguage, "Language", null);
                    break;
                case SetupStep.Board:
                    AskSetting(ConsoleTextId.QuestionBoard, "BoardProfile", JoinChoices(BoardCatalogue.Names));
                    break;
                case SetupStep.WifiSsid:
                    AskSetting(ConsoleTextId.QuestionWifiSsid, "WifiSsid", null);
                    break;
                case SetupStep.WifiPassword:
                    AskSetting(ConsoleTextId.QuestionWifiPassword, "WifiPassword", null);
                    break;
                case SetupStep.IpAddressing:
                    AskSetting(ConsoleTextId.QuestionIpAddressing, "IpAddressing", null);
                    break;
                case SetupStep.StaticIpAddress:
                    AskSetting(ConsoleTextId.QuestionStaticIp, "StaticIpAddress", null);
                    break;
                case SetupStep.SubnetMask:
                    AskSetting(ConsoleTextId.QuestionSubnetMask, "SubnetMask", null);
                    break;
                case SetupStep.DefaultGateway:
                    AskSetting(ConsoleTextId.QuestionGateway, "DefaultGateway", null);
                    break;
                case SetupStep.DnsServer:
                    AskSetting(ConsoleTextId.QuestionDns, "DnsServer", null);
                    break;
                case SetupStep.CentralSystemUrl:
                    AskSetting(ConsoleTextId.QuestionUrl, "CentralSystemUrl", null);
                    break;
                case SetupStep.Identity:
                    AskSetting(ConsoleTextId.QuestionIdentity, "ChargePointIdentity", null);
                    break;
                case SetupStep.AuthorizationKey:
                    AskSetting(ConsoleTextId.QuestionAuthorizationKey, "AuthorizationKey", null);
                    break;
                case SetupStep.CardMasterKey:
                    AskSetting(ConsoleTextId.QuestionCardMasterKey, "CardMasterKey", null);
                    break;
                case SetupStep.BayCount:
                    Ask(Text(ConsoleTextId.QuestionBayCount, MaxSetupBays().ToString()), DefaultBayCount().ToString(), false);
                    break;
                case SetupStep.SpotNumber:
                    Ask(Text(ConsoleTextId.QuestionSpot, (_setupSpotIndex + 1).ToString()), DefaultSpot(_setupSpotIndex).ToString(), false);
                    break;
                case SetupStep.Password:
                    Ask(Text(ConsoleTextId.QuestionPassword), _setupPassword == null ? "" : ConfigurationRegistry.MaskedValue, true);
                    break;
                case SetupStep.PasswordConfirm:
                    Ask(Text(ConsoleTextId.QuestionPasswordConfirm), "", true);
                    break;
                case SetupStep.Save:
                    ShowSetupSummary();
                    Ask(Text(ConsoleTextId.QuestionSave), "", false);
                    break;
            }
        }

        private void OnSetupAnswer(string answer)
        {
            _editor.Echo = true;
            switch (_step)
            {
                case SetupStep.BayCount:
                    OnBayCountAnswer(answer);
                    return;
                case SetupStep.SpotNumber:
                    OnSpotAnswer(answer);
                    return;
                case SetupStep.Password:
                    OnSetupPassword(answer);
                    return;
                case SetupStep.PasswordConfirm:
                    OnSetupPasswordConfirm(answer);
                    return;
                case SetupStep.Save:
                    OnSaveAnswer(answer);
                    return;
            }

            SettingDefinition setting = ConfigurationRegistry.Find(SettingKeyOf(_step));
            string text = SettingText.TrimSpaces(answer);
            if (text.Length == 0)
            {
                // Enter keeps the offered value, or leaves an optional setting unset.
                text = OfferedValue(setting);
            }

            SettingCheck check;
            if (text.Length == 0 && IsRequiredByNetwork(_step))
            {
                check = new SettingCheck(SettingErrorKind.RequiredForNetwork, setting.Key, "", _step == SetupStep.WifiSsid ? "wifi" : "static", null);
            }
            else if (text == ConfigurationRegistry.MaskedValue && setting.IsSecret)
            {
                check = SettingCheck.Valid;
            }
            else
            {
                check = ConfigurationRegistry.Apply(setting, _candidate, text);
            }

            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                AskSetupQuestion();
                return;
            }

            if (_step == SetupStep.Language)
            {
                _language = _candidate.Language;
            }

            BeginSetupStep(NextStep(_step));
        }

        private SetupStep NextStep(SetupStep step)
        {
            switch (step)
            {
                case SetupStep.Language:
                    return SetupStep.Board;
                case SetupStep.Board:
                    return ChooseNetworkFromBoard();
                case SetupStep.WifiSsid:
                    return SetupStep.WifiPassword;
                case SetupStep.WifiPassword:
                    return SetupStep.CentralSystemUrl;
                case SetupStep.IpAddressing:
                    return _candidate.IpAddressing == "static" ? SetupStep.StaticIpAddress : SetupStep.CentralSystemUrl;
                case SetupStep.StaticIpAddress:
                    return SetupStep.SubnetMask;
                case SetupStep.SubnetMask:
                    return SetupStep.DefaultGateway;
                case SetupStep.DefaultGateway:
                    return SetupStep.DnsServer;
                case SetupStep.DnsServer:
                    return SetupStep.CentralSystemUrl;
                case SetupStep.CentralSystemUrl:
                    return SetupStep.Identity;
                case SetupStep.Identity:
                    return SetupStep.AuthorizationKey;
                case SetupStep.AuthorizationKey:
                    return _candidate.RequireCardAuthentication ? SetupStep.CardMasterKey : SetupStep.BayCount;
                default:
                    return SetupStep.BayCount;
            }
        }

        // The board fixes the network interface: its profile states whether it reaches the network by
        // Wi-Fi or by its Ethernet port.
        private SetupStep ChooseNetworkFromBoard()
        {
            BoardProfile board = BoardCatalogue.Find(_candidate.BoardProfileName);
            bool ethernet = board.Network == NetworkKind.Ethernet;
            _candidate.NetworkInterface = ethernet ? "ethernet" : "wifi";
            WriteLine(Text(ConsoleTextId.SetupNetworkFromBoard, ethernet ? "Ethernet" : "Wi-Fi", board.Name));
            return ethernet ? SetupStep.IpAddressing : SetupStep.WifiSsid;
        }

        private void OnBayCountAnswer(string answer)
        {
            SettingDefinition rule = SettingDefinition.Integer("BayCount", "", 1, MaxSetupBays(), 1, SettingFlags.None, OcppAccess.Hidden, null, null);
            string text = SettingText.TrimSpaces(answer);
            if (text.Length == 0)
            {
                text = DefaultBayCount().ToString();
            }

            SettingCheck check = SettingValidator.Check(rule, text);
            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                AskSetupQuestion();
                return;
            }

            SettingText.TryParseInteger(text, out _setupBayCount);
            _setupSpots = new int[_setupBayCount];
            _setupSpotIndex = 0;
            BeginSetupStep(SetupStep.SpotNumber);
        }

        private void OnSpotAnswer(string answer)
        {
            SettingDefinition spots = ConfigurationRegistry.Find("SpotNumbers");
            SettingDefinition rule = SettingDefinition.Integer("SpotNumbers", "", spots.ItemMinimum, spots.ItemMaximum, 1, SettingFlags.None, OcppAccess.Hidden, null, null);
            string text = SettingText.TrimSpaces(answer);
            if (text.Length == 0)
            {
                text = DefaultSpot(_setupSpotIndex).ToString();
            }

            SettingCheck check = SettingValidator.Check(rule, text);
            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                AskSetupQuestion();
                return;
            }

            int spot;
            SettingText.TryParseInteger(text, out spot);
            for (int i = 0; i < _setupSpotIndex; i++)
            {
                if (_setupSpots[i] == spot)
                {
                    WriteLine(Text(ConsoleTextId.SetupSpotDuplicate, spot.ToString(), (i + 1).ToString()));
                    AskSetupQuestion();
                    return;
                }
            }

            _setupSpots[_setupSpotIndex++] = spot;
            if (_setupSpotIndex < _setupBayCount)
            {
                AskSetupQuestion();
                return;
            }

            _candidate.SpotNumbers = _setupSpots;
            BeginSetupStep(SetupStep.Password);
        }

        private void OnSetupPassword(string answer)
        {
            if (answer.Length == 0 && _setupPassword != null)
            {
                BeginSetupStep(SetupStep.Save);
                return;
            }

            SettingCheck check = SettingValidator.Check(TechnicianPassword.Rule, answer);
            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                AskSetupQuestion();
                return;
            }

            _newPassword = answer;
            BeginSetupStep(SetupStep.PasswordConfirm);
        }

        private void OnSetupPasswordConfirm(string answer)
        {
            if (answer != _newPassword)
            {
                _newPassword = null;
                WriteLine(Text(ConsoleTextId.PasswordMismatch));
                BeginSetupStep(SetupStep.Password);
                return;
            }

            _setupPassword = _newPassword;
            _newPassword = null;
            BeginSetupStep(SetupStep.Save);
        }

        private void OnSaveAnswer(string answer)
        {
            string word = SettingText.ToLowerAscii(SettingText.TrimSpaces(answer));
            if (word == Text(ConsoleTextId.YesWord))
            {
                BeginHash(_setupPassword, true);
                return;
            }

            if (word == Text(ConsoleTextId.NoWord))
            {
                _setupHasAnswers = true;
                WriteLine(Text(ConsoleTextId.SetupRestart));
                BeginSetupStep(SetupStep.Language);
                return;
            }

            WriteLine(Text(ConsoleTextId.AnswerYesOrNo));
            AskSetupQuestion();
        }

        private void OnSetupPasswordHashed(string record)
        {
            _candidate.TechnicianPasswordHash = record;
            _candidate.IsProvisioned = true;
            SettingCheck check = ConfigurationValidator.Validate(_candidate);
            if (!check.IsValid)
            {
                // Every answer was checked on its own, but a rule between answers can still fail here.
                WriteLine(Describe(check));
                WriteLine(Text(ConsoleTextId.SetupRestart));
                _setupHasAnswers = true;
                BeginSetupStep(SetupStep.Language);
                return;
            }

            try
            {
                _store.Save(_candidate);
            }
            catch (System.Exception exception)
            {
                // Any storage failure means the file was not replaced, so the answers stay for another try.
                _log.Error(Component, "first-boot setup not saved: " + exception.Message);
                WriteLine(Text(ConsoleTextId.SetupSaveFailed, SettingText.Printable(exception.Message)));
                BeginSetupStep(SetupStep.Save);
                return;
            }

            _setupPassword = null;
            _log.Info(Component, "first-boot setup saved for " + _candidate.ChargePointIdentity + ", board " + _candidate.BoardProfileName
                + ", " + _candidate.BayCount.ToString() + " bays");
            WriteLine(Text(ConsoleTextId.SetupSaved));
            Reboot("first-boot setup complete");
        }

        private void ShowSetupSummary()
        {
            WriteLine(Text(ConsoleTextId.SetupSummary));
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            for (int i = 0; i < settings.Length; i++)
            {
                if (!IsAskedInSetup(settings[i].Key))
                {
                    continue;
                }

                string displayed = ConfigurationRegistry.GetDisplayText(settings[i], _candidate);
                WriteLine("  " + settings[i].Key + " = " + (displayed.Length == 0 ? Text(ConsoleTextId.NotSet) : displayed));
            }

            WriteLine("  " + TechnicianPassword.Rule.Key + " = " + ConfigurationRegistry.MaskedValue);
        }

        // Settings the setup asked about with this board. The others keep their defaults.
        private bool IsAskedInSetup(string key)
        {
            bool wifi = _candidate.NetworkInterface == "wifi";
            bool staticAddress = !wifi && _candidate.IpAddressing == "static";
            switch (key)
            {
                case "Language":
                case "BoardProfile":
                case "NetworkInterface":
                case "CentralSystemUrl":
                case "ChargePointIdentity":
                case "AuthorizationKey":
                case "SpotNumbers":
                    return true;
                case "CardMasterKey":
                    return _candidate.RequireCardAuthentication;
                case "WifiSsid":
                case "WifiPassword":
                    return wifi;
                case "IpAddressing":
                    return !wifi;
                case "StaticIpAddress":
                case "SubnetMask":
                case "DefaultGateway":
                case "DnsServer":
                    return staticAddress;
                default:
                    return false;
            }
        }

        private void AskSetting(ConsoleTextId question, string key, string argument)
        {
            SettingDefinition setting = ConfigurationRegistry.Find(key);
            string offered = OfferedValue(setting);
            string displayed = setting.IsSecret && offered.Length > 0 ? ConfigurationRegistry.MaskedValue : offered;
            Ask(Text(question, argument), displayed, setting.IsSecret);
        }

        private void Ask(string question, string offered, bool hidden)
        {
            string prompt = offered.Length == 0
                ? Text(ConsoleTextId.QuestionWithoutDefault, question)
                : Text(ConsoleTextId.QuestionWithDefault, question, offered);
            Prompt(prompt, hidden);
        }

        // Returns the value that Enter keeps: the current answer. On a fresh cabinet, a setting that
        // provisioning must give has no offer, because its value is only the factory default.
        private string OfferedValue(SettingDefinition setting)
        {
            string text = ConfigurationRegistry.GetText(setting, _candidate);
            if (setting.IsRequiredAtProvisioning && !_setupHasAnswers && text == setting.DefaultText)
            {
                return "";
            }

            return text;
        }

        private int MaxSetupBays()
        {
            BoardProfile board = BoardCatalogue.Find(_candidate.BoardProfileName);
            return board == null ? ConfigurationRegistry.MaxBays : board.MaxBays;
        }

        private int DefaultBayCount()
        {
            int count = _candidate.BayCount;
            int maximum = MaxSetupBays();
            if (count < 1)
            {
                return 1;
            }

            return count > maximum ? maximum : count;
        }

        // When the setup starts again, the answer given before for this bay. Otherwise the spot after the
        // previous bay's, because car parks number neighbouring spots in sequence.
        private int DefaultSpot(int index)
        {
            int[] current = _candidate.SpotNumbers;
            if ((_setupHasAnswers || index == 0) && current != null && index < current.Length)
            {
                return current[index];
            }

            return index == 0 ? 1 : _setupSpots[index - 1] + 1;
        }

        // Settings optional on their own that the network chosen in the setup needs.
        private static bool IsRequiredByNetwork(SetupStep step)
        {
            return step == SetupStep.WifiSsid || step == SetupStep.StaticIpAddress || step == SetupStep.SubnetMask || step == SetupStep.DefaultGateway;
        }

        private static string SettingKeyOf(SetupStep step)
        {
            switch (step)
            {
                case SetupStep.Language:
                    return "Language";
                case SetupStep.Board:
                    return "BoardProfile";
                case SetupStep.WifiSsid:
                    return "WifiSsid";
                case SetupStep.WifiPassword:
                    return "WifiPassword";
                case SetupStep.IpAddressing:
                    return "IpAddressing";
                case SetupStep.StaticIpAddress:
                    return "StaticIpAddress";
                case SetupStep.SubnetMask:
                    return "SubnetMask";
                case SetupStep.DefaultGateway:
                    return "DefaultGateway";
                case SetupStep.DnsServer:
                    return "DnsServer";
                case SetupStep.CentralSystemUrl:
                    return "CentralSystemUrl";
                case SetupStep.Identity:
                    return "ChargePointIdentity";
                case SetupStep.AuthorizationKey:
                    return "AuthorizationKey";
                default:
                    return "CardMasterKey";
            }
        }

        private static string JoinChoices(string[] names)
        {
            string text = "";
            for (int i = 0; i < names.Length; i++)
            {
                text += i == 0 ? names[i] : ", " + names[i];
            }

            return text;
        }
    }
}
