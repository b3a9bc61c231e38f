namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Flat file storage on the board's internal flash (drive I: on the device). Names are short and
    /// have no folder. A power cut during <see cref="Write"/> or <see cref="Append"/> may leave the
    /// file torn; <see cref="Rename"/> is the only step callers may treat as atomic.
    /// </summary>
    public interface IFileStorage
    {
        /// <summary>Returns the file's length in bytes, or -1 when it does not exist.</summary>
        int GetLength(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/>; returns the count read.</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>Creates or replaces the file with the given bytes.</summary>
        void Write(string name, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes at the end of the file, creating it when missing.</summary>
        void Append(string name, byte[] buffer, int offset, int count);

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/>.</summary>
        void Rename(string from, string to);

        /// <summary>Deletes the file; does nothing when it does not exist.</summary>
        void Delete(string name);
    }
}
