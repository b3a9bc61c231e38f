using System;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Random bytes from the ESP32 hardware generator. nanoFramework has no cryptographic random API;
    /// on ESP32 its <see cref="Random"/> is native code that returns <c>esp_random()</c> and ignores
    /// any seed (nf-interpreter, ESP32 target's CLR_RT_Random).
    /// </summary>
    /// <remarks>
    /// NOTE: ESP-IDF documents <c>esp_random()</c> as a true random source only while Wi-Fi or Bluetooth
    /// runs (ESP-IDF "Random Number Generation"); on an Ethernet-only board it is pseudo-random.
    /// </remarks>
    public sealed class Esp32RandomSource : IRandomSource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _scratch = new byte[16];

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            lock (_scratch)
            {
                int done = 0;
                while (done < count)
                {
                    _random.NextBytes(_scratch);
                    int chunk = count - done < _scratch.Length ? count - done : _scratch.Length;
                    Array.Copy(_scratch, 0, buffer, offset + done, chunk);
                    done += chunk;
                }
            }
        }
    }
}
