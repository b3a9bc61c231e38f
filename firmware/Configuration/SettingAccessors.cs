namespace KiWhi.Armoire.Firmware
{
    /// <summary>Reads an integer setting from a configuration.</summary>
    public delegate int IntegerGetter(CabinetConfiguration configuration);

    /// <summary>Stores an already validated integer setting.</summary>
    public delegate void IntegerSetter(CabinetConfiguration configuration, int value);

    /// <summary>Reads a boolean setting from a configuration.</summary>
    public delegate bool BooleanGetter(CabinetConfiguration configuration);

    /// <summary>Stores a boolean setting.</summary>
    public delegate void BooleanSetter(CabinetConfiguration configuration, bool value);

    /// <summary>Reads a text setting; null means not set.</summary>
    public delegate string TextGetter(CabinetConfiguration configuration);

    /// <summary>Stores an already validated text setting; null means not set.</summary>
    public delegate void TextSetter(CabinetConfiguration configuration, string value);

    /// <summary>Reads an integer-list setting.</summary>
    public delegate int[] IntegerListGetter(CabinetConfiguration configuration);

    /// <summary>Stores an already validated integer list; the setter keeps the array.</summary>
    public delegate void IntegerListSetter(CabinetConfiguration configuration, int[] value);
}
