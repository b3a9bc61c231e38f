using nanoFramework.Hardware.Esp32;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Memory figures for the technician console: the managed heap free after a collection
    /// (nanoFramework.Runtime.Native GC.Run) and the largest free block of the ESP-IDF heap, where the
    /// TLS session and the sockets are allocated (nanoFramework.Hardware.Esp32 NativeMemory).
    /// </summary>
    /// <remarks>Each read of <see cref="FreeBytes"/> runs a garbage collection, so it is read on request only.</remarks>
    public sealed class NanoHeapMonitor : IHeapMonitor
    {
        public long FreeBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }

        public long LargestFreeBlockBytes
        {
            get
            {
                uint totalBytes;
                uint freeBytes;
                uint largestBlockBytes;
                NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.All, out totalBytes, out freeBytes, out largestBlockBytes);
                return largestBlockBytes;
            }
        }
    }
}
