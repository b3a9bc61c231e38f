using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Tools.Benchmarks.Codec
{
    /// <summary>
    /// JsonReader and JsonWriter against System.Text.Json's Utf8JsonReader and Utf8JsonWriter on the
    /// frames of <see cref="OcppFrames"/>: throughput, the ratio of the two, and bytes allocated per frame.
    /// </summary>
    public sealed class CodecSection : IBenchmarkSection
    {
        private const int MaxDepth = 16;
        private const int WriterCapacityBytes = 4096;

        public string Name => "codec";

        public string Description => "JsonReader/JsonWriter vs System.Text.Json Utf8JsonReader/Utf8JsonWriter on OCPP 1.6J frames";

        public void Run(TextWriter output)
        {
            var rows = new string[OcppFrames.All.Length + 1][];
            rows[0] = new[]
            {
                "frame", "bytes", "read MB/s", "STJ MB/s", "ratio", "write MB/s", "STJ MB/s", "ratio",
                "read B/frame", "STJ B", "write B/frame", "STJ B", "same bytes",
            };

            var benches = new FrameBench[OcppFrames.All.Length];
            for (int i = 0; i < benches.Length; i++)
            {
                benches[i] = new FrameBench(OcppFrames.All[i][1]);
            }

            // Run every operation before timing any, so that no method is still waiting for the JIT's
            // optimized tier when the first frame is timed.
            foreach (FrameBench bench in benches)
            {
                Measurement.WarmUp(bench.Read);
                Measurement.WarmUp(bench.ReferenceRead);
                Measurement.WarmUp(bench.Write);
                Measurement.WarmUp(bench.ReferenceWrite);
            }

            double readRatioLogSum = 0;
            double writeRatioLogSum = 0;
            double maxAllocatedBytes = 0;

            for (int i = 0; i < OcppFrames.All.Length; i++)
            {
                FrameResult result = benches[i].Measure();
                double readRatio = result.Read.MegabytesPerSecond(result.Bytes) / result.ReferenceRead.MegabytesPerSecond(result.Bytes);
                double writeRatio = result.Write.MegabytesPerSecond(result.Bytes) / result.ReferenceWrite.MegabytesPerSecond(result.Bytes);
                readRatioLogSum += Math.Log(readRatio);
                writeRatioLogSum += Math.Log(writeRatio);
                maxAllocatedBytes = Math.Max(maxAllocatedBytes, Math.Max(result.Read.BytesAllocatedPerOperation, result.Write.BytesAllocatedPerOperation));

                rows[i + 1] = new[]
                {
                    OcppFrames.All[i][0],
                    result.Bytes.ToString(CultureInfo.InvariantCulture),
                    Format(result.Read.MegabytesPerSecond(result.Bytes), "F0"),
                    Format(result.ReferenceRead.MegabytesPerSecond(result.Bytes), "F0"),
                    Format(readRatio, "F2"),
                    Format(result.Write.MegabytesPerSecond(result.Bytes), "F0"),
                    Format(result.ReferenceWrite.MegabytesPerSecond(result.Bytes), "F0"),
                    Format(writeRatio, "F2"),
                    Format(result.Read.BytesAllocatedPerOperation, "F0"),
                    Format(result.ReferenceRead.BytesAllocatedPerOperation, "F0"),
                    Format(result.Write.BytesAllocatedPerOperation, "F0"),
                    Format(result.ReferenceWrite.BytesAllocatedPerOperation, "F0"),
                    result.SameOutput ? "yes" : "NO",
                };
            }

            PrintTable(output, rows);
            output.WriteLine("ratio = throughput of ours / throughput of System.Text.Json (above 1: ours is faster); MB = 10^6 bytes;");
            output.WriteLine("reads call Read() over every token and nothing else; writes replay the frame's recorded tokens into a reused buffer.");
            output.WriteLine(
                "codec summary: geometric mean ratio read " + Format(Math.Exp(readRatioLogSum / OcppFrames.All.Length), "F2")
                + ", write " + Format(Math.Exp(writeRatioLogSum / OcppFrames.All.Length), "F2")
                + "; at most " + Format(maxAllocatedBytes, "F0") + " bytes allocated per frame by JsonReader/JsonWriter over "
                + OcppFrames.All.Length + " frames.");
        }

        /// <summary>The four timed operations on one frame, with the reader, writers and buffers they reuse.</summary>
        private sealed class FrameBench
        {
            private readonly byte[] _frame;
            private readonly bool _sameOutput;

            public FrameBench(string frameText)
            {
                _frame = Encoding.UTF8.GetBytes(frameText);
                TokenSequence tokens = TokenSequence.Record(_frame);

                var reader = new JsonReader(MaxDepth);
                var writer = new JsonWriter(WriterCapacityBytes, MaxDepth);
                var referenceBuffer = new ArrayBufferWriter<byte>(WriterCapacityBytes);

                // Relaxed escaping writes non-ASCII as UTF-8, as JsonWriter does, so both outputs can be compared.
                var referenceWriter = new Utf8JsonWriter(
                    referenceBuffer,
                    new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth });

                byte[] frame = _frame;
                Read = () =>
                {
                    reader.Reset(frame, 0, frame.Length);
                    while (reader.Read())
                    {
                    }
                };

                ReferenceRead = () =>
                {
                    var referenceReader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = MaxDepth });
                    while (referenceReader.Read())
                    {
                    }
                };

                Write = () => tokens.WriteTo(writer);

                ReferenceWrite = () =>
                {
                    referenceBuffer.ResetWrittenCount();
                    referenceWriter.Reset(referenceBuffer);
                    tokens.WriteTo(referenceWriter);
                };

                Write();
                ReferenceWrite();
                _sameOutput = referenceBuffer.WrittenSpan.SequenceEqual(writer.Buffer.AsSpan(0, writer.Length));
            }

            public Action Read { get; }

            public Action ReferenceRead { get; }

            public Action Write { get; }

            public Action ReferenceWrite { get; }

            public FrameResult Measure()
            {
                var result = new FrameResult { Bytes = _frame.Length, SameOutput = _sameOutput };
                Measurement.RunPair(Read, ReferenceRead, out Measurement readResult, out Measurement referenceReadResult);
                Measurement.RunPair(Write, ReferenceWrite, out Measurement writeResult, out Measurement referenceWriteResult);
                result.Read = readResult;
                result.ReferenceRead = referenceReadResult;
                result.Write = writeResult;
                result.ReferenceWrite = referenceWriteResult;
                return result;
            }
        }

        private static string Format(double value, string format)
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }

        /// <summary>Prints rows with the first column left-aligned and the others right-aligned.</summary>
        private static void PrintTable(TextWriter output, string[][] rows)
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

        private sealed class FrameResult
        {
            public int Bytes { get; set; }

            public Measurement Read { get; set; }

            public Measurement ReferenceRead { get; set; }

            public Measurement Write { get; set; }

            public Measurement ReferenceWrite { get; set; }

            public bool SameOutput { get; set; }
        }
    }
}
