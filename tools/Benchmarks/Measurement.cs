using System;
using System.Diagnostics;

namespace KiWhi.Armoire.Tools.Benchmarks
{
    /// <summary>Time and allocation of one operation, measured with <see cref="Stopwatch"/> on the calling thread.</summary>
    public readonly struct Measurement
    {
        private const int AllocationCalls = 1000;

        private Measurement(double nanosecondsPerOperation, double bytesAllocatedPerOperation)
        {
            NanosecondsPerOperation = nanosecondsPerOperation;
            BytesAllocatedPerOperation = bytesAllocatedPerOperation;
        }

        /// <summary>Median over the timed rounds.</summary>
        public double NanosecondsPerOperation { get; }

        /// <summary>Managed bytes allocated per operation (GC.GetAllocatedBytesForCurrentThread), after warm-up.</summary>
        public double BytesAllocatedPerOperation { get; }

        /// <summary>Returns the throughput in MB/s (10^6 bytes per second) for an operation over <paramref name="bytesPerOperation"/> bytes.</summary>
        public double MegabytesPerSecond(int bytesPerOperation)
        {
            return bytesPerOperation / NanosecondsPerOperation * 1000.0;
        }

        /// <summary>
        /// Measures two operations that do the same work, for a ratio. It runs both for 100 ms to size the
        /// rounds, counts allocations over a fixed number of calls, then times <paramref name="rounds"/>
        /// rounds of each, alternating, and keeps each one's median. Alternating spreads a change in
        /// machine load over both, so the ratio is steadier than either time. Call <see cref="WarmUp"/>
        /// on every operation first, so that the JIT has compiled them at its optimized tier.
        /// </summary>
        public static void RunPair(Action first, Action second, out Measurement firstResult, out Measurement secondResult, int rounds = 11, int roundMs = 30)
        {
            int firstCalls = WarmUp(first, 100, roundMs);
            int secondCalls = WarmUp(second, 100, roundMs);

            double firstAllocated = CountAllocatedBytes(first);
            double secondAllocated = CountAllocatedBytes(second);

            var firstNanoseconds = new double[rounds];
            var secondNanoseconds = new double[rounds];
            for (int round = 0; round < rounds; round++)
            {
                firstNanoseconds[round] = TimeRound(first, firstCalls);
                secondNanoseconds[round] = TimeRound(second, secondCalls);
            }

            firstResult = new Measurement(Median(firstNanoseconds), firstAllocated);
            secondResult = new Measurement(Median(secondNanoseconds), secondAllocated);
        }

        private static double CountAllocatedBytes(Action operation)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < AllocationCalls; i++)
            {
                operation();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)AllocationCalls;
        }

        private static double TimeRound(Action operation, int calls)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                operation();
            }

            long elapsed = Stopwatch.GetTimestamp() - start;
            return elapsed * 1e9 / Stopwatch.Frequency / calls;
        }

        private static double Median(double[] values)
        {
            Array.Sort(values);
            return values[values.Length / 2];
        }

        /// <summary>
        /// Runs the operation for <paramref name="warmUpMs"/> and returns how many calls fill a round of
        /// <paramref name="roundMs"/> at the speed reached. The 300 ms default exceeds CoreCLR's delay
        /// before call counting for tier 1 (TieredCompilation_Tier1CallCountingDelayMs, 100 ms by default).
        /// </summary>
        public static int WarmUp(Action operation, int warmUpMs = 300, int roundMs = 30)
        {
            var stopwatch = Stopwatch.StartNew();
            long calls = 0;
            long lastCheckpointCalls = 0;
            double lastCheckpointMs = 0;
            while (stopwatch.ElapsedMilliseconds < warmUpMs)
            {
                for (int i = 0; i < 100; i++)
                {
                    operation();
                }

                calls += 100;
                if (stopwatch.ElapsedMilliseconds < warmUpMs / 2)
                {
                    lastCheckpointCalls = calls;
                    lastCheckpointMs = stopwatch.Elapsed.TotalMilliseconds;
                }
            }

            // The speed of the second half, after tiering, sets the round size.
            double nanosecondsPerCall = (stopwatch.Elapsed.TotalMilliseconds - lastCheckpointMs) * 1e6 / Math.Max(1, calls - lastCheckpointCalls);
            return (int)Math.Max(100, roundMs * 1e6 / nanosecondsPerCall);
        }
    }
}
