using System;
using System.Collections;

namespace KiWhi.Armoire.Boards
{
    /// <summary>
    /// Checks a <see cref="BoardProfile"/> against the ESP32's pin rules. Runs on the device at boot,
    /// before any pin is opened, and in the host tests for every catalogue profile.
    /// </summary>
    /// <remarks>
    /// Sources: ESP-IDF v3.3.6 docs/en/api-reference/peripherals/sd_pullup_requirements.rst (GPIO 2 low
    /// to download, GPIO 12 sets the flash voltage), esptool docs/en/advanced-topics/boot-mode-selection.rst
    /// (GPIO 0 and GPIO 2 select the boot mode), ESP-IDF examples/ethernet/README.md (fixed RMII pins).
    /// Rules applied:
    /// <list type="bullet">
    /// <item>a pin exists on the ESP32 (GPIO 0-19, 21-23, 25-27, 32-39) and is used once, reserved pins included;</item>
    /// <item>GPIO 6-11 connect the SPI flash of every ESP32 module, GPIO 1 and 3 are UART0, which carries the
    /// nanoFramework debugger link: no role may use them;</item>
    /// <item>GPIO 34-39 are input-only and have no internal pull resistors: inputs only;</item>
    /// <item>a contactor is never on a strapping pin (0, 2, 5, 12, 15): their level during reset and boot is not
    /// under firmware control, and a contactor must stay open until the firmware decides otherwise;</item>
    /// <item>other roles on strapping pins follow <see cref="IsAllowedOnStrappingPin"/>.</item>
    /// </list>
    /// </remarks>
    public static class BoardProfileValidator
    {
        private static readonly int[] ValidGains = new int[] { 18, 23, 33, 38, 43, 48 };

        /// <summary>Returns every problem found in the profile; an empty array when it is valid.</summary>
        public static string[] Validate(BoardProfile profile)
        {
            ArrayList problems = new ArrayList();
            if (profile == null)
            {
                problems.Add("profile is missing");
                return ToArray(problems);
            }

            CheckIdentity(profile, problems);
            CheckReader(profile, problems);
            CheckKeypad(profile, problems);
            CheckBays(profile, problems);
            CheckOptionalPairs(profile, problems);
            CheckPins(profile, problems);
            return ToArray(problems);
        }

        /// <summary>
        /// Throws <see cref="ArgumentException"/> listing every problem when the profile is invalid,
        /// so that the device refuses to drive pins from a wrong profile.
        /// </summary>
        public static void EnsureValid(BoardProfile profile)
        {
            string[] problems = Validate(profile);
            if (problems.Length == 0)
            {
                return;
            }

            string name = profile == null ? "(none)" : profile.Name;
            string message = "Board profile '" + name + "' is invalid: ";
            for (int i = 0; i < problems.Length; i++)
            {
                message = message + (i == 0 ? string.Empty : "; ") + problems[i];
            }

            throw new ArgumentException(message);
        }

        /// <summary>Returns true when GPIO <paramref name="gpio"/> exists on the ESP32 (the chip has no GPIO 20, 24, 28-31).</summary>
        public static bool Exists(int gpio)
        {
            return (gpio >= 0 && gpio <= 19) || (gpio >= 21 && gpio <= 23) || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);
        }

        /// <summary>Returns true for GPIO 6-11, which connect the module's SPI flash.</summary>
        public static bool IsFlashPin(int gpio)
        {
            return gpio >= 6 && gpio <= 11;
        }

        /// <summary>Returns true for GPIO 34-39, which can only be inputs.</summary>
        public static bool IsInputOnly(int gpio)
        {
            return gpio >= 34 && gpio <= 39;
        }

        /// <summary>Returns true for the strapping pins GPIO 0, 2, 5, 12 and 15, sampled at reset.</summary>
        public static bool IsStrappingPin(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
        }

        /// <summary>Returns true when the role drives the pin (the pin must be able to output).</summary>
        public static bool IsOutputRole(PinRole role)
        {
            switch (role)
            {
                case PinRole.SpiMiso:
                case PinRole.KeypadColumn:
                case PinRole.Meter:
                case PinRole.ConsoleRx:
                case PinRole.Reserved:
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>
        /// Returns true when <paramref name="role"/> is safe on strapping pin <paramref name="gpio"/>.
        /// GPIO 0 low at reset starts the serial bootloader, and Ethernet boards may take the RMII clock on
        /// it, so only the reader's chip select may use it: the MFRC522 NSS input leaves the internal
        /// pull-up in control at reset (guess: true for the common RC522 modules, which have no pull-down
        /// on NSS), and holding BOOT merely selects the reader.
        /// GPIO 2 must be low or floating to enter the serial bootloader: outputs and pulled-down keypad
        /// columns only, never a pulled-up input.
        /// GPIO 5 is sampled with GPIO 15 for the SDIO slave timing, which a boot from flash ignores:
        /// anything but a contactor.
        /// GPIO 12 (MTDI) selects the flash voltage at reset (high: 1.8 V, low: 3.3 V), and modules differ
        /// in how they pull it: only outputs that leave it alone at reset (keypad row, LED, buzzer).
        /// GPIO 15 (MTDO) has a weak pull-up at reset and is sampled with GPIO 5: anything but a contactor.
        /// </summary>
        public static bool IsAllowedOnStrappingPin(int gpio, PinRole role)
        {
            if (role == PinRole.Contactor)
            {
                return false;
            }

            switch (gpio)
            {
                case 0:
                    return role == PinRole.ReaderChipSelect;
                case 2:
                    return role == PinRole.Led || role == PinRole.Buzzer || role == PinRole.KeypadRow
                        || role == PinRole.KeypadColumn || role == PinRole.ReaderChipSelect || role == PinRole.ReaderReset;
                case 12:
                    return role == PinRole.Led || role == PinRole.Buzzer || role == PinRole.KeypadRow;
                default:
                    return true;
            }
        }

        /// <summary>Returns the English name of a role for messages (nanoCLR prints enum values as numbers).</summary>
        public static string RoleName(PinRole role)
        {
            switch (role)
            {
                case PinRole.SpiMosi: return "SPI MOSI";
                case PinRole.SpiMiso: return "SPI MISO";
                case PinRole.SpiClock: return "SPI clock";
                case PinRole.ReaderChipSelect: return "reader chip select";
                case PinRole.ReaderReset: return "reader reset";
                case PinRole.KeypadRow: return "keypad row";
                case PinRole.KeypadColumn: return "keypad column";
                case PinRole.Contactor: return "contactor";
                case PinRole.Meter: return "meter input";
                case PinRole.Led: return "LED";
                case PinRole.Buzzer: return "buzzer";
                case PinRole.DisplayData: return "display data";
                case PinRole.DisplayClock: return "display clock";
                case PinRole.ConsoleRx: return "console RX";
                case PinRole.ConsoleTx: return "console TX";
                default: return "reserved";
            }
        }

        private static void CheckIdentity(BoardProfile profile, ArrayList problems)
        {
            if (profile.Name == null || profile.Name.Length == 0)
            {
                problems.Add("Name is missing");
            }

            if (profile.NanoffTarget == null || profile.NanoffTarget.Length == 0)
            {
                problems.Add("NanoffTarget is missing");
            }

            if (profile.Network == NetworkKind.Ethernet && (profile.ReservedPins == null || profile.ReservedPins.Length == 0))
            {
                problems.Add("an Ethernet board must reserve its PHY pins in ReservedPins");
            }
        }

        private static void CheckReader(BoardProfile profile, ArrayList problems)
        {
            if (profile.SpiBus != 1 && profile.SpiBus != 2)
            {
                problems.Add("SpiBus " + profile.SpiBus + " is invalid: use 1 or 2");
            }

            if (profile.ReaderSpiClockHz <= 0 || profile.ReaderSpiClockHz > 10000000)
            {
                problems.Add("ReaderSpiClockHz " + profile.ReaderSpiClockHz + " is out of range 1..10000000 (MFRC522 SPI maximum)");
            }

            bool gainValid = false;
            for (int i = 0; i < ValidGains.Length; i++)
            {
                gainValid |= ValidGains[i] == profile.ReaderAntennaGainDb;
            }

            if (!gainValid)
            {
                problems.Add("ReaderAntennaGainDb " + profile.ReaderAntennaGainDb + " is invalid: use 18, 23, 33, 38, 43 or 48");
            }
        }

        private static void CheckKeypad(BoardProfile profile, ArrayList problems)
        {
            int rows = profile.KeypadRowPins == null ? 0 : profile.KeypadRowPins.Length;
            int columns = profile.KeypadColumnPins == null ? 0 : profile.KeypadColumnPins.Length;
            if (rows == 0 || columns == 0)
            {
                problems.Add("the keypad needs at least one row and one column pin");
                return;
            }

            if (profile.KeypadScanIntervalMs <= 0)
            {
                problems.Add("KeypadScanIntervalMs must be positive");
            }

            if (profile.KeyMap == null || profile.KeyMap.Length != rows * columns)
            {
                problems.Add("KeyMap must have " + (rows * columns) + " keys (rows x columns)");
                return;
            }

            string required = "0123456789*#";
            for (int i = 0; i < required.Length; i++)
            {
                int count = 0;
                for (int k = 0; k < profile.KeyMap.Length; k++)
                {
                    count += profile.KeyMap[k] == required[i] ? 1 : 0;
                }

                if (count != 1)
                {
                    problems.Add("KeyMap must contain '" + required[i] + "' exactly once");
                }
            }

            for (int k = 0; k < profile.KeyMap.Length; k++)
            {
                char key = profile.KeyMap[k];
                bool known = required.IndexOf(key) >= 0 || (key >= 'A' && key <= 'D');
                if (!known)
                {
                    problems.Add("KeyMap contains '" + key + "': use 0-9, '*', '#' and the unused letters A-D");
                }
            }
        }

        private static void CheckBays(BoardProfile profile, ArrayList problems)
        {
            int contactors = profile.ContactorPins == null ? 0 : profile.ContactorPins.Length;
            int meters = profile.MeterPins == null ? 0 : profile.MeterPins.Length;
            if (contactors == 0)
            {
                problems.Add("at least one contactor pin is required");
            }

            if (meters != contactors)
            {
                problems.Add("each bay needs one contactor and one meter input: " + contactors + " contactor(s), " + meters + " meter input(s)");
            }

            if (profile.MeterPulsesPerKwh <= 0)
            {
                problems.Add("MeterPulsesPerKwh must be positive (the imp/kWh printed on the meter)");
            }

            if (profile.MeterDebounceMs < 0)
            {
                problems.Add("MeterDebounceMs must not be negative");
            }
        }

        private static void CheckOptionalPairs(BoardProfile profile, ArrayList problems)
        {
            if ((profile.ConsoleRxPin == BoardProfile.NoPin) != (profile.ConsoleTxPin == BoardProfile.NoPin))
            {
                problems.Add("the console needs both RX and TX pins, or neither");
            }

            if ((profile.DisplayDataPin == BoardProfile.NoPin) != (profile.DisplayClockPin == BoardProfile.NoPin))
            {
                problems.Add("the display needs both data and clock pins, or neither");
            }

            if (profile.HasConsole && profile.ConsoleBaudRate <= 0)
            {
                problems.Add("ConsoleBaudRate must be positive");
            }
        }

        private static void CheckPins(BoardProfile profile, ArrayList problems)
        {
            ArrayList uses = CollectPinUses(profile);
            for (int i = 0; i < uses.Count; i++)
            {
                PinUse use = (PinUse)uses[i];
                CheckOnePin(use, problems);

                for (int j = 0; j < i; j++)
                {
                    PinUse earlier = (PinUse)uses[j];
                    if (earlier.Gpio == use.Gpio)
                    {
                        problems.Add("GPIO " + use.Gpio + " is used twice: " + earlier.Label + " and " + use.Label);
                    }
                }
            }
        }

        private static void CheckOnePin(PinUse use, ArrayList problems)
        {
            if (!Exists(use.Gpio))
            {
                problems.Add("GPIO " + use.Gpio + " (" + use.Label + ") does not exist on the ESP32");
                return;
            }

            if (use.Role == PinRole.Reserved)
            {
                return;
            }

            if (IsFlashPin(use.Gpio))
            {
                problems.Add("GPIO " + use.Gpio + " (" + use.Label + ") connects the SPI flash (GPIO 6-11)");
            }

            if (use.Gpio == 1 || use.Gpio == 3)
            {
                problems.Add("GPIO " + use.Gpio + " (" + use.Label + ") is UART0, used by the nanoFramework debugger link");
            }

            if (IsInputOnly(use.Gpio) && IsOutputRole(use.Role))
            {
                problems.Add("GPIO " + use.Gpio + " (" + use.Label + ") is input-only (GPIO 34-39)");
            }

            if (IsStrappingPin(use.Gpio) && !IsAllowedOnStrappingPin(use.Gpio, use.Role))
            {
                problems.Add("GPIO " + use.Gpio + " (" + use.Label + ") is a strapping pin where a " + RoleName(use.Role) + " is not safe");
            }
        }

        private static ArrayList CollectPinUses(BoardProfile profile)
        {
            ArrayList uses = new ArrayList();
            Add(uses, profile.SpiMosiPin, PinRole.SpiMosi, 0);
            Add(uses, profile.SpiMisoPin, PinRole.SpiMiso, 0);
            Add(uses, profile.SpiClockPin, PinRole.SpiClock, 0);
            Add(uses, profile.ReaderChipSelectPin, PinRole.ReaderChipSelect, 0);
            AddOptional(uses, profile.ReaderResetPin, PinRole.ReaderReset);
            AddAll(uses, profile.KeypadRowPins, PinRole.KeypadRow);
            AddAll(uses, profile.KeypadColumnPins, PinRole.KeypadColumn);
            AddAll(uses, profile.ContactorPins, PinRole.Contactor);
            AddAll(uses, profile.MeterPins, PinRole.Meter);
            AddOptional(uses, profile.LedRedPin, PinRole.Led);
            AddOptional(uses, profile.LedGreenPin, PinRole.Led);
            AddOptional(uses, profile.LedBluePin, PinRole.Led);
            AddOptional(uses, profile.BuzzerPin, PinRole.Buzzer);
            AddOptional(uses, profile.DisplayDataPin, PinRole.DisplayData);
            AddOptional(uses, profile.DisplayClockPin, PinRole.DisplayClock);
            AddOptional(uses, profile.ConsoleRxPin, PinRole.ConsoleRx);
            AddOptional(uses, profile.ConsoleTxPin, PinRole.ConsoleTx);
            AddAll(uses, profile.ReservedPins, PinRole.Reserved);
            return uses;
        }

        private static void AddAll(ArrayList uses, int[] pins, PinRole role)
        {
            if (pins == null)
            {
                return;
            }

            for (int i = 0; i < pins.Length; i++)
            {
                Add(uses, pins[i], role, i + 1);
            }
        }

        private static void AddOptional(ArrayList uses, int gpio, PinRole role)
        {
            if (gpio != BoardProfile.NoPin)
            {
                Add(uses, gpio, role, 0);
            }
        }

        private static void Add(ArrayList uses, int gpio, PinRole role, int number)
        {
            PinUse use = new PinUse();
            use.Gpio = gpio;
            use.Role = role;
            use.Label = number == 0 ? RoleName(role) : RoleName(role) + " " + number;
            uses.Add(use);
        }

        private static string[] ToArray(ArrayList problems)
        {
            string[] result = new string[problems.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)problems[i];
            }

            return result;
        }

        private sealed class PinUse
        {
            public int Gpio;
            public PinRole Role;
            public string Label;
        }
    }
}
