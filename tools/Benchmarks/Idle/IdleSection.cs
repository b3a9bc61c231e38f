using System;
using System.IO;
using System.Text;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tools.Benchmarks.Idle
{
    /// <summary>
    /// Bytes allocated by the cabinet loop per idle iteration (target 0) and the time of one iteration,
    /// measured on a registered cabinet with simulated hardware: no card, no key, no session.
    /// </summary>
    public sealed class IdleSection : IBenchmarkSection
    {
        private const int Bays = 32;
        private const int Iterations = 200_000;

        public string Name => "idle";

        public string Description => "bytes allocated and time per cabinet loop iteration with nothing to do (target: 0 B)";

        public void Run(TextWriter output)
        {
            output.WriteLine("   cabinet with " + Bays + " bays, registered, card authentication off, no card, no key, no session");

            var clock = new ManualClock(0);
            var server = new AcceptingCentralSystem();
            var configuration = new CabinetConfiguration
            {
                SpotNumbers = new int[Bays],
                HeartbeatIntervalSeconds = 300,
                RequireCardAuthentication = false,
            };
            for (int i = 0; i < Bays; i++)
            {
                configuration.SpotNumbers[i] = i + 1;
            }

            var contactors = new SimulatedContactorBank(Bays, activeHigh: true, clock);
            var cabinet = new Cabinet(new CabinetHardware
            {
                CardReader = new SimulatedCardReader(),
                Keypad = new SimulatedKeypad(),
                Contactors = contactors,
                Meters = new SimulatedEnergyMeter(contactors, 7400),
                Indicators = new SimulatedIndicators(clock),
                Display = new SimulatedDisplay(16, clock),
                Clock = clock,
                Random = new SeededRandomSource(1),
                Storage = new InMemoryFileStorage(),
                Transport = server,
            }, configuration, null);

            cabinet.Start();
            for (int i = 0; i < 200; i++)
            {
                cabinet.RunOnce();
                clock.AdvanceMs(10);
            }

            if (cabinet.ChargePoint.Registration != RegistrationState.Accepted)
            {
                output.WriteLine("   setup failed: registration is " + cabinet.ChargePoint.Registration);
                return;
            }

            // Pure idle: 1 ms per iteration stays clear of every timer (heartbeat every 300 s).
            Measure(output, cabinet, clock, stepMs: 1, "idle, no timer due (1 ms steps, 200 s)");

            // Amortised over an hour: heartbeats and their replies are included.
            Measure(output, cabinet, clock, stepMs: 18, "idle incl. heartbeats (18 ms steps, 1 h)");
        }

        private static void Measure(TextWriter output, Cabinet cabinet, ManualClock clock, int stepMs, string label)
        {
            for (int i = 0; i < 10_000; i++)
            {
                cabinet.RunOnce();
                clock.AdvanceMs(stepMs);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < Iterations; i++)
            {
                cabinet.RunOnce();
                clock.AdvanceMs(stepMs);
            }

            watch.Stop();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine("   " + label.PadRight(44) + (bytes / (double)Iterations).ToString("0.000").PadLeft(10) + " B/iteration   "
                + (watch.Elapsed.TotalMilliseconds * 1_000_000 / Iterations).ToString("0").PadLeft(7) + " ns/iteration");
        }

        /// <summary>Answers BootNotification Accepted and Heartbeat, synchronously, like a central system on loopback.</summary>
        private sealed class AcceptingCentralSystem : IOcppTransport
        {
            private ITransportListener _listener;

            public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
            {
                _listener = listener;
                listener.OnConnected();
            }

            public bool Send(byte[] utf8, int offset, int count)
            {
                string text = Encoding.UTF8.GetString(utf8, offset, count);
                int idStart = text.IndexOf('"') + 1;
                string id = text.Substring(idStart, text.IndexOf('"', idStart) - idStart);
                string payload = text.Contains("\"BootNotification\"")
                    ? "{\"status\":\"Accepted\",\"currentTime\":\"2026-12-04T08:00:00.000Z\",\"interval\":300}"
                    : text.Contains("\"Heartbeat\"") ? "{\"currentTime\":\"2026-12-04T08:00:00.000Z\"}" : "{}";
                byte[] reply = Encoding.UTF8.GetBytes("[3,\"" + id + "\"," + payload + "]");
                _listener.OnMessage(reply, 0, reply.Length);
                return true;
            }

            public void Close()
            {
                _listener.OnClosed("closed");
            }
        }
    }
}
