using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// CALLs of OCPP 1.6 that a central system sends to a charge point, each sent by ocpp-rpc in strict mode. Whatever
/// the cabinet supports, it must reply with a CALLRESULT that passes the OCPP 1.6 schema or with a CALLERROR.
/// </summary>
public sealed class ServerCallScenarioTests : IDisposable
{
    private readonly CabinetRig _rig;

    public ServerCallScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _rig.Dispose();
    }

    [Theory]
    [InlineData("ChangeAvailability", "{\"connectorId\":2,\"type\":\"Inoperative\"}")]
    [InlineData("ChangeConfiguration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"30\"}")]
    [InlineData("ClearCache", "{}")]
    [InlineData("DataTransfer", "{\"vendorId\":\"com.example\",\"messageId\":\"Ping\"}")]
    [InlineData("GetConfiguration", "{}")]
    [InlineData("GetLocalListVersion", "{}")]
    [InlineData("RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"04A1B2C3D4E5F6\"}")]
    [InlineData("RemoteStopTransaction", "{\"transactionId\":999999}")]
    [InlineData("TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}")]
    [InlineData("UnlockConnector", "{\"connectorId\":3}")]
    public void ServerCallGetsSchemaValidAnswer(string action, string payloadJson)
    {
        _rig.StartAndBoot();

        string callRef = _rig.CentralSystem.Call(action, JsonNode.Parse(payloadJson)!);

        JsonObject outcome = _rig.WaitForEvent($"the answer to {action}",
            e => (CentralSystem.Kind(e) is "callResult" or "callError" or "callFailed") && (string?)e["ref"] == callRef);
        Assert.NotEqual("callFailed", CentralSystem.Kind(outcome));
        Assert.Equal(0, _rig.Cabinet.LoopFaults);
        _rig.AssertHealthy();
    }
}
