namespace KiWhi.Armoire.Boards
{
    /// <summary>
    /// Wiring of one supported board: which ESP32 GPIO does what, the polarity of the outputs and
    /// the firmware image to flash. Pin numbers are ESP32 GPIO numbers; <see cref="NoPin"/> marks an
    /// optional function the board does not wire. <see cref="BoardProfileValidator"/> checks a
    /// profile at boot before any pin is opened.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Pin value of an optional function that is not wired.</summary>
        public const int NoPin = -1;

        /// <summary>Catalogue key, lower-case with dashes (for example "esp32-wrover-devkitc").</summary>
        public string Name;

        /// <summary>Board and wiring in one line, for logs and the technician console.</summary>
        public string Description;

        /// <summary>Firmware target passed to <c>nanoff --target</c> (for example ESP32_PSRAM_REV0).</summary>
        public string NanoffTarget;

        public NetworkKind Network;

        /// <summary>nanoFramework SPI bus id of the card reader: 1 or 2 (DeviceFunction SPI1_* or SPI2_*).</summary>
        public int SpiBus;

        public int SpiMosiPin;
        public int SpiMisoPin;
        public int SpiClockPin;
        public int ReaderChipSelectPin;

        /// <summary>MFRC522 NRSTPD pin, or <see cref="NoPin"/> when NRSTPD is tied high on the module.</summary>
        public int ReaderResetPin = NoPin;

        /// <summary>SPI clock of the card reader in Hz; the MFRC522 accepts up to 10 MHz.</summary>
        public int ReaderSpiClockHz;

        /// <summary>MFRC522 receiver gain in dB (RFCfgReg RxGain): 18, 23, 33, 38, 43 or 48.</summary>
        public int ReaderAntennaGainDb;

        /// <summary>Keypad rows, scanned as outputs.</summary>
        public int[] KeypadRowPins;

        /// <summary>Keypad columns, read as inputs; each needs an external pull-down resistor.</summary>
        public int[] KeypadColumnPins;

        /// <summary>Key of each row and column, row after row: the key at (row, column) is KeyMap[row * columns + column].</summary>
        public string KeyMap;

        /// <summary>Time between two scanned rows of the keypad, in milliseconds.</summary>
        public int KeypadScanIntervalMs;

        /// <summary>Contactor output of bay n at index n-1.</summary>
        public int[] ContactorPins;

        /// <summary>True when a high output closes the contactor; false for active-low relay drivers.</summary>
        public bool ContactorActiveHigh;

        /// <summary>S0 pulse input of bay n's energy meter at index n-1.</summary>
        public int[] MeterPins;

        /// <summary>Meter constant printed on the meter, in pulses (impulses) per kWh.</summary>
        public int MeterPulsesPerKwh;

        /// <summary>Edges closer than this to the previous accepted edge are ignored, in milliseconds.</summary>
        public int MeterDebounceMs;

        public int LedRedPin = NoPin;
        public int LedGreenPin = NoPin;
        public int LedBluePin = NoPin;

        /// <summary>True when a high output lights the LED.</summary>
        public bool LedActiveHigh = true;

        /// <summary>Active buzzer (it sounds while its pin is high), or <see cref="NoPin"/>.</summary>
        public int BuzzerPin = NoPin;

        /// <summary>I2C data line of an optional character display, or <see cref="NoPin"/>.</summary>
        public int DisplayDataPin = NoPin;

        /// <summary>I2C clock line of an optional character display, or <see cref="NoPin"/>.</summary>
        public int DisplayClockPin = NoPin;

        /// <summary>COM2 receive pin of the technician console, or <see cref="NoPin"/> when the board has no console.</summary>
        public int ConsoleRxPin = NoPin;

        /// <summary>COM2 transmit pin of the technician console, or <see cref="NoPin"/>.</summary>
        public int ConsoleTxPin = NoPin;

        public int ConsoleBaudRate = 115200;

        /// <summary>GPIOs the board itself uses (PSRAM, Ethernet PHY, on-board buttons); no role may use them.</summary>
        public int[] ReservedPins = new int[0];

        /// <summary>Bays the board drives without an I/O expander: one contactor output each.</summary>
        public int MaxBays
        {
            get { return ContactorPins == null ? 0 : ContactorPins.Length; }
        }

        /// <summary>True when the board has a technician console line.</summary>
        public bool HasConsole
        {
            get { return ConsoleRxPin != NoPin && ConsoleTxPin != NoPin; }
        }

        /// <summary>Returns the key at a keypad row and column (0-based), or '\0' outside the key map.</summary>
        public char KeyAt(int row, int column)
        {
            if (KeyMap == null || KeypadColumnPins == null || row < 0 || column < 0 || column >= KeypadColumnPins.Length)
            {
                return '\0';
            }

            int index = row * KeypadColumnPins.Length + column;
            return index < KeyMap.Length ? KeyMap[index] : '\0';
        }
    }
}
