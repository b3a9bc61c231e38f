using System;
using System.IO.Ports;
using KiWhi.Armoire.Boards;
using nanoFramework.Hardware.Esp32;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Technician console on UART COM2 (8N1). COM1 carries the nanoFramework debugger link on GPIO 1
    /// and 3, so the console uses COM2 on the profile's pins.
    /// </summary>
    public sealed class SerialConsoleLine : ISerialLine
    {
        private const int WriteTimeoutMs = 200;
        private readonly SerialPort _port;

        /// <summary>Routes COM2 to the profile's console pins and opens the port.</summary>
        public SerialConsoleLine(BoardProfile profile)
        {
            // The pin functions must be set before the port opens, as for SPI.
            Configuration.SetPinFunction(profile.ConsoleRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(profile.ConsoleTxPin, DeviceFunction.COM2_TX);

            _port = new SerialPort("COM2", profile.ConsoleBaudRate);

            // A write to a stalled line would otherwise block the cabinet loop.
            _port.WriteTimeout = WriteTimeoutMs;
            _port.Open();
        }

        /// <summary>Reads only the bytes already received, so the call never waits.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0 || count <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }

        /// <summary>Writes the bytes; output that times out is dropped, because the console is best-effort.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // A console with no technician attached must not block the cabinet loop.
            }
        }
    }
}
