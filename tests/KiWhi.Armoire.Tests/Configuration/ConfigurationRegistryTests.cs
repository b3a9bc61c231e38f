using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Configuration;

public class ConfigurationRegistryTests
{
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (SettingDefinition setting in ConfigurationRegistry.Settings)
        {
            data.Add(setting.Key);
        }

        return data;
    }

    [Fact]
    public void Keys_AreUniqueIgnoringCase()
    {
        var keys = ConfigurationRegistry.Settings.Select(s => s.Key.ToLowerInvariant()).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Default_EqualsTheFieldInitialValue(string key)
    {
        SettingDefinition setting = ConfigurationRegistry.Find(key)!;

        Assert.Equal(setting.DefaultText, ConfigurationRegistry.GetText(setting, new CabinetConfiguration()));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Default_PassesItsOwnCheckUnlessProvisioningMustSetIt(string key)
    {
        SettingDefinition setting = ConfigurationRegistry.Find(key)!;

        SettingCheck check = SettingValidator.Check(setting, setting.DefaultText);

        Assert.True(check.IsValid || (setting.DefaultText.Length == 0 && setting.IsRequiredAtProvisioning), key + ": " + check.Error);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Find_IgnoresCase(string key)
    {
        Assert.Same(ConfigurationRegistry.Find(key), ConfigurationRegistry.Find(key.ToUpperInvariant()));
    }

    [Fact]
    public void Find_ReturnsNullForUnknownKey()
    {
        Assert.Null(ConfigurationRegistry.Find("NoSuchKey"));
    }

    [Fact]
    public void Apply_StoresIntegerInTheField()
    {
        var configuration = new CabinetConfiguration();

        SettingCheck check = ConfigurationRegistry.Apply(ConfigurationRegistry.Find("MeterValueSampleInterval")!, configuration, " 30 ");

        Assert.True(check.IsValid);
        Assert.Equal(30, configuration.MeterValueSampleIntervalSeconds);
    }

    [Fact]
    public void Apply_RejectsAndKeepsThePreviousValue()
    {
        var configuration = new CabinetConfiguration();

        SettingCheck check = ConfigurationRegistry.Apply(ConfigurationRegistry.Find("MeterValueSampleInterval")!, configuration, "-1");

        Assert.Equal(SettingErrorKind.OutOfRange, check.Error);
        Assert.Equal(60, configuration.MeterValueSampleIntervalSeconds);
    }

    [Fact]
    public void Apply_NormalizesWordsAndKeys()
    {
        var configuration = new CabinetConfiguration();

        ConfigurationRegistry.Apply(ConfigurationRegistry.Find("NetworkInterface")!, configuration, "Ethernet");
        ConfigurationRegistry.Apply(ConfigurationRegistry.Find("StopTransactionOnInvalidId")!, configuration, "FALSE");
        ConfigurationRegistry.Apply(ConfigurationRegistry.Find("CardMasterKey")!, configuration, "00112233445566778899aabbccddeeff");

        Assert.Equal("ethernet", configuration.NetworkInterface);
        Assert.False(configuration.StopTransactionOnInvalidId);
        Assert.Equal(Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), configuration.CardMasterKey);
    }

    [Fact]
    public void Apply_LowersOnlyTheUrlScheme()
    {
        var configuration = new CabinetConfiguration();

        ConfigurationRegistry.Apply(ConfigurationRegistry.Find("CentralSystemUrl")!, configuration, "WSS://Csms.Example.com/OCPP");

        Assert.Equal("wss://Csms.Example.com/OCPP", configuration.CentralSystemUrl);
    }

    [Fact]
    public void Apply_EmptyTextClearsAnOptionalSetting()
    {
        var configuration = new CabinetConfiguration { DnsServer = "192.168.1.1" };

        SettingCheck check = ConfigurationRegistry.Apply(ConfigurationRegistry.Find("DnsServer")!, configuration, "");

        Assert.True(check.IsValid);
        Assert.Null(configuration.DnsServer);
    }

    [Fact]
    public void DisplayText_MasksSecrets()
    {
        var configuration = new CabinetConfiguration { WifiPassword = "motdepasse-wifi" };

        Assert.Equal(ConfigurationRegistry.MaskedValue, ConfigurationRegistry.GetDisplayText(ConfigurationRegistry.Find("WifiPassword")!, configuration));
        Assert.Equal("", ConfigurationRegistry.GetDisplayText(ConfigurationRegistry.Find("AuthorizationKey")!, configuration));
    }

    [Fact]
    public void ClearSecrets_ClearsThePasswordHashToo()
    {
        var configuration = new CabinetConfiguration
        {
            WifiPassword = "motdepasse-wifi",
            AuthorizationKey = "00112233445566778899AABBCCDDEEFF",
            CardMasterKey = new byte[16],
            TechnicianPasswordHash = "pbkdf2-sha256$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        };

        ConfigurationRegistry.ClearSecrets(configuration);

        foreach (SettingDefinition secret in ConfigurationRegistry.Settings.Where(s => s.IsSecret))
        {
            Assert.True(ConfigurationRegistry.GetText(secret, configuration) == "", secret.Key + " still set");
        }

        Assert.Null(configuration.TechnicianPasswordHash);
    }

    [Fact]
    public void CopySettings_CopiesEveryValue()
    {
        var source = new CabinetConfiguration { WifiSsid = "Parking-B2", SpotNumbers = new[] { 7, 9 }, HeartbeatIntervalSeconds = 90, IsProvisioned = false };
        var copy = new CabinetConfiguration();

        ConfigurationRegistry.CopySettings(source, copy);

        foreach (SettingDefinition setting in ConfigurationRegistry.Settings)
        {
            Assert.Equal(ConfigurationRegistry.GetText(setting, source), ConfigurationRegistry.GetText(setting, copy));
        }

        Assert.False(copy.IsProvisioned);
    }

    [Fact]
    public void OcppCoreKeys_AreReadWrite()
    {
        // OCPP 1.6 §9.1 core keys that this cabinet implements.
        foreach (string key in new[] { "HeartbeatInterval", "MeterValueSampleInterval", "StopTransactionOnInvalidId", "TransactionMessageAttempts", "TransactionMessageRetryInterval" })
        {
            Assert.Equal(OcppAccess.ReadWrite, ConfigurationRegistry.Find(key)!.Ocpp);
        }

        Assert.Equal(OcppAccess.WriteOnly, ConfigurationRegistry.Find("AuthorizationKey")!.Ocpp);
    }

    [Fact]
    public void Secrets_AreNeverVisibleToGetConfiguration()
    {
        foreach (SettingDefinition secret in ConfigurationRegistry.Settings.Where(s => s.IsSecret))
        {
            Assert.True(secret.Ocpp == OcppAccess.Hidden || secret.Ocpp == OcppAccess.WriteOnly, secret.Key);
        }
    }
}
