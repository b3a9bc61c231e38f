namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Managed heap usage for the technician console (on the device, nanoFramework.Runtime.Native.GC.Run
    /// and the ESP32 NativeMemory information; neither is in mscorlib).
    /// </summary>
    public interface IHeapMonitor
    {
        /// <summary>Free managed heap in bytes, or -1 when unknown.</summary>
        long FreeBytes { get; }

        /// <summary>Largest contiguous free block in bytes, or -1 when unknown.</summary>
        long LargestFreeBlockBytes { get; }
    }
}
