using System;
using System.Text;
using System.Threading;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// Connects the terminal to the cabinet's technician console line, as a serial terminal program
    /// would: every key goes to the firmware as bytes (Enter as CR, Backspace as the terminal sends it, Ctrl+C as 0x03),
    /// with no local echo, and everything the firmware writes is printed as it comes. Ctrl+] gives the
    /// keyboard back to the virtual cabinet's commands.
    /// </summary>
    public static class ConsoleSession
    {
        /// <summary>Ctrl+], the key that ends the session (the telnet convention).</summary>
        public const char DetachKey = '\u001d';

        /// <summary>Period of the copy from the console line to the terminal, in ms.</summary>
        private const int OutputPollMs = 20;

        /// <summary>Runs the session until Ctrl+] or the end of input. Needs an interactive terminal.</summary>
        public static void Run(SimulatedSerialLine line, ToolTexts texts)
        {
            System.Console.WriteLine(texts.ConsoleAttached);
            bool treatControlC = System.Console.TreatControlCAsInput;
            System.Console.TreatControlCAsInput = true;
            var stop = new ManualResetEventSlim();
            var pump = new Thread(() => CopyOutput(line, stop)) { IsBackground = true, Name = "console output" };
            pump.Start();
            try
            {
                // Ctrl+] and the end of input both leave the session.
                while (true)
                {
                    ConsoleKeyInfo key = System.Console.ReadKey(intercept: true);
                    if (IsDetachKey(key))
                    {
                        break;
                    }

                    byte[] bytes = BytesOf(key);
                    if (bytes.Length > 0)
                    {
                        line.InjectBytes(bytes);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // The input is not a terminal after all (redirected while the session ran).
            }
            finally
            {
                stop.Set();
                pump.Join();
                System.Console.TreatControlCAsInput = treatControlC;
                System.Console.WriteLine();
                System.Console.WriteLine(texts.ConsoleDetached);
            }
        }

        // .NET on Linux (measured with .NET 10 under tmux) reports the byte 0x1D that Ctrl+] sends as
        // Ctrl+5 with no character, the key that sends the same byte on many terminals.
        private static bool IsDetachKey(ConsoleKeyInfo key)
        {
            return key.KeyChar == DetachKey
                || (key.KeyChar == '\0' && key.Key == ConsoleKey.D5 && (key.Modifiers & ConsoleModifiers.Control) != 0);
        }

        // Returns the bytes a serial terminal sends for the key: its character in UTF-8, which is CR for
        // Enter and DEL or BS for Backspace. Keys without a character (arrows) send nothing.
        private static byte[] BytesOf(ConsoleKeyInfo key)
        {
            return key.KeyChar == '\0' ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(key.KeyChar.ToString());
        }

        private static void CopyOutput(SimulatedSerialLine line, ManualResetEventSlim stop)
        {
            while (!stop.Wait(OutputPollMs))
            {
                string output = line.TakeOutput();
                if (output.Length > 0)
                {
                    System.Console.Write(output);
                }
            }

            System.Console.Write(line.TakeOutput());
        }
    }
}
