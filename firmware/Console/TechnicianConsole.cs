using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The technician console on the serial line (COM2 on the device): a line-oriented command
    /// interpreter in French or English, polled from the cabinet loop, with login, lockout, automatic
    /// logout, diagnostics, configuration, hardware tests and the first-boot setup.
    /// </summary>
    /// <remarks>
    /// Each <see cref="Poll"/> does bounded work: it reads at most <see cref="MaxInputBytesPerPoll"/>
    /// bytes and handles at most one complete line, writes at most <see cref="MaxFlushBytesPerPoll"/>
    /// bytes, and runs at most <see cref="PasswordIterationsPerPoll"/> PBKDF2 iterations. A flood of
    /// input therefore waits in the serial driver instead of starving the loop, and output that the
    /// buffer cannot hold is dropped with a notice.
    /// Readable without login: help, lang, login, logout, status, bays, sessions, queue, net, time,
    /// config list and config get, none of which shows a secret or changes state. Everything else needs
    /// the technician session: config set, log and ocpp (they show card idTags), the tests, passwd,
    /// reboot and factory-reset. No command ever prints a secret, logged in or not.
    /// </remarks>
    public sealed partial class TechnicianConsole
    {
        /// <summary>Input bytes read from the line per loop iteration.</summary>
        public const int MaxInputBytesPerPoll = 64;

        /// <summary>Output bytes written to the line per loop iteration: about 22 ms of line time at 115200 baud.</summary>
        public const int MaxFlushBytesPerPoll = 256;

        /// <summary>Output waiting for the line, in bytes, enough for the longest listing (log 64).</summary>
        public const int OutputCapacityBytes = 8192;

        /// <summary>
        /// PBKDF2 iterations per loop iteration while a password is checked or hashed. NOTE: an estimate:
        /// each iteration is two SHA-256 compressions, a few milliseconds on nanoCLR, not measured yet.
        /// </summary>
        public const int PasswordIterationsPerPoll = 10;

        /// <summary>Time a reader or keypad test waits, in seconds.</summary>
        public const int TestSeconds = 30;

        private const string Component = "console";
        private const int LabelWidth = 20;

        private readonly Cabinet _cabinet;
        private readonly CabinetHardware _hardware;
        private readonly CabinetConfiguration _configuration;
        private readonly SavedConfiguration _saved;
        private readonly Logger _log;
        private readonly ISerialLine _line;
        private readonly ConsoleOutput _output = new ConsoleOutput(OutputCapacityBytes, MaxFlushBytesPerPoll);
        private readonly ConsoleLineEditor _editor = new ConsoleLineEditor();
        private readonly byte[] _input = new byte[MaxInputBytesPerPoll];
        private readonly LoginGuard _guard;
        private readonly TechnicianPassword _password = new TechnicianPassword();
        private readonly ConfigurationStore _store;

        private int _inputCount;
        private int _inputIndex;
        private string _language;
        private ConsoleMode _mode;
        private bool _loggedIn;
        private long _lastInputMs;
        private long _nowMs;

        /// <summary>
        /// Creates the console of <paramref name="cabinet"/> on <paramref name="hardware"/>'s console line.
        /// <paramref name="configuration"/> is the running configuration. Changes that need a reboot
        /// go only to the copy saved on flash.
        /// </summary>
        public TechnicianConsole(Cabinet cabinet, CabinetHardware hardware, CabinetConfiguration configuration, Logger log)
        {
            _cabinet = cabinet;
            _hardware = hardware;
            _configuration = configuration;
            _log = log;
            _line = hardware.ConsoleLine;
            _saved = cabinet.SavedConfiguration;
            _guard = new LoginGuard(hardware.Storage);
            _store = _saved.Store;
            _language = MessageCatalog.IsEnglish(configuration.Language) ? "en" : "fr";
        }

        /// <summary>Language of the console texts: "fr" or "en".</summary>
        public string Language
        {
            get { return _language; }
        }

        public bool IsLoggedIn
        {
            get { return _loggedIn; }
        }

        public ConsoleMode Mode
        {
            get { return _mode; }
        }

        /// <summary>
        /// True when the console has nothing left to do until more input arrives: no output waiting,
        /// no input read but not handled, no password work running. Tests wait for it.
        /// </summary>
        public bool IsIdle
        {
            get
            {
                return _output.PendingBytes == 0 && _inputIndex == _inputCount
                    && _mode != ConsoleMode.Verifying && _mode != ConsoleMode.Hashing;
            }
        }

        /// <summary>True during a keypad test: the cabinet hands key presses to <see cref="OnKeyPressed"/> instead of the front panel.</summary>
        public bool CapturesKeys
        {
            get { return _mode == ConsoleMode.KeypadTest; }
        }

        /// <summary>True while waiting for a card to personalise: the cabinet hands detected cards to <see cref="OnCardToPersonalize"/>.</summary>
        public bool IsPersonalizingCard
        {
            get { return _mode == ConsoleMode.CardPersonalization; }
        }

        /// <summary>True during a reader test: the cabinet hands detected cards to <see cref="OnCardForTest"/> instead of the front panel.</summary>
        public bool IsTestingReader
        {
            get { return _mode == ConsoleMode.ReaderTest; }
        }

        /// <summary>Prints the banner, then the prompt, or starts the first-boot setup on a cabinet that is not provisioned.</summary>
        public void Start(long nowMs)
        {
            _nowMs = nowMs;
            _lastInputMs = nowMs;
            string guardProblem = _guard.Load(nowMs);
            if (guardProblem != null)
            {
                _log.Warning(Component, guardProblem);
            }

            WriteLine(Text(ConsoleTextId.Banner, _configuration.FirmwareVersion, _configuration.ChargePointIdentity));
            if (_configuration.IsProvisioned)
            {
                ShowPrompt();
                return;
            }

            StartSetup();
        }

        /// <summary>
        /// Runs one bounded slice of console work; called once per cabinet loop iteration. Never throws:
        /// a console failure is logged and the console returns to its prompt, because a broken
        /// console must not stop the cabinet, whose loop would open every contactor on an error.
        /// </summary>
        public void Poll(long nowMs)
        {
            _nowMs = nowMs;
            try
            {
                _output.Flush(_line);
                StepPasswordWork();
                CheckTimers();
                ReadInput();
            }
            catch (System.Exception exception)
            {
                // Catching everything is deliberate: see the summary.
                _log.Error(Component, "console error, back to the prompt: " + exception.Message);
                _password.Cancel();
                _editor.Echo = true;
                _mode = ConsoleMode.Command;
                ShowPrompt();
            }
        }

        private void ReadInput()
        {
            if (_mode == ConsoleMode.Verifying || _mode == ConsoleMode.Hashing)
            {
                // Typed bytes wait in the serial driver until the password work is done.
                return;
            }

            if (_mode == ConsoleMode.Rebooting)
            {
                // Nothing more is handled before the reboot, so input is read only to be dropped.
                _inputIndex = 0;
                _inputCount = 0;
                _line.Read(_input, 0, _input.Length);
                return;
            }

            if (_inputIndex == _inputCount)
            {
                _inputIndex = 0;
                _inputCount = _line.Read(_input, 0, _input.Length);
            }

            while (_inputIndex < _inputCount)
            {
                byte value = _input[_inputIndex++];
                _lastInputMs = _nowMs;
                LineEditorEvent inputEvent = _editor.Feed(value, _output);
                if (inputEvent == LineEditorEvent.LineComplete)
                {
                    OnLine();
                    return;
                }

                if (inputEvent == LineEditorEvent.Interrupt)
                {
                    OnInterrupt();
                    return;
                }
            }
        }

        private void OnLine()
        {
            if (_editor.Overflowed)
            {
                _editor.Discard();
                WriteLine(Text(ConsoleTextId.LineTooLong, ConsoleLineEditor.MaxLineBytes.ToString()));
                ReturnToMode();
                return;
            }

            string line = _editor.TakeLine();
            switch (_mode)
            {
                case ConsoleMode.Command:
                    ExecuteCommand(line);
                    break;
                case ConsoleMode.LoginPassword:
                    CheckLoginPassword(line);
                    break;
                case ConsoleMode.NewPassword:
                    OnNewPassword(line);
                    break;
                case ConsoleMode.ConfirmPassword:
                    OnConfirmPassword(line);
                    break;
                case ConsoleMode.SettingValue:
                    OnSettingValue(line);
                    break;
                case ConsoleMode.ConfirmReboot:
                    OnRebootConfirmation(line);
                    break;
                case ConsoleMode.ConfirmFactoryReset:
                    OnFactoryResetConfirmation(line);
                    break;
                case ConsoleMode.RelayTest:
                case ConsoleMode.ReaderTest:
                case ConsoleMode.KeypadTest:
                case ConsoleMode.CardPersonalization:
                    EndTest();
                    break;
                case ConsoleMode.Setup:
                    OnSetupAnswer(line);
                    break;
            }
        }

        // Ctrl+C: drops the line being typed and stops whatever waits for an answer.
        private void OnInterrupt()
        {
            switch (_mode)
            {
                case ConsoleMode.RelayTest:
                case ConsoleMode.ReaderTest:
                case ConsoleMode.KeypadTest:
                case ConsoleMode.CardPersonalization:
                    EndTest();
                    return;
                case ConsoleMode.Setup:
                    _editor.Echo = true;
                    _mode = ConsoleMode.Command;
                    WriteLine(Text(ConsoleTextId.SetupInterrupted));
                    ShowPrompt();
                    return;
                case ConsoleMode.Command:
                    ShowPrompt();
                    return;
                default:
                    WriteLine(Text(ConsoleTextId.Cancelled));
                    BackToPrompt();
                    return;
            }
        }

        private void CheckTimers()
        {
            if (_loggedIn && _nowMs - _lastInputMs >= _configuration.ConsoleInactivityTimeoutSeconds * 1000L)
            {
                LogOutForInactivity();
            }

            switch (_mode)
            {
                case ConsoleMode.RelayTest:
                    if (_cabinet.RelayTestConnectorId == 0)
                    {
                        WriteLine(Text(ConsoleTextId.RelayEnded, _relayTestConnectorId.ToString()));
                        BackToPrompt();
                    }

                    break;
                case ConsoleMode.ReaderTest:
                case ConsoleMode.CardPersonalization:
                    if (_nowMs >= _testDeadlineMs)
                    {
                        WriteLine(Text(ConsoleTextId.ReaderTimeout, TestSeconds.ToString()));
                        BackToPrompt();
                    }

                    break;
                case ConsoleMode.KeypadTest:
                    if (_nowMs >= _testDeadlineMs)
                    {
                        EndTest();
                    }

                    break;
            }
        }

        private void LogOutForInactivity()
        {
            _loggedIn = false;
            _log.Info(Component, "technician session closed after " + _configuration.ConsoleInactivityTimeoutSeconds.ToString() + " s without input");
            if (_mode == ConsoleMode.RelayTest)
            {
                _cabinet.StopRelayTest();
            }

            _editor.Discard();
            WriteLine("");
            WriteLine(Text(ConsoleTextId.AutoLogout, _configuration.ConsoleInactivityTimeoutSeconds.ToString()));
            if (_mode == ConsoleMode.Setup || _mode == ConsoleMode.Rebooting)
            {
                ReturnToMode();
                return;
            }

            BackToPrompt();
        }

        private void BackToPrompt()
        {
            _editor.Echo = true;
            _mode = ConsoleMode.Command;
            ShowPrompt();
        }

        // After a rejected line: prompts again for what the current mode waits for.
        private void ReturnToMode()
        {
            switch (_mode)
            {
                case ConsoleMode.Setup:
                    AskSetupQuestion();
                    break;
                case ConsoleMode.Command:
                    ShowPrompt();
                    break;
                case ConsoleMode.Rebooting:
                    break;
                default:
                    BackToPrompt();
                    break;
            }
        }

        private void ShowPrompt()
        {
            if (_output.TakeTruncated())
            {
                _output.Write(Text(ConsoleTextId.OutputTruncated) + "\n", true);
            }

            _output.Write(_configuration.ChargePointIdentity + (_loggedIn ? "# " : "> "), true);
        }

        private void Prompt(string text, bool hidden)
        {
            _editor.Echo = !hidden;
            _output.Write(text, true);
        }

        private void WriteLine(string text)
        {
            _output.Write(text + "\n", false);
        }

        private void WriteLabel(ConsoleTextId label, string value)
        {
            string name = Text(label);
            while (name.Length < LabelWidth)
            {
                name += " ";
            }

            WriteLine(name + value);
        }

        private string Text(ConsoleTextId id)
        {
            return MessageCatalog.FormatConsole(id, _language);
        }

        private string Text(ConsoleTextId id, string argument0)
        {
            return MessageCatalog.FormatConsole(id, _language, argument0);
        }

        private string Text(ConsoleTextId id, string argument0, string argument1)
        {
            return MessageCatalog.FormatConsole(id, _language, argument0, argument1);
        }

        private string Text(ConsoleTextId id, string[] arguments)
        {
            return MessageCatalog.FormatConsole(id, _language, arguments);
        }

        private string Describe(SettingCheck check)
        {
            return SettingMessages.Describe(check, _language);
        }
    }
}
