using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>What one input byte did to the line being typed.</summary>
    public enum LineEditorEvent
    {
        /// <summary>Nothing to act on yet.</summary>
        None,

        /// <summary>CR or LF ended the line: read it with <see cref="ConsoleLineEditor.TakeLine"/>.</summary>
        LineComplete,

        /// <summary>Ctrl+C: the line was dropped and the running action should stop.</summary>
        Interrupt,
    }

    /// <summary>
    /// Assembles typed bytes into a line of at most <see cref="MaxLineBytes"/> bytes: echo, backspace
    /// and DEL, CR, LF or CR LF as the end of a line, Ctrl+C, and ANSI escape sequences (arrow keys)
    /// swallowed. Bytes past the limit are dropped and the line is reported as too long. Any byte
    /// value is accepted, and bytes that are not UTF-8 become U+FFFD in the line.
    /// </summary>
    public sealed class ConsoleLineEditor
    {
        /// <summary>Longest line kept, in bytes.</summary>
        public const int MaxLineBytes = 128;

        private const byte Backspace = 0x08;
        private const byte Delete = 0x7F;
        private const byte EndOfText = 0x03;
        private const byte Escape = 0x1B;

        private readonly byte[] _line = new byte[MaxLineBytes];
        private int _length;
        private bool _afterCarriageReturn;
        private int _escapeState;

        // Index in the line of the lead byte of a UTF-8 sequence still waiting for bytes, or -1.
        private int _sequenceStart = -1;

        /// <summary>True while typed characters are echoed, false for passwords and secrets.</summary>
        public bool Echo { get; set; }

        /// <summary>True when bytes were dropped from the line now complete or being typed.</summary>
        public bool Overflowed { get; private set; }

        public ConsoleLineEditor()
        {
            Echo = true;
        }

        /// <summary>Handles one input byte, echoing to <paramref name="output"/>, and returns whether a line ended.</summary>
        public LineEditorEvent Feed(byte value, ConsoleOutput output)
        {
            bool afterCarriageReturn = _afterCarriageReturn;
            _afterCarriageReturn = false;
            if (_escapeState != 0)
            {
                SkipEscape(value);
                return LineEditorEvent.None;
            }

            switch (value)
            {
                case 13:
                    _afterCarriageReturn = true;
                    output.Write("\n", true);
                    return LineEditorEvent.LineComplete;
                case 10:
                    if (afterCarriageReturn)
                    {
                        return LineEditorEvent.None;
                    }

                    output.Write("\n", true);
                    return LineEditorEvent.LineComplete;
                case Backspace:
                case Delete:
                    EraseLastCharacter(output);
                    return LineEditorEvent.None;
                case EndOfText:
                    Discard();
                    output.Write("^C\n", true);
                    return LineEditorEvent.Interrupt;
                case Escape:
                    _escapeState = 1;
                    return LineEditorEvent.None;
            }

            if (value < 0x20)
            {
                return LineEditorEvent.None;
            }

            if (_length == MaxLineBytes)
            {
                Overflowed = true;
                return LineEditorEvent.None;
            }

            _line[_length++] = value;
            if (Echo)
            {
                EchoLastByte(output);
            }

            return LineEditorEvent.None;
        }

        /// <summary>Returns the line typed (UTF-8 decoded, U+FFFD for invalid bytes), then clears it and the overflow flag.</summary>
        public string TakeLine()
        {
            string line = Utf8.GetString(_line, 0, _length);
            Discard();
            return line;
        }

        /// <summary>Drops the line being typed, overwriting its bytes (it may be a password).</summary>
        public void Discard()
        {
            System.Array.Clear(_line, 0, _length);
            _length = 0;
            _sequenceStart = -1;
            Overflowed = false;
        }

        // Echoes ASCII at once and a multi-byte character once its last byte arrived. An ill-formed
        // or abandoned sequence, or a C1 control character (U+0080 to U+009F, which some terminals obey
        // as commands), is echoed as one '?', so typed garbage cannot drive the technician's terminal.
        private void EchoLastByte(ConsoleOutput output)
        {
            int index = _length - 1;
            byte value = _line[index];
            bool continuation = (value & 0xC0) == 0x80;
            if (continuation && _sequenceStart >= 0)
            {
                if (_length - _sequenceStart < SequenceLength(_line[_sequenceStart]))
                {
                    return;
                }

                EchoSequence(output);
                return;
            }

            if (_sequenceStart >= 0)
            {
                output.WriteByte((byte)'?');
                _sequenceStart = -1;
            }

            if (value < 0x80)
            {
                output.WriteByte(value);
            }
            else if (SequenceLength(value) > 0)
            {
                _sequenceStart = index;
            }
            else
            {
                output.WriteByte((byte)'?');
            }
        }

        private void EchoSequence(ConsoleOutput output)
        {
            int start = _sequenceStart;
            _sequenceStart = -1;
            int scalar;
            int decoded = Utf8.DecodeScalar(_line, start, _length, out scalar);
            if (decoded != _length - start || (scalar >= 0x80 && scalar <= 0x9F))
            {
                output.WriteByte((byte)'?');
                return;
            }

            for (int i = start; i < _length; i++)
            {
                output.WriteByte(_line[i]);
            }
        }

        // Length announced by a UTF-8 lead byte, or 0 for a continuation or invalid byte.
        private static int SequenceLength(byte lead)
        {
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                return 2;
            }

            if (lead >= 0xE0 && lead <= 0xEF)
            {
                return 3;
            }

            return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        }

        // Removes the last UTF-8 character: its continuation bytes (10xxxxxx), then its lead byte. A
        // sequence still incomplete was never echoed, so the terminal has nothing to erase for it.
        private void EraseLastCharacter(ConsoleOutput output)
        {
            if (_length == 0)
            {
                return;
            }

            bool echoed = _sequenceStart < 0;
            do
            {
                _length--;
            }
            while (_length > 0 && (_line[_length] & 0xC0) == 0x80);

            _line[_length] = 0;
            _sequenceStart = -1;
            if (Echo && echoed)
            {
                output.Write("\b \b", true);
            }
        }

        // ESC [ parameters final (ECMA-48 CSI: final byte 0x40-0x7E) or ESC followed by one byte.
        private void SkipEscape(byte value)
        {
            if (_escapeState == 1)
            {
                _escapeState = value == (byte)'[' ? 2 : 0;
                return;
            }

            if (value >= 0x40 && value <= 0x7E)
            {
                _escapeState = 0;
            }
        }
    }
}
