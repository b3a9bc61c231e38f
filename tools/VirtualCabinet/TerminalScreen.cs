using System;
using System.Text;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// Interactive screen: the panel stays on the top rows and the command line scrolls below it, using
    /// VT100 escape sequences (scroll region, cursor save and restore). Without a capable terminal, the
    /// panel is printed again after each command instead. Thread-safe.
    /// </summary>
    internal sealed class TerminalScreen
    {
        private const string Escape = "\u001b[";

        private readonly object _lock = new object();
        private readonly bool _useAnsi;
        private readonly int _panelHeight;
        private string _lastPanel;

        /// <summary>Prepares the screen for a panel of <paramref name="panelHeight"/> lines.</summary>
        public TerminalScreen(int panelHeight)
        {
            _panelHeight = panelHeight;
            int rows = TerminalRows();

            // The command area keeps at least 5 rows; a smaller terminal gets the plain mode.
            _useAnsi = rows > 0 && panelHeight + 6 <= rows && !Console.IsOutputRedirected && !Console.IsInputRedirected
                && Environment.GetEnvironmentVariable("TERM") is string term && term.Length > 0 && term != "dumb";
            if (_useAnsi)
            {
                Console.Write(Escape + "2J" + Escape + "H");
                Console.Write(Escape + (panelHeight + 2) + ";" + rows + "r");
                Console.Write(Escape + (panelHeight + 2) + ";1H");
            }
        }

        /// <summary>True when the panel is redrawn in place.</summary>
        public bool IsLive
        {
            get { return _useAnsi; }
        }

        /// <summary>Returns the usable width of a panel line, in characters.</summary>
        public static int Width()
        {
            try
            {
                return Console.IsOutputRedirected ? 160 : Math.Max(40, Console.WindowWidth - 1);
            }
            catch (System.IO.IOException)
            {
                return 160;
            }
        }

        /// <summary>Draws the panel; in live mode only when it changed, in plain mode always.</summary>
        public void Draw(string[] lines)
        {
            string panel = string.Join("\n", lines);
            lock (_lock)
            {
                if (!_useAnsi)
                {
                    Console.WriteLine(panel);
                    return;
                }

                if (panel == _lastPanel)
                {
                    return;
                }

                _lastPanel = panel;
                var output = new StringBuilder();
                output.Append("\u001b7");
                for (int row = 0; row < _panelHeight; row++)
                {
                    output.Append(Escape).Append(row + 1).Append(";1H");
                    output.Append(row < lines.Length ? lines[row] : string.Empty);
                    output.Append(Escape).Append('K');
                }

                output.Append(Escape).Append(_panelHeight + 1).Append(";1H").Append(new string('=', Width())).Append(Escape).Append('K');
                output.Append("\u001b8");
                Console.Write(output.ToString());
            }
        }

        /// <summary>Gives the whole terminal back to scrolling text.</summary>
        public void Restore()
        {
            lock (_lock)
            {
                if (_useAnsi)
                {
                    RestoreTerminal();
                }
            }
        }

        /// <summary>
        /// Resets the scroll region, shows the cursor and leaves it on the last row, below the panel.
        /// Writes nothing when the output is not a terminal.
        /// </summary>
        public static void RestoreTerminal()
        {
            if (!Console.IsOutputRedirected)
            {
                Console.Write(Escape + "r" + Escape + "999;1H" + Escape + "?25h");
                Console.WriteLine();
            }
        }

        private static int TerminalRows()
        {
            try
            {
                return Console.IsOutputRedirected ? 0 : Console.WindowHeight;
            }
            catch (System.IO.IOException)
            {
                return 0;
            }
        }
    }
}
