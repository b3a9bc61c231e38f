using System;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Data layout of a KiWhi Pass card (an Ultralight C), format version 1. The data fills pages 04h to
    /// 07h, so one READ of page 04h returns all of it:
    /// <code>
    /// byte  0-1   magic 4Bh 50h ("KP")
    /// byte  2     layout version (1)
    /// byte  3     reserved, written as 00h
    /// byte  4-7   card number, unsigned, big-endian (the number printed on the card)
    /// byte  8-11  issuer id, unsigned, big-endian (the KiWhi customer that issued the card)
    /// byte 12-13  reserved, written as 00h
    /// byte 14-15  CRC_A (ISO/IEC 14443-3 Annex B) of bytes 0-13, low byte first
    /// </code>
    /// A personalized card protects every page from 04h (AUTH0 = 04h) for reading and writing
    /// (AUTH1 = 00h), so the data is readable only after authentication with the card's diversified key.
    /// </summary>
    /// <remarks>
    /// The checksum detects torn or corrupted writes only. Ultralight C has no secure messaging, so a
    /// relay between an authenticated card and the reader could still alter the data. This is why the
    /// default idTag comes from the UID, which the diversified key binds to the card.
    /// </remarks>
    public static class KiWhiPassLayout
    {
        /// <summary>First page of the data.</summary>
        public const byte FirstDataPage = UltralightCommands.FirstUserPage;

        /// <summary>Data length in bytes: pages 04h to 07h.</summary>
        public const int DataLength = 16;

        /// <summary>Layout version written by <see cref="Encode"/>. Other versions are rejected.</summary>
        public const byte CurrentVersion = 1;

        /// <summary>AUTH0 of a personalized card: pages 04h and above need authentication.</summary>
        public const byte ProtectedFromPage = FirstDataPage;

        /// <summary>AUTH1 of a personalized card: bit 0 clear, so reads and writes both need authentication.</summary>
        public const byte Auth1ReadAndWriteProtected = 0x00;

        /// <summary>Length of the diversification input: the 7-byte UID then the 5-byte system identifier.</summary>
        public const int DiversificationInputLength = UltralightCIdentification.UidLength + 5;

        private const byte FirstMagicByte = 0x4B;
        private const byte SecondMagicByte = 0x50;
        private const int ChecksumOffset = 14;

        // System identifier appended to the UID for AN10922 diversification: ASCII "KiWhi". A different
        // identifier gives unrelated keys, so changing it invalidates every personalized card.
        private static readonly byte[] SystemIdentifier = new byte[] { 0x4B, 0x69, 0x57, 0x68, 0x69 };

        /// <summary>Writes the 16 data bytes for <paramref name="cardNumber"/> and <paramref name="issuerId"/> at <paramref name="offset"/>.</summary>
        public static void Encode(uint cardNumber, uint issuerId, byte[] data, int offset)
        {
            CheckRange(data, offset, DataLength);
            Array.Clear(data, offset, DataLength);
            data[offset] = FirstMagicByte;
            data[offset + 1] = SecondMagicByte;
            data[offset + 2] = CurrentVersion;
            WriteUInt32BigEndian(cardNumber, data, offset + 4);
            WriteUInt32BigEndian(issuerId, data, offset + 8);
            CrcA.Append(data, offset, ChecksumOffset);
        }

        /// <summary>
        /// Checks the 16 bytes at <paramref name="offset"/> and, when they are valid, returns the card
        /// number and issuer id. Never throws for any content.
        /// </summary>
        public static KiWhiPassRejection Decode(byte[] data, int offset, out uint cardNumber, out uint issuerId)
        {
            cardNumber = 0;
            issuerId = 0;
            if (data == null || offset < 0 || offset > data.Length - DataLength)
            {
                return KiWhiPassRejection.UnknownLayout;
            }

            // The magic and the version come first, so that a future layout with another checksum
            // position is reported as unknown and not as corrupted.
            if (data[offset] != FirstMagicByte || data[offset + 1] != SecondMagicByte || data[offset + 2] != CurrentVersion)
            {
                return KiWhiPassRejection.UnknownLayout;
            }

            if (!CrcA.IsValid(data, offset, DataLength))
            {
                return KiWhiPassRejection.BadChecksum;
            }

            cardNumber = ReadUInt32BigEndian(data, offset + 4);
            issuerId = ReadUInt32BigEndian(data, offset + 8);
            return KiWhiPassRejection.None;
        }

        /// <summary>
        /// Writes the AN10922 diversification input M = UID ‖ "KiWhi" for the 7-byte UID at
        /// <paramref name="uidOffset"/> and returns its length, <see cref="DiversificationInputLength"/>.
        /// </summary>
        public static int WriteDiversificationInput(byte[] uid, int uidOffset, byte[] input, int inputOffset)
        {
            CheckRange(uid, uidOffset, UltralightCIdentification.UidLength);
            CheckRange(input, inputOffset, DiversificationInputLength);
            Array.Copy(uid, uidOffset, input, inputOffset, UltralightCIdentification.UidLength);
            Array.Copy(SystemIdentifier, 0, input, inputOffset + UltralightCIdentification.UidLength, SystemIdentifier.Length);
            return DiversificationInputLength;
        }

        private static uint ReadUInt32BigEndian(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        private static void WriteUInt32BigEndian(uint value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "The range of " + count + " bytes at offset " + offset + " does not fit in a buffer of " + buffer.Length + " bytes.");
            }
        }
    }
}
