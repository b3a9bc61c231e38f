using System.Text.Json.Nodes;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>Enum wire texts against the enum lists of the official 1.6 schemas.</summary>
    public class OcppEnumTextTests
    {
        public static TheoryData<string> EnumNames() => new()
        {
            nameof(RegistrationStatus), nameof(AuthorizationStatus), nameof(ChargePointStatus), nameof(ChargePointErrorCode),
            nameof(Reason), nameof(ReadingContext), nameof(ValueFormat), nameof(Measurand), nameof(Phase), nameof(Location),
            nameof(UnitOfMeasure),
        };

        [Theory]
        [MemberData(nameof(EnumNames))]
        public void TextsEqualSchemaList(string enumName)
        {
            EnumCase enumCase = EnumCase.Get(enumName);
            var texts = enumCase.Members().Select(enumCase.ToText).Where(text => text != null).ToList();
            var schemaTexts = SchemaEnum(enumCase.SchemaName, enumCase.SchemaPath).ToList();

            // The schema also lists the misspelling "Celcius", which the cabinet reads but never writes.
            schemaTexts.Remove("Celcius");

            Assert.Equal(schemaTexts.OrderBy(t => t, StringComparer.Ordinal), texts.OrderBy(t => t, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(EnumNames))]
        public void TextSpellsMemberName(string enumName)
        {
            EnumCase enumCase = EnumCase.Get(enumName);
            foreach (Enum member in enumCase.Members())
            {
                string? text = enumCase.ToText(member);
                if (text == null)
                {
                    Assert.Equal("Omitted", member.ToString());
                    continue;
                }

                string spelled = text.Replace(".", string.Empty).Replace("-", string.Empty);
                Assert.Equal(member.ToString(), spelled, ignoreCase: true);
            }
        }

        [Theory]
        [MemberData(nameof(EnumNames))]
        public void TryParseReadsEveryText(string enumName)
        {
            EnumCase enumCase = EnumCase.Get(enumName);
            foreach (Enum member in enumCase.Members())
            {
                string? text = enumCase.ToText(member);
                if (text == null)
                {
                    continue;
                }

                Assert.True(enumCase.TryParse(text, out Enum parsed), text);
                Assert.Equal(member, parsed);
            }
        }

        [Theory]
        [MemberData(nameof(EnumNames))]
        public void TryParseRejectsUnknownText(string enumName)
        {
            EnumCase enumCase = EnumCase.Get(enumName);
            foreach (string? text in new[] { null, "", "Omitted", "accepted", "UNKNOWN", " Wh" })
            {
                Assert.False(enumCase.TryParse(text, out _), text ?? "null");
            }
        }

        [Theory]
        [MemberData(nameof(EnumNames))]
        public void ToTextRejectsUndefinedValue(string enumName)
        {
            EnumCase enumCase = EnumCase.Get(enumName);
            Enum undefined = (Enum)Enum.ToObject(enumCase.Type, 1000);

            Assert.Throws<ArgumentOutOfRangeException>(() => enumCase.ToText(undefined));
        }

        [Fact]
        public void CelciusReadsAsCelsius()
        {
            Assert.True(OcppEnumText.TryParse("Celcius", out UnitOfMeasure unit));
            Assert.Equal(UnitOfMeasure.Celsius, unit);
            Assert.Equal("Celsius", OcppEnumText.ToText(UnitOfMeasure.Celsius));
        }

        private static IEnumerable<string> SchemaEnum(string schemaName, string[] path)
        {
            JsonNode node = OcppSchemas.GetRawArray().Single(schema => schema!["$id"]!.GetValue<string>() == "urn:" + schemaName)!;
            foreach (string step in path)
            {
                node = node[step]!;
            }

            return node["enum"]!.AsArray().Select(value => value!.GetValue<string>());
        }

        private sealed class EnumCase
        {
            private static readonly string[] SampledValuePath = { "properties", "meterValue", "items", "properties", "sampledValue", "items", "properties" };

            private readonly Func<Enum, string?> _toText;
            private readonly Func<string?, (bool, Enum)> _tryParse;

            private EnumCase(Type type, string schemaName, string[] schemaPath, Func<Enum, string?> toText, Func<string?, (bool, Enum)> tryParse)
            {
                Type = type;
                SchemaName = schemaName;
                SchemaPath = schemaPath;
                _toText = toText;
                _tryParse = tryParse;
            }

            public Type Type { get; }

            public string SchemaName { get; }

            public string[] SchemaPath { get; }

            public static EnumCase Get(string enumName)
            {
                return enumName switch
                {
                    nameof(RegistrationStatus) => new EnumCase(
                        typeof(RegistrationStatus), "BootNotification.conf", new[] { "properties", "status" },
                        v => OcppEnumText.ToText((RegistrationStatus)v), t => (OcppEnumText.TryParse(t, out RegistrationStatus r), r)),
                    nameof(AuthorizationStatus) => new EnumCase(
                        typeof(AuthorizationStatus), "Authorize.conf", new[] { "properties", "idTagInfo", "properties", "status" },
                        v => OcppEnumText.ToText((AuthorizationStatus)v), t => (OcppEnumText.TryParse(t, out AuthorizationStatus r), r)),
                    nameof(ChargePointStatus) => new EnumCase(
                        typeof(ChargePointStatus), "StatusNotification.req", new[] { "properties", "status" },
                        v => OcppEnumText.ToText((ChargePointStatus)v), t => (OcppEnumText.TryParse(t, out ChargePointStatus r), r)),
                    nameof(ChargePointErrorCode) => new EnumCase(
                        typeof(ChargePointErrorCode), "StatusNotification.req", new[] { "properties", "errorCode" },
                        v => OcppEnumText.ToText((ChargePointErrorCode)v), t => (OcppEnumText.TryParse(t, out ChargePointErrorCode r), r)),
                    nameof(Reason) => new EnumCase(
                        typeof(Reason), "StopTransaction.req", new[] { "properties", "reason" },
                        v => OcppEnumText.ToText((Reason)v), t => (OcppEnumText.TryParse(t, out Reason r), r)),
                    nameof(ReadingContext) => new EnumCase(
                        typeof(ReadingContext), "MeterValues.req", SampledValuePath.Append("context").ToArray(),
                        v => OcppEnumText.ToText((ReadingContext)v), t => (OcppEnumText.TryParse(t, out ReadingContext r), r)),
                    nameof(ValueFormat) => new EnumCase(
                        typeof(ValueFormat), "MeterValues.req", SampledValuePath.Append("format").ToArray(),
                        v => OcppEnumText.ToText((ValueFormat)v), t => (OcppEnumText.TryParse(t, out ValueFormat r), r)),
                    nameof(Measurand) => new EnumCase(
                        typeof(Measurand), "MeterValues.req", SampledValuePath.Append("measurand").ToArray(),
                        v => OcppEnumText.ToText((Measurand)v), t => (OcppEnumText.TryParse(t, out Measurand r), r)),
                    nameof(Phase) => new EnumCase(
                        typeof(Phase), "MeterValues.req", SampledValuePath.Append("phase").ToArray(),
                        v => OcppEnumText.ToText((Phase)v), t => (OcppEnumText.TryParse(t, out Phase r), r)),
                    nameof(Location) => new EnumCase(
                        typeof(Location), "MeterValues.req", SampledValuePath.Append("location").ToArray(),
                        v => OcppEnumText.ToText((Location)v), t => (OcppEnumText.TryParse(t, out Location r), r)),
                    nameof(UnitOfMeasure) => new EnumCase(
                        typeof(UnitOfMeasure), "MeterValues.req", SampledValuePath.Append("unit").ToArray(),
                        v => OcppEnumText.ToText((UnitOfMeasure)v), t => (OcppEnumText.TryParse(t, out UnitOfMeasure r), r)),
                    _ => throw new ArgumentException("No case for " + enumName, nameof(enumName)),
                };
            }

            public IEnumerable<Enum> Members() => Enum.GetValues(Type).Cast<Enum>();

            public string? ToText(Enum value) => _toText(value);

            public bool TryParse(string? text, out Enum value)
            {
                (bool found, Enum parsed) = _tryParse(text);
                value = parsed;
                return found;
            }
        }
    }
}
