using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>Memory and network figures from the board adapters, as status and net print them.</summary>
public class DiagnosticsTests
{
    private sealed class Heap : IHeapMonitor
    {
        public long FreeBytes { get; init; }
        public long LargestFreeBlockBytes { get; init; }
    }

    private sealed class Interface : INetworkStatus
    {
        public string? IpAddress { get; init; }
        public string? LastError { get; init; }
    }

    private static ConsoleRig StartedRig(string language)
    {
        ConsoleRig rig = new(language);
        rig.Start();
        return rig;
    }

    [Fact]
    public void Status_ShowsHeapFigures()
    {
        ConsoleRig rig = StartedRig("en");
        rig.Rig.Hardware.HeapMonitor = new Heap { FreeBytes = 61_440, LargestFreeBlockBytes = 45_056 };

        string answer = rig.Type("status");

        Assert.Contains("Free memory         61440 bytes (managed heap), largest native block 45056 bytes", answer);
    }

    [Fact]
    public void Status_UnknownLargestBlock()
    {
        ConsoleRig rig = StartedRig("fr");
        rig.Rig.Hardware.HeapMonitor = new Heap { FreeBytes = 61_440, LargestFreeBlockBytes = -1 };

        string answer = rig.Type("status");

        Assert.Contains("61440 octets (tas managé), plus grand bloc natif inconnu", answer);
    }

    [Fact]
    public void Net_ShowsAddressAndLastError()
    {
        ConsoleRig rig = StartedRig("en");
        rig.Rig.Hardware.Network = new Interface { IpAddress = "192.168.20.41", LastError = "Wi-Fi not ready: timed out waiting for an IP address" };

        string answer = rig.Type("net");

        Assert.Contains("192.168.20.41", answer);
        Assert.Contains("Wi-Fi not ready: timed out waiting for an IP address", answer);
    }
}
