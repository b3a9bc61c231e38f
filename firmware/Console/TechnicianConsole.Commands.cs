using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>Command dispatch, help, and the read-only diagnostics: status, bays, sessions, queue, net, time, log and ocpp.</summary>
    public sealed partial class TechnicianConsole
    {
        /// <summary>Log lines the log command shows when no count is given.</summary>
        public const int DefaultLogLines = 20;

        /// <summary>
        /// Maximum length of a log message that `log` prints in full, in characters. The start-up
        /// summary that names a rejected provision.json and its reason is about 330 characters.
        /// </summary>
        public const int MaxLogLineCharacters = 400;

        /// <summary>OCPP frames the ocpp command shows when no count is given.</summary>
        public const int DefaultFrames = 8;

        // Help rows in display order: command word, usage text or null for the bare word, summary,
        // detail, and whether the row needs the technician session.
        private static readonly string[] HelpCommands =
        {
            "help", "lang", "login", "logout", "status", "bays", "sessions", "queue", "net", "time",
            "config", "config", "log", "ocpp", "test", "card", "passwd", "reboot", "factory-reset", "setup",
        };

        private static readonly string[] HelpUsages =
        {
            null, "lang fr|en", null, null, null, null, null, null, null, null,
            null, null, "log [N]", "ocpp [N]", null, null, null, null, null, null,
        };

        private static readonly ConsoleTextId[] HelpSummaries =
        {
            ConsoleTextId.HelpSummaryHelp, ConsoleTextId.HelpSummaryLang, ConsoleTextId.HelpSummaryLogin, ConsoleTextId.HelpSummaryLogout,
            ConsoleTextId.HelpSummaryStatus, ConsoleTextId.HelpSummaryBays, ConsoleTextId.HelpSummarySessions, ConsoleTextId.HelpSummaryQueue,
            ConsoleTextId.HelpSummaryNet, ConsoleTextId.HelpSummaryTime, ConsoleTextId.HelpSummaryConfigRead, ConsoleTextId.HelpSummaryConfigSet,
            ConsoleTextId.HelpSummaryLog, ConsoleTextId.HelpSummaryOcpp, ConsoleTextId.HelpSummaryTest, ConsoleTextId.HelpSummaryCard, ConsoleTextId.HelpSummaryPasswd,
            ConsoleTextId.HelpSummaryReboot, ConsoleTextId.HelpSummaryFactoryReset, ConsoleTextId.HelpSummarySetup,
        };

        private static readonly ConsoleTextId[] HelpDetails =
        {
            ConsoleTextId.HelpDetailHelp, ConsoleTextId.HelpDetailLang, ConsoleTextId.HelpDetailLogin, ConsoleTextId.HelpDetailLogout,
            ConsoleTextId.HelpDetailStatus, ConsoleTextId.HelpDetailBays, ConsoleTextId.HelpDetailSessions, ConsoleTextId.HelpDetailQueue,
            ConsoleTextId.HelpDetailNet, ConsoleTextId.HelpDetailTime, ConsoleTextId.HelpDetailConfig, ConsoleTextId.HelpDetailConfig,
            ConsoleTextId.HelpDetailLog, ConsoleTextId.HelpDetailOcpp, ConsoleTextId.HelpDetailTest, ConsoleTextId.HelpDetailCard, ConsoleTextId.HelpDetailPasswd,
            ConsoleTextId.HelpDetailReboot, ConsoleTextId.HelpDetailFactoryReset, ConsoleTextId.HelpDetailSetup,
        };

        private static readonly bool[] HelpNeedsLogin =
        {
            false, false, false, false, false, false, false, false, false, false,
            false, true, true, true, true, true, true, true, true, false,
        };

        private void ExecuteCommand(string line)
        {
            string[] words = SplitWords(line);
            if (words.Length == 0)
            {
                ShowPrompt();
                return;
            }

            string command = SettingText.ToLowerAscii(words[0]);
            if (NeedsLogin(command, words) && !_loggedIn)
            {
                WriteLine(Text(ConsoleTextId.LoginRequired, command == "config" ? "config set" : SettingText.Printable(command)));
                ShowPrompt();
                return;
            }

            if (!RunCommand(command, words, line))
            {
                WriteLine(Text(ConsoleTextId.UnknownCommand, SettingText.Printable(words[0])));
            }

            if (_mode == ConsoleMode.Command)
            {
                ShowPrompt();
            }
        }

        // Returns false for an unknown command word.
        private bool RunCommand(string command, string[] words, string line)
        {
            switch (command)
            {
                case "help":
                    ShowHelp(words);
                    return true;
                case "lang":
                    SetLanguage(words);
                    return true;
                case "login":
                    BeginLogin();
                    return true;
                case "logout":
                    LogOut();
                    return true;
                case "status":
                    ShowStatus();
                    return true;
                case "bays":
                    ShowBays();
                    return true;
                case "sessions":
                    ShowSessions();
                    return true;
                case "queue":
                    ShowQueue();
                    return true;
                case "net":
                    ShowNetwork();
                    return true;
                case "time":
                    ShowTime();
                    return true;
                case "config":
                    RunConfig(words, line);
                    return true;
                case "log":
                    ShowLog(words);
                    return true;
                case "ocpp":
                    ShowFrames(words);
                    return true;
                case "test":
                    RunTest(words);
                    return true;
                case "card":
                    BeginCardPersonalization(words);
                    return true;
                case "passwd":
                    BeginPasswordChange();
                    return true;
                case "reboot":
                    BeginReboot();
                    return true;
                case "factory-reset":
                    BeginFactoryReset();
                    return true;
                case "setup":
                    ResumeSetup();
                    return true;
                default:
                    return false;
            }
        }

        // config list and config get are readable by anyone. config set and the other rows marked in
        // the help need the session.
        private static bool NeedsLogin(string command, string[] words)
        {
            if (command == "config")
            {
                return words.Length >= 2 && SettingText.ToLowerAscii(words[1]) == "set";
            }

            for (int i = 0; i < HelpCommands.Length; i++)
            {
                if (HelpCommands[i] == command)
                {
                    return HelpNeedsLogin[i];
                }
            }

            return false;
        }

        private void ShowHelp(string[] words)
        {
            if (words.Length >= 2)
            {
                string topic = SettingText.ToLowerAscii(words[1]);
                for (int i = 0; i < HelpCommands.Length; i++)
                {
                    if (HelpCommands[i] == topic)
                    {
                        WriteLine(Text(HelpDetails[i]));
                        return;
                    }
                }

                WriteLine(Text(ConsoleTextId.HelpUnknown, SettingText.Printable(words[1])));
                return;
            }

            WriteLine(Text(ConsoleTextId.HelpHeader));
            for (int i = 0; i < HelpCommands.Length; i++)
            {
                if (HelpCommands[i] == "setup" && _configuration.IsProvisioned)
                {
                    continue;
                }

                string usage = HelpUsage(i);
                while (usage.Length < 44)
                {
                    usage += " ";
                }

                WriteLine((HelpNeedsLogin[i] ? "* " : "  ") + usage + Text(HelpSummaries[i]));
            }

            WriteLine(Text(ConsoleTextId.HelpFooter));
        }

        private string HelpUsage(int row)
        {
            switch (HelpSummaries[row])
            {
                case ConsoleTextId.HelpSummaryHelp:
                    return Text(ConsoleTextId.UsageHelp);
                case ConsoleTextId.HelpSummaryConfigRead:
                    return Text(ConsoleTextId.UsageConfigRead);
                case ConsoleTextId.HelpSummaryConfigSet:
                    return Text(ConsoleTextId.UsageConfigSet);
                case ConsoleTextId.HelpSummaryTest:
                    return Text(ConsoleTextId.UsageTest);
                case ConsoleTextId.HelpSummaryCard:
                    return Text(ConsoleTextId.UsageCard);
                default:
                    return HelpUsages[row] ?? HelpCommands[row];
            }
        }

        private void SetLanguage(string[] words)
        {
            string language = words.Length == 2 ? SettingText.ToLowerAscii(words[1]) : "";
            if (language != "fr" && language != "en")
            {
                WriteLine(Text(ConsoleTextId.LanguageInvalid, words.Length >= 2 ? SettingText.Printable(words[1]) : ""));
                return;
            }

            _language = language;
            WriteLine(Text(ConsoleTextId.LanguageSet));
        }

        private void ShowStatus()
        {
            ChargePoint chargePoint = _cabinet.ChargePoint;
            WriteLabel(ConsoleTextId.LabelFirmware, _configuration.FirmwareVersion);
            WriteLabel(ConsoleTextId.LabelBoard, _configuration.BoardProfileName ?? Text(ConsoleTextId.NotSet));
            WriteLabel(ConsoleTextId.LabelIdentity, _configuration.ChargePointIdentity);
            WriteLabel(ConsoleTextId.LabelUptime, FormatDuration(_hardware.Clock.MonotonicMs));
            WriteLabel(ConsoleTextId.LabelConfiguration, Text(_configuration.IsProvisioned ? ConsoleTextId.ConfigurationComplete : ConsoleTextId.ConfigurationMissing));
            WriteLabel(ConsoleTextId.LabelLink, LinkText(chargePoint.Link));
            WriteLabel(ConsoleTextId.LabelRegistration, RegistrationText(chargePoint.Registration));
            WriteLabel(ConsoleTextId.LabelClock, ClockText());
            WriteLabel(ConsoleTextId.LabelQueue, Text(ConsoleTextId.QueueValue, chargePoint.Transactions.Count.ToString()));
            WriteLabel(ConsoleTextId.LabelMemory, MemoryText());
            WriteLabel(ConsoleTextId.LabelLoopFaults, _cabinet.LoopFaults.ToString());
        }

        private void ShowBays()
        {
            for (int connectorId = 1; connectorId <= _cabinet.BayCount; connectorId++)
            {
                Bay bay = _cabinet.GetBay(connectorId);
                string session = "";
                if (bay.HasSession)
                {
                    session = Text(ConsoleTextId.BaySession, new string[] { bay.SessionId.ToString(), FrontPanel.Mask(bay.IdTag), SessionKilowattHours(bay) });
                }

                if (_cabinet.RelayTestConnectorId == connectorId)
                {
                    session += Text(ConsoleTextId.BayRelayTest);
                }

                bool closed = _hardware.Contactors.IsClosed(connectorId);
                WriteLine(Text(ConsoleTextId.BayLine, new string[]
                {
                    connectorId.ToString(), bay.SpotNumber.ToString(), BayStatusText(bay.Status),
                    Text(closed ? ConsoleTextId.ContactorClosed : ConsoleTextId.ContactorOpen), session,
                }));
            }
        }

        private void ShowSessions()
        {
            bool any = false;
            for (int connectorId = 1; connectorId <= _cabinet.BayCount; connectorId++)
            {
                Bay bay = _cabinet.GetBay(connectorId);
                if (!bay.HasSession)
                {
                    continue;
                }

                any = true;
                string transactionId = bay.HasTransactionId ? bay.TransactionId.ToString() : Text(ConsoleTextId.TransactionIdPending);
                WriteLine(Text(ConsoleTextId.SessionLine, new string[]
                {
                    connectorId.ToString(), bay.SpotNumber.ToString(), bay.SessionId.ToString(), transactionId,
                    FrontPanel.Mask(bay.IdTag), FormatDuration(_nowMs - bay.StartMonotonicMs), SessionKilowattHours(bay),
                }));
            }

            if (!any)
            {
                WriteLine(Text(ConsoleTextId.NoSession));
            }
        }

        private void ShowQueue()
        {
            ChargePoint chargePoint = _cabinet.ChargePoint;
            TransactionQueue queue = chargePoint.Transactions;
            TransactionMessage head = queue.Peek();
            if (head == null)
            {
                WriteLine(Text(ConsoleTextId.QueueEmpty));
            }
            else
            {
                WriteLine(Text(ConsoleTextId.QueueCount, queue.Count.ToString()));
                string next;
                if (!chargePoint.IsOnline)
                {
                    next = Text(ConsoleTextId.QueueOffline);
                }
                else if (head.NotBeforeMs > _nowMs)
                {
                    next = Text(ConsoleTextId.QueueNextTry, SecondsCeiling(head.NotBeforeMs - _nowMs).ToString());
                }
                else
                {
                    next = "";
                }

                WriteLine(Text(ConsoleTextId.QueueHead, new string[]
                {
                    MessageKindText(head.Kind), head.SessionId.ToString(), head.ConnectorId.ToString(),
                    EventAge(head.EventTime), head.FailedAttempts.ToString(), next,
                }));
            }

            WriteLine(Text(ConsoleTextId.QueueStats, new string[] { queue.DroppedMeterValues.ToString(), queue.RejectedStarts.ToString(), chargePoint.LostSessions.ToString() }));
        }

        // Age of a journaled event: from its UTC time when the clock is set, from its monotonic time when
        // it happened since this power-on, unknown otherwise. Reads nothing from flash.
        private string EventAge(Journal.EventTime time)
        {
            if (time.HasUtc && _hardware.Clock.IsWallClockSet)
            {
                return FormatDuration(Journal.EventTime.ToUtcMs(_hardware.Clock.UtcNow) - time.UtcMs);
            }

            if (!time.HasUtc && time.BootNumber == _cabinet.Journal.BootNumber)
            {
                return FormatDuration(_nowMs - time.MonotonicMs);
            }

            return Text(ConsoleTextId.Unknown);
        }

        private void ShowNetwork()
        {
            string networkInterface;
            if (_configuration.NetworkInterface == "ethernet")
            {
                networkInterface = _configuration.IpAddressing == "static"
                    ? Text(ConsoleTextId.InterfaceEthernetStatic, new string[] { _configuration.StaticIpAddress, _configuration.SubnetMask, _configuration.DefaultGateway })
                    : Text(ConsoleTextId.InterfaceEthernetDhcp);
            }
            else
            {
                networkInterface = Text(ConsoleTextId.InterfaceWifi, SettingText.Printable(_configuration.WifiSsid ?? ""));
            }

            INetworkStatus network = _hardware.Network;
            string address = network == null ? null : network.IpAddress;
            string networkError = network == null ? null : network.LastError;
            string lastClose = _cabinet.ChargePoint.LastCloseReason;
            WriteLabel(ConsoleTextId.LabelInterface, networkInterface);
            WriteLabel(ConsoleTextId.LabelAddress, address == null ? Text(ConsoleTextId.AddressUnknown) : SettingText.Printable(address));
            WriteLabel(ConsoleTextId.LabelCentralSystem, CentralSystemAddress());
            WriteLabel(ConsoleTextId.LabelLink, LinkText(_cabinet.ChargePoint.Link));
            WriteLabel(ConsoleTextId.LabelLastClose, lastClose == null ? Text(ConsoleTextId.None) : SettingText.Printable(lastClose, SettingText.MaxReasonCharacters));
            WriteLabel(ConsoleTextId.LabelNetworkError, networkError == null ? Text(ConsoleTextId.None) : SettingText.Printable(networkError, SettingText.MaxReasonCharacters));
        }

        private void ShowTime()
        {
            WriteLabel(ConsoleTextId.LabelUtcTime, ClockText());
            WriteLabel(ConsoleTextId.LabelUptime, FormatDuration(_hardware.Clock.MonotonicMs));
        }

        private void ShowLog(string[] words)
        {
            int count;
            if (!TryParseCount(words, DefaultLogLines, Logger.RingCapacity, out count))
            {
                return;
            }

            int available = _log.RecentCount;
            if (available == 0)
            {
                WriteLine(Text(ConsoleTextId.LogEmpty));
                return;
            }

            int first = available > count ? available - count : 0;
            for (int i = first; i < available; i++)
            {
                LogLevel level;
                long monotonicMs;
                string text = _log.GetRecent(i, out level, out monotonicMs);
                WriteLine("[" + FormatDuration(monotonicMs) + "] " + LevelText(level) + " " + SettingText.Printable(text, MaxLogLineCharacters));
            }
        }

        private void ShowFrames(string[] words)
        {
            int count;
            if (!TryParseCount(words, DefaultFrames, OcppFrameLog.Capacity, out count))
            {
                return;
            }

            OcppFrameLog frames = _cabinet.ChargePoint.Frames;
            if (frames.Count == 0)
            {
                WriteLine(Text(ConsoleTextId.OcppEmpty));
                return;
            }

            int first = frames.Count > count ? frames.Count - count : 0;
            for (int i = first; i < frames.Count; i++)
            {
                bool outgoing;
                int length;
                bool masked;
                long monotonicMs;
                string text = frames.GetText(i, out outgoing, out length, out masked, out monotonicMs);
                if (masked)
                {
                    text += Text(ConsoleTextId.FrameMasked);
                }
                else if (length > OcppFrameLog.MaxStoredBytes)
                {
                    text += "...";
                }

                WriteLine(Text(ConsoleTextId.FrameLine, new string[] { "[" + FormatDuration(monotonicMs) + "]", outgoing ? "CP->CS" : "CS->CP", length.ToString(), text }));
            }
        }

        // Reads the optional count of log and ocpp. Prints the error and returns false when it is invalid.
        private bool TryParseCount(string[] words, int defaultCount, int maxCount, out int count)
        {
            count = defaultCount;
            if (words.Length < 2)
            {
                return true;
            }

            if (words.Length == 2 && SettingText.TryParseInteger(words[1], out count) && count >= 1 && count <= maxCount)
            {
                return true;
            }

            WriteLine(Text(ConsoleTextId.CountInvalid, SettingText.Printable(words[1]), maxCount.ToString()));
            return false;
        }

        private string CentralSystemAddress()
        {
            string url = _configuration.CentralSystemUrl ?? "";
            return url.EndsWith("/") ? url + _configuration.ChargePointIdentity : url + "/" + _configuration.ChargePointIdentity;
        }

        private string ClockText()
        {
            if (!_hardware.Clock.IsWallClockSet)
            {
                return Text(ConsoleTextId.ClockNotSet);
            }

            System.DateTime now = _hardware.Clock.UtcNow;
            string text = now.Year.ToString() + "-" + TwoDigits(now.Month) + "-" + TwoDigits(now.Day) + " "
                + TwoDigits(now.Hour) + ":" + TwoDigits(now.Minute) + ":" + TwoDigits(now.Second);
            return Text(ConsoleTextId.ClockSet, text);
        }

        private string MemoryText()
        {
            if (_hardware.HeapMonitor == null || _hardware.HeapMonitor.FreeBytes < 0)
            {
                return Text(ConsoleTextId.MemoryUnknown);
            }

            long largest = _hardware.HeapMonitor.LargestFreeBlockBytes;
            return Text(ConsoleTextId.MemoryValue, _hardware.HeapMonitor.FreeBytes.ToString(), largest < 0 ? Text(ConsoleTextId.Unknown) : largest.ToString());
        }

        private string SessionKilowattHours(Bay bay)
        {
            return FrontPanel.FormatKilowattHours(_cabinet.ReadRegisterWh(bay.ConnectorId) - bay.MeterStartWh);
        }

        private string LinkText(LinkState link)
        {
            switch (link)
            {
                case LinkState.Open:
                    return Text(ConsoleTextId.LinkOpen);
                case LinkState.Connecting:
                    return Text(ConsoleTextId.LinkConnecting);
                default:
                    return Text(ConsoleTextId.LinkClosed);
            }
        }

        // The OCPP 1.6 RegistrationStatus values are shown as the standard writes them.
        private string RegistrationText(RegistrationState registration)
        {
            if (!_configuration.IsProvisioned)
            {
                return Text(ConsoleTextId.RegistrationNotStarted);
            }

            switch (registration)
            {
                case RegistrationState.Accepted:
                    return OcppEnumText.ToText(RegistrationStatus.Accepted);
                case RegistrationState.Pending:
                    return OcppEnumText.ToText(RegistrationStatus.Pending);
                case RegistrationState.Rejected:
                    return OcppEnumText.ToText(RegistrationStatus.Rejected);
                default:
                    return Text(ConsoleTextId.RegistrationNone);
            }
        }

        private string BayStatusText(BayStatus status)
        {
            switch (status)
            {
                case BayStatus.Available:
                    return Text(ConsoleTextId.BayStatusAvailable);
                case BayStatus.Charging:
                    return Text(ConsoleTextId.BayStatusCharging);
                case BayStatus.SuspendedEvse:
                    return Text(ConsoleTextId.BayStatusSuspended);
                case BayStatus.Unavailable:
                    return Text(ConsoleTextId.BayStatusUnavailable);
                default:
                    return Text(ConsoleTextId.BayStatusFaulted);
            }
        }

        private static string MessageKindText(TransactionMessageKind kind)
        {
            switch (kind)
            {
                case TransactionMessageKind.StartTransaction:
                    return "StartTransaction";
                case TransactionMessageKind.MeterValues:
                    return "MeterValues";
                default:
                    return "StopTransaction";
            }
        }

        private static string LevelText(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Error:
                    return "ERROR  ";
                case LogLevel.Warning:
                    return "WARNING";
                case LogLevel.Info:
                    return "INFO   ";
                default:
                    return "DEBUG  ";
            }
        }

        /// <summary>Formats a duration as "hh:mm:ss", with the days in front ("2 j 03:04:05") beyond 24 h.</summary>
        private string FormatDuration(long milliseconds)
        {
            if (milliseconds < 0)
            {
                milliseconds = 0;
            }

            long totalSeconds = milliseconds / 1000;
            long days = totalSeconds / 86400;
            long seconds = totalSeconds % 86400;
            string time = TwoDigits((int)(seconds / 3600)) + ":" + TwoDigits((int)(seconds / 60 % 60)) + ":" + TwoDigits((int)(seconds % 60));
            return days == 0 ? time : Text(ConsoleTextId.DurationDays, days.ToString(), time);
        }

        private static long SecondsCeiling(long milliseconds)
        {
            return (milliseconds + 999) / 1000;
        }

        private static string TwoDigits(int value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        private static string[] SplitWords(string line)
        {
            string[] parts = line.Split(' ', '\t');
            int count = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                {
                    count++;
                }
            }

            string[] words = new string[count];
            int next = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                {
                    words[next++] = parts[i];
                }
            }

            return words;
        }
    }
}
