using System;
using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using KiWhi.Armoire.Boards;
using nanoFramework.Hardware.Esp32;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// <see cref="ICardTransceiver"/> over the nanoFramework MFRC522 binding (package
    /// nanoFramework.Iot.Device.Mfrc522). It polls once per call and never loops: the cabinet loop
    /// decides when to poll again.
    /// </summary>
    public sealed class Mfrc522CardTransceiver : ICardTransceiver, IReaderDiagnostics
    {
        // SPI address byte that reads VersionReg (37h): the register number shifted left once, with bit 7
        // set for a read, as the binding's own SPI register read frames it.
        private const byte VersionRegReadAddress = (0x37 << 1) | 0x80;

        // Timeout for the binding's ListenToCardIso14443TypeA, whose deadline test is inverted
        // (devices/Mfrc522/Mfrc522.cs of nanoFramework.IoT.Device, 1.2.883 at 77bc9ff0). After a failed
        // REQA it returns false while the deadline is still ahead, and polls again once it has passed, so
        // a zero timeout blocks until a card replies. 200 years keeps the deadline ahead of DateTime.UtcNow
        // even when the first SNTP sync steps the ESP32 clock forward from 1970 during a REQA.
        // NOTE: recheck on a binding upgrade. With the test fixed, this value would block until a card replies.
        private static readonly TimeSpan ListenTimeout = TimeSpan.FromDays(73000);

        private readonly MfRc522 _reader;
        private readonly SpiDevice _spi;

        /// <summary>
        /// Routes the SPI pins of <paramref name="profile"/>, opens the SPI device, resets the reader
        /// (when the profile wires NRSTPD) and sets the receiver gain.
        /// </summary>
        public Mfrc522CardTransceiver(BoardProfile profile, GpioController gpio)
        {
            // The ESP32 routes SPI through its GPIO matrix: the pins must be assigned before
            // SpiDevice.Create opens the bus, or the bus keeps nanoFramework's default pins.
            if (profile.SpiBus == 1)
            {
                Configuration.SetPinFunction(profile.SpiMosiPin, DeviceFunction.SPI1_MOSI);
                Configuration.SetPinFunction(profile.SpiMisoPin, DeviceFunction.SPI1_MISO);
                Configuration.SetPinFunction(profile.SpiClockPin, DeviceFunction.SPI1_CLOCK);
            }
            else
            {
                Configuration.SetPinFunction(profile.SpiMosiPin, DeviceFunction.SPI2_MOSI);
                Configuration.SetPinFunction(profile.SpiMisoPin, DeviceFunction.SPI2_MISO);
                Configuration.SetPinFunction(profile.SpiClockPin, DeviceFunction.SPI2_CLOCK);
            }

            SpiConnectionSettings settings = new SpiConnectionSettings(profile.SpiBus, profile.ReaderChipSelectPin);
            settings.ClockFrequency = profile.ReaderSpiClockHz;
            settings.Mode = MfRc522.DefaultSpiMode;
            _spi = SpiDevice.Create(settings);

            _reader = new MfRc522(_spi, profile.ReaderResetPin, gpio, false);
            _reader.Gain = ToGain(profile.ReaderAntennaGainDb);
        }

        /// <summary>
        /// Sends one REQA, then anticollision and SELECT at every cascade level. Sends REQA, not WUPA,
        /// so a card halted by <see cref="Halt"/> is seen again only after it leaves the field.
        /// </summary>
        public bool TryDetectCard(CardIdentity card)
        {
            if (card == null)
            {
                return false;
            }

            Data106kbpsTypeA detected;
            bool found;
            try
            {
                // One REQA, then anticollision and SELECT when a card replies (see ListenTimeout).
                found = _reader.ListenToCardIso14443TypeA(out detected, ListenTimeout);
            }
            catch (Exception)
            {
                return false;
            }

            if (!found || detected == null || detected.NfcId == null)
            {
                return false;
            }

            int length = detected.NfcId.Length;
            if (length == 0 || length > CardIdentity.MaxUidLength)
            {
                return false;
            }

            Array.Copy(detected.NfcId, card.Uid, length);
            card.UidLength = length;

            // The binding reads the two ATQA bytes little-endian: first byte received in the low byte.
            card.Atqa = detected.Atqa;
            card.Sak = detected.Sak;
            return true;
        }

        /// <summary>
        /// Exchanges one frame with the selected card. With <paramref name="withCrc"/>, only the
        /// Ultralight commands the binding frames with CRC_A are supported (READ 30h, WRITE A2h, COMPATIBILITY
        /// WRITE A0h, AUTHENTICATE 1Ah and its second step AFh); other codes return
        /// <see cref="CardStatus.ReaderError"/>.
        /// </summary>
        /// <remarks>
        /// NOTE: <paramref name="timeoutMs"/> is ignored: the binding programs a fixed MFRC522 timer
        /// (TPrescaler A9h, TReload 06E8h) in its constructor. The binding also returns -1 for every
        /// failure (timeout, NAK, CRC error), reported here as <see cref="CardStatus.TransmissionError"/>,
        /// and it reads exactly as many bytes as it is given room for, so the answer length comes from
        /// <see cref="ExpectedAnswerLength"/>. It does not check the 4-bit ACK of a WRITE: verify writes
        /// by reading back.
        /// </remarks>
        public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
        {
            if (command == null || response == null || commandLength <= 0 || commandLength > command.Length)
            {
                return CardStatus.ReaderError;
            }

            try
            {
                return withCrc
                    ? TransceiveWithCrc(command, commandLength, response)
                    : TransceiveRaw(command, commandLength, response);
            }
            catch (Exception)
            {
                return CardStatus.ReaderError;
            }
        }

        /// <summary>Sends HLTA; failures are ignored because a card that misses it stays selectable anyway.</summary>
        public void Halt()
        {
            try
            {
                _reader.Halt();
            }
            catch (Exception)
            {
                // The card is gone or the reader failed; the next TryDetectCard reports either.
            }
        }

        /// <summary>
        /// Reads VersionReg straight over SPI: one address byte, then one dummy byte during which the chip
        /// shifts the value out. The binding's Version property is not used because it turns every value
        /// other than 91h and 92h into version 0.0, which hides both a clone and a missing reader.
        /// </summary>
        public int ReadChipVersion()
        {
            byte[] frame = new byte[] { VersionRegReadAddress, 0x00 };
            try
            {
                _spi.TransferFullDuplex(new SpanByte(frame), new SpanByte(frame));
            }
            catch (Exception)
            {
                return ReaderChipVersion.ReadFailed;
            }

            return frame[1];
        }

        /// <summary>
        /// Returns the length of the Ultralight C response without CRC_A:
        /// 16 bytes for READ, 9 for each AUTHENTICATE step (AFh or 00h and 8 ciphertext bytes), 0 for the
        /// writes whose 4-bit ACK the binding swallows; -1 for a command the binding does not frame with CRC.
        /// </summary>
        public static int ExpectedAnswerLength(byte commandCode)
        {
            switch (commandCode)
            {
                case 0x30:
                    return 16;
                case 0x1A:
                case 0xAF:
                    return 9;
                case 0xA2:
                case 0xA0:
                    return 0;
                default:
                    return -1;
            }
        }

        private int TransceiveWithCrc(byte[] command, int commandLength, byte[] response)
        {
            int expected = ExpectedAnswerLength(command[0]);
            if (expected < 0)
            {
                return CardStatus.ReaderError;
            }

            if (expected > response.Length)
            {
                return CardStatus.Overflow;
            }

            int received = _reader.Transceive(0, new SpanByte(command, 0, commandLength), new SpanByte(response, 0, expected));
            return received < 0 ? CardStatus.TransmissionError : received;
        }

        private int TransceiveRaw(byte[] command, int commandLength, byte[] response)
        {
            Status status = _reader.SendAndReceiveData(MfrcCommand.Transceive, new SpanByte(command, 0, commandLength), new SpanByte(response, 0, response.Length));
            switch (status)
            {
                case Status.Ok:
                    return response.Length;
                case Status.Timeout:
                    return CardStatus.Timeout;
                default:
                    return CardStatus.TransmissionError;
            }
        }

        private static Gain ToGain(int gainDb)
        {
            switch (gainDb)
            {
                case 18:
                    return Gain.G18dBa;
                case 23:
                    return Gain.G23dBa;
                case 33:
                    return Gain.G33dB;
                case 38:
                    return Gain.G38dB;
                case 43:
                    return Gain.G43dB;
                default:
                    return Gain.G48dB;
            }
        }
    }
}
