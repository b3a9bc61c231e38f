using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>
/// Number conversions against the .NET runtime: JsonReader.TryGetDouble against double.Parse, and
/// JsonWriter.WriteNumberValue(double) against double.Parse and the shortest "R" digits.
/// </summary>
public class JsonNumberTests
{
    private static readonly JsonReader Reader = new JsonReader(1);

    [Fact]
    public void PowerOf10TableMatchesBigInteger()
    {
        Type parser = typeof(JsonReader).Assembly.GetType("KiWhi.Armoire.Protocol.Json.JsonNumberParser", throwOnError: true)!;
        MethodInfo getMantissa = parser.GetMethod("GetPowerMantissa", BindingFlags.NonPublic | BindingFlags.Static)!;
        MethodInfo getExponent = parser.GetMethod("GetPowerExponent", BindingFlags.NonPublic | BindingFlags.Static)!;

        for (int i = 0; i < 9; i++)
        {
            int power = 1 << i;
            foreach (bool negative in new[] { false, true })
            {
                ulong mantissa = (ulong)getMantissa.Invoke(null, new object[] { i, negative })!;
                int exponent = (int)getExponent.Invoke(null, new object[] { i, negative })!;

                // Rounded to nearest: |mantissa * 2^exponent - 10^power10| <= 2^exponent / 2. Both sides
                // are multiplied by 2 * 2^max(-exponent, 0) * 10^max(-power10, 0) to stay in integers.
                int power10 = negative ? -power : power;
                BigInteger twoScale = BigInteger.Pow(2, Math.Max(exponent, 0));
                BigInteger twoInverse = BigInteger.Pow(2, Math.Max(-exponent, 0));
                BigInteger tenScale = BigInteger.Pow(10, Math.Max(power10, 0));
                BigInteger tenInverse = BigInteger.Pow(10, Math.Max(-power10, 0));
                BigInteger value = 2 * new BigInteger(mantissa) * twoScale * tenInverse;
                BigInteger target = 2 * tenScale * twoInverse;
                BigInteger unit = twoScale * tenInverse;

                Assert.True(mantissa >= 1UL << 63, "10^" + power10 + " is not normalized");
                Assert.True(BigInteger.Abs(value - target) <= unit, "10^" + power10 + " is not rounded to nearest");
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.1")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("9007199254740993")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("2.4703282292062328e-324")]
    [InlineData("2.4703282292062327e-324")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623158e308")]
    [InlineData("123456789012345678901234567890e-30")]
    [InlineData("0.000000000000000000000000000000000000000000001e+45")]
    [InlineData("3.141592653589793238462643383279502884197")]
    [InlineData("-1.5E-7")]
    public void TryGetDoubleMatchesDoubleParse(string text)
    {
        AssertParsesLikeRuntime(text);
    }

    [Fact]
    public void TryGetDoubleWithinOneUlp()
    {
        var random = new Random(31337);
        int exact = 0;
        int total = 0;
        for (int i = 0; i < 20000; i++)
        {
            string text = RandomNumberText(random);
            if (AssertParsesLikeRuntime(text))
            {
                exact++;
            }

            total++;
        }

        // The value before the final rounding is within 2^-58 of the exact one, so only inputs that
        // close to a halfway point between two doubles may round the other way.
        Assert.True(exact >= total * 0.999, exact + " of " + total + " exact");
    }

    [Fact]
    public void TryGetDoubleExactOnFastPath()
    {
        var random = new Random(5);
        for (int i = 0; i < 5000; i++)
        {
            // At most 15 significant digits and a decimal exponent within ±22, so one exact IEEE operation.
            long digits = random.NextInt64(1, 999_999_999_999_999);
            int exponent = random.Next(-22, 23);
            string text = digits.ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);

            Assert.True(AssertParsesLikeRuntime(text), text + " is not exact");
        }
    }

    [Fact]
    public void WrittenDoubleIsShortestRoundTrip()
    {
        var random = new Random(2718);
        var writer = new JsonWriter(64, 1);
        for (int i = 0; i < 20000; i++)
        {
            double value = RandomDouble(random, i);
            writer.Reset();
            writer.WriteNumberValue(value);
            string text = Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length);

            double parsed = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(parsed == value, value.ToString("R", CultureInfo.InvariantCulture) + " written as " + text);
            Assert.Equal(SignificantDigits(value.ToString("R", CultureInfo.InvariantCulture)), SignificantDigits(text));
            AssertEcmaScriptLayout(parsed, text);
        }
    }

    private static bool AssertParsesLikeRuntime(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Reader.Reset(bytes, 0, bytes.Length);
        Assert.True(Reader.Read());
        double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool parsed = Reader.TryGetDouble(out double actual);

        if (double.IsInfinity(expected))
        {
            Assert.True(!parsed || Math.Abs(actual) == double.MaxValue, text + " beyond double range read as " + actual);
            return !parsed;
        }

        Assert.True(parsed, text + " not read");
        long distance = JsonOracle.UlpDistance(expected, actual);
        Assert.True(distance <= 1, text + ": expected " + expected.ToString("R") + ", read " + actual.ToString("R"));
        return distance == 0 && double.IsNegative(expected) == double.IsNegative(actual);
    }

    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(2) == 0)
        {
            text.Append('-');
        }

        switch (random.Next(4))
        {
            case 0:
                // A double printed with 17 significant digits.
                text.Append(Math.Abs(RandomDouble(random, random.Next(100))).ToString("E16", CultureInfo.InvariantCulture));
                break;
            case 1:
                text.Append(Math.Abs(RandomDouble(random, random.Next(100))).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                int integerDigits = random.Next(1, 25);
                text.Append((char)('1' + random.Next(9)));
                for (int i = 1; i < integerDigits; i++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }

                if (random.Next(2) == 0)
                {
                    text.Append('.');
                    int fractionDigits = random.Next(1, 25);
                    for (int i = 0; i < fractionDigits; i++)
                    {
                        text.Append((char)('0' + random.Next(10)));
                    }
                }

                text.Append('e').Append(random.Next(-345, 310).ToString(CultureInfo.InvariantCulture));
                break;
        }

        return text.ToString();
    }

    private static double RandomDouble(Random random, int index)
    {
        switch (index % 4)
        {
            case 0:
                double fromBits = BitConverter.Int64BitsToDouble(random.NextInt64());
                return double.IsFinite(fromBits) ? fromBits : 1.0;
            case 1:
                return random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 8));
            case 2:
                // Subnormals and the smallest normals.
                return BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 53));
            default:
                return (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-25, 25));
        }
    }

    /// <summary>Returns the significant digits of a decimal number text, without sign, point, exponent or leading and trailing zeros.</summary>
    private static string SignificantDigits(string text)
    {
        int exponentIndex = text.IndexOfAny(new[] { 'e', 'E' });
        string mantissa = exponentIndex < 0 ? text : text.Substring(0, exponentIndex);
        string digits = mantissa.Replace("-", "").Replace(".", "");
        return digits.TrimStart('0').TrimEnd('0');
    }

    /// <summary>Asserts the ECMAScript Number::toString layout: plain text from 1e-6 up to below 1e21, exponent text outside.</summary>
    private static void AssertEcmaScriptLayout(double value, string text)
    {
        double magnitude = Math.Abs(value);
        bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
        if (plain)
        {
            Assert.DoesNotContain("e", text);
        }
        else
        {
            Assert.Matches("^-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*$", text);
        }

        Assert.DoesNotContain("E", text);
    }
}
