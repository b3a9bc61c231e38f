using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Crypto;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Tools.Benchmarks.Card
{
    /// <summary>
    /// KiWhi Pass card work on the host. The section measures time and allocation of the reader side of
    /// one authentication and of one full card read, frames on the air per read, and DES/3DES CBC
    /// throughput. Each measurement has a reference with the .NET runtime's DES/TripleDES in the same run.
    /// </summary>
    /// <remarks>
    /// The card side is replayed from a recorded exchange with fixed RndA and RndB, so the timings
    /// contain only the cabinet's work. The runtime gets two-key keys as K1‖K2‖K1, because on .NET
    /// 10.0.12 with OpenSSL 3.0.19 encryption with a 16-byte TripleDES key fails.
    /// </remarks>
    public sealed class CardSection : IBenchmarkSection
    {
        // A test key (the AN10922 example master key), never a production key.
        private static readonly byte[] MasterKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        private static readonly byte[] Uid = Convert.FromHexString("04782E21801D80");
        private static readonly byte[] DatasheetKey = Convert.FromHexString("49454D4B41455242214E4143554F5946");

        public string Name => "card";

        public string Description => "Ultralight C authentication and KiWhi Pass read; DES/3DES CBC vs the runtime's DES/TripleDES";

        public void Run(TextWriter output)
        {
            var rows = new List<string[]>
            {
                new[] { "operation", "ours ns", "runtime ns", "ratio", "ours B/op", "runtime B/op" },
            };

            WarmUpCipherCode();
            rows.Add(MeasureAuthentication());
            rows.Add(MeasureCardRead());
            foreach (int length in new[] { 16, 4096 })
            {
                rows.Add(MeasureCbc("3DES CBC encrypt " + length + " B", new TwoKeyTripleDes(), DatasheetKey, length));
                rows.Add(MeasureCbc("DES CBC encrypt " + length + " B", new SingleDes(), Convert.FromHexString("0123456789ABCDEF"), length));
            }

            PrintTable(output, rows);
            output.WriteLine("ratio = runtime time / our time (above 1: ours is faster). Reader-side work only: the card's answers are replayed.");
            output.WriteLine("runtime authentication = the same key setup and 4 block operations with a new System.Security.Cryptography.TripleDES per key;");
            output.WriteLine("runtime card read = the same, plus the AN10922 CMACs computed with the runtime's TripleDES in ECB mode.");
            PrintFrames(output);
        }

        /// <summary>
        /// Runs the DES code for one second before any timing. Each pair gets its own warm-up, but on a
        /// loaded machine the JIT's background thread may not have promoted the shared DES methods to
        /// optimized code by then, so the first row could be measured partly on unoptimized code.
        /// </summary>
        private static void WarmUpCipherCode()
        {
            var cipher = new TwoKeyTripleDes();
            var diversifier = new An10922KeyDiversifier(MasterKey, 0);
            byte[] input = new byte[KiWhiPassLayout.DiversificationInputLength];
            byte[] key = new byte[16];
            byte[] data = new byte[64];
            byte[] iv = new byte[8];
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            while (stopwatch.ElapsedMilliseconds < 1000)
            {
                cipher.SetKey(DatasheetKey, 0);
                cipher.EncryptCbc(iv, data, 0, data.Length, data, 0);
                cipher.DecryptCbc(iv, data, 0, data.Length, data, 0);
                diversifier.DiversifyKey(input, 0, input.Length, key, 0);
            }
        }

        private static string[] MeasureAuthentication()
        {
            ReplayTransceiver transceiver = ReplayTransceiver.RecordAuthentication(DatasheetKey);
            var authenticator = new UltralightCAuthenticator(transceiver, transceiver.RndASource);
            var reference = new RuntimeAuthentication(DatasheetKey, transceiver);
            UltralightCAuthResult result = UltralightCAuthResult.Authenticated;
            bool referenceAuthenticated = reference.Run();

            Measurement.RunPair(
                () =>
                {
                    transceiver.Rewind();
                    result = authenticator.Authenticate(DatasheetKey, 0);
                },
                () =>
                {
                    transceiver.Rewind();
                    reference.Run();
                },
                out Measurement ours,
                out Measurement runtime);

            string name = "authentication (2 frames)" + (result == UltralightCAuthResult.Authenticated ? "" : " FAILED: " + result)
                + (referenceAuthenticated ? "" : " REFERENCE FAILED");
            return Row(name, ours, runtime);
        }

        private static string[] MeasureCardRead()
        {
            ReplayTransceiver transceiver = ReplayTransceiver.RecordCardRead();
            var reader = new KiWhiPassReader(transceiver, transceiver.RndASource, MasterKey, 0, KiWhiIdTagRule.Uid);
            var result = new KiWhiPassReadResult();
            var identity = new CardIdentity();
            transceiver.TryDetectCard(identity);
            var reference = new RuntimeCardRead(transceiver);
            transceiver.Rewind();
            bool referenceAccepted = reference.Run();

            Measurement.RunPair(
                () =>
                {
                    transceiver.Rewind();
                    reader.Read(identity, result);
                },
                () =>
                {
                    transceiver.Rewind();
                    reference.Run();
                },
                out Measurement ours,
                out Measurement runtime);

            string name = "KiWhi Pass read (3 frames)" + (result.IsAccepted ? "" : " FAILED: " + result.Rejection)
                + (referenceAccepted ? "" : " REFERENCE FAILED");
            return Row(name, ours, runtime);
        }

        private static string[] MeasureCbc(string name, DesBlockCipher cipher, byte[] key, int length)
        {
            byte[] data = new byte[length];
            new Random(length).NextBytes(data);
            byte[] iv = new byte[8];
            byte[] output = new byte[length];
            cipher.SetKey(key, 0);

            using SymmetricAlgorithm runtime = key.Length == 8 ? DES.Create() : TripleDES.Create();
            runtime.Key = key.Length == 8 ? key : ThreeKeyForm(key);
            byte[] runtimeOutput = new byte[length];
            byte[] zeroIv = new byte[8];

            Measurement.RunPair(
                () =>
                {
                    Array.Clear(iv);
                    cipher.EncryptCbc(iv, data, 0, length, output, 0);
                },
                () => runtime.EncryptCbc(data, zeroIv, runtimeOutput, PaddingMode.None),
                out Measurement ours,
                out Measurement reference);

            bool same = output.AsSpan().SequenceEqual(runtimeOutput);
            string[] row = Row(name + (same ? "" : " OUTPUT DIFFERS"), ours, reference);
            row[0] += "  " + Format(ours.MegabytesPerSecond(length), "F1") + " vs " + Format(reference.MegabytesPerSecond(length), "F1") + " MB/s";
            return row;
        }

        private static void PrintFrames(TextWriter output)
        {
            var reader = new SimulatedCardReader();
            var card = new UltralightCCard(Uid);
            new KiWhiPassPersonalizer(reader, new SystemRandomSource(), MasterKey, 0).Personalize(Detect(reader, card), 1, 1, false);
            int personalizationFrames = card.FrameCount;

            reader.Remove();
            reader.ResetCounters();
            CardIdentity identity = Detect(reader, card);
            var result = new KiWhiPassReadResult();
            new KiWhiPassReader(reader, new SystemRandomSource(), MasterKey, 0, KiWhiIdTagRule.Uid).Read(identity, result);

            output.WriteLine(
                "frames per accepted read: " + reader.FrameCount + " on the air (WUPA, ANTICOLLISION and SELECT at 2 cascade levels, "
                + reader.TransceiveCount + " card commands, HLTA); protocol minimum for authenticated data: 5 activation frames + 3 commands "
                + "(AUTHENTICATE part 1 and 2, one READ of 16 bytes); accepted: " + (result.IsAccepted ? "yes" : "NO") + ".");
            output.WriteLine("card commands of one personalization of a blank card (no lock): " + personalizationFrames + ".");
        }

        private static CardIdentity Detect(SimulatedCardReader reader, SimulatedCard card)
        {
            reader.Present(card);
            var identity = new CardIdentity();
            reader.TryDetectCard(identity);
            return identity;
        }

        private static string[] Row(string name, Measurement ours, Measurement runtime)
        {
            return new[]
            {
                name,
                Format(ours.NanosecondsPerOperation, "F0"),
                Format(runtime.NanosecondsPerOperation, "F0"),
                Format(runtime.NanosecondsPerOperation / ours.NanosecondsPerOperation, "F2"),
                Format(ours.BytesAllocatedPerOperation, "F0"),
                Format(runtime.BytesAllocatedPerOperation, "F0"),
            };
        }

        private static byte[] ThreeKeyForm(byte[] twoKey)
        {
            byte[] key = new byte[24];
            Array.Copy(twoKey, 0, key, 0, 16);
            Array.Copy(twoKey, 0, key, 16, 8);
            return key;
        }

        private static string Format(double value, string format)
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }

        private static void PrintTable(TextWriter output, List<string[]> rows)
        {
            int columns = rows[0].Length;
            var widths = new int[columns];
            foreach (string[] row in rows)
            {
                for (int column = 0; column < columns; column++)
                {
                    widths[column] = Math.Max(widths[column], row[column].Length);
                }
            }

            foreach (string[] row in rows)
            {
                var line = new StringBuilder();
                for (int column = 0; column < columns; column++)
                {
                    line.Append(column == 0 ? row[column].PadRight(widths[column]) : "  " + row[column].PadLeft(widths[column]));
                }

                output.WriteLine(line.ToString());
            }
        }

        /// <summary>
        /// The reader-side work of one authentication written with the runtime's TripleDES: decrypt
        /// ek(RndB), encrypt the token, decrypt ek(RndA′), with a new instance for the key as a host
        /// implementation keyed per card would.
        /// </summary>
        private sealed class RuntimeAuthentication
        {
            private readonly byte[] _key;
            private readonly ReplayTransceiver _transceiver;
            private readonly byte[] _command = new byte[17];
            private readonly byte[] _response = new byte[16];
            private readonly byte[] _rndA = new byte[8];
            private readonly byte[] _token = new byte[16];

            public RuntimeAuthentication(byte[] key, ReplayTransceiver transceiver)
            {
                _key = ThreeKeyForm(key);
                _transceiver = transceiver;
            }

            public bool Run()
            {
                using TripleDES cipher = TripleDES.Create();
                cipher.Key = _key;
                return Authenticate(cipher, _transceiver, _command, _response, _rndA, _token);
            }

            internal static bool Authenticate(TripleDES cipher, ReplayTransceiver transceiver, byte[] command, byte[] response, byte[] rndA, byte[] token)
            {
                command[0] = 0x1A;
                command[1] = 0x00;
                transceiver.Transceive(command, 2, response, 5, true);
                byte[] encryptedRndB = response.AsSpan(1, 8).ToArray();
                byte[] rndB = cipher.DecryptCbc(encryptedRndB, new byte[8], PaddingMode.None);

                transceiver.RndASource.NextBytes(rndA, 0, 8);
                rndA.CopyTo(token, 0);
                for (int i = 0; i < 8; i++)
                {
                    token[8 + i] = rndB[(i + 1) % 8];
                }

                byte[] encryptedToken = cipher.EncryptCbc(token, encryptedRndB, PaddingMode.None);
                command[0] = 0xAF;
                encryptedToken.CopyTo(command, 1);
                transceiver.Transceive(command, 17, response, 5, true);
                byte[] rndAPrime = cipher.DecryptCbc(response.AsSpan(1, 8).ToArray(), encryptedToken.AsSpan(8, 8).ToArray(), PaddingMode.None);
                for (int i = 0; i < 8; i++)
                {
                    if (rndAPrime[i] != rndA[(i + 1) % 8])
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The work of one KiWhi Pass read with the runtime's TripleDES: AN10922 diversification (as CMAC in ECB), authentication, READ.</summary>
        private sealed class RuntimeCardRead
        {
            private readonly ReplayTransceiver _transceiver;
            private readonly TripleDES _master = TripleDES.Create();
            private readonly byte[] _command = new byte[17];
            private readonly byte[] _response = new byte[32];
            private readonly byte[] _rndA = new byte[8];
            private readonly byte[] _token = new byte[16];

            public RuntimeCardRead(ReplayTransceiver transceiver)
            {
                _transceiver = transceiver;
                _master.Key = ThreeKeyForm(MasterKey);
            }

            public bool Run()
            {
                byte[] key = new byte[16];
                byte[] input = new byte[KiWhiPassLayout.DiversificationInputLength];
                KiWhiPassLayout.WriteDiversificationInput(Uid, 0, input, 0);
                RuntimeCmac(0x21, input).CopyTo(key, 0);
                RuntimeCmac(0x22, input).CopyTo(key, 8);

                using TripleDES cipher = TripleDES.Create();
                cipher.Key = ThreeKeyForm(key);
                if (!RuntimeAuthentication.Authenticate(cipher, _transceiver, _command, _response, _rndA, _token))
                {
                    return false;
                }

                _command[0] = 0x30;
                _command[1] = 0x04;
                _transceiver.Transceive(_command, 2, _response, 5, true);
                bool valid = KiWhiPassLayout.Decode(_response, 0, out uint _, out uint _) == KiWhiPassRejection.None;
                return valid && Convert.ToHexString(Uid).Length == 14;
            }

            private byte[] RuntimeCmac(byte constant, byte[] input)
            {
                byte[] l = _master.EncryptEcb(new byte[8], PaddingMode.None);
                byte[] k1 = Double(l);
                byte[] k2 = Double(k1);
                byte[] data = new byte[16];
                data[0] = constant;
                input.CopyTo(data, 1);
                bool padded = input.Length + 1 < 16;
                if (padded)
                {
                    data[input.Length + 1] = 0x80;
                }

                byte[] subkey = padded ? k2 : k1;
                for (int i = 0; i < 8; i++)
                {
                    data[8 + i] ^= subkey[i];
                }

                byte[] cbc = _master.EncryptCbc(data, new byte[8], PaddingMode.None);
                return cbc.AsSpan(8, 8).ToArray();
            }

            private static byte[] Double(byte[] value)
            {
                byte[] result = new byte[8];
                for (int i = 0; i < 7; i++)
                {
                    result[i] = (byte)((value[i] << 1) | (value[i + 1] >> 7));
                }

                result[7] = (byte)(value[7] << 1);
                if ((value[0] & 0x80) != 0)
                {
                    result[7] ^= 0x1B;
                }

                return result;
            }
        }

        /// <summary>
        /// Returns, for each frame, the response a simulated Ultralight C gave to the same frame, recorded
        /// once with fixed RndA and RndB. Allocates nothing per frame.
        /// </summary>
        private sealed class ReplayTransceiver : ICardTransceiver
        {
            private readonly byte[][] _answers;
            private readonly CardIdentity _identity;
            private int _next;

            private ReplayTransceiver(byte[][] answers, CardIdentity identity, IRandomSource rndASource)
            {
                _answers = answers;
                _identity = identity;
                RndASource = rndASource;
            }

            public IRandomSource RndASource { get; }

            public static ReplayTransceiver RecordAuthentication(byte[] key)
            {
                var reader = new SimulatedCardReader();
                var card = new UltralightCCard(Uid, new FixedBytes(0x51));
                card.ProgramKey(key);
                CardIdentity identity = Detect(reader, card);
                var rndA = new FixedBytes(0xA8);
                new UltralightCAuthenticator(reader, rndA).Authenticate(key, 0);
                return new ReplayTransceiver(Answers(card), identity, rndA);
            }

            public static ReplayTransceiver RecordCardRead()
            {
                var reader = new SimulatedCardReader();
                var card = new UltralightCCard(Uid, new FixedBytes(0x51));
                new KiWhiPassPersonalizer(reader, new SystemRandomSource(), MasterKey, 0).Personalize(Detect(reader, card), 1, 1, false);
                int before = card.RecordedResponses.Count;

                reader.Remove();
                CardIdentity identity = Detect(reader, card);
                var rndA = new FixedBytes(0xA8);
                new KiWhiPassReader(reader, rndA, MasterKey, 0, KiWhiIdTagRule.Uid).Read(identity, new KiWhiPassReadResult());
                IReadOnlyList<byte[]> all = card.RecordedResponses;
                var answers = new byte[all.Count - before][];
                for (int i = 0; i < answers.Length; i++)
                {
                    answers[i] = all[before + i];
                }

                return new ReplayTransceiver(answers, identity, rndA);
            }

            public void Rewind()
            {
                _next = 0;
            }

            public bool TryDetectCard(CardIdentity card)
            {
                card.CopyFrom(_identity);
                return true;
            }

            public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
            {
                byte[] answer = _answers[_next++];
                Array.Copy(answer, response, answer.Length);
                return answer.Length;
            }

            public void Halt()
            {
            }

            private static byte[][] Answers(UltralightCCard card)
            {
                IReadOnlyList<byte[]> recorded = card.RecordedResponses;
                var answers = new byte[recorded.Count][];
                for (int i = 0; i < answers.Length; i++)
                {
                    answers[i] = recorded[i];
                }

                return answers;
            }
        }

        /// <summary>Fills every request with one byte value, which makes RndA and RndB repeatable.</summary>
        private sealed class FixedBytes : IRandomSource
        {
            private readonly byte _value;

            public FixedBytes(byte value)
            {
                _value = value;
            }

            public void NextBytes(byte[] buffer, int offset, int count)
            {
                buffer.AsSpan(offset, count).Fill(_value);
            }
        }
    }
}
