using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Tests.Boards;

/// <summary>
/// Every catalogue profile against the ESP32 pin rules, each rule checked here independently of the
/// validator, and the validator itself against deliberately broken profiles.
/// </summary>
public class BoardProfileTests
{
    public static TheoryData<string> ProfileNames()
    {
        TheoryData<string> names = new();
        foreach (string name in BoardCatalogue.Names)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void ValidatorAcceptsProfile(string name)
    {
        string[] problems = BoardProfileValidator.Validate(Find(name));

        Assert.True(problems.Length == 0, name + ": " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void NoPinUsedTwice(string name)
    {
        int[] pins = AllPins(Find(name));

        int[] duplicates = pins.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void NoFlashPins(string name)
    {
        int[] pins = AllPins(Find(name));

        Assert.DoesNotContain(pins, p => p >= 6 && p <= 11);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void NoUart0Pins(string name)
    {
        int[] pins = AllPins(Find(name));

        Assert.DoesNotContain(1, pins);
        Assert.DoesNotContain(3, pins);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void NoOutputOnInputOnlyPin(string name)
    {
        int[] outputs = OutputPins(Find(name));

        Assert.DoesNotContain(outputs, p => p >= 34 && p <= 39);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void NoContactorOnStrappingPin(string name)
    {
        BoardProfile profile = Find(name);

        Assert.DoesNotContain(profile.ContactorPins, p => p == 0 || p == 2 || p == 5 || p == 12 || p == 15);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void StrappingPinsOnlyWhereSafe(string name)
    {
        BoardProfile profile = Find(name);

        foreach ((int pin, PinRole role) in Uses(profile))
        {
            if (role != PinRole.Reserved && (pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15))
            {
                Assert.True(BoardProfileValidator.IsAllowedOnStrappingPin(pin, role), name + ": GPIO " + pin + " as " + role);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void OneMeterPerContactor(string name)
    {
        BoardProfile profile = Find(name);

        Assert.Equal(profile.ContactorPins.Length, profile.MeterPins.Length);
        Assert.Equal(profile.ContactorPins.Length, profile.MaxBays);
        Assert.True(profile.MaxBays >= 1);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void KeyMapCoversKeypad(string name)
    {
        BoardProfile profile = Find(name);

        Assert.Equal(profile.KeypadRowPins.Length * profile.KeypadColumnPins.Length, profile.KeyMap.Length);
        foreach (char key in "0123456789*#")
        {
            Assert.Equal(1, profile.KeyMap.Count(k => k == key));
        }
    }

    [Fact]
    public void OlimexReservesEthernetPins()
    {
        BoardProfile profile = Find(OlimexEsp32PoeIso.Name);

        // ESP-IDF examples/ethernet/README.md (RMII data pins) and Olimex forum topic 9247 (MDC 23, MDIO 18, clock 17, PHY power 12).
        int[] phyPins = { 12, 17, 18, 19, 21, 22, 23, 25, 26, 27 };
        foreach (int pin in phyPins)
        {
            Assert.Contains(pin, profile.ReservedPins);
        }
    }

    [Fact]
    public void OlimexRolesAvoidEthernetPins()
    {
        BoardProfile profile = Find(OlimexEsp32PoeIso.Name);

        int[] rolePins = Uses(profile).Where(u => u.Role != PinRole.Reserved).Select(u => u.Pin).ToArray();
        foreach (int pin in OlimexEsp32PoeIso.EthernetPins)
        {
            Assert.DoesNotContain(pin, rolePins);
        }
    }

    [Fact]
    public void OlimexIsEthernet()
    {
        Assert.Equal(NetworkKind.Ethernet, Find(OlimexEsp32PoeIso.Name).Network);
    }

    [Fact]
    public void CatalogueRejectsUnknownName()
    {
        Assert.Null(BoardCatalogue.Find("esp32-unknown"));
    }

    [Fact]
    public void CatalogueReturnsFreshCopies()
    {
        BoardProfile first = Find(Esp32WroverDevKitC.Name);
        first.ContactorPins[0] = 4;

        Assert.Equal(32, Find(Esp32WroverDevKitC.Name).ContactorPins[0]);
    }

    [Fact]
    public void KeyAtReadsRowMajor()
    {
        BoardProfile profile = Find(Esp32WroverDevKitC.Name);

        Assert.Equal('1', profile.KeyAt(0, 0));
        Assert.Equal('6', profile.KeyAt(1, 2));
        Assert.Equal('#', profile.KeyAt(3, 2));
        Assert.Equal('\0', profile.KeyAt(4, 0));
        Assert.Equal('\0', profile.KeyAt(0, 3));
    }

    public static TheoryData<string, string, string> BrokenProfiles() => new()
    {
        { "pin used twice", "contactor-on-led", "used twice" },
        { "flash pin", "contactor-on-flash", "SPI flash" },
        { "output on input-only pin", "contactor-on-input-only", "input-only" },
        { "contactor on strapping pin", "contactor-on-gpio2", "strapping pin" },
        { "pulled-up meter on GPIO 12", "meter-on-gpio12", "strapping pin" },
        { "UART0 pin", "console-on-uart0", "UART0" },
        { "missing GPIO", "contactor-on-gpio20", "does not exist" },
        { "meter count", "missing-meter", "one contactor and one meter" },
        { "key map", "keymap-without-hash", "'#' exactly once" },
        { "gain", "bad-gain", "ReaderAntennaGainDb" },
        { "half console", "console-rx-only", "both RX and TX" },
        { "Ethernet PHY pin reused", "olimex-contactor-on-rxd0", "used twice" },
        { "Ethernet without reserved pins", "olimex-without-reserved", "PHY pins" },
    };

    [Theory]
    [MemberData(nameof(BrokenProfiles))]
    public void ValidatorRejectsBrokenProfile(string rule, string breakage, string expectedProblem)
    {
        BoardProfile profile = Break(breakage);

        string[] problems = BoardProfileValidator.Validate(profile);

        Assert.True(problems.Any(p => p.Contains(expectedProblem)), rule + ": got [" + string.Join("; ", problems) + "]");
    }

    [Fact]
    public void EnsureValidThrowsOnBrokenProfile()
    {
        BoardProfile profile = Break("contactor-on-gpio2");

        ArgumentException error = Assert.Throws<ArgumentException>(() => BoardProfileValidator.EnsureValid(profile));
        Assert.Contains("esp32-wrover-devkitc", error.Message);
        Assert.Contains("GPIO 2", error.Message);
    }

    [Fact]
    public void EnsureValidAcceptsCatalogueProfile()
    {
        BoardProfileValidator.EnsureValid(Find(Esp32DevKitCWroom.Name));
    }

    public static TheoryData<int, PinRole, bool> StrappingRules() => new()
    {
        // GPIO 0: boot mode; only the reader's chip select.
        { 0, PinRole.ReaderChipSelect, true },
        { 0, PinRole.KeypadColumn, false },
        { 0, PinRole.Led, false },
        // GPIO 2: low or floating to download; no pulled-up input.
        { 2, PinRole.Led, true },
        { 2, PinRole.KeypadColumn, true },
        { 2, PinRole.Meter, false },
        { 2, PinRole.ConsoleRx, false },
        // GPIO 5: SDIO slave timing only.
        { 5, PinRole.Meter, true },
        { 5, PinRole.ReaderChipSelect, true },
        // GPIO 12: flash voltage; only outputs that leave it alone at reset.
        { 12, PinRole.KeypadRow, true },
        { 12, PinRole.KeypadColumn, false },
        { 12, PinRole.Meter, false },
        { 12, PinRole.DisplayData, false },
        // GPIO 15: weak pull-up at reset.
        { 15, PinRole.Buzzer, true },
        { 15, PinRole.Meter, true },
        // Contactors never on any strapping pin.
        { 0, PinRole.Contactor, false },
        { 2, PinRole.Contactor, false },
        { 5, PinRole.Contactor, false },
        { 12, PinRole.Contactor, false },
        { 15, PinRole.Contactor, false },
    };

    [Theory]
    [MemberData(nameof(StrappingRules))]
    public void StrappingRuleTable(int gpio, PinRole role, bool allowed)
    {
        Assert.Equal(allowed, BoardProfileValidator.IsAllowedOnStrappingPin(gpio, role));
    }

    private static BoardProfile Find(string name)
    {
        BoardProfile? profile = BoardCatalogue.Find(name);
        Assert.NotNull(profile);
        return profile!;
    }

    private static BoardProfile Break(string breakage)
    {
        BoardProfile profile = Find(breakage.StartsWith("olimex", StringComparison.Ordinal) ? OlimexEsp32PoeIso.Name : Esp32WroverDevKitC.Name);
        switch (breakage)
        {
            case "contactor-on-led": profile.ContactorPins[1] = profile.LedRedPin; break;
            case "contactor-on-flash": profile.ContactorPins[0] = 7; break;
            case "contactor-on-input-only": profile.ContactorPins[0] = 37; break;
            case "contactor-on-gpio2": profile.LedBluePin = BoardProfile.NoPin; profile.ContactorPins[0] = 2; break;
            case "meter-on-gpio12": profile.ConsoleTxPin = BoardProfile.NoPin; profile.ConsoleRxPin = BoardProfile.NoPin; profile.KeypadRowPins[1] = 4; profile.MeterPins[1] = 12; break;
            case "console-on-uart0": profile.ConsoleTxPin = 1; break;
            case "contactor-on-gpio20": profile.ContactorPins[0] = 20; break;
            case "missing-meter": profile.MeterPins = new[] { profile.MeterPins[0] }; break;
            case "keymap-without-hash": profile.KeyMap = "123456789*0A"; break;
            case "bad-gain": profile.ReaderAntennaGainDb = 40; break;
            case "console-rx-only": profile.ConsoleTxPin = BoardProfile.NoPin; break;
            case "olimex-contactor-on-rxd0": profile.ContactorPins[0] = 25; break;
            case "olimex-without-reserved": profile.ReservedPins = Array.Empty<int>(); break;
            default: throw new ArgumentException("unknown breakage " + breakage);
        }

        return profile;
    }

    private static (int Pin, PinRole Role)[] Uses(BoardProfile p)
    {
        List<(int, PinRole)> uses = new()
        {
            (p.SpiMosiPin, PinRole.SpiMosi),
            (p.SpiMisoPin, PinRole.SpiMiso),
            (p.SpiClockPin, PinRole.SpiClock),
            (p.ReaderChipSelectPin, PinRole.ReaderChipSelect),
            (p.ReaderResetPin, PinRole.ReaderReset),
            (p.LedRedPin, PinRole.Led),
            (p.LedGreenPin, PinRole.Led),
            (p.LedBluePin, PinRole.Led),
            (p.BuzzerPin, PinRole.Buzzer),
            (p.DisplayDataPin, PinRole.DisplayData),
            (p.DisplayClockPin, PinRole.DisplayClock),
            (p.ConsoleRxPin, PinRole.ConsoleRx),
            (p.ConsoleTxPin, PinRole.ConsoleTx),
        };
        uses.AddRange(p.KeypadRowPins.Select(x => (x, PinRole.KeypadRow)));
        uses.AddRange(p.KeypadColumnPins.Select(x => (x, PinRole.KeypadColumn)));
        uses.AddRange(p.ContactorPins.Select(x => (x, PinRole.Contactor)));
        uses.AddRange(p.MeterPins.Select(x => (x, PinRole.Meter)));
        uses.AddRange(p.ReservedPins.Select(x => (x, PinRole.Reserved)));
        return uses.Where(u => u.Item1 != BoardProfile.NoPin).ToArray();
    }

    private static int[] AllPins(BoardProfile profile) => Uses(profile).Select(u => u.Pin).ToArray();

    private static int[] OutputPins(BoardProfile profile)
    {
        PinRole[] inputs = { PinRole.SpiMiso, PinRole.KeypadColumn, PinRole.Meter, PinRole.ConsoleRx, PinRole.Reserved };
        return Uses(profile).Where(u => !inputs.Contains(u.Role)).Select(u => u.Pin).ToArray();
    }
}
