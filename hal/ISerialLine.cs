namespace KiWhi.Armoire.Hal
{
    /// <summary>Technician console line (COM2 on the device).</summary>
    public interface ISerialLine
    {
        /// <summary>Reads the bytes already received, up to <paramref name="count"/>; returns 0 at once when none.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes bytes to the line.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
