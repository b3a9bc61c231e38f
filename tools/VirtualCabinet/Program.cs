using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Entry point of the virtual cabinet.</summary>
    public static class Program
    {
        /// <summary>Exit code for invalid command-line arguments.</summary>
        public const int InvalidArguments = 2;

        /// <summary>Exit code when the cabinet or the bench could not start.</summary>
        public const int StartFailed = 3;

        /// <summary>OCPP messages and log lines shown on the interactive panel.</summary>
        private const int PanelFrames = 6;
        private const int PanelLogLines = 3;

        /// <summary>Period of the panel refresh in the interactive mode, in ms.</summary>
        private const int RefreshPeriodMs = 200;

        public static int Main(string[] args)
        {
            var texts = new ToolTexts(VirtualCabinetOptions.PeekLanguage(args));
            VirtualCabinetOptions options;
            try
            {
                options = VirtualCabinetOptions.Parse(args, texts);
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return InvalidArguments;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(texts.Usage);
                Console.WriteLine();
                Console.WriteLine(texts.CommandHelp);
                return 0;
            }

            TextReader script = null;
            if (options.ScriptPath != null)
            {
                if (options.ScriptPath == "-")
                {
                    script = Console.In;
                }
                else if (File.Exists(options.ScriptPath))
                {
                    script = new StreamReader(options.ScriptPath);
                }
                else
                {
                    Console.Error.WriteLine(texts.ScriptNotFound(options.ScriptPath));
                    return InvalidArguments;
                }
            }

            bool temporaryState = options.StateFolder == null;
            string stateFolder = options.StateFolder ?? Path.Combine(Path.GetTempPath(), "kiwhi-virtual-cabinet-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(stateFolder);
            try
            {
                using var log = new LogBook(Path.Combine(stateFolder, "virtual-cabinet.log"));
                using var host = new VirtualCabinetHost(options, log, Path.Combine(stateFolder, "flash"));
                if (!TryStart(host, texts))
                {
                    return StartFailed;
                }

                if (host.Bench != null)
                {
                    Console.WriteLine(texts.BenchStarted(host.Bench.Url));
                }

                Console.WriteLine(temporaryState ? texts.LogFileUsed(log.FilePath) : texts.StateFolderUsed(stateFolder));
                // Ctrl+C and SIGTERM cannot interrupt Console.ReadLine, so the cleanup of the finally
                // blocks runs here, and a normal exit gives the terminal back its echo.
                void Stop(int exitCode)
                {
                    TerminalScreen.RestoreTerminal();
                    Console.WriteLine(texts.Interrupted);
                    host.Dispose();
                    log.Dispose();
                    if (temporaryState)
                    {
                        TryDelete(stateFolder);
                    }

                    Environment.Exit(exitCode);
                }

                Console.CancelKeyPress += (sender, eventArgs) =>
                {
                    eventArgs.Cancel = true;
                    Stop(130);
                };
                using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    Stop(143);
                });
                var interpreter = new CommandInterpreter(host, texts, Console.Out, TimeSpan.FromSeconds(options.ExpectTimeoutSeconds));
                if (script != null)
                {
                    using (script)
                    {
                        return ScriptRunner.Run(script, interpreter, texts, Console.Out, log);
                    }
                }

                RunInteractive(host, interpreter, texts);
                return 0;
            }
            finally
            {
                if (temporaryState)
                {
                    TryDelete(stateFolder);
                }
            }
        }

        private static bool TryStart(VirtualCabinetHost host, ToolTexts texts)
        {
            try
            {
                host.Start();
                return true;
            }
            catch (NotImplementedException exception)
            {
                Console.Error.WriteLine(texts.FirmwareNotImplemented(exception.Message));
            }
            catch (Exception exception) when (exception is SocketException || exception is IOException || exception is UnauthorizedAccessException || exception is ArgumentException)
            {
                Console.Error.WriteLine(texts.StartFailed(exception.Message));
            }

            return false;
        }

        private static void RunInteractive(VirtualCabinetHost host, CommandInterpreter interpreter, ToolTexts texts)
        {
            int panelHeight = PanelRenderer.Render(host, texts, int.MaxValue, PanelFrames, PanelLogLines, fixedHeight: true).Length;
            var screen = new TerminalScreen(panelHeight);
            void Redraw() => screen.Draw(PanelRenderer.Render(host, texts, TerminalScreen.Width(), PanelFrames, PanelLogLines, fixedHeight: true));

            using var refresh = screen.IsLive ? new Timer(_ => Redraw(), null, 0, RefreshPeriodMs) : null;
            if (!screen.IsLive)
            {
                Redraw();
            }

            Console.WriteLine(texts.CommandHelp);
            try
            {
                while (true)
                {
                    Console.Write(texts.Prompt);
                    string line = Console.ReadLine();
                    if (line == null || interpreter.Execute(line) == CommandOutcome.Quit)
                    {
                        return;
                    }

                    if (!CommandInterpreter.IsBlankOrComment(line))
                    {
                        Redraw();
                    }
                }
            }
            finally
            {
                screen.Restore();
            }
        }

        private static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException exception)
            {
                Console.Error.WriteLine("Could not delete the temporary folder " + folder + ": " + exception.Message);
            }
        }
    }
}
