using System;
using System.Collections.Generic;
using System.Globalization;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Text of the virtual cabinet's status panel, built from the simulations and the firmware's status snapshot.</summary>
    public static class PanelRenderer
    {
        /// <summary>
        /// Returns the panel lines, each cut to <paramref name="width"/> characters, with the last
        /// <paramref name="frameCount"/> OCPP messages and <paramref name="logCount"/> log lines. With
        /// <paramref name="fixedHeight"/>, missing messages and log lines are blank lines, so the line count
        /// depends only on the bay count and these two numbers and a screen can reserve room for it.
        /// </summary>
        public static string[] Render(VirtualCabinetHost host, ToolTexts texts, int width, int frameCount, int logCount, bool fixedHeight)
        {
            var lines = new List<string>();
            CabinetStatus status = host.Status;

            lines.Add(texts.Title + " " + IdentityOf(host) + "   " + texts.LinkLabel + ": " + texts.LinkStateText(host.Transport.IsOpen)
                + " (" + status.Link + ")   " + texts.RegistrationLabel + ": " + status.Registration
                + (status.LoopFaults > 0 ? "   " + texts.LoopFaults(status.LoopFaults) : string.Empty));

            string line1 = host.Display.Line1;
            string line2 = host.Display.Line2;
            string border = "+" + new string('-', host.Display.Columns) + "+";
            lines.Add(border);
            lines.Add("|" + line1.PadRight(host.Display.Columns) + "|   " + texts.LedLabel + ": " + texts.ColorName(host.Indicators.Color));
            lines.Add("|" + line2.PadRight(host.Display.Columns) + "|   " + texts.BuzzerLabel + ": " + texts.PatternName(host.Indicators.LastPattern));
            lines.Add(border);

            lines.Add(texts.BayHeader);
            for (int bay = 1; bay <= host.BayCount; bay++)
            {
                bool closed = host.Contactors.IsClosed(bay);
                double energyKwh = host.Meters.ReadRegisterWh(bay) / 1000.0;
                string bayStatus = bay <= status.Bays.Length ? status.Bays[bay - 1].Status : "-";
                int? transactionId = bay <= status.Bays.Length ? status.Bays[bay - 1].TransactionId : null;
                lines.Add(
                    bay.ToString(CultureInfo.InvariantCulture).PadLeft(4) + "   "
                    + host.SpotNumbers[bay - 1].ToString(CultureInfo.InvariantCulture).PadLeft(5) + "  "
                    + (closed ? texts.Closed : texts.Open).PadRight(11) + " "
                    + (energyKwh.ToString("0.000", CultureInfo.InvariantCulture) + " kWh").PadRight(13) + " "
                    + bayStatus + (transactionId.HasValue ? " (transactionId " + transactionId.Value.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty));
            }

            lines.Add(texts.CardOnReader + ": " + CardText(host, texts));

            lines.Add(texts.LastFrames + ":");
            ObservedFrame[] frames = host.Transport.Recent(frameCount);
            for (int i = 0; i < (fixedHeight ? frameCount : frames.Length); i++)
            {
                lines.Add(i < frames.Length ? FrameText(frames[i]) : string.Empty);
            }

            lines.Add(texts.LastLogs + ":");
            string[] logs = host.Log.Recent(logCount);
            for (int i = 0; i < (fixedHeight ? logCount : logs.Length); i++)
            {
                lines.Add(i < logs.Length ? "  " + logs[i] : string.Empty);
            }

            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length > width)
                {
                    lines[i] = lines[i].Substring(0, width);
                }
            }

            return lines.ToArray();
        }

        private static string IdentityOf(VirtualCabinetHost host)
        {
            return host.Identity + " -> " + (host.CentralSystemUrl ?? "-");
        }

        private static string CardText(VirtualCabinetHost host, ToolTexts texts)
        {
            Hal.Simulation.SimulatedCard card = host.Reader.Card;
            if (card == null)
            {
                return texts.NoCard;
            }

            string uidHex = Convert.ToHexString(card.Uid);
            string name = host.Cards.NameOf(card);
            return name == null ? uidHex : name + " (" + uidHex + ")";
        }

        private static string FrameText(ObservedFrame frame)
        {
            return "  " + frame.UtcTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + (frame.Sent ? " -> " : " <- ") + frame.Text;
        }
    }
}
