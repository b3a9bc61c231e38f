using System.Text.Json.Nodes;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// CALLs from the central system that the cabinet handles: GetConfiguration and ChangeConfiguration
/// (OCPP 1.6 §5.8, §5.3), SendLocalList, GetLocalListVersion and ClearCache (§5.15, §5.10, §5.4).
/// Every CALLRESULT is checked against the official .conf schema by the test central system.
/// </summary>
public class ServerCallTests : CabinetTestBase
{
    private const string Alice = "04A1B2C3D4E5F6";

    private static readonly string[] AuthorizationKeys =
    {
        "LocalAuthListEnabled", "AuthorizationCacheEnabled", "LocalAuthorizeOffline", "LocalPreAuthorize",
        "AllowOfflineTxForUnknownId", "StopTransactionOnInvalidId", "MaxEnergyOnInvalidId",
    };

    [Fact]
    public void GetConfigurationListsEveryKey()
    {
        var rig = NewRig(configure: c => c.AuthorizationKey = "00112233445566778899AABBCCDDEEFF");

        Dictionary<string, JsonObject> keys = ConfigurationKeys(Call(rig, "GetConfiguration", "{}"));

        foreach (string key in AuthorizationKeys)
        {
            Assert.True(keys.ContainsKey(key), key + " is missing");
            Assert.False(keys[key]["readonly"]!.GetValue<bool>());
        }

        Assert.Equal("true", keys["LocalAuthorizeOffline"]["value"]!.GetValue<string>());
        Assert.Equal("false", keys["AllowOfflineTxForUnknownId"]["value"]!.GetValue<string>());
        Assert.Equal("0", keys["MaxEnergyOnInvalidId"]["value"]!.GetValue<string>());
        Assert.Equal("4", keys["NumberOfConnectors"]["value"]!.GetValue<string>());
        Assert.True(keys["NumberOfConnectors"]["readonly"]!.GetValue<bool>());
        Assert.Equal("1000", keys["LocalAuthListMaxLength"]["value"]!.GetValue<string>());
        Assert.Equal(LocalAuthorizationList.MaxEntriesPerUpdate.ToString(), keys["SendLocalListMaxLength"]["value"]!.GetValue<string>());
        Assert.Equal("300", keys["HeartbeatInterval"]["value"]!.GetValue<string>());
        Assert.DoesNotContain("AuthorizationKey", keys.Keys);
        Assert.DoesNotContain("CentralSystemUrl", keys.Keys);
    }

    [Fact]
    public void GetConfigurationNamesKeysIgnoringCase()
    {
        var rig = NewRig(configure: c => c.LocalPreAuthorize = true);

        JsonObject result = Call(rig, "GetConfiguration", "{\"key\":[\"localpreauthorize\",\"NoSuchKey\",\"AuthorizationKey\",\"ReconnectDelay\",\"NUMBEROFCONNECTORS\"]}");

        Dictionary<string, JsonObject> keys = ConfigurationKeys(result);
        Assert.Equal(new[] { "LocalPreAuthorize", "NumberOfConnectors" }, keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("true", keys["LocalPreAuthorize"]["value"]!.GetValue<string>());
        Assert.Equal(new[] { "NoSuchKey", "AuthorizationKey", "ReconnectDelay" }, result["unknownKey"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public void TooManyKeysGetCallError()
    {
        var rig = NewRig();
        var names = new JsonArray(Enumerable.Range(0, ChargePoint.GetConfigurationMaxKeys + 1).Select(i => (JsonNode)JsonValue.Create("K" + i)!).ToArray());

        string id = rig.Server.SendCall("GetConfiguration", new JsonObject { ["key"] = names }.ToJsonString());
        rig.Run(0.5);

        JsonArray reply = rig.Server.Replies.Single(r => r[1]!.GetValue<string>() == id);
        Assert.Equal(4, reply[0]!.GetValue<int>());
        Assert.Equal("OccurenceConstraintViolation", reply[2]!.GetValue<string>());
    }

    [Theory]
    [InlineData("LocalPreAuthorize", "true", "Accepted")]
    [InlineData("localPREauthorize", "TRUE", "Accepted")]
    [InlineData("AllowOfflineTxForUnknownId", "True", "Accepted")]
    [InlineData("MaxEnergyOnInvalidId", "2500", "Accepted")]
    [InlineData("LocalPreAuthorize", "yes", "Rejected")]
    [InlineData("MaxEnergyOnInvalidId", "-1", "Rejected")]
    [InlineData("MaxEnergyOnInvalidId", "lots", "Rejected")]
    [InlineData("NumberOfConnectors", "8", "Rejected")]
    [InlineData("LocalAuthListMaxLength", "5000", "Rejected")]
    [InlineData("NoSuchKey", "1", "NotSupported")]
    [InlineData("CentralSystemUrl", "ws://127.0.0.1:1/x", "NotSupported")]
    [InlineData("AuthorizationKey", "00112233445566778899AABBCCDDEEFF", "RebootRequired")]
    public void ChangeConfigurationAnswers(string key, string value, string status)
    {
        var rig = NewRig();

        JsonObject result = Call(rig, "ChangeConfiguration", new JsonObject { ["key"] = key, ["value"] = value }.ToJsonString());

        Assert.Equal(status, result["status"]!.GetValue<string>());
    }

    [Fact]
    public void ChangedKeyIsAppliedAndSaved()
    {
        // The stored configuration loads only with the keys provisioning requires, the board among them.
        var rig = NewRig(configure: c => c.BoardProfileName = KiWhi.Armoire.Boards.BoardCatalogue.Names[0]);

        Call(rig, "ChangeConfiguration", "{\"key\":\"AllowOfflineTxForUnknownId\",\"value\":\"true\"}");
        Call(rig, "ChangeConfiguration", "{\"key\":\"MaxEnergyOnInvalidId\",\"value\":\"2500\"}");

        Assert.True(rig.Configuration.AllowOfflineTxForUnknownId);
        var reloaded = new CabinetConfiguration();
        new ConfigurationStore(rig.Hardware.Storage).Load(reloaded, new SeededRandomSource(1));
        Assert.True(reloaded.AllowOfflineTxForUnknownId);
        Assert.Equal(2500, reloaded.MaxEnergyOnInvalidId);
    }

    [Fact]
    public void RejectedValueLeavesKeyUnchanged()
    {
        var rig = NewRig();

        Call(rig, "ChangeConfiguration", "{\"key\":\"LocalAuthorizeOffline\",\"value\":\"sometimes\"}");

        Assert.True(rig.Configuration.LocalAuthorizeOffline);
        Assert.Equal(-1, rig.Hardware.Storage.GetLength(ConfigurationStore.FileName));
    }

    [Fact]
    public void HeartbeatIntervalAppliesAtOnce()
    {
        var rig = NewRig();
        int before = rig.Server.CallsOf("Heartbeat").Count();

        Assert.Equal("Accepted", Call(rig, "ChangeConfiguration", "{\"key\":\"HeartbeatInterval\",\"value\":\"20\"}")["status"]!.GetValue<string>());
        rig.Run(65);

        Assert.Equal(20, rig.Cabinet.ChargePoint.HeartbeatIntervalSeconds);
        Assert.Equal(3, rig.Server.CallsOf("Heartbeat").Count() - before);
    }

    [Fact]
    public void AuthorizationKeyIsWriteOnly()
    {
        var rig = NewRig();

        Call(rig, "ChangeConfiguration", "{\"key\":\"AuthorizationKey\",\"value\":\"00112233445566778899aabbccddeeff\"}");
        JsonObject result = Call(rig, "GetConfiguration", "{}");

        Assert.Equal("00112233445566778899AABBCCDDEEFF", rig.Configuration.AuthorizationKey);
        Assert.DoesNotContain("00112233", result.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LocalListVersionFollowsSendLocalList()
    {
        var rig = NewRig();
        Assert.Equal(0, Call(rig, "GetLocalListVersion", "{}")["listVersion"]!.GetValue<int>());

        string full = "{\"listVersion\":4,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}";
        Assert.Equal("Accepted", Call(rig, "SendLocalList", full)["status"]!.GetValue<string>());
        Assert.Equal(4, Call(rig, "GetLocalListVersion", "{}")["listVersion"]!.GetValue<int>());

        string stale = "{\"listVersion\":4,\"updateType\":\"Differential\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\"}]}";
        Assert.Equal("VersionMismatch", Call(rig, "SendLocalList", stale)["status"]!.GetValue<string>());
        Assert.Equal(4, Call(rig, "GetLocalListVersion", "{}")["listVersion"]!.GetValue<int>());
    }

    [Fact]
    public void DisabledListIsNotSupported()
    {
        var rig = NewRig();

        Assert.Equal("Accepted", Call(rig, "ChangeConfiguration", "{\"key\":\"LocalAuthListEnabled\",\"value\":\"false\"}")["status"]!.GetValue<string>());

        Assert.Equal(-1, Call(rig, "GetLocalListVersion", "{}")["listVersion"]!.GetValue<int>());
        Assert.Equal("NotSupported", Call(rig, "SendLocalList", "{\"listVersion\":1,\"updateType\":\"Full\"}")["status"]!.GetValue<string>());
    }

    [Fact]
    public void ClearCacheEmptiesTheCache()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);
        Assert.True(rig.Cabinet.Authorizer.Cache.Count > 0);

        Assert.Equal("Accepted", Call(rig, "ClearCache", "{}")["status"]!.GetValue<string>());

        Assert.Equal(0, rig.Cabinet.Authorizer.Cache.Count);
    }

    [Theory]
    [InlineData("SendLocalList", "{\"listVersion\":1}", "OccurenceConstraintViolation")]
    [InlineData("SendLocalList", "{\"listVersion\":1,\"updateType\":\"All\"}", "PropertyConstraintViolation")]
    [InlineData("SendLocalList", "{\"listVersion\":true,\"updateType\":\"Full\"}", "TypeConstraintViolation")]
    [InlineData("ClearCache", "{\"all\":true}", "FormationViolation")]
    [InlineData("GetLocalListVersion", "{\"v\":1}", "FormationViolation")]
    [InlineData("ChangeConfiguration", "{\"key\":\"HeartbeatInterval\",\"value\":60}", "TypeConstraintViolation")]
    [InlineData("GetConfiguration", "{\"key\":[\"1234567890123456789012345678901234567890123456789012\"]}", "PropertyConstraintViolation")]
    public void InvalidPayloadGetsRightCallError(string action, string payload, string errorCode)
    {
        var rig = NewRig();

        string id = rig.Server.SendCall(action, payload);
        rig.Run(0.5);

        JsonArray reply = rig.Server.Replies.Single(r => r[1]!.GetValue<string>() == id);
        Assert.Equal(4, reply[0]!.GetValue<int>());
        Assert.Equal(errorCode, reply[2]!.GetValue<string>());
        Assert.Equal(0, rig.Cabinet.LoopFaults);
    }

    [Fact]
    public void OversizedSendLocalListFails()
    {
        var rig = NewRig();
        var entries = new JsonArray(Enumerable.Range(0, LocalAuthorizationList.MaxEntriesPerUpdate + 1)
            .Select(i => (JsonNode)new JsonObject { ["idTag"] = "T" + i, ["idTagInfo"] = new JsonObject { ["status"] = "Accepted" } }).ToArray());

        JsonObject result = Call(rig, "SendLocalList", new JsonObject { ["listVersion"] = 1, ["updateType"] = "Full", ["localAuthorizationList"] = entries }.ToJsonString());

        Assert.Equal("Failed", result["status"]!.GetValue<string>());
        Assert.Equal(0, rig.Cabinet.Authorizer.List.Count);
    }

    private static JsonObject Call(CabinetRig rig, string action, string payload)
    {
        string id = rig.Server.SendCall(action, payload);
        rig.Run(0.5);
        return rig.Server.ResultOf(id);
    }

    private static Dictionary<string, JsonObject> ConfigurationKeys(JsonObject result)
    {
        return result["configurationKey"]!.AsArray().Select(k => k!.AsObject()).ToDictionary(k => k["key"]!.GetValue<string>());
    }
}
