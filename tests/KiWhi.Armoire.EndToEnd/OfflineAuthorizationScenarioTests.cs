using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// Authorization while the central system is unreachable (OCPP 1.6 §3.5): the local authorization list
/// sent by ocpp-rpc and the cache filled by its replies decide at the panel, and the sessions started
/// offline reach the central system once it is back.
/// </summary>
/// <remarks>
/// The outage is made by pointing the cabinet at a loopback endpoint of the test that closes every
/// connection at once, then disconnecting it from ocpp-rpc; restoring the URL ends the outage.
/// </remarks>
public sealed class OfflineAuthorizationScenarioTests : IDisposable
{
    private readonly TestCard _listed = TestCard.Issue("04A1B2C3D4E5F6", 2001);
    private readonly TestCard _cached = TestCard.Issue("04112233445566", 2002);
    private readonly TestCard _unknown = TestCard.Issue("04DEAD00BEEF01", 2003);

    private readonly CabinetRig _rig;
    private readonly ClosingEndpoint _deadEndpoint = new();

    public OfflineAuthorizationScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _deadEndpoint.Dispose();
        _rig.Dispose();
    }

    [Fact]
    public void OfflineSessionsDeliveredAfterRecovery()
    {
        _rig.StartAndBoot();
        JsonObject update = CallCabinet("SendLocalList", new
        {
            listVersion = 1,
            updateType = "Full",
            localAuthorizationList = new object[] { new { idTag = _listed.IdTag, idTagInfo = new { status = "Accepted" } } },
        });
        Assert.Equal("Accepted", (string?)update["status"]);
        Assert.Equal(1, (int?)CallCabinet("GetLocalListVersion", new { })["listVersion"]);

        // The cache learns the second card from an online Authorize; the resident then cancels.
        int onlineIndex = _rig.CentralSystem.EventCount;
        _rig.PresentCard(_cached.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == _cached.IdTag, onlineIndex);
        _rig.Quiesce();
        _rig.Type("*");

        string onlineUrl = _rig.Configuration.CentralSystemUrl;
        _rig.Configuration.CentralSystemUrl = _deadEndpoint.Url;
        _rig.CentralSystem.Disconnect();
        _rig.CentralSystem.WaitFor("the disconnection", e => CentralSystem.Kind(e) == "disconnected", whileWaiting: _rig.Step);
        _rig.Advance(TimeSpan.FromSeconds(2), stepMs: 100);
        Assert.False(_rig.Cabinet.ChargePoint.IsOnline, "the cabinet did not notice that the link closed");
        int offlineIndex = _rig.CentralSystem.EventCount;

        _rig.PresentCard(_listed.Card);
        _rig.Type("21#");
        _rig.PresentCard(_cached.Card);
        _rig.Type("22#");
        _rig.PresentCard(_unknown.Card);
        _rig.Type("23#");
        Assert.Equal(new[] { 1, 2 }, _rig.Contactors.ClosedBays());

        _rig.Advance(TimeSpan.FromMinutes(10));
        Assert.True(_deadEndpoint.ConnectionCount >= 3, "the cabinet stopped trying to reconnect");
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint(null, offlineIndex));

        _rig.Configuration.CentralSystemUrl = onlineUrl;
        JsonObject first = _rig.WaitForCall("StartTransaction", null, offlineIndex,
            TimeSpan.FromSeconds(_rig.Configuration.ReconnectMaxDelaySeconds * 1.25 + 60));
        _rig.Advance(TimeSpan.FromSeconds(30));
        _rig.Quiesce();
        _rig.CentralSystem.Sync();

        var starts = _rig.CentralSystem.CallsFromChargePoint("StartTransaction", offlineIndex).Select(e => e["payload"]!.AsObject()).ToArray();
        Assert.Equal(new[] { _listed.IdTag, _cached.IdTag }, starts.Select(p => (string?)p["idTag"]));
        Assert.Equal(new[] { 1, 2 }, starts.Select(p => (int)p["connectorId"]!));
        Assert.Equal(first.ToJsonString(), starts[0].ToJsonString());
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("Authorize", offlineIndex));
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("BootNotification", offlineIndex));
        Assert.Equal(new[] { 1, 2 }, _rig.Contactors.ClosedBays());

        // The StartTransaction timestamps are the offline badge times, ten minutes before delivery.
        DateTime deliveredAt = _rig.Clock.UtcNow;
        foreach (JsonObject start in starts)
        {
            DateTime startedAt = DateTime.Parse((string)start["timestamp"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.True(deliveredAt - startedAt >= TimeSpan.FromMinutes(10), "StartTransaction stamped " + startedAt.ToString("O") + ", delivered " + deliveredAt.ToString("O"));
        }

        _rig.AssertHealthy();
    }

    // Sends a CALL from ocpp-rpc and returns the cabinet's CALLRESULT payload.
    private JsonObject CallCabinet(string action, object payload)
    {
        string callRef = _rig.CentralSystem.Call(action, payload);
        JsonObject outcome = _rig.WaitForEvent("the answer to " + action,
            e => (CentralSystem.Kind(e) is "callResult" or "callError" or "callFailed") && (string?)e["ref"] == callRef);
        Assert.Equal("callResult", CentralSystem.Kind(outcome));
        return outcome["payload"]!.AsObject();
    }
}
