using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Configuration;

public class SettingValidatorTests
{
    private static SettingCheck Check(string key, string text) => SettingValidator.Check(ConfigurationRegistry.Find(key)!, text);

    [Theory]
    [InlineData("ws://127.0.0.1:9000/ocpp")]
    [InlineData("wss://csms.example.com/ocpp/")]
    [InlineData("wss://csms.example.com")]
    [InlineData("ws://[::1]:8180/steve/websocket/CentralSystemService")]
    [InlineData("WSS://CSMS.EXAMPLE.COM:443/ocpp")]
    public void Url_Accepted(string url)
    {
        Assert.True(Check("CentralSystemUrl", url).IsValid, url);
    }

    [Theory]
    [InlineData("http://csms.example.com/ocpp", SettingErrorKind.UrlScheme)]
    [InlineData("csms.example.com", SettingErrorKind.UrlScheme)]
    [InlineData("ws:///ocpp", SettingErrorKind.UrlHost)]
    [InlineData("ws://user@csms.example.com/ocpp", SettingErrorKind.UrlHost)]
    [InlineData("ws://csms_example.com/ocpp", SettingErrorKind.UrlHost)]
    [InlineData("ws://[::1/ocpp", SettingErrorKind.UrlHost)]
    [InlineData("ws://csms.example.com:0/ocpp", SettingErrorKind.UrlPort)]
    [InlineData("ws://csms.example.com:65536/ocpp", SettingErrorKind.UrlPort)]
    [InlineData("ws://csms.example.com:/ocpp", SettingErrorKind.UrlPort)]
    [InlineData("ws://csms.example.com/ocpp?id=1", SettingErrorKind.UrlQuery)]
    [InlineData("ws://csms.example.com/oc pp", SettingErrorKind.InvalidCharacter)]
    [InlineData("ws://é.fr/ocpp", SettingErrorKind.InvalidCharacter)]
    [InlineData("ws://a", SettingErrorKind.TooShortCharacters)]
    [InlineData("", SettingErrorKind.Required)]
    public void Url_Rejected(string url, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("CentralSystemUrl", url).Error);
    }

    [Theory]
    [InlineData("ARMOIRE-01", SettingErrorKind.None)]
    [InlineData("A", SettingErrorKind.None)]
    [InlineData("ABCDEFGHIJKLMNOPQRST", SettingErrorKind.None)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", SettingErrorKind.TooLongCharacters)]
    [InlineData("ARMOIRE 01", SettingErrorKind.IdentityCharacter)]
    [InlineData("ARMOIRE:01", SettingErrorKind.IdentityCharacter)]
    [InlineData("ARMOIRE/01", SettingErrorKind.IdentityCharacter)]
    [InlineData("ARMOIRE-é", SettingErrorKind.IdentityCharacter)]
    [InlineData("", SettingErrorKind.Required)]
    public void Identity_IsACiString20OfPrintableAscii(string identity, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("ChargePointIdentity", identity).Error);
    }

    [Theory]
    [InlineData("192.168.1.20", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("192.168.1", false)]
    [InlineData("192.168.01.1", false)]
    [InlineData("192.168.1.1.1", false)]
    [InlineData("192.168.-1.1", false)]
    [InlineData("a.b.c.d", false)]
    public void IpAddress_IsDottedDecimal(string address, bool valid)
    {
        Assert.Equal(valid, Check("StaticIpAddress", address).IsValid);
    }

    [Theory]
    [InlineData("101", SettingErrorKind.None)]
    [InlineData("101,102, 103", SettingErrorKind.None)]
    [InlineData("101,101", SettingErrorKind.ListDuplicate)]
    [InlineData("101,,102", SettingErrorKind.ListItemNotAnInteger)]
    [InlineData("0", SettingErrorKind.OutOfRange)]
    [InlineData("10000", SettingErrorKind.OutOfRange)]
    [InlineData("+5", SettingErrorKind.ListItemNotAnInteger)]
    public void SpotNumbers_AreDistinctIntegers(string spots, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("SpotNumbers", spots).Error);
    }

    [Theory]
    [InlineData("0", SettingErrorKind.None)]
    [InlineData("86400", SettingErrorKind.None)]
    [InlineData("86401", SettingErrorKind.OutOfRange)]
    [InlineData("-1", SettingErrorKind.OutOfRange)]
    [InlineData("1.5", SettingErrorKind.NotAnInteger)]
    [InlineData("99999999999", SettingErrorKind.NotAnInteger)]
    [InlineData("٣", SettingErrorKind.NotAnInteger)]
    public void Integer_IsDecimalWithinItsRange(string text, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("HeartbeatInterval", text).Error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", true)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    public void Boolean_IsTrueOrFalse(string text, bool valid)
    {
        Assert.Equal(valid, Check("StopTransactionOnInvalidId", text).IsValid);
    }

    [Theory]
    [InlineData("00112233445566778899AABBCCDDEEFF", SettingErrorKind.None)]
    [InlineData("00112233445566778899aabbccddeeff00112233", SettingErrorKind.None)]
    [InlineData("00112233445566778899AABBCCDDEEF", SettingErrorKind.HexLength)]
    [InlineData("00112233445566778899AABBCCDDEEFF0011223344", SettingErrorKind.HexLength)]
    [InlineData("00112233445566778899AABBCCDDEEGG", SettingErrorKind.NotHexadecimal)]
    [InlineData("", SettingErrorKind.None)]
    public void AuthorizationKey_Is16To20BytesInHex(string key, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("AuthorizationKey", key).Error);
    }

    [Theory]
    [InlineData("Parking-B2", SettingErrorKind.None)]
    [InlineData("Résidence Étoile B2", SettingErrorKind.None)]
    [InlineData("12345678901234567890123456789012", SettingErrorKind.None)]
    [InlineData("1234567890123456789012345678901é", SettingErrorKind.TooLong)]
    [InlineData("Parking\tB2", SettingErrorKind.InvalidCharacter)]
    [InlineData("Parking\uFFFD", SettingErrorKind.InvalidCharacter)]
    public void WifiSsid_Is32BytesOfText(string ssid, SettingErrorKind expected)
    {
        Assert.Equal(expected, Check("WifiSsid", ssid).Error);
    }

    [Fact]
    public void SecretErrors_NeverCarryTheValue()
    {
        SettingCheck check = Check("AuthorizationKey", "SECRET-NOT-HEX-VALUE-XXXXXXXXXXXX");

        Assert.Equal(SettingErrorKind.NotHexadecimal, check.Error);
        Assert.DoesNotContain("SECRET", check.Value);
    }

    [Fact]
    public void EchoedValue_IsShortAndPrintable()
    {
        SettingCheck check = Check("HeartbeatInterval", "\u001b[2J" + new string('9', 100));

        Assert.DoesNotContain('\u001b', check.Value);
        Assert.True(check.Value.Length <= SettingText.MaxEchoedCharacters + 3, check.Value);
    }

    [Fact]
    public void Board_MustBeInTheCatalogue()
    {
        Assert.True(Check("BoardProfile", "esp32-wrover-devkitc").IsValid);
        Assert.Equal(SettingErrorKind.NotAChoice, Check("BoardProfile", "esp8266").Error);
    }
}
