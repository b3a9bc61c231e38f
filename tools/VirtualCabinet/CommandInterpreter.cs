using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Result of one command.</summary>
    public enum CommandOutcome
    {
        /// <summary>Done; read the next command.</summary>
        Continue,

        /// <summary>quit was typed.</summary>
        Quit,

        /// <summary>An expect check was not met in time.</summary>
        ExpectationFailed,

        /// <summary>Unknown command or invalid argument.</summary>
        Invalid,
    }

    /// <summary>
    /// Runs the virtual cabinet's commands (the same in the interactive and the scripted mode) against
    /// the simulations of a <see cref="VirtualCabinetHost"/>, writing results to an output writer.
    /// </summary>
    public sealed class CommandInterpreter
    {
        /// <summary>Time the technician console has to write its reply to a line, in ms.</summary>
        private const int ConsoleAnswerMs = 300;

        /// <summary>OCPP messages and log lines printed by the status command.</summary>
        private const int StatusFrames = 10;
        private const int StatusLogLines = 10;

        /// <summary>Polling period of the expect commands, in ms.</summary>
        private const int ExpectPollMs = 20;

        private readonly VirtualCabinetHost _host;
        private readonly ToolTexts _texts;
        private readonly TextWriter _output;
        private readonly TimeSpan _expectTimeout;

        public CommandInterpreter(VirtualCabinetHost host, ToolTexts texts, TextWriter output, TimeSpan expectTimeout)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _texts = texts ?? throw new ArgumentNullException(nameof(texts));
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _expectTimeout = expectTimeout;
        }

        /// <summary>Returns true for a line without a command: blank, or a comment starting with '#'.</summary>
        public static bool IsBlankOrComment(string line)
        {
            string trimmed = line.Trim();
            return trimmed.Length == 0 || trimmed[0] == '#';
        }

        // Words of the commands above, to tell a known command used with the wrong arguments from an unknown one.
        private static readonly string[] CommandWords =
        {
            "badge", "remove", "key", "keys", "wait", "power", "console", "status", "expect", "help", "quit", "exit",
        };

        /// <summary>Runs one command line; never throws for bad input, which is reported as <see cref="CommandOutcome.Invalid"/>.</summary>
        public CommandOutcome Execute(string line)
        {
            if (line == null || IsBlankOrComment(line))
            {
                return CommandOutcome.Continue;
            }

            string trimmed = line.Trim();
            string[] words = trimmed.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            string command = words[0].ToLowerInvariant();
            string rest = trimmed.Substring(words[0].Length).Trim();

            switch (command)
            {
                case "badge" when words.Length == 2:
                    return Badge(trimmed, words[1]);
                case "remove" when words.Length == 1:
                    return Remove();
                case "key" when words.Length == 2:
                case "keys" when words.Length == 2:
                    return Keys(trimmed, words[1]);
                case "wait" when words.Length == 2:
                    return Wait(trimmed, words[1]);
                case "power" when words.Length == 3:
                    return Power(trimmed, words[1], words[2]);
                case "console" when words.Length == 1:
                    return AttachConsole();
                case "console" when words.Length >= 2:
                    return Console(rest);
                case "status" when words.Length == 1:
                    _output.WriteLine(string.Join(Environment.NewLine, PanelRenderer.Render(_host, _texts, int.MaxValue, StatusFrames, StatusLogLines, fixedHeight: false)));
                    return CommandOutcome.Continue;
                case "expect" when words.Length >= 3 && words[1].ToLowerInvariant() == "display":
                    return ExpectDisplay(rest.Substring(words[1].Length).Trim());
                case "expect" when words.Length == 4 && words[1].ToLowerInvariant() == "contactor":
                    return ExpectContactor(trimmed, words[2], words[3]);
                case "expect" when words.Length == 3 && words[1].ToLowerInvariant() == "link":
                    return ExpectLink(trimmed, words[2]);
                case "expect" when words.Length == 3 && words[1].ToLowerInvariant() == "registration":
                    return ExpectRegistration(words[2]);
                case "help" when words.Length == 1:
                    _output.WriteLine(_texts.CommandHelp);
                    return CommandOutcome.Continue;
                case "quit" when words.Length == 1:
                case "exit" when words.Length == 1:
                    return CommandOutcome.Quit;
                default:
                    _output.WriteLine(Array.IndexOf(CommandWords, command) >= 0
                        ? _texts.WrongArguments(trimmed, command)
                        : _texts.UnknownCommand(trimmed));
                    return CommandOutcome.Invalid;
            }
        }

        private CommandOutcome Badge(string line, string nameOrUid)
        {
            SimulatedCard card;
            try
            {
                card = _host.Cards.Get(nameOrUid);
            }
            catch (FormatException exception)
            {
                _output.WriteLine(_texts.InvalidArgument(line, exception.Message));
                return CommandOutcome.Invalid;
            }

            if (_host.Reader.CardInField)
            {
                // The cabinet takes a card seen again within this time for the same presentation.
                _host.Reader.Remove();
                Thread.Sleep(Cabinet.CardRemovedAfterMs + 2 * Cabinet.CardPollIntervalMs);
            }

            _host.Reader.Present(card);
            string name = _host.Cards.NameOf(card) ?? "UID";
            _output.WriteLine(_texts.CardPresented(name, Convert.ToHexString(card.Uid)));
            return CommandOutcome.Continue;
        }

        private CommandOutcome Remove()
        {
            if (!_host.Reader.CardInField)
            {
                _output.WriteLine(_texts.NoCardToRemove);
                return CommandOutcome.Continue;
            }

            _host.Reader.Remove();
            _output.WriteLine(_texts.CardRemoved);
            return CommandOutcome.Continue;
        }

        private CommandOutcome Keys(string line, string keys)
        {
            foreach (char key in keys)
            {
                if (!SimulatedKeypad.IsValidKey(key))
                {
                    _output.WriteLine(_texts.InvalidArgument(line, _texts.InvalidKey(key)));
                    return CommandOutcome.Invalid;
                }
            }

            bool delivered = _host.Keypad.Type(keys);
            _output.WriteLine(delivered ? _texts.KeysTyped(keys) : _texts.KeysLost(keys));
            return CommandOutcome.Continue;
        }

        private CommandOutcome Wait(string line, string value)
        {
            if (!TryParseNonNegative(value, out double seconds) || seconds > 3600)
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.InvalidSeconds(value)));
                return CommandOutcome.Invalid;
            }

            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            return CommandOutcome.Continue;
        }

        private CommandOutcome Power(string line, string bayText, string powerText)
        {
            if (!TryParseBay(bayText, out int bay))
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.BayOutOfRange(bayText, _host.BayCount)));
                return CommandOutcome.Invalid;
            }

            if (!TryParseNonNegative(powerText, out double powerW) || powerW > VirtualCabinetOptions.MaxPowerW)
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.InvalidWatts(powerText)));
                return CommandOutcome.Invalid;
            }

            _host.Meters.SetPowerW(bay, powerW);
            _output.WriteLine(_texts.PowerSet(bay, powerW));
            return CommandOutcome.Continue;
        }

        private CommandOutcome AttachConsole()
        {
            if (System.Console.IsInputRedirected)
            {
                _output.WriteLine(_texts.ConsoleNeedsTerminal);
                return CommandOutcome.Invalid;
            }

            ConsoleSession.Run(_host.ConsoleLine, _texts);
            return CommandOutcome.Continue;
        }

        private CommandOutcome Console(string text)
        {
            _host.ConsoleLine.TakeOutput();
            _host.ConsoleLine.Inject(text + "\r\n");
            Thread.Sleep(ConsoleAnswerMs);
            _output.WriteLine(_texts.ConsoleOutput(_host.ConsoleLine.TakeOutput().TrimEnd()));
            return CommandOutcome.Continue;
        }

        private CommandOutcome ExpectDisplay(string text)
        {
            if (WaitFor(() => _host.Display.Contains(text)))
            {
                _output.WriteLine(_texts.ExpectMet(_texts.DisplayShows(text)));
                return CommandOutcome.Continue;
            }

            _output.WriteLine(_texts.ExpectDisplayFailed(text, _host.Display.Line1, _host.Display.Line2, _expectTimeout.TotalSeconds));
            return CommandOutcome.ExpectationFailed;
        }

        private CommandOutcome ExpectContactor(string line, string bayText, string stateText)
        {
            if (!TryParseBay(bayText, out int bay))
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.BayOutOfRange(bayText, _host.BayCount)));
                return CommandOutcome.Invalid;
            }

            string state = stateText.ToLowerInvariant();
            if (state != "open" && state != "closed")
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.ExpectedOpenOrClosed(stateText)));
                return CommandOutcome.Invalid;
            }

            bool closed = state == "closed";
            if (WaitFor(() => _host.Contactors.IsClosed(bay) == closed))
            {
                _output.WriteLine(_texts.ExpectMet(_texts.ContactorIs(bay, closed)));
                return CommandOutcome.Continue;
            }

            _output.WriteLine(_texts.ExpectContactorFailed(bay, closed, _expectTimeout.TotalSeconds));
            return CommandOutcome.ExpectationFailed;
        }

        private CommandOutcome ExpectLink(string line, string stateText)
        {
            string state = stateText.ToLowerInvariant();
            if (state != "open" && state != "closed")
            {
                _output.WriteLine(_texts.InvalidArgument(line, _texts.ExpectedOpenOrClosed(stateText)));
                return CommandOutcome.Invalid;
            }

            bool open = state == "open";
            if (WaitFor(() => _host.Transport.IsOpen == open))
            {
                _output.WriteLine(_texts.ExpectMet(_texts.LinkIs(open)));
                return CommandOutcome.Continue;
            }

            _output.WriteLine(_texts.ExpectLinkFailed(open, _expectTimeout.TotalSeconds, _host.Transport.LastCloseReason));
            return CommandOutcome.ExpectationFailed;
        }

        private CommandOutcome ExpectRegistration(string expected)
        {
            if (WaitFor(() => string.Equals(_host.Status.Registration, expected, StringComparison.OrdinalIgnoreCase)))
            {
                _output.WriteLine(_texts.ExpectMet(_texts.RegistrationIs(expected)));
                return CommandOutcome.Continue;
            }

            _output.WriteLine(_texts.ExpectRegistrationFailed(expected, _host.Status.Registration, _expectTimeout.TotalSeconds));
            return CommandOutcome.ExpectationFailed;
        }

        private bool WaitFor(Func<bool> condition)
        {
            var stopwatch = Stopwatch.StartNew();
            while (true)
            {
                if (condition())
                {
                    return true;
                }

                if (stopwatch.Elapsed >= _expectTimeout)
                {
                    return false;
                }

                Thread.Sleep(ExpectPollMs);
            }
        }

        private bool TryParseBay(string text, out int bay)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out bay) && bay >= 1 && bay <= _host.BayCount;
        }

        private static bool TryParseNonNegative(string text, out double value)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0 && !double.IsInfinity(value);
        }
    }
}
