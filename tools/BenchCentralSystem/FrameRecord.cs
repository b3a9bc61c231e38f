using System;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Direction of a logged frame, seen from the central system.</summary>
    public enum FrameDirection
    {
        /// <summary>Received from the charge point.</summary>
        In,

        /// <summary>Sent to the charge point.</summary>
        Out,
    }

    /// <summary>One WebSocket text message exchanged with a charge point.</summary>
    /// <param name="UtcTime">Time the bench received or sent it.</param>
    /// <param name="Identity">Charge-point identity from the connection URL.</param>
    /// <param name="Direction">Received or sent.</param>
    /// <param name="Text">The message as text, unchanged.</param>
    public sealed record FrameRecord(DateTimeOffset UtcTime, string Identity, FrameDirection Direction, string Text)
    {
        /// <summary>Returns the frame as one log line: time, identity, arrow and text.</summary>
        public override string ToString()
        {
            string arrow = Direction == FrameDirection.In ? "<-" : "->";
            return UtcTime.UtcDateTime.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + Identity + " " + arrow + " " + Text;
        }
    }
}
