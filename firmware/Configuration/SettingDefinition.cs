namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// One configuration setting described as data: key, type, unit, range, default, flags, OCPP
    /// access, and the accessors that map it onto a <see cref="CabinetConfiguration"/> field. The
    /// factory methods build one per type; <see cref="ConfigurationRegistry"/> lists them.
    /// </summary>
    public sealed class SettingDefinition
    {
        private SettingDefinition(string key, SettingType type, SettingFlags flags, OcppAccess ocpp)
        {
            Key = key;
            Type = type;
            Flags = flags;
            Ocpp = ocpp;
            Unit = "";
        }

        /// <summary>Configuration key, as OCPP 1.6 spells it for the standard keys (compared without case).</summary>
        public string Key { get; }

        public SettingType Type { get; }

        public SettingFlags Flags { get; }

        public OcppAccess Ocpp { get; }

        /// <summary>Unit symbol shown after the value ("s" for seconds), or "" when the value has none.</summary>
        public string Unit { get; private set; }

        /// <summary>
        /// Lower bound: the value for <see cref="SettingType.Integer"/>, the length in characters for text
        /// types, the digit count for <see cref="SettingType.HexKey"/>, the item count for
        /// <see cref="SettingType.IntegerList"/>.
        /// </summary>
        public int Minimum { get; private set; }

        /// <summary>Upper bound, with the same meaning as <see cref="Minimum"/>.</summary>
        public int Maximum { get; private set; }

        /// <summary>Smallest item of an <see cref="SettingType.IntegerList"/>.</summary>
        public int ItemMinimum { get; private set; }

        /// <summary>Largest item of an <see cref="SettingType.IntegerList"/>.</summary>
        public int ItemMaximum { get; private set; }

        /// <summary>Accepted words of a <see cref="SettingType.Choice"/>, lower case.</summary>
        public string[] Choices { get; private set; }

        /// <summary>Value of a freshly flashed cabinet, in the text form <see cref="ConfigurationRegistry.GetText"/> returns ("" when not set).</summary>
        public string DefaultText { get; private set; }

        public IntegerGetter GetInteger { get; private set; }
        public IntegerSetter SetInteger { get; private set; }
        public BooleanGetter GetBoolean { get; private set; }
        public BooleanSetter SetBoolean { get; private set; }
        public TextGetter GetTextValue { get; private set; }
        public TextSetter SetTextValue { get; private set; }
        public IntegerListGetter GetIntegerList { get; private set; }
        public IntegerListSetter SetIntegerList { get; private set; }

        public bool IsSecret
        {
            get { return (Flags & SettingFlags.Secret) != 0; }
        }

        public bool RequiresReboot
        {
            get { return (Flags & SettingFlags.RequiresReboot) != 0; }
        }

        public bool IsOptional
        {
            get { return (Flags & SettingFlags.Optional) != 0; }
        }

        public bool IsRequiredAtProvisioning
        {
            get { return (Flags & SettingFlags.RequiredAtProvisioning) != 0; }
        }

        /// <summary>Describes an integer setting within [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
        public static SettingDefinition Integer(string key, string unit, int minimum, int maximum, int defaultValue,
            SettingFlags flags, OcppAccess ocpp, IntegerGetter get, IntegerSetter set)
        {
            SettingDefinition setting = new SettingDefinition(key, SettingType.Integer, flags, ocpp);
            setting.Unit = unit;
            setting.Minimum = minimum;
            setting.Maximum = maximum;
            setting.DefaultText = defaultValue.ToString();
            setting.GetInteger = get;
            setting.SetInteger = set;
            return setting;
        }

        /// <summary>Describes a boolean setting, written "true" or "false".</summary>
        public static SettingDefinition Boolean(string key, bool defaultValue, SettingFlags flags, OcppAccess ocpp, BooleanGetter get, BooleanSetter set)
        {
            SettingDefinition setting = new SettingDefinition(key, SettingType.Boolean, flags, ocpp);
            setting.DefaultText = defaultValue ? "true" : "false";
            setting.GetBoolean = get;
            setting.SetBoolean = set;
            return setting;
        }

        /// <summary>
        /// Describes a text setting of type <see cref="SettingType.Text"/>, <see cref="SettingType.Url"/>,
        /// <see cref="SettingType.Identity"/>, <see cref="SettingType.IpAddress"/> or <see cref="SettingType.HexKey"/>,
        /// of <paramref name="minimumLength"/> to <paramref name="maximumLength"/> characters. A null default means not set.
        /// </summary>
        public static SettingDefinition Text(string key, SettingType type, int minimumLength, int maximumLength, string defaultValue,
            SettingFlags flags, OcppAccess ocpp, TextGetter get, TextSetter set)
        {
            SettingDefinition setting = new SettingDefinition(key, type, flags, ocpp);
            setting.Minimum = minimumLength;
            setting.Maximum = maximumLength;
            setting.DefaultText = defaultValue ?? "";
            setting.GetTextValue = get;
            setting.SetTextValue = set;
            return setting;
        }

        /// <summary>Describes a setting that takes one of <paramref name="choices"/> (lower case).</summary>
        public static SettingDefinition Choice(string key, string[] choices, string defaultValue, SettingFlags flags, OcppAccess ocpp,
            TextGetter get, TextSetter set)
        {
            SettingDefinition setting = new SettingDefinition(key, SettingType.Choice, flags, ocpp);
            setting.Choices = choices;
            setting.DefaultText = defaultValue ?? "";
            setting.GetTextValue = get;
            setting.SetTextValue = set;
            return setting;
        }

        /// <summary>
        /// Describes a list of <paramref name="minimumCount"/> to <paramref name="maximumCount"/> distinct integers,
        /// each within [<paramref name="itemMinimum"/>, <paramref name="itemMaximum"/>].
        /// </summary>
        public static SettingDefinition IntegerList(string key, int minimumCount, int maximumCount, int itemMinimum, int itemMaximum,
            int[] defaultValue, SettingFlags flags, OcppAccess ocpp, IntegerListGetter get, IntegerListSetter set)
        {
            SettingDefinition setting = new SettingDefinition(key, SettingType.IntegerList, flags, ocpp);
            setting.Minimum = minimumCount;
            setting.Maximum = maximumCount;
            setting.ItemMinimum = itemMinimum;
            setting.ItemMaximum = itemMaximum;
            setting.DefaultText = SettingText.FormatList(defaultValue);
            setting.GetIntegerList = get;
            setting.SetIntegerList = set;
            return setting;
        }
    }
}
