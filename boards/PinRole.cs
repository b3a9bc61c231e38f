namespace KiWhi.Armoire.Boards
{
    /// <summary>What a GPIO does in a board profile; the validator applies its pin rules per role.</summary>
    public enum PinRole
    {
        SpiMosi,
        SpiMiso,
        SpiClock,

        /// <summary>MFRC522 NSS (SPI chip select), an output of the ESP32.</summary>
        ReaderChipSelect,

        /// <summary>MFRC522 NRSTPD, driven low then high by the binding for a hard reset.</summary>
        ReaderReset,

        /// <summary>Keypad row, driven high one at a time while the matrix is scanned.</summary>
        KeypadRow,

        /// <summary>Keypad column, read as an input with an external pull-down resistor.</summary>
        KeypadColumn,

        /// <summary>Output that drives a bay's contactor coil through a relay driver.</summary>
        Contactor,

        /// <summary>S0 pulse input of a bay's energy meter, with an external pull-up resistor.</summary>
        Meter,

        Led,
        Buzzer,
        DisplayData,
        DisplayClock,

        /// <summary>COM2 receive line of the technician console.</summary>
        ConsoleRx,

        /// <summary>COM2 transmit line of the technician console.</summary>
        ConsoleTx,

        /// <summary>Pin used by the board itself (flash, PSRAM, Ethernet PHY, on-board button).</summary>
        Reserved,
    }
}
