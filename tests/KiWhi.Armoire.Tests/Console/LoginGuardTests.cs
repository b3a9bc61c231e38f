using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>The failed-login count on flash: a reboot must not shorten a lock.</summary>
public class LoginGuardTests
{
    private static InMemoryFileStorage StorageAfterFailures(int failures)
    {
        var storage = new InMemoryFileStorage();
        var guard = new LoginGuard(storage);
        for (int i = 0; i < failures; i++)
        {
            guard.RecordFailure(0, out string? problem);
            Assert.Null(problem);
        }

        return storage;
    }

    [Fact]
    public void Lock_SurvivesReboot()
    {
        InMemoryFileStorage storage = StorageAfterFailures(LoginGuard.FailuresBeforeLock + 1);
        var afterReboot = new LoginGuard(storage);

        Assert.Null(afterReboot.Load(5_000));

        Assert.Equal(LoginGuard.FailuresBeforeLock + 1, afterReboot.ConsecutiveFailures);
        Assert.Equal(2 * LoginGuard.FirstLockoutSeconds * 1000L, afterReboot.RemainingLockMs(5_000));
    }

    [Fact]
    public void CountBelowLock_CarriesOverReboot()
    {
        InMemoryFileStorage storage = StorageAfterFailures(LoginGuard.FailuresBeforeLock - 1);
        var afterReboot = new LoginGuard(storage);
        afterReboot.Load(0);

        Assert.Equal(0, afterReboot.RemainingLockMs(0));
        Assert.Equal(LoginGuard.FirstLockoutSeconds, afterReboot.RecordFailure(0, out _));
    }

    [Fact]
    public void Success_DeletesTheRecord()
    {
        InMemoryFileStorage storage = StorageAfterFailures(2);
        var guard = new LoginGuard(storage);
        guard.Load(0);

        Assert.Null(guard.RecordSuccess());

        Assert.Equal(-1, storage.GetLength(LoginGuard.FileName));
    }

    [Fact]
    public void DamagedRecord_LocksWithReason()
    {
        InMemoryFileStorage storage = StorageAfterFailures(1);
        byte[] record = storage.GetBytes(LoginGuard.FileName)!;
        record[2] ^= 0x01;
        storage.SetBytes(LoginGuard.FileName, record);
        var guard = new LoginGuard(storage);

        string? problem = guard.Load(0);

        Assert.Contains("login.dat is damaged", problem);
        Assert.Equal(LoginGuard.FirstLockoutSeconds * 1000L, guard.RemainingLockMs(0));
    }

    [Fact]
    public void TruncatedRecord_LocksWithReason()
    {
        InMemoryFileStorage storage = StorageAfterFailures(1);
        storage.SetBytes(LoginGuard.FileName, storage.GetBytes(LoginGuard.FileName)!.AsSpan(0, 5).ToArray());
        var guard = new LoginGuard(storage);

        string? problem = guard.Load(0);

        Assert.Contains("login.dat has 5 bytes, expected 8", problem);
        Assert.True(guard.RemainingLockMs(0) > 0);
    }

    [Fact]
    public void FailedSave_KeepsTheLockInRam()
    {
        var storage = new InMemoryFileStorage();
        var guard = new LoginGuard(storage);
        guard.RecordFailure(0, out _);
        guard.RecordFailure(0, out _);
        storage.CutPowerAfterBytes(2);

        int seconds = guard.RecordFailure(0, out string? problem);
        storage.RestorePower();

        Assert.Equal(LoginGuard.FirstLockoutSeconds, seconds);
        Assert.Contains("login.dat not saved", problem);
    }

    [Fact]
    public void Console_LockedAfterReboot()
    {
        var rig = new ConsoleRig("en");
        var before = new LoginGuard(rig.Storage);
        for (int i = 0; i < LoginGuard.FailuresBeforeLock; i++)
        {
            before.RecordFailure(0, out _);
        }

        rig.Start();
        string answer = rig.Type("login");

        Assert.Contains("Login locked", answer);
        rig.Type(ConsoleRig.Password);
        Assert.False(rig.Console.IsLoggedIn);
    }
}
