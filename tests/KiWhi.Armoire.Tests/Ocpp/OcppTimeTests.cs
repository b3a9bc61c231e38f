using System.Globalization;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>OCPP dateTime text: the writer's fixed UTC form and the RFC 3339 parser.</summary>
    public class OcppTimeTests
    {
        // nanoFramework CoreLibrary's DateTime range, which the parser clamps to.
        private static readonly DateTime NanoMinimum = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime NanoMaximum = new DateTime(3001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);

        [Theory]
        [InlineData(2024, 2, 29, 23, 59, 59, 999, "2024-02-29T23:59:59.999Z")]
        [InlineData(1601, 1, 1, 0, 0, 0, 0, "1601-01-01T00:00:00.000Z")]
        [InlineData(2000, 1, 2, 3, 4, 5, 6, "2000-01-02T03:04:05.006Z")]
        public void FormatWritesMillisecondsAndZ(int year, int month, int day, int hour, int minute, int second, int millisecond, string expected)
        {
            var time = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);
            var chars = new char[OcppTime.FormattedLength];

            int length = OcppTime.Format(time, chars, 0);

            Assert.Equal(OcppTime.FormattedLength, length);
            Assert.Equal(expected, new string(chars));
        }

        [Fact]
        public void FormatTruncatesBelowMilliseconds()
        {
            var chars = new char[OcppTime.FormattedLength];

            OcppTime.Format(NanoMaximum, chars, 0);

            Assert.Equal("3000-12-31T23:59:59.999Z", new string(chars));
        }

        [Fact]
        public void FormatWritesAtOffset()
        {
            var chars = new char[OcppTime.FormattedLength + 3];
            chars[0] = 'a';
            chars[1] = 'b';
            chars[2] = 'c';

            OcppTime.Format(new DateTime(2021, 6, 7, 8, 9, 10, DateTimeKind.Utc), chars, 3);

            Assert.Equal("abc2021-06-07T08:09:10.000Z", new string(chars));
        }

        [Fact]
        public void FormatRejectsShortDestination()
        {
            var chars = new char[OcppTime.FormattedLength];

            Assert.Throws<ArgumentOutOfRangeException>(() => OcppTime.Format(DateTime.UtcNow, chars, 1));
        }

        [Fact]
        public void FormatMatchesDotNetFormatting()
        {
            var random = new Random(1601);
            var chars = new char[OcppTime.FormattedLength];
            long span = NanoMaximum.Ticks - NanoMinimum.Ticks;

            for (int i = 0; i < 2000; i++)
            {
                var time = new DateTime(NanoMinimum.Ticks + random.NextInt64(span), DateTimeKind.Utc);

                OcppTime.Format(time, chars, 0);

                string expected = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
                Assert.Equal(expected, new string(chars));
            }
        }

        [Fact]
        public void WriteValueIsAJsonString()
        {
            var time = new DateTime(2019, 11, 30, 12, 0, 1, 500, DateTimeKind.Utc);

            string json = OcppJson.Write(writer => OcppTime.WriteValue(writer, time));

            Assert.Equal("\"2019-11-30T12:00:01.500Z\"", json);
        }

        // Examples of RFC 3339 section 5.8, with their UTC instants.
        [Theory]
        [InlineData("1985-04-12T23:20:50.52Z", "1985-04-12T23:20:50.5200000")]
        [InlineData("1996-12-19T16:39:57-08:00", "1996-12-20T00:39:57.0000000")]
        [InlineData("1990-12-31T23:59:60Z", "1991-01-01T00:00:00.0000000")]
        [InlineData("1990-12-31T15:59:60-08:00", "1991-01-01T00:00:00.0000000")]
        [InlineData("1937-01-01T12:00:27.87+00:20", "1937-01-01T11:40:27.8700000")]
        public void ParseReadsRfc3339Examples(string text, string expectedUtc)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(expectedUtc, time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
            Assert.Equal(DateTimeKind.Utc, time.Kind);
        }

        [Theory]
        [InlineData("2024-01-01T00:00:00.1234567Z", 1234567)]
        [InlineData("2024-01-01T00:00:00.123456789Z", 1234567)]
        [InlineData("2024-01-01T00:00:00.5Z", 5000000)]
        [InlineData("2024-01-01T00:00:00Z", 0)]
        [InlineData("2024-01-01T00:00:00.0000001Z", 1)]
        public void ParseKeepsSevenFractionDigits(string text, long expectedTicksInSecond)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(expectedTicksInSecond, time.Ticks % TimeSpan.TicksPerSecond);
        }

        [Theory]
        [InlineData("2024-01-01t12:00:00z")]
        [InlineData("2024-01-01T12:00:00+00:00")]
        [InlineData("2024-01-01T12:00:00-00:00")]
        [InlineData("2024-01-01T13:30:00+01:30")]
        [InlineData("2024-01-01T00:00:00-12:00")]
        public void ParseAppliesOffsetsAndCase(string text)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc), time);
        }

        // Forms outside RFC 3339 that ajv-formats 2.1.1 (used by ocpp-rpc) accepts.
        [Theory]
        [InlineData("2024-01-01 12:00:00Z")]
        [InlineData("2024-01-01T13:30:00+0130")]
        [InlineData("2024-01-01T10:00:00-02")]
        [InlineData("2024-01-01 14:00:00.000+02")]
        public void ParseAcceptsAjvLenientForms(string text)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc), time);
        }

        [Fact]
        public void ParseMatchesDateTimeOffset()
        {
            var random = new Random(3339);
            for (int i = 0; i < 5000; i++)
            {
                int year = random.Next(1700, 2900);
                int month = random.Next(1, 13);
                int day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
                int fractionDigits = random.Next(0, 8);
                string fraction = fractionDigits == 0 ? string.Empty : "." + RandomDigits(random, fractionDigits);
                int offsetMinutes = random.Next(-14 * 60, 14 * 60 + 1);
                string offset = offsetMinutes == 0 && random.Next(2) == 0
                    ? "Z"
                    : (offsetMinutes < 0 ? "-" : "+") + (Math.Abs(offsetMinutes) / 60).ToString("00") + ":" + (Math.Abs(offsetMinutes) % 60).ToString("00");
                string text = year.ToString("0000") + "-" + month.ToString("00") + "-" + day.ToString("00")
                    + "T" + random.Next(24).ToString("00") + ":" + random.Next(60).ToString("00") + ":" + random.Next(60).ToString("00")
                    + fraction + offset;

                DateTime expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;

                Assert.True(OcppTime.TryParse(text, out DateTime time), text);
                Assert.Equal(expected, time);
            }
        }

        [Theory]
        [InlineData("9999-12-31T23:59:59Z")]
        [InlineData("3001-01-01T00:00:00Z")]
        [InlineData("3000-12-31T23:59:59-01:00")]
        public void ParseClampsFarFutureToNanoMaximum(string text)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(NanoMaximum, time);
        }

        [Theory]
        [InlineData("0000-01-01T00:00:00Z")]
        [InlineData("0001-01-01T00:00:00Z")]
        [InlineData("1601-01-01T00:00:00+00:01")]
        public void ParseClampsDistantPastToNanoMinimum(string text)
        {
            Assert.True(OcppTime.TryParse(text, out DateTime time));
            Assert.Equal(NanoMinimum, time);
        }

        [Theory]
        [InlineData("")]
        [InlineData("garbage")]
        [InlineData("2024-01-01")]
        [InlineData("2024-01-01T00:00:00")]
        [InlineData("2024-01-01T00:00Z")]
        [InlineData("2024-1-01T00:00:00Z")]
        [InlineData("+2024-01-01T00:00:00Z")]
        [InlineData("24-01-01T00:00:00Z")]
        [InlineData("2024-13-01T00:00:00Z")]
        [InlineData("2024-00-01T00:00:00Z")]
        [InlineData("2024-01-00T00:00:00Z")]
        [InlineData("2024-02-30T00:00:00Z")]
        [InlineData("2023-02-29T00:00:00Z")]
        [InlineData("1900-02-29T00:00:00Z")]
        [InlineData("2024-04-31T00:00:00Z")]
        [InlineData("2024-01-01T24:00:00Z")]
        [InlineData("2024-01-01T00:60:00Z")]
        [InlineData("2024-01-01T00:00:61Z")]
        [InlineData("2024-01-01T00:00:00.Z")]
        [InlineData("2024-01-01T00:00:00,5Z")]
        [InlineData("2024-01-01T00:00:00.5")]
        [InlineData("2024-01-01\t00:00:00Z")]
        [InlineData("2024-01-01T00:00:00+1")]
        [InlineData("2024-01-01T00:00:00+010")]
        [InlineData("2024-01-01T00:00:00+01:0")]
        [InlineData("2024-01-01T00:00:00+01:00:00")]
        [InlineData("2024-01-01T00:00:00+2400")]
        [InlineData("2024-01-01T00:00:00+24:00")]
        [InlineData("2024-01-01T00:00:00+01:60")]
        [InlineData("2024-01-01T00:00:00ZZ")]
        [InlineData("2024-01-01T00:00:00Z ")]
        [InlineData(" 2024-01-01T00:00:00Z")]
        [InlineData("2024-01-01T00:00:00UTC")]
        [InlineData("2024-01-01T00:00:00.12a4Z")]
        [InlineData("\uFF12\uFF10\uFF12\uFF14-01-01T00:00:00Z")]
        [InlineData("2024-01-01T00:00:00\u0000")]
        public void ParseRejectsGarbage(string text)
        {
            Assert.False(OcppTime.TryParse(text, out _), text);
        }

        [Fact]
        public void ParseRejectsNull()
        {
            Assert.False(OcppTime.TryParse(null, out _));
        }

        [Fact]
        public void ParseReadsWhatFormatWrites()
        {
            var random = new Random(24);
            var chars = new char[OcppTime.FormattedLength];
            long span = NanoMaximum.Ticks - NanoMinimum.Ticks;

            for (int i = 0; i < 2000; i++)
            {
                var time = new DateTime(NanoMinimum.Ticks + random.NextInt64(span), DateTimeKind.Utc);
                OcppTime.Format(time, chars, 0);

                Assert.True(OcppTime.TryParse(new string(chars), out DateTime parsed));
                Assert.Equal(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), parsed.Ticks);
            }
        }

        private static string RandomDigits(Random random, int count)
        {
            var digits = new char[count];
            for (int i = 0; i < count; i++)
            {
                digits[i] = (char)('0' + random.Next(10));
            }

            return new string(digits);
        }
    }
}
