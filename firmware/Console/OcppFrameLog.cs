using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The latest OCPP frames sent and received, each cut to its first <see cref="MaxStoredBytes"/>
    /// bytes, for the console's ocpp command. Recording copies into preallocated slots and allocates
    /// nothing. A ChangeConfiguration CALL is cut just after its action name, so that no secret value
    /// reaches the console, even one whose key the central system wrote with JSON escapes. Any other
    /// frame that names a secret setting is cut just after the key name.
    /// </summary>
    public sealed class OcppFrameLog
    {
        /// <summary>Frames kept.</summary>
        public const int Capacity = 16;

        /// <summary>Bytes kept of each frame.</summary>
        public const int MaxStoredBytes = 120;

        private static readonly byte[][] MaskingMarkers = BuildMaskingMarkers();

        private readonly byte[][] _bytes = new byte[Capacity][];
        private readonly int[] _storedLengths = new int[Capacity];
        private readonly int[] _frameLengths = new int[Capacity];
        private readonly bool[] _outgoing = new bool[Capacity];
        private readonly bool[] _masked = new bool[Capacity];
        private readonly long[] _timesMs = new long[Capacity];
        private int _next;
        private int _count;

        public OcppFrameLog()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _bytes[i] = new byte[MaxStoredBytes];
            }
        }

        /// <summary>Frames kept, at most <see cref="Capacity"/>.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Records one frame. <paramref name="outgoing"/> is true for frames the cabinet sends (CP->CS).</summary>
        public void Record(bool outgoing, byte[] utf8, int offset, int count, long nowMs)
        {
            int slot = _next;
            int stored = count < MaxStoredBytes ? count : MaxStoredBytes;
            System.Array.Copy(utf8, offset, _bytes[slot], 0, stored);

            int secretEnd = FindMaskingMarkerEnd(_bytes[slot], stored);
            _masked[slot] = secretEnd >= 0;
            if (secretEnd >= 0)
            {
                stored = secretEnd;
            }
            else if (stored < count)
            {
                // Cut before an incomplete UTF-8 sequence rather than through it.
                while (stored > 0 && (utf8[offset + stored] & 0xC0) == 0x80)
                {
                    stored--;
                }
            }

            _storedLengths[slot] = stored;
            _frameLengths[slot] = count;
            _outgoing[slot] = outgoing;
            _timesMs[slot] = nowMs;
            _next = (_next + 1) % Capacity;
            if (_count < Capacity)
            {
                _count++;
            }
        }

        /// <summary>
        /// Returns the stored text of frame <paramref name="index"/>, 0 being the oldest kept, with
        /// control characters replaced by '?' so that a frame cannot drive the technician's terminal.
        /// </summary>
        public string GetText(int index, out bool outgoing, out int frameLength, out bool masked, out long monotonicMs)
        {
            int slot = (_next - _count + index + Capacity) % Capacity;
            outgoing = _outgoing[slot];
            frameLength = _frameLengths[slot];
            masked = _masked[slot];
            monotonicMs = _timesMs[slot];
            string text = Utf8.GetString(_bytes[slot], 0, _storedLengths[slot]);
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (SettingText.IsControl(chars[i]) && chars[i] != '\uFFFD')
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }

        // Returns the index just after the first masking marker, or -1. OCPP action names and keys are
        // case-insensitive (CiString50), so ASCII letters match in either case.
        private static int FindMaskingMarkerEnd(byte[] bytes, int length)
        {
            for (int k = 0; k < MaskingMarkers.Length; k++)
            {
                byte[] marker = MaskingMarkers[k];
                for (int start = 0; start + marker.Length <= length; start++)
                {
                    int i = 0;
                    while (i < marker.Length && LowerAscii(bytes[start + i]) == marker[i])
                    {
                        i++;
                    }

                    if (i == marker.Length)
                    {
                        return start + marker.Length;
                    }
                }
            }

            return -1;
        }

        private static byte LowerAscii(byte value)
        {
            return value >= (byte)'A' && value <= (byte)'Z' ? (byte)(value + 32) : value;
        }

        // "changeconfiguration" and the name of every secret setting, quoted and in lower case.
        private static byte[][] BuildMaskingMarkers()
        {
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            int secrets = 0;
            for (int i = 0; i < settings.Length; i++)
            {
                if (settings[i].IsSecret)
                {
                    secrets++;
                }
            }

            byte[][] markers = new byte[secrets + 1][];
            markers[0] = QuotedLowerCase("ChangeConfiguration");
            int next = 1;
            for (int i = 0; i < settings.Length; i++)
            {
                if (settings[i].IsSecret)
                {
                    markers[next++] = QuotedLowerCase(settings[i].Key);
                }
            }

            return markers;
        }

        private static byte[] QuotedLowerCase(string name)
        {
            string quoted = "\"" + SettingText.ToLowerAscii(name) + "\"";
            byte[] bytes = new byte[quoted.Length];
            Utf8.GetBytes(quoted, bytes, 0);
            return bytes;
        }
    }
}
