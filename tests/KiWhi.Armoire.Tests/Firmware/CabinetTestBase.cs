using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// Base of the cabinet tests: every rig a test creates is checked at the end of the test, so that a
/// frame rejected by the official schemas fails the test that sent it, whatever it asserted.
/// </summary>
public abstract class CabinetTestBase : IDisposable
{
    private readonly List<CabinetRig> _rigs = new();

    protected CabinetRig NewRig(int bays = 4, Action<CabinetConfiguration>? configure = null, bool start = true)
    {
        var rig = new CabinetRig(bays, configure, start);
        _rigs.Add(rig);
        return rig;
    }

    public void Dispose()
    {
        foreach (CabinetRig rig in _rigs)
        {
            Assert.True(rig.Server.Violations.Count == 0, "frames the central system rejected:\n" + string.Join("\n", rig.Server.Violations));
        }
    }
}
