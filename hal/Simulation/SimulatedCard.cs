namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// An ISO/IEC 14443-A card that can be placed in the field of a simulated reader. The reader side
    /// handles REQA/WUPA, anticollision and SELECT from <see cref="Uid"/>, <see cref="Atqa"/> and
    /// <see cref="Sak"/>; every other frame goes to <see cref="Respond"/>.
    /// </summary>
    public abstract class SimulatedCard
    {
        /// <summary>UID of 4, 7 or 10 bytes.</summary>
        public abstract byte[] Uid { get; }

        /// <summary>Answer to request, first byte on the air in the low byte.</summary>
        public abstract ushort Atqa { get; }

        /// <summary>Select acknowledge of the last cascade level.</summary>
        public abstract byte Sak { get; }

        /// <summary>
        /// Answers one frame sent to the selected card; CRC_A is neither present in
        /// <paramref name="command"/> nor expected in <paramref name="response"/>.
        /// </summary>
        /// <returns>The number of response bytes, or a negative <see cref="CardStatus"/> value (Nak, Timeout).</returns>
        public abstract int Respond(byte[] command, int commandLength, byte[] response);

        /// <summary>Called when the card is selected again (WUPA/REQA then SELECT) after a halt, a NAK or a removal.</summary>
        public virtual void OnActivated()
        {
        }

        /// <summary>Called when the reader sends HLTA to the card.</summary>
        public virtual void OnHalted()
        {
        }

        /// <summary>Called when the card leaves the field: every volatile state is lost.</summary>
        public virtual void OnRemoved()
        {
        }
    }
}
