using System.IO;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Runs a script of virtual-cabinet commands, one per line, and turns the outcome into an exit code.</summary>
    public static class ScriptRunner
    {
        /// <summary>Exit code when every command ran and every expectation was met.</summary>
        public const int Success = 0;

        /// <summary>Exit code when an expect command was not met in time.</summary>
        public const int ExpectationFailed = 1;

        /// <summary>Exit code for an unknown command or an invalid argument in the script.</summary>
        public const int InvalidScript = 2;

        /// <summary>Lines of the log printed after a failure, to show what the cabinet did.</summary>
        public const int LogLinesOnFailure = 40;

        /// <summary>
        /// Runs the lines of <paramref name="script"/> until the end, a quit command or the first failure,
        /// echoing each command to <paramref name="output"/>. Returns <see cref="Success"/>,
        /// <see cref="ExpectationFailed"/> or <see cref="InvalidScript"/>.
        /// </summary>
        public static int Run(TextReader script, CommandInterpreter interpreter, ToolTexts texts, TextWriter output, LogBook log)
        {
            int lineNumber = 0;
            int commands = 0;
            string line;
            while ((line = script.ReadLine()) != null)
            {
                lineNumber++;
                if (CommandInterpreter.IsBlankOrComment(line))
                {
                    continue;
                }

                output.WriteLine(texts.ScriptLine(lineNumber, line.Trim()));
                commands++;
                CommandOutcome outcome = interpreter.Execute(line);
                if (outcome == CommandOutcome.Quit)
                {
                    break;
                }

                if (outcome == CommandOutcome.ExpectationFailed || outcome == CommandOutcome.Invalid)
                {
                    output.WriteLine(texts.ScriptFailed(lineNumber));
                    output.WriteLine(texts.RecentLogsHeader);
                    foreach (string logLine in log.Recent(LogLinesOnFailure))
                    {
                        output.WriteLine("  " + logLine);
                    }

                    return outcome == CommandOutcome.ExpectationFailed ? ExpectationFailed : InvalidScript;
                }
            }

            output.WriteLine(texts.ScriptPassed(commands));
            return Success;
        }
    }
}
