namespace KiWhi.Armoire.Boards
{
    /// <summary>
    /// ESP32-DevKitC with an ESP32-WROVER module (4 MB or 8 MB PSRAM), on Wi-Fi. The PSRAM gives the
    /// managed heap room for TLS and the OCPP buffers. Two bays are driven directly.
    /// </summary>
    public static class Esp32WroverDevKitC
    {
        public const string Name = "esp32-wrover-devkitc";

        /// <summary>Builds the profile. The pin choices are this project's wiring, not board facts, except the reserved pins.</summary>
        public static BoardProfile Create()
        {
            BoardProfile profile = new BoardProfile();
            profile.Name = Name;
            profile.Description = "ESP32-DevKitC WROVER (PSRAM), Wi-Fi, 2 bays";

            // nanoFramework's generic PSRAM image; ESP32_PSRAM_REV3 is smaller but runs only on chip revision 3.
            profile.NanoffTarget = "ESP32_PSRAM_REV0";
            profile.Network = NetworkKind.Wifi;

            // MFRC522 on the VSPI pins (GPIO 23/19/18, CS 5), routed to nanoFramework SPI bus 1 at start-up.
            // NRSTPD is tied to 3.3 V on the module, so the binding does no hard reset.
            profile.SpiBus = 1;
            profile.SpiMosiPin = 23;
            profile.SpiMisoPin = 19;
            profile.SpiClockPin = 18;
            profile.ReaderChipSelectPin = 5;
            profile.ReaderResetPin = BoardProfile.NoPin;
            profile.ReaderSpiClockHz = 5000000;

            // Starting value for RC522 modules with a PCB antenna behind a plastic front; tune per cabinet.
            profile.ReaderAntennaGainDb = 38;

            // 4x3 membrane keypad: rows scanned as outputs, columns on input-only pins with 10 kOhm pull-downs.
            profile.KeypadRowPins = new int[] { 13, 12, 14, 27 };
            profile.KeypadColumnPins = new int[] { 34, 35, 39 };
            profile.KeyMap = "123456789*0#";
            profile.KeypadScanIntervalMs = 15;

            profile.ContactorPins = new int[] { 32, 33 };
            profile.ContactorActiveHigh = true;

            // S0 outputs are open collectors: 10 kOhm pull-ups to 3.3 V on the board side.
            profile.MeterPins = new int[] { 36, 25 };
            profile.MeterPulsesPerKwh = 1000;
            profile.MeterDebounceMs = 10;

            profile.LedRedPin = 21;
            profile.LedGreenPin = 22;
            profile.LedBluePin = 2;
            profile.BuzzerPin = 15;

            profile.ConsoleRxPin = 26;
            profile.ConsoleTxPin = 4;

            // GPIO 16 and 17 connect the PSRAM of WROVER modules (ESP-IDF Ethernet driver change note:
            // "GPIO16 and GPIO17 is occupied by PSRAM").
            profile.ReservedPins = new int[] { 16, 17 };
            return profile;
        }
    }
}
