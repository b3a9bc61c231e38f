namespace KiWhi.Armoire.Firmware
{
    /// <summary>One event taken from the <see cref="EventQueue"/>; reused by the loop.</summary>
    public sealed class CabinetEvent
    {
        public CabinetEvent(int maxMessageBytes)
        {
            Message = new byte[maxMessageBytes];
        }

        public CabinetEventKind Kind;

        /// <summary>Key pressed, for <see cref="CabinetEventKind.KeyPressed"/>.</summary>
        public char Key;

        /// <summary>Why the link closed, for <see cref="CabinetEventKind.TransportClosed"/>.</summary>
        public string Reason;

        /// <summary>UTF-8 bytes of an OCPP message; the first <see cref="MessageLength"/> are meaningful.</summary>
        public readonly byte[] Message;

        public int MessageLength;
    }
}
