namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Memory figures for the technician console's status (on the device, nanoFramework.Runtime.Native
    /// GC.Run and the ESP32 NativeMemory information; neither is in mscorlib).
    /// </summary>
    public interface IHeapMonitor
    {
        /// <summary>Free managed heap in bytes, or -1 when unknown.</summary>
        long FreeBytes { get; }

        /// <summary>
        /// Largest contiguous free block of the native heap in bytes, or -1 when unknown. TLS sessions and
        /// sockets are allocated there, so a wss:// link fails when it drops below about 40 KB.
        /// </summary>
        long LargestFreeBlockBytes { get; }
    }
}
