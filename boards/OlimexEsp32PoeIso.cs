namespace KiWhi.Armoire.Boards
{
    /// <summary>
    /// Olimex ESP32-POE-ISO, WROOM variant (no PSRAM), on its isolated wired Ethernet (LAN8710A PHY).
    /// The PHY takes ten GPIOs, so the board drives one bay directly.
    /// </summary>
    /// <remarks>
    /// Ethernet pins: RMII data lines are fixed in the ESP32 (GPIO 19 TXD0, 21 TX_EN, 22 TXD1, 25 RXD0,
    /// 26 RXD1, 27 CRS_DV; ESP-IDF examples/ethernet/README.md). Board wiring from Olimex support on
    /// the Olimex forum (topic 9247, ESP32-POE-ISO with ESPHome): MDC GPIO 23, MDIO GPIO 18, RMII clock
    /// out on GPIO 17, PHY power enable on GPIO 12. The WROVER variant takes the clock on GPIO 0
    /// instead and needs its own profile (nanoff target ESP32_OLIMEX_WROVER).
    /// </remarks>
    public static class OlimexEsp32PoeIso
    {
        public const string Name = "olimex-esp32-poe-iso";

        /// <summary>The GPIOs the Ethernet PHY uses on this board; no profile role may reuse them.</summary>
        public static readonly int[] EthernetPins = new int[] { 12, 17, 18, 19, 21, 22, 23, 25, 26, 27 };

        /// <summary>Builds the profile. The pin choices are this project's wiring, except the reserved pins.</summary>
        public static BoardProfile Create()
        {
            BoardProfile profile = new BoardProfile();
            profile.Name = Name;
            profile.Description = "Olimex ESP32-POE-ISO (WROOM), Ethernet, 1 bay";
            profile.NanoffTarget = "ESP32_OLIMEX";
            profile.Network = NetworkKind.Ethernet;

            // The VSPI default pins belong to the PHY here, so the reader goes through the GPIO matrix.
            // GPIO 0 as chip select: see BoardProfileValidator.IsAllowedOnStrappingPin.
            profile.SpiBus = 1;
            profile.SpiMosiPin = 13;
            profile.SpiMisoPin = 16;
            profile.SpiClockPin = 14;
            profile.ReaderChipSelectPin = 0;
            profile.ReaderResetPin = BoardProfile.NoPin;
            profile.ReaderSpiClockHz = 5000000;
            profile.ReaderAntennaGainDb = 38;

            profile.KeypadRowPins = new int[] { 15, 2, 4, 32 };
            profile.KeypadColumnPins = new int[] { 35, 36, 39 };
            profile.KeyMap = "123456789*0#";
            profile.KeypadScanIntervalMs = 15;

            profile.ContactorPins = new int[] { 33 };
            profile.ContactorActiveHigh = true;

            profile.MeterPins = new int[] { 5 };
            profile.MeterPulsesPerKwh = 1000;
            profile.MeterDebounceMs = 10;

            // No GPIO is left for the LED, buzzer or console: the indicators adapter does nothing without pins.
            // TODO: drive the LED, buzzer and more bays through an I2C I/O expander on the UEXT connector.

            // GPIO 34: the on-board user button BUT1 (guess: not checked against the schematic).
            profile.ReservedPins = new int[] { 12, 17, 18, 19, 21, 22, 23, 25, 26, 27, 34 };
            return profile;
        }
    }
}
