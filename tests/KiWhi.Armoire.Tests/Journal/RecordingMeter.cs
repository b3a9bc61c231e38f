using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// Energy meter that returns the simulated world's registers and remembers the last value read per
/// bay and world time, so a check can compare what the central system received with the register the
/// cabinet saw at that instant.
/// </summary>
public sealed class RecordingMeter : IEnergyMeter
{
    private readonly SimulatedEnergyMeter _meter;
    private readonly ManualClock _world;
    private readonly Dictionary<(int Bay, long WorldMs), long> _reads = new();

    public RecordingMeter(SimulatedEnergyMeter meter, ManualClock world)
    {
        _meter = meter;
        _world = world;
    }

    public long ReadRegisterWh(int bay)
    {
        long value = _meter.ReadRegisterWh(bay);
        _reads[(bay, _world.MonotonicMs)] = value;
        return value;
    }

    /// <summary>Returns the last register read of <paramref name="bay"/> at world time <paramref name="worldMs"/>, or null.</summary>
    public long? ReadAt(int bay, long worldMs) => _reads.TryGetValue((bay, worldMs), out long value) ? value : null;
}
