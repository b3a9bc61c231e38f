using System;
using System.Diagnostics;
using System.IO;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tools.Benchmarks.Journal
{
    /// <summary>
    /// The transaction journal's flash cost: bytes written per session against the session's payload
    /// (write amplification), storage calls per session, and the number of sessions the default
    /// budget keeps while the central system is unreachable.
    /// </summary>
    /// <remarks>
    /// Counts bytes handed to the storage interface. The file system below adds its own overhead
    /// (LittleFS rewrites the last block of a file on append), which this section does not see.
    /// </remarks>
    public sealed class JournalSection : IBenchmarkSection
    {
        private const int Sessions = 200;
        private const string Uid7 = "04A1B2C3D4E580";
        private static readonly DateTime Now = new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

        public string Name => "journal";

        public string Description => "flash bytes written per session (write amplification) and sessions the default journal budget keeps";

        public void Run(TextWriter output)
        {
            output.WriteLine("   default budget: " + TransactionJournal.DefaultSegmentCount + " segments x " + TransactionJournal.DefaultSegmentBytes
                + " B = " + TransactionJournal.DefaultSegmentCount * TransactionJournal.DefaultSegmentBytes / 1024 + " KB; MeterValues stop above "
                + TransactionJournal.MeterValuesBudgetPercent + " % of it; one segment kept in reserve");
            output.WriteLine();
            WriteAmplification(output);
            output.WriteLine();
            Capacity(output);
        }

        private static void WriteAmplification(TextWriter output)
        {
            output.WriteLine("   online, every message confirmed at once; " + Sessions + " sessions of a 7-byte UID idTag");
            output.WriteLine("   " + "MeterValues/session".PadRight(21) + "flash B/session".PadLeft(16) + "record payload B".PadLeft(18)
                + "OCPP JSON B".PadLeft(13) + "flash/payload".PadLeft(15) + "flash/JSON".PadLeft(12) + "storage calls".PadLeft(15));
            foreach (int samples in new[] { 0, 10, 120 })
            {
                var storage = new CountingStorage(new InMemoryFileStorage());
                var clock = new ManualClock(1000);
                clock.SetUtcNow(Now);
                var journal = new TransactionJournal(storage, clock, new Logger(null, clock), 32, TransactionJournal.DefaultSegmentBytes, TransactionJournal.DefaultSegmentCount);
                journal.Open();
                long bytesBefore = storage.BytesWritten;
                long callsBefore = storage.Calls;
                long payload = 0;
                for (int session = 1; session <= Sessions; session++)
                {
                    payload += Queue(journal, clock, session, samples, confirm: true);
                }

                double flashPerSession = (double)(storage.BytesWritten - bytesBefore) / Sessions;
                double payloadPerSession = (double)payload / Sessions;
                int json = JsonBytesOfSession(samples);
                double callsPerSession = (double)(storage.Calls - callsBefore) / Sessions;
                output.WriteLine("   " + samples.ToString().PadRight(21) + flashPerSession.ToString("F0").PadLeft(16) + payloadPerSession.ToString("F0").PadLeft(18)
                    + json.ToString().PadLeft(13) + (flashPerSession / payloadPerSession).ToString("F2").PadLeft(15)
                    + (flashPerSession / json).ToString("F2").PadLeft(12) + callsPerSession.ToString("F1").PadLeft(15));
            }

            output.WriteLine("   flash B counts every record written for the session: its messages, their confirmations and a share of the snapshots.");
            output.WriteLine("   record payload B is the journal's encoding of the session's messages without framing (length, type, sequence, CRC).");
        }

        private static void Capacity(TextWriter output)
        {
            output.WriteLine("   offline, 32 bays charging round-robin until the journal rejects a StartTransaction");
            output.WriteLine("   " + "idTag".PadRight(32) + "MeterValues/session".PadLeft(20) + "sessions queued".PadLeft(17) + "MeterValues left out".PadLeft(22) + "recovery (host)".PadLeft(17));
            foreach ((string label, bool hexUid, int samples) in new[] { ("7-byte UID (14 hex digits)", true, 0), ("7-byte UID (14 hex digits)", true, 60), ("20 characters, not hexadecimal", false, 0), ("20 characters, not hexadecimal", false, 60) })
            {
                var storage = new InMemoryFileStorage();
                var clock = new ManualClock(1000);
                clock.SetUtcNow(Now);
                var journal = new TransactionJournal(storage, clock, new Logger(null, clock), 32, TransactionJournal.DefaultSegmentBytes, TransactionJournal.DefaultSegmentCount);
                journal.Open();
                int queued = FillOffline(journal, clock, hexUid, samples);

                var rebooted = new TransactionJournal(storage, new ManualClock(0), new Logger(null, clock), 32, TransactionJournal.DefaultSegmentBytes, TransactionJournal.DefaultSegmentCount);
                var watch = Stopwatch.StartNew();
                rebooted.Open();
                double recoveryMs = watch.Elapsed.TotalMilliseconds;
                output.WriteLine("   " + label.PadRight(32) + samples.ToString().PadLeft(20) + queued.ToString().PadLeft(17)
                    + journal.Queue.DroppedMeterValues.ToString().PadLeft(22) + (recoveryMs.ToString("F1") + " ms").PadLeft(17));
            }

            output.WriteLine("   recovery (host) is the time to replay the full journal on this machine, not on an ESP32.");
        }

        // Queues one session (StartTransaction, samples MeterValues one minute apart, StopTransaction)
        // and returns the payload bytes of its records.
        private static long Queue(TransactionJournal journal, ManualClock clock, int session, int samples, bool confirm)
        {
            TransactionQueue queue = journal.Queue;
            var record = new JournalRecord();
            long payload = 0;
            int connector = session % 32 + 1;

            TransactionMessage message = queue.Prepare(TransactionMessageKind.StartTransaction);
            message.SessionId = session;
            message.ConnectorId = connector;
            message.IdTag = Uid7;
            message.MeterWh = 1000L * session;
            payload += PayloadOf(message, record);
            queue.Enqueue(message);
            if (confirm)
            {
                queue.AcknowledgeStart(100000 + session);
            }

            for (int sample = 1; sample <= samples; sample++)
            {
                clock.AdvanceMs(60000);
                message = queue.Prepare(TransactionMessageKind.MeterValues);
                message.SessionId = session;
                message.ConnectorId = connector;
                message.MeterWh = 1000L * session + 120 * sample;
                payload += PayloadOf(message, record);
                queue.Enqueue(message);
                if (confirm)
                {
                    queue.RemoveHead(true);
                }
            }

            message = queue.Prepare(TransactionMessageKind.StopTransaction);
            message.SessionId = session;
            message.ConnectorId = connector;
            message.MeterWh = 1000L * session + 120 * samples + 50;
            message.Reason = Reason.Local;
            payload += PayloadOf(message, record);
            queue.Enqueue(message);
            if (confirm)
            {
                queue.RemoveHead(true);
            }

            return payload;
        }

        private static int PayloadOf(TransactionMessage message, JournalRecord record)
        {
            MessageRecords.Encode(message, record);
            return record.Length;
        }

        private static int FillOffline(TransactionJournal journal, ManualClock clock, bool hexUid, int samples)
        {
            var open = new int[33];
            int session = 0;
            while (true)
            {
                for (int bay = 1; bay <= 32; bay++)
                {
                    if (open[bay] != 0)
                    {
                        Stop(journal, open[bay], bay);
                        open[bay] = 0;
                    }

                    TransactionMessage message = journal.Queue.Prepare(TransactionMessageKind.StartTransaction);
                    message.SessionId = ++session;
                    message.ConnectorId = bay;
                    message.IdTag = hexUid ? (0x04000000000000L + session).ToString("X14") : "resident-" + session.ToString("D11");
                    message.MeterWh = 1000L * session;
                    if (!journal.Queue.Enqueue(message))
                    {
                        for (int other = 1; other <= 32; other++)
                        {
                            if (open[other] != 0)
                            {
                                Stop(journal, open[other], other);
                            }
                        }

                        return session - 1;
                    }

                    open[bay] = session;
                    for (int sample = 1; sample <= samples; sample++)
                    {
                        clock.AdvanceMs(1000);
                        TransactionMessage meterValues = journal.Queue.Prepare(TransactionMessageKind.MeterValues);
                        meterValues.SessionId = session;
                        meterValues.ConnectorId = bay;
                        meterValues.MeterWh = 1000L * session + sample;
                        journal.Queue.Enqueue(meterValues);
                    }
                }
            }
        }

        private static void Stop(TransactionJournal journal, int session, int bay)
        {
            TransactionMessage message = journal.Queue.Prepare(TransactionMessageKind.StopTransaction);
            message.SessionId = session;
            message.ConnectorId = bay;
            message.MeterWh = 1000L * session + 999;
            message.Reason = Reason.Local;
            if (!journal.Queue.Enqueue(message))
            {
                throw new InvalidOperationException("the journal rejected the StopTransaction of session " + session);
            }
        }

        // Bytes of the CALL payloads the charge point sends for one session, built like ChargePoint does.
        private static int JsonBytesOfSession(int samples)
        {
            var writer = new JsonWriter(Cabinet.MaxMessageBytes, 8);
            var start = new StartTransactionRequest { ConnectorId = 12, IdTag = Uid7, MeterStart = 1234567, Timestamp = Now };
            writer.Reset();
            start.Write(writer);
            int total = writer.Length;

            var meterValues = new MeterValuesRequest();
            meterValues.Clear();
            meterValues.ConnectorId = 12;
            meterValues.HasTransactionId = true;
            meterValues.TransactionId = 123456;
            AddSample(meterValues.MeterValue, 1234700, ReadingContext.SamplePeriodic);
            writer.Reset();
            meterValues.Write(writer);
            total += samples * writer.Length;

            var stop = new StopTransactionRequest();
            stop.Clear();
            stop.TransactionId = 123456;
            stop.IdTag = Uid7;
            stop.MeterStop = 1240000;
            stop.Timestamp = Now;
            stop.Reason = Reason.Local;
            AddSample(stop.TransactionData, 1234567, ReadingContext.TransactionBegin);
            AddSample(stop.TransactionData, 1240000, ReadingContext.TransactionEnd);
            writer.Reset();
            stop.Write(writer);
            return total + writer.Length;
        }

        private static void AddSample(MeterValueList list, long registerWh, ReadingContext context)
        {
            MeterValue meterValue = list.Add();
            meterValue.Timestamp = Now;
            SampledValue sample = meterValue.SampledValue.Add();
            sample.SetValue(registerWh);
            sample.Context = context;
            sample.Measurand = Measurand.EnergyActiveImportRegister;
            sample.Unit = UnitOfMeasure.Wh;
        }

        /// <summary>Storage decorator that counts the bytes written and the calls that change the flash.</summary>
        private sealed class CountingStorage : IFileStorage
        {
            private readonly IFileStorage _inner;

            public CountingStorage(IFileStorage inner)
            {
                _inner = inner;
            }

            public long BytesWritten { get; private set; }

            /// <summary>Write, Append, Rename and Delete calls; on the device each opens and closes a file.</summary>
            public long Calls { get; private set; }

            public int GetLength(string name) => _inner.GetLength(name);

            public int Read(string name, int position, byte[] buffer, int offset, int count) => _inner.Read(name, position, buffer, offset, count);

            public void Write(string name, byte[] buffer, int offset, int count)
            {
                Calls++;
                BytesWritten += count;
                _inner.Write(name, buffer, offset, count);
            }

            public void Append(string name, byte[] buffer, int offset, int count)
            {
                Calls++;
                BytesWritten += count;
                _inner.Append(name, buffer, offset, count);
            }

            public void Rename(string from, string to)
            {
                Calls++;
                _inner.Rename(from, to);
            }

            public void Delete(string name)
            {
                Calls++;
                _inner.Delete(name);
            }
        }
    }
}
