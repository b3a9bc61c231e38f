namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Encoding check of the text files an installer writes for the flash (provision.json, ca.pem).
    /// They must be UTF-8. Editors on Windows often add a UTF-8 byte order mark, which is skipped, or
    /// save as UTF-16, which is rejected with the fix to apply.
    /// </summary>
    public static class TextFileEncoding
    {
        /// <summary>
        /// Returns the index of the first byte after a UTF-8 byte order mark (0 without one), or -1 when
        /// the file is UTF-16: a UTF-16 byte order mark, or a zero byte among the first two.
        /// </summary>
        public static int TextStart(byte[] content, int length)
        {
            if (length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
            {
                return 3;
            }

            if (length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)
                || content[0] == 0 || content[1] == 0))
            {
                return -1;
            }

            return 0;
        }

        /// <summary>Reason given for a UTF-16 file.</summary>
        public const string Utf16Problem = "the file is saved as UTF-16; save it as UTF-8";
    }
}
