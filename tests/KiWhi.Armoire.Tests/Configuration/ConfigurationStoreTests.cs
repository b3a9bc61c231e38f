using System.Text;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Console;

namespace KiWhi.Armoire.Tests.Configuration;

public class ConfigurationStoreTests
{
    private const string ValidProvisioning = """
        {
          "BoardProfile": "esp32-wrover-devkitc",
          "NetworkInterface": "wifi",
          "WifiSsid": "Parking-B2",
          "WifiPassword": "motdepasse-wifi",
          "CentralSystemUrl": "wss://csms.example.com/ocpp",
          "ChargePointIdentity": "ARMOIRE-07",
          "AuthorizationKey": "00112233445566778899AABBCCDDEEFF",
          "SpotNumbers": [101, 102],
          "RequireCardAuthentication": true,
          "CardMasterKey": "00112233445566778899AABBCCDDEEFF",
          "HeartbeatInterval": 120,
          "TechnicianPassword": "Technicien-2026"
        }
        """;

    private static CabinetConfiguration Provisioned()
    {
        return new CabinetConfiguration
        {
            BoardProfileName = "esp32-wrover-devkitc",
            WifiSsid = "Parking-B2",
            WifiPassword = "motdepasse-wifi",
            CentralSystemUrl = "wss://csms.example.com/ocpp",
            ChargePointIdentity = "ARMOIRE-07",
            SpotNumbers = new[] { 101, 102 },
            CardMasterKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF"),
            HeartbeatIntervalSeconds = 120,
            TechnicianPasswordHash = ConsoleRig.PasswordHash,
        };
    }

    private static InMemoryFileStorage WithProvisioningFile(byte[] file)
    {
        var storage = new InMemoryFileStorage();
        storage.Write(ConfigurationStore.ProvisioningFileName, file, 0, file.Length);
        return storage;
    }

    private static ConfigurationLoadResult Load(InMemoryFileStorage storage, out CabinetConfiguration configuration)
    {
        configuration = new CabinetConfiguration();
        return new ConfigurationStore(storage).Load(configuration, new SeededRandomSource(5));
    }

    private static void AssertSameSettings(CabinetConfiguration expected, CabinetConfiguration actual)
    {
        foreach (SettingDefinition setting in ConfigurationRegistry.Settings)
        {
            Assert.True(ConfigurationRegistry.GetText(setting, expected) == ConfigurationRegistry.GetText(setting, actual), setting.Key);
        }

        Assert.Equal(expected.TechnicianPasswordHash, actual.TechnicianPasswordHash);
    }

    [Fact]
    public void Empty_IsNotProvisioned()
    {
        var storage = new InMemoryFileStorage();

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.NotProvisioned, result.Outcome);
        Assert.False(configuration.IsProvisioned);
    }

    [Fact]
    public void SavedConfiguration_LoadsTheSameValues()
    {
        var storage = new InMemoryFileStorage();
        CabinetConfiguration saved = Provisioned();

        new ConfigurationStore(storage).Save(saved);
        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration loaded);

        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.True(loaded.IsProvisioned);
        AssertSameSettings(saved, loaded);
        Assert.Null(storage.GetBytes(ConfigurationStore.TemporaryFileName));
    }

    [Fact]
    public void SavedFile_IsJsonWithTheRegistryKeys()
    {
        var storage = new InMemoryFileStorage();

        new ConfigurationStore(storage).Save(Provisioned());

        using var document = System.Text.Json.JsonDocument.Parse(storage.GetBytes(ConfigurationStore.FileName));
        Assert.Equal(120, document.RootElement.GetProperty("HeartbeatInterval").GetInt32());
        Assert.Equal(102, document.RootElement.GetProperty("SpotNumbers")[1].GetInt32());
        Assert.False(document.RootElement.TryGetProperty("TechnicianPassword", out _));
    }

    [Fact]
    public void Save_IsAtomicAtEveryWriteOffset()
    {
        CabinetConfiguration before = Provisioned();
        CabinetConfiguration after = Provisioned();
        after.HeartbeatIntervalSeconds = 600;
        after.SpotNumbers = new[] { 7 };
        var probe = new InMemoryFileStorage();
        new ConfigurationStore(probe).Save(before);
        long firstSave = probe.BytesWritten;
        new ConfigurationStore(probe).Save(after);
        long secondSave = probe.BytesWritten - firstSave;

        for (long cut = 0; cut <= secondSave; cut++)
        {
            var storage = new InMemoryFileStorage();
            new ConfigurationStore(storage).Save(before);
            storage.CutPowerAfterBytes(cut);
            Assert.ThrowsAny<Exception>(() => new ConfigurationStore(storage).Save(after));
            storage.RestorePower();

            ConfigurationLoadResult result = Load(storage, out CabinetConfiguration loaded);

            Assert.True(result.Outcome == ConfigurationLoadOutcome.Loaded, "cut after " + cut + " bytes: " + result.Outcome);
            Assert.True(loaded.HeartbeatIntervalSeconds == 120, "cut after " + cut + " bytes gave " + loaded.HeartbeatIntervalSeconds);
        }
    }

    [Fact]
    public void Summary_NamesRejectedProvisioningFile()
    {
        var storage = new InMemoryFileStorage();
        new ConfigurationStore(storage).Save(Provisioned());
        byte[] file = Encoding.UTF8.GetBytes(ValidProvisioning.Replace("\"HeartbeatInterval\": 120", "\"HeartbeatInterval\": 999999"));
        storage.Write(ConfigurationStore.ProvisioningFileName, file, 0, file.Length);

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.StartsWith("configuration loaded; provision.json rejected and left on the flash (", result.Summary());
        Assert.Contains("HeartbeatInterval", result.Summary());
        Assert.Contains("999999", result.Summary());
    }

    [Fact]
    public void StaticWifiWithoutAddress_IsRejected()
    {
        CabinetConfiguration configuration = Provisioned();
        configuration.IpAddressing = "static";

        SettingCheck check = ConfigurationValidator.Validate(configuration);

        Assert.False(check.IsValid);
        Assert.Equal("StaticIpAddress", check.Key);
    }

    [Fact]
    public void StaticWifiWithAddress_IsAccepted()
    {
        CabinetConfiguration configuration = Provisioned();
        configuration.IpAddressing = "static";
        configuration.StaticIpAddress = "192.168.20.41";
        configuration.SubnetMask = "255.255.255.0";
        configuration.DefaultGateway = "192.168.20.1";
        configuration.DnsServer = "192.168.20.1";

        Assert.True(ConfigurationValidator.Validate(configuration).IsValid);
    }

    [Theory]
    [InlineData("wss://csms.example.com/ocpp", null, false)]
    [InlineData("wss://csms.example.com:8443/ocpp", "192.168.20.1", true)]
    [InlineData("ws://192.168.20.5:9000/ocpp", null, true)]
    [InlineData("ws://[fd00::5]:9000/ocpp", null, true)]
    public void StaticAddressing_NeedsDnsForHostName(string url, string? dns, bool valid)
    {
        CabinetConfiguration configuration = Provisioned();
        configuration.CentralSystemUrl = url;
        configuration.IpAddressing = "static";
        configuration.StaticIpAddress = "192.168.20.41";
        configuration.SubnetMask = "255.255.255.0";
        configuration.DefaultGateway = "192.168.20.1";
        configuration.DnsServer = dns;

        SettingCheck check = ConfigurationValidator.Validate(configuration);

        Assert.Equal(valid, check.IsValid);
        if (!valid)
        {
            Assert.Equal("DnsServer", check.Key);
            Assert.Equal("DnsServer is required with IpAddressing=static + CentralSystemUrl=csms.example.com: type a value.", SettingMessages.Describe(check, "en"));
        }
    }

    [Fact]
    public void ProvisioningFile_WithUtf8BomIsApplied()
    {
        InMemoryFileStorage storage = WithProvisioningFile([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidProvisioning)]);

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.ProvisioningFileApplied, result.Outcome);
        Assert.Equal("ARMOIRE-07", configuration.ChargePointIdentity);
    }

    [Fact]
    public void ProvisioningFile_Utf16Rejected()
    {
        InMemoryFileStorage storage = WithProvisioningFile([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ValidProvisioning)]);

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Equal(ConfigurationLoadOutcome.NotProvisioned, result.Outcome);
        Assert.Equal("provision.json is saved as UTF-16: save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).", SettingMessages.Describe(result.ProvisioningFileProblem, "en"));
        Assert.StartsWith("provision.json est enregistré en UTF-16", SettingMessages.Describe(result.ProvisioningFileProblem, "fr"));
    }

    [Fact]
    public void ProvisioningFile_JsonErrorIsNotCut()
    {
        InMemoryFileStorage storage = WithProvisioningFile(Encoding.UTF8.GetBytes(ValidProvisioning.Replace("\"TechnicianPassword\": \"Technicien-2026\"", "\"TechnicianPassword\": \"Technicien-2026\",")));

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Contains("a trailing comma before '}' is not allowed", SettingMessages.Describe(result.ProvisioningFileProblem, "en"));
    }

    [Fact]
    public void EthernetBoardWithDefaultInterface_NamesTheBoard()
    {
        CabinetConfiguration configuration = Provisioned();
        configuration.BoardProfileName = "olimex-esp32-poe-iso";
        configuration.WifiSsid = null;
        configuration.SpotNumbers = new[] { 101 };

        SettingCheck check = ConfigurationValidator.Validate(configuration);

        Assert.Equal(SettingErrorKind.NetworkNotOnBoard, check.Error);
        Assert.Equal("NetworkInterface", check.Key);
    }

    [Theory]
    [InlineData("\"CentralSystemUrl\": \"ws://127.0.0.1:9100/other\",", "CentralSystemUrl")]
    [InlineData("\"centralsystemurl\": \"ws://127.0.0.1:9100/other\",", "CentralSystemUrl")]
    [InlineData("\"TechnicianPassword\": \"Technicien-2027\",", "TechnicianPassword")]
    public void ProvisioningFile_DuplicateKeyRejected(string extraLine, string quoted)
    {
        InMemoryFileStorage storage = WithProvisioningFile(Encoding.UTF8.GetBytes(ValidProvisioning.Replace("{", "{\n  " + extraLine)));

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Equal(ConfigurationLoadOutcome.NotProvisioned, result.Outcome);
        Assert.Equal(SettingErrorKind.DuplicateKey, result.ProvisioningFileProblem.Error);
        Assert.StartsWith("'" + quoted + "' appears twice in the file", SettingMessages.Describe(result.ProvisioningFileProblem, "en"));
    }

    [Fact]
    public void ProvisioningFile_TypeErrorNamesTheKey()
    {
        InMemoryFileStorage storage = WithProvisioningFile(Encoding.UTF8.GetBytes(ValidProvisioning.Replace("[101, 102]", "[101.5, 102]")));

        ConfigurationLoadResult result = Load(storage, out _);

        string message = SettingMessages.Describe(result.ProvisioningFileProblem, "en");
        Assert.Contains("SpotNumbers: ", message);
        Assert.Contains("(byte ", message);
    }

    [Theory]
    [InlineData("192.168.20.50", "255.255.255.0", "192.168.20.1", null)]
    [InlineData("10.1.2.3", "255.255.0.0", "10.1.0.1", null)]
    [InlineData("192.168.20.50", "255.0.255.0", "192.168.20.1", "SubnetMask: 255.0.255.0 is not a subnet mask (one bits then zero bits, for example 255.255.255.0).")]
    [InlineData("192.168.20.50", "0.0.0.0", "192.168.20.1", "SubnetMask: 0.0.0.0 is not a subnet mask (one bits then zero bits, for example 255.255.255.0).")]
    [InlineData("192.168.20.0", "255.255.255.0", "192.168.20.1", "StaticIpAddress: 192.168.20.0 is the network or broadcast address of mask 255.255.255.0: choose a host address.")]
    [InlineData("192.168.20.255", "255.255.255.0", "192.168.20.1", "StaticIpAddress: 192.168.20.255 is the network or broadcast address of mask 255.255.255.0: choose a host address.")]
    [InlineData("192.168.20.50", "255.255.255.0", "10.0.0.1", "DefaultGateway: gateway 10.0.0.1 must be another address in the subnet of 192.168.20.50 (mask 255.255.255.0).")]
    [InlineData("192.168.20.50", "255.255.255.0", "192.168.20.50", "DefaultGateway: gateway 192.168.20.50 must be another address in the subnet of 192.168.20.50 (mask 255.255.255.0).")]
    public void StaticAddressing_MustDescribeOneSubnet(string address, string mask, string gateway, string? expected)
    {
        CabinetConfiguration configuration = Provisioned();
        configuration.IpAddressing = "static";
        configuration.StaticIpAddress = address;
        configuration.SubnetMask = mask;
        configuration.DefaultGateway = gateway;
        configuration.DnsServer = "192.168.20.1";

        SettingCheck check = ConfigurationValidator.Validate(configuration);

        Assert.Equal(expected, check.IsValid ? null : SettingMessages.Describe(check, "en"));
    }

    [Fact]
    public void Summary_ForAnEmptyFlash()
    {
        ConfigurationLoadResult result = Load(new InMemoryFileStorage(), out _);

        Assert.Equal("no configuration: first-boot setup on the console", result.Summary());
    }

    [Fact]
    public void CutBeforeRename_RecoversTheTemporaryFile()
    {
        var storage = new InMemoryFileStorage();
        new ConfigurationStore(storage).Save(Provisioned());
        storage.Rename(ConfigurationStore.FileName, ConfigurationStore.TemporaryFileName);

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration loaded);

        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.Equal("ARMOIRE-07", loaded.ChargePointIdentity);
    }

    [Fact]
    public void TornTemporaryFile_IsDeleted()
    {
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.TemporaryFileName, Encoding.UTF8.GetBytes("{\"HeartbeatInterval\": 12"));

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Equal(ConfigurationLoadOutcome.NotProvisioned, result.Outcome);
        Assert.Null(storage.GetBytes(ConfigurationStore.TemporaryFileName));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"HeartbeatInterval\": \"soon\"}")]
    [InlineData("{\"HeartbeatInterval\": 1.5}")]
    [InlineData("{\"SpotNumbers\": [1, \"two\"]}")]
    [InlineData("{\"CentralSystemUrl\": {\"nested\": 1}}")]
    public void CorruptStoredFile_LeavesTheCabinetUnprovisioned(string content)
    {
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.FileName, Encoding.UTF8.GetBytes(content));

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.StoredInvalid, result.Outcome);
        Assert.False(result.StoredProblem.IsValid);
        Assert.False(configuration.IsProvisioned);
    }

    [Fact]
    public void OversizedFile_IsRejected()
    {
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.FileName, new byte[ConfigurationStore.MaxFileBytes + 1]);

        ConfigurationLoadResult result = Load(storage, out _);

        Assert.Equal(SettingErrorKind.FileTooLarge, result.StoredProblem.Error);
    }

    [Fact]
    public void UnknownStoredKey_IsSkippedAndCounted()
    {
        var storage = new InMemoryFileStorage();
        new ConfigurationStore(storage).Save(Provisioned());
        string json = Encoding.UTF8.GetString(storage.GetBytes(ConfigurationStore.FileName)!);
        storage.SetBytes(ConfigurationStore.FileName, Encoding.UTF8.GetBytes(json.Replace("{", "{\"FutureKey\":1,")));

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration loaded);

        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(1, result.IgnoredKeys);
    }

    [Fact]
    public void ProvisioningFile_IsAppliedSavedAndDeleted()
    {
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.ProvisioningFileName, Encoding.UTF8.GetBytes(ValidProvisioning));

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.ProvisioningFileApplied, result.Outcome);
        Assert.True(configuration.IsProvisioned);
        Assert.Equal("ARMOIRE-07", configuration.ChargePointIdentity);
        Assert.Equal(new[] { 101, 102 }, configuration.SpotNumbers);
        Assert.Null(storage.GetBytes(ConfigurationStore.ProvisioningFileName));
        Assert.Equal(ConfigurationLoadOutcome.Loaded, Load(storage, out _).Outcome);
    }

    [Fact]
    public void ProvisioningFile_PasswordIsStoredOnlyAsAHash()
    {
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.ProvisioningFileName, Encoding.UTF8.GetBytes(ValidProvisioning));

        Load(storage, out CabinetConfiguration configuration);

        Assert.DoesNotContain("Technicien-2026", Encoding.UTF8.GetString(storage.GetBytes(ConfigurationStore.FileName)!));
        var verifier = new TechnicianPassword();
        Assert.True(verifier.BeginVerify("Technicien-2026", configuration.TechnicianPasswordHash));
        while (!verifier.Step(1000))
        {
        }

        Assert.True(verifier.Matches);
    }

    [Theory]
    [InlineData("\"ChargePointIdentity\": \"ARMOIRE-07\"", "\"ChargePointIdentity\": \"ARMOIRE 07\"", SettingErrorKind.IdentityCharacter, "ChargePointIdentity")]
    [InlineData("\"CentralSystemUrl\": \"wss://csms.example.com/ocpp\"", "\"CentralSystemUrl\": \"https://csms.example.com\"", SettingErrorKind.UrlScheme, "CentralSystemUrl")]
    [InlineData("\"HeartbeatInterval\": 120", "\"HeartbeatIntervall\": 120", SettingErrorKind.UnknownKey, "HeartbeatIntervall")]
    [InlineData("\"TechnicianPassword\": \"Technicien-2026\"", "\"TechnicianPassword\": \"court\"", SettingErrorKind.TooShort, "TechnicianPassword")]
    [InlineData("\"SpotNumbers\": [101, 102]", "\"SpotNumbers\": [101, 102, 103]", SettingErrorKind.TooManyBays, "SpotNumbers")]
    [InlineData("\"WifiSsid\": \"Parking-B2\",", "", SettingErrorKind.RequiredForNetwork, "WifiSsid")]
    [InlineData("\"CardMasterKey\": \"00112233445566778899AABBCCDDEEFF\",", "", SettingErrorKind.RequiredForCardAuthentication, "CardMasterKey")]
    [InlineData("\"ChargePointIdentity\": \"ARMOIRE-07\",", "", SettingErrorKind.Required, "ChargePointIdentity")]
    public void InvalidProvisioningFile_IsReportedAndKept(string valid, string invalid, SettingErrorKind expected, string key)
    {
        Assert.Contains(valid, ValidProvisioning);
        var storage = new InMemoryFileStorage();
        storage.SetBytes(ConfigurationStore.ProvisioningFileName, Encoding.UTF8.GetBytes(ValidProvisioning.Replace(valid, invalid)));

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.NotProvisioned, result.Outcome);
        Assert.Equal(expected, result.ProvisioningFileProblem.Error);
        Assert.Equal(key, result.ProvisioningFileProblem.Key);
        Assert.False(configuration.IsProvisioned);
        Assert.NotNull(storage.GetBytes(ConfigurationStore.ProvisioningFileName));
    }

    [Fact]
    public void InvalidProvisioningFile_KeepsAValidStoredConfiguration()
    {
        var storage = new InMemoryFileStorage();
        new ConfigurationStore(storage).Save(Provisioned());
        storage.SetBytes(ConfigurationStore.ProvisioningFileName, Encoding.UTF8.GetBytes("{\"Nope\": 1}"));

        ConfigurationLoadResult result = Load(storage, out CabinetConfiguration configuration);

        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.Equal(SettingErrorKind.UnknownKey, result.ProvisioningFileProblem.Error);
        Assert.True(configuration.IsProvisioned);
    }

    [Fact]
    public void Erase_RemovesEveryConfigurationFile()
    {
        var storage = new InMemoryFileStorage();
        var store = new ConfigurationStore(storage);
        store.Save(Provisioned());
        storage.SetBytes(ConfigurationStore.TemporaryFileName, new byte[1]);
        storage.SetBytes(ConfigurationStore.ProvisioningFileName, new byte[1]);

        store.Erase();

        Assert.DoesNotContain(storage.FileNames, name => name.StartsWith("config", StringComparison.Ordinal) || name.StartsWith("provision", StringComparison.Ordinal));
    }
}
