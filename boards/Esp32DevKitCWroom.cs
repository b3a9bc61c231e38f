namespace KiWhi.Armoire.Boards
{
    /// <summary>
    /// ESP32-DevKitC V4 with an ESP32-WROOM-32 module (no PSRAM), on Wi-Fi, two bays. Without PSRAM the
    /// managed heap is small: prefer ws:// on a trusted network or the WROVER board for wss://.
    /// </summary>
    public static class Esp32DevKitCWroom
    {
        public const string Name = "esp32-devkitc-wroom";

        /// <summary>Builds the profile. The pin choices are this project's wiring, not board facts.</summary>
        public static BoardProfile Create()
        {
            BoardProfile profile = new BoardProfile();
            profile.Name = Name;
            profile.Description = "ESP32-DevKitC V4 WROOM-32, Wi-Fi, 2 bays";
            profile.NanoffTarget = "ESP32_REV0";
            profile.Network = NetworkKind.Wifi;

            profile.SpiBus = 1;
            profile.SpiMosiPin = 23;
            profile.SpiMisoPin = 19;
            profile.SpiClockPin = 18;
            profile.ReaderChipSelectPin = 5;
            profile.ReaderResetPin = 22;
            profile.ReaderSpiClockHz = 5000000;
            profile.ReaderAntennaGainDb = 38;

            profile.KeypadRowPins = new int[] { 13, 12, 14, 27 };
            profile.KeypadColumnPins = new int[] { 34, 35, 39 };
            profile.KeyMap = "123456789*0#";
            profile.KeypadScanIntervalMs = 15;

            profile.ContactorPins = new int[] { 32, 33 };
            profile.ContactorActiveHigh = true;

            profile.MeterPins = new int[] { 36, 26 };
            profile.MeterPulsesPerKwh = 1000;
            profile.MeterDebounceMs = 10;

            profile.LedRedPin = 21;
            profile.LedGreenPin = 25;
            profile.LedBluePin = 2;
            profile.BuzzerPin = 15;

            // WROOM-32 modules leave GPIO 16 and 17 free (no PSRAM), so COM2 keeps its usual pins.
            profile.ConsoleRxPin = 16;
            profile.ConsoleTxPin = 17;
            return profile;
        }
    }
}
