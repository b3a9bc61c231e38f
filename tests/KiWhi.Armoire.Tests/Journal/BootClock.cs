using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// The clock of one boot of a cabinet in a simulated world: monotonic time counts from that boot's
/// power-on on the world's <see cref="ManualClock"/>, and the wall clock is unset until the firmware
/// sets it, as on an ESP32 without a battery-backed clock.
/// </summary>
public sealed class BootClock : IClock
{
    private readonly ManualClock _world;
    private readonly long _powerOnMs;
    private bool _isSet;
    private DateTime _utcAtSet;
    private long _monotonicAtSet;

    public BootClock(ManualClock world)
    {
        _world = world;
        _powerOnMs = world.MonotonicMs;
    }

    /// <summary>World time of the first <see cref="SetUtcNow"/>, or null while unset.</summary>
    public long? FirstSetWorldMs { get; private set; }

    public long MonotonicMs => _world.MonotonicMs - _powerOnMs;

    public bool IsWallClockSet => _isSet;

    public DateTime UtcNow => _isSet ? _utcAtSet.AddMilliseconds(MonotonicMs - _monotonicAtSet) : DateTime.UnixEpoch.AddMilliseconds(MonotonicMs);

    public void SetUtcNow(DateTime utcNow)
    {
        _utcAtSet = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        _monotonicAtSet = MonotonicMs;
        _isSet = true;
        FirstSetWorldMs ??= _world.MonotonicMs;
    }
}
