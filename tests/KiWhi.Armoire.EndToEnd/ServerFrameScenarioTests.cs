using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>Frames the central system sends on its own: CALLs the cabinet does not know, and malformed text.</summary>
public sealed class ServerFrameScenarioTests : IDisposable
{
    private readonly TestCard Resident = TestCard.Issue("04A1B2C3D4E5F6", 1001);

    private readonly CabinetRig _rig;

    public ServerFrameScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _rig.Dispose();
    }

    [Fact]
    public void UnknownActionGetsNotImplemented()
    {
        _rig.StartAndBoot();

        // ocpp-rpc in strict mode refuses to send an action outside the OCPP 1.6 schemas, so the frame goes raw.
        string rawRef = _rig.CentralSystem.SendRaw("[2,\"unknown-action-1\",\"FooBar\",{}]", "unknown-action-1");

        JsonObject reply = _rig.WaitForEvent("the reply to FooBar",
            e => CentralSystem.Kind(e) == "rawReply" && (string?)e["ref"] == rawRef);
        JsonArray frame = reply["frame"]!.AsArray();
        Assert.Equal(4, (int)frame[0]!);
        Assert.Equal("unknown-action-1", (string?)frame[1]);
        Assert.Equal("NotImplemented", (string?)frame[2]);
        Assert.Equal(5, frame.Count);
        _rig.AssertHealthy();
    }

    [Fact]
    public void MalformedFramesLeaveCabinetWorking()
    {
        _rig.StartAndBoot();
        var frames = new (string Text, string? MessageId)[]
        {
            ("this is not JSON", null),
            ("", null),
            ("[2,\"malformed-1\",\"Heartbeat\"", "malformed-1"),
            ("{\"messageTypeId\":2}", null),
            ("[]", null),
            ("[2]", null),
            ("[2,null,\"Heartbeat\",{}]", null),
            ("[2,17,\"Heartbeat\",{}]", null),
            ("[\"2\",\"malformed-2\",\"Heartbeat\",{}]", "malformed-2"),
            ("[7,\"malformed-3\",{}]", "malformed-3"),
            ("[2,\"malformed-4\",\"ClearCache\"]", "malformed-4"),
            ("[2,\"malformed-5\",\"ClearCache\",[]]", "malformed-5"),
            ("[2,\"malformed-6\",42,{}]", "malformed-6"),
            ("[3,\"never-sent\",{}]", null),
            ("[4,\"never-sent\",\"GenericError\",\"\",{}]", null),
            ("[2,\"malformed-7\",\"ClearCache\",{}", "malformed-7"),
            (new string('[', 2000) + new string(']', 2000), null),
            ("[2,\"malformed-8\",\"DataTransfer\",{\"vendorId\":\"KiWhi\",\"data\":\"" + new string('A', 20000) + "\"}]", "malformed-8"),
            ("[2,\"malformed-9\",\"ClearCache\",{\"unexpected\":\"\\ud800\"}]", "malformed-9"),
        };

        foreach ((string text, string? messageId) in frames)
        {
            _rig.CentralSystem.SendRaw(text, messageId);
            _rig.Quiesce();
        }

        // A reply is optional for a frame that is not a valid CALL, but when one comes it must be a CALLERROR.
        _rig.CentralSystem.Sync();
        foreach (JsonObject reply in _rig.CentralSystem.Events.Where(e => CentralSystem.Kind(e) == "rawReply"))
        {
            Assert.Equal(4, (int)reply["frame"]![0]!);
        }

        Assert.DoesNotContain(_rig.CentralSystem.Events, e => CentralSystem.Kind(e) == "disconnected");
        Assert.Equal(0, _rig.Cabinet.LoopFaults);

        // The cabinet still serves a resident afterwards.
        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(Resident.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == Resident.IdTag, index);
        _rig.Quiesce();
        _rig.Type("21#");
        JsonObject start = _rig.WaitForCall("StartTransaction", null, index);
        Assert.Equal(1, (int)start["connectorId"]!);
        Assert.Equal(new[] { 1 }, _rig.Contactors.ClosedBays());
        _rig.AssertHealthy();
    }
}
