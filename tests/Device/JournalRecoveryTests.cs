using System.Collections;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Protocol.Ocpp;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Recovery of the transaction journal from the platform's real file system: the internal flash
    /// (drive I:) on a board, a temporary folder on the host. Each test writes sessions with one journal
    /// instance, changes the files through the storage as a power cut or a flash fault would, and
    /// recovers them with a new instance, as the cabinet does at boot. The host tests
    /// (tests/KiWhi.Armoire.Tests/Journal) cover every cut point on a simulated flash.
    /// </summary>
    [TestClass]
    public class JournalRecoveryTests
    {
        private const string Uid7 = "04A1B2C3D4E580";
        private const int BayCount = 4;
        private const int SegmentBytes = TransactionJournal.MinimumSegmentBytes;
        private const int SegmentCount = 4;

        // RecordLog names segment files prefix + two-digit slot + ".jnl", and a fresh journal writes slot 0.
        private const string FirstSegment = TransactionJournal.FilePrefix + "00.jnl";

        // RecordLog frame: payload length (1 byte), type (1), sequence number (4), payload, CRC-32 (4).
        private const int FrameHeaderBytes = 6;

        // Static because the launcher invokes test methods without an instance of the class.
        private static TestFileStorage _storage;
        private static RecordingLogSink _log;

        [Setup]
        public void CreateStorage()
        {
            _storage = TestPlatform.CreateStorage("journal");
        }

        [Cleanup]
        public void DeleteStorage()
        {
            if (_storage == null)
            {
                return;
            }

            DeleteSegmentFiles();
            TestPlatform.DeleteStorage(_storage);
            _storage = null;
        }

        [TestMethod]
        public void SessionsSurviveReopen()
        {
            TransactionJournal journal = OpenEmptyJournal();
            Assert.IsTrue(Start(journal, 1, 2, Uid7, 5000));
            Assert.IsTrue(MeterValues(journal, 1, 2, 5120));
            Assert.IsTrue(Stop(journal, 1, 2, 5250));
            Assert.IsTrue(Start(journal, 2, 3, "D4E58001", 700));

            TransactionJournal recovered = OpenJournal();

            Assert.IsTrue(recovered.IsOpen);
            Assert.AreEqual(0, recovered.Records.DroppedAtRecovery);
            Assert.AreEqual(2, recovered.BootNumber);
            Assert.IsTrue(recovered.GetBay(3).HasSession);
            Assert.AreEqual(2, recovered.GetBay(3).SessionId);
            Assert.AreEqual("D4E58001", recovered.GetBay(3).IdTag);
            Assert.IsFalse(recovered.GetBay(2).HasSession);
            Assert.AreEqual(3, recovered.AllocateSessionId());
            CollectionAssert.AreEqual(
                new string[]
                {
                    "StartTransaction s1 c2 " + Uid7 + " 5000Wh",
                    "MeterValues s1 c2 - 5120Wh",
                    "StopTransaction s1 c2 " + Uid7 + " 5250Wh",
                    "StartTransaction s2 c3 D4E58001 700Wh",
                },
                Drain(recovered));
        }

        // A power cut during an append leaves the last record short: it is dropped, the records before
        // it survive, and the next record goes to a new segment instead of following the tear.
        [TestMethod]
        public void TruncatedLastRecordIsDropped()
        {
            TransactionJournal journal = OpenJournalWithOneSession();
            byte[] segment = ReadFile(FirstSegment);
            _storage.Write(FirstSegment, segment, 0, segment.Length - 5);

            TransactionJournal recovered = OpenJournal();
            Assert.IsTrue(Stop(recovered, 1, 1, 300));
            TransactionJournal again = OpenJournal();

            Assert.AreEqual(1, recovered.Records.DroppedAtRecovery);
            Assert.IsTrue(_log.Contains("dropped"), _log.ToString());
            CollectionAssert.AreEqual(
                new string[]
                {
                    "StartTransaction s1 c1 " + Uid7 + " 100Wh",
                    "MeterValues s1 c1 - 150Wh",
                    "StopTransaction s1 c1 " + Uid7 + " 300Wh",
                },
                Drain(again));
        }

        // Bytes after the last complete record (a frame cut before its CRC, or flash noise) are
        // dropped, and every complete record survives.
        [TestMethod]
        public void GarbageAfterLastRecordIsDropped()
        {
            TransactionJournal journal = OpenJournalWithOneSession();
            byte[] garbage = HexText.Parse("A55AC33C0FF0966900FF7E81E718DB24");
            _storage.Append(FirstSegment, garbage, 0, garbage.Length);

            TransactionJournal recovered = OpenJournal();

            Assert.IsTrue(recovered.IsOpen);
            Assert.AreEqual(1, recovered.Records.DroppedAtRecovery);
            CollectionAssert.AreEqual(
                new string[]
                {
                    "StartTransaction s1 c1 " + Uid7 + " 100Wh",
                    "MeterValues s1 c1 - 150Wh",
                    "MeterValues s1 c1 - 200Wh",
                },
                Drain(recovered));
        }

        // A byte flipped inside a record fails its CRC-32. Recovery cannot trust what follows in that
        // segment, so the record and the rest of the segment are dropped. The records before it survive,
        // and the journal stays usable.
        [TestMethod]
        public void FlippedByteInMiddleRecordIsRejected()
        {
            TransactionJournal journal = OpenJournalWithOneSession();
            Assert.IsTrue(Stop(journal, 1, 1, 250));
            byte[] segment = ReadFile(FirstSegment);
            int frame = FindFrame(segment, RecordType.MeterValues);
            Assert.IsTrue(frame > 0, "no MeterValues record in " + FirstSegment);
            segment[frame + FrameHeaderBytes + 1] ^= 0xFF;
            _storage.Write(FirstSegment, segment, 0, segment.Length);

            TransactionJournal recovered = OpenJournal();

            Assert.IsTrue(recovered.IsOpen);
            Assert.AreEqual(1, recovered.Records.DroppedAtRecovery);
            Assert.IsTrue(_log.Contains("CRC mismatch"), _log.ToString());
            Assert.IsTrue(recovered.GetBay(1).HasSession);
            Assert.IsTrue(Stop(recovered, 1, 1, 260));
            TransactionJournal again = OpenJournal();
            CollectionAssert.AreEqual(
                new string[]
                {
                    "StartTransaction s1 c1 " + Uid7 + " 100Wh",
                    "StopTransaction s1 c1 " + Uid7 + " 260Wh",
                },
                Drain(again));
        }

        /// <summary>Opens an empty journal and writes session 1 on bay 1: its start at 100 Wh and two meter values.</summary>
        private static TransactionJournal OpenJournalWithOneSession()
        {
            TransactionJournal journal = OpenEmptyJournal();
            Assert.IsTrue(Start(journal, 1, 1, Uid7, 100));
            Assert.IsTrue(MeterValues(journal, 1, 1, 150));
            Assert.IsTrue(MeterValues(journal, 1, 1, 200));
            return journal;
        }

        /// <summary>Deletes the segment files left by an earlier test or an interrupted run, then opens a journal.</summary>
        private static TransactionJournal OpenEmptyJournal()
        {
            DeleteSegmentFiles();
            return OpenJournal();
        }

        /// <summary>Opens a new journal instance on the test storage, as the cabinet does at boot, with a fresh log.</summary>
        private static TransactionJournal OpenJournal()
        {
            _log = new RecordingLogSink();
            TestClock clock = new TestClock(1000);
            TransactionJournal journal = new TransactionJournal(_storage, clock, new Logger(_log, clock), BayCount, SegmentBytes, SegmentCount);
            journal.Open();
            return journal;
        }

        private static void DeleteSegmentFiles()
        {
            for (int slot = 0; slot < RecordLog.MaxSlots; slot++)
            {
                _storage.Delete(TransactionJournal.FilePrefix + (slot < 10 ? "0" : string.Empty) + slot.ToString() + ".jnl");
            }
        }

        private static bool Start(TransactionJournal journal, int sessionId, int connectorId, string idTag, long meterWh)
        {
            TransactionMessage message = journal.Queue.Prepare(TransactionMessageKind.StartTransaction);
            message.SessionId = sessionId;
            message.ConnectorId = connectorId;
            message.IdTag = idTag;
            message.MeterWh = meterWh;
            return journal.Queue.Enqueue(message);
        }

        private static bool MeterValues(TransactionJournal journal, int sessionId, int connectorId, long registerWh)
        {
            TransactionMessage message = journal.Queue.Prepare(TransactionMessageKind.MeterValues);
            message.SessionId = sessionId;
            message.ConnectorId = connectorId;
            message.MeterWh = registerWh;
            return journal.Queue.Enqueue(message);
        }

        private static bool Stop(TransactionJournal journal, int sessionId, int connectorId, long meterStopWh)
        {
            TransactionMessage message = journal.Queue.Prepare(TransactionMessageKind.StopTransaction);
            message.SessionId = sessionId;
            message.ConnectorId = connectorId;
            message.MeterWh = meterStopWh;
            message.Reason = Reason.Local;
            return journal.Queue.Enqueue(message);
        }

        /// <summary>
        /// Confirms every queued message in order, as the central system would, and returns their
        /// descriptions: kind, session, connector, idTag ("-" when none) and meter register.
        /// </summary>
        private static ArrayList Drain(TransactionJournal journal)
        {
            ArrayList descriptions = new ArrayList();
            int remaining = journal.Queue.Count;
            while (remaining-- > 0)
            {
                TransactionMessage head = journal.Queue.Peek();
                if (head == null)
                {
                    break;
                }

                descriptions.Add(KindName(head.Kind) + " s" + head.SessionId.ToString() + " c" + head.ConnectorId.ToString() + " "
                    + (head.IdTag == null ? "-" : head.IdTag) + " " + head.MeterWh.ToString() + "Wh");
                if (head.Kind == TransactionMessageKind.StartTransaction)
                {
                    journal.Queue.AcknowledgeStart(1000 + head.SessionId);
                }
                else
                {
                    journal.Queue.RemoveHead(true);
                }
            }

            return descriptions;
        }

        private static string KindName(TransactionMessageKind kind)
        {
            switch (kind)
            {
                case TransactionMessageKind.StartTransaction:
                    return "StartTransaction";
                case TransactionMessageKind.MeterValues:
                    return "MeterValues";
                case TransactionMessageKind.StopTransaction:
                    return "StopTransaction";
                default:
                    return "kind " + ((int)kind).ToString();
            }
        }

        private static byte[] ReadFile(string name)
        {
            int length = _storage.GetLength(name);
            Assert.IsTrue(length > 0, name + " is missing or empty");
            byte[] content = new byte[length];
            Assert.AreEqual(length, _storage.Read(name, 0, content, 0, length), "bytes read from " + name);
            return content;
        }

        /// <summary>Returns the offset of the first frame of <paramref name="type"/> in a segment file, or -1.</summary>
        private static int FindFrame(byte[] segment, RecordType type)
        {
            int offset = 0;
            while (offset + RecordLog.FrameOverheadBytes <= segment.Length)
            {
                if (segment[offset + 1] == (byte)type)
                {
                    return offset;
                }

                offset += segment[offset] + RecordLog.FrameOverheadBytes;
            }

            return -1;
        }
    }
}
