using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Command-line settings of the virtual cabinet.</summary>
    public sealed class VirtualCabinetOptions
    {
        /// <summary>Charge-point identity used when --identity is not given.</summary>
        public const string DefaultIdentity = "VIRTUAL-01";

        /// <summary>Number of bays, 1 to 99.</summary>
        public int BayCount { get; set; } = 4;

        /// <summary>Parking-spot number of each bay (index 0 is bay 1); 1..BayCount when null.</summary>
        public int[] SpotNumbers { get; set; }

        /// <summary>"fr" or "en": language of the tool's texts and of the firmware's resident texts.</summary>
        public string Language { get; set; } = "fr";

        public string Identity { get; set; } = DefaultIdentity;

        /// <summary>Central-system URL (ws:// or wss://) to connect to instead of the in-process bench; null for the bench.</summary>
        public string CentralSystemUrl { get; set; }

        /// <summary>Script file to run, "-" for standard input, or null for the interactive mode.</summary>
        public string ScriptPath { get; set; }

        /// <summary>Power each bay draws while its contactor is closed, in W.</summary>
        public double PowerW { get; set; } = 7400;

        /// <summary>Folder of the cabinet's files and of the log; null for a temporary folder deleted at exit.</summary>
        public string StateFolder { get; set; }

        /// <summary>MeterValueSampleInterval of the cabinet, in seconds; 0 disables periodic MeterValues.</summary>
        public int MeterValueSampleIntervalSeconds { get; set; } = 60;

        /// <summary>Time an <c>expect</c> command waits for its condition, in seconds.</summary>
        public double ExpectTimeoutSeconds { get; set; } = 5;

        /// <summary>
        /// True with --uid-only: cards are identified by UID alone, without the KiWhi Pass
        /// authentication, as on a bench with plain cards.
        /// </summary>
        public bool UidOnly { get; set; }

        /// <summary>
        /// Technician password of the console (--technician-password), stored by the firmware as its
        /// salted hash; null leaves the cabinet without one, so that login is refused.
        /// </summary>
        public string TechnicianPassword { get; set; }

        /// <summary>
        /// True with --first-boot: the cabinet takes its configuration from its flash folder, as on a
        /// device, and runs the first-boot setup on its console when the folder contains none.
        /// </summary>
        public bool FirstBoot { get; set; }

        /// <summary>True when --help was given.</summary>
        public bool ShowHelp { get; set; }

        /// <summary>Returns <see cref="SpotNumbers"/>, or 1..BayCount when it is null.</summary>
        public int[] EffectiveSpotNumbers()
        {
            if (SpotNumbers != null)
            {
                return SpotNumbers;
            }

            var spots = new int[BayCount];
            for (int i = 0; i < spots.Length; i++)
            {
                spots[i] = i + 1;
            }

            return spots;
        }

        /// <summary>
        /// Returns the language given by --lang in <paramref name="args"/>, or "fr", without validating
        /// anything else, so that argument errors are reported in the requested language.
        /// </summary>
        public static string PeekLanguage(string[] args)
        {
            for (int i = 0; i + 1 < args.Length; i++)
            {
                if (args[i] == "--lang" && (args[i + 1] == "en" || args[i + 1] == "fr"))
                {
                    return args[i + 1];
                }
            }

            return "fr";
        }

        /// <summary>Parses the command line. Throws <see cref="ArgumentException"/> with a message in <paramref name="texts"/>' language.</summary>
        public static VirtualCabinetOptions Parse(string[] args, ToolTexts texts)
        {
            var options = new VirtualCabinetOptions();
            bool baysGiven = false;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name == "--help" || name == "-h")
                {
                    options.ShowHelp = true;
                    continue;
                }

                if (name == "--uid-only")
                {
                    options.UidOnly = true;
                    continue;
                }

                if (name == "--first-boot")
                {
                    options.FirstBoot = true;
                    continue;
                }

                if (Array.IndexOf(ValueOptions, name) < 0)
                {
                    throw new ArgumentException(texts.UnknownOption(name));
                }

                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException(texts.OptionNeedsValue(name));
                }

                string value = args[++i];
                switch (name)
                {
                    case "--bays":
                        options.BayCount = ParseInteger(name, value, 1, 99, texts);
                        baysGiven = true;
                        break;
                    case "--spots":
                        options.SpotNumbers = ParseSpots(value, texts);
                        break;
                    case "--lang":
                        if (value != "fr" && value != "en")
                        {
                            throw new ArgumentException(texts.InvalidLanguage(value));
                        }

                        options.Language = value;
                        break;
                    case "--identity":
                        options.Identity = CheckIdentity(value, texts);
                        break;
                    case "--csms":
                        // The firmware's own rule for CentralSystemUrl (ws:// or wss://, port, no query or fragment).
                        CheckSetting("CentralSystemUrl", name, value, texts);
                        options.CentralSystemUrl = value.TrimEnd('/');
                        break;
                    case "--script":
                        options.ScriptPath = value;
                        break;
                    case "--power":
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double power) || !(power >= 0 && power <= MaxPowerW))
                        {
                            throw new ArgumentException(texts.InvalidPower(value));
                        }

                        options.PowerW = power;
                        break;
                    case "--state":
                        if (File.Exists(value))
                        {
                            throw new ArgumentException(texts.StateIsAFile(value));
                        }

                        options.StateFolder = value;
                        break;
                    case "--meter-interval":
                        options.MeterValueSampleIntervalSeconds = ParseInteger(name, value, 0, 86400, texts);
                        break;
                    case "--technician-password":
                        if (!Firmware.SettingValidator.Check(Firmware.TechnicianPassword.Rule, value).IsValid)
                        {
                            throw new ArgumentException(texts.InvalidTechnicianPassword);
                        }

                        options.TechnicianPassword = value;
                        break;
                    case "--expect-timeout":
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds <= 0 || seconds > 3600)
                        {
                            throw new ArgumentException(texts.InvalidNumber(name, value));
                        }

                        options.ExpectTimeoutSeconds = seconds;
                        break;
                    default:
                        throw new ArgumentException(texts.UnknownOption(name));
                }
            }

            if (options.SpotNumbers != null)
            {
                if (baysGiven && options.SpotNumbers.Length != options.BayCount)
                {
                    throw new ArgumentException(texts.SpotCountMismatch(options.SpotNumbers.Length, options.BayCount));
                }

                options.BayCount = options.SpotNumbers.Length;
            }

            return options;
        }

        private static int ParseInteger(string name, string value, int min, int max, ToolTexts texts)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
            {
                throw new ArgumentException(texts.IntegerOutOfRange(name, value, min, max));
            }

            return number;
        }

        private static int[] ParseSpots(string value, ToolTexts texts)
        {
            string[] parts = value.Split(',', StringSplitOptions.TrimEntries);
            var spots = new List<int>();
            foreach (string part in parts)
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int spot) || spot < 1 || spot > 9999 || spots.Contains(spot))
                {
                    throw new ArgumentException(texts.InvalidSpots(value));
                }

                spots.Add(spot);
            }

            if (spots.Count > 99)
            {
                throw new ArgumentException(texts.InvalidSpots(value));
            }

            return spots.ToArray();
        }

        /// <summary>Largest charging power of a simulated bay, in W (1 MW, far above any car park charger).</summary>
        public const double MaxPowerW = 1_000_000;

        private static readonly string[] ValueOptions =
        {
            "--bays", "--spots", "--lang", "--identity", "--csms", "--script", "--power", "--state",
            "--meter-interval", "--technician-password", "--expect-timeout",
        };

        // Applies the firmware's validation of a configuration key, so the tool accepts exactly what the cabinet would.
        private static void CheckSetting(string key, string option, string value, ToolTexts texts)
        {
            Firmware.SettingCheck check = Firmware.SettingValidator.Check(Firmware.ConfigurationRegistry.Find(key), value);
            if (!check.IsValid)
            {
                throw new ArgumentException(option + ": " + Firmware.SettingMessages.Describe(check, texts.Language));
            }
        }

        private static string CheckIdentity(string value, ToolTexts texts)
        {
            CheckSetting("ChargePointIdentity", "--identity", value, texts);
            if (value.Length == 0 || value.Length > 20)
            {
                throw new ArgumentException(texts.InvalidIdentity(value));
            }

            foreach (char c in value)
            {
                if (c <= 0x20 || c > 0x7E || c == '/')
                {
                    throw new ArgumentException(texts.InvalidIdentity(value));
                }
            }

            return value;
        }
    }
}
