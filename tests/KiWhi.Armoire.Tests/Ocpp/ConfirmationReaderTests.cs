using System.Globalization;
using System.Text.Json.Nodes;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>
    /// Confirmation readers against the official .conf schemas: generated payloads the schema accepts
    /// must be read with their values, and payloads it rejects must fail with the OCPP-J 1.6 §4.2.3 code.
    /// </summary>
    public class ConfirmationReaderTests
    {
        private const int Iterations = 300;
        private const string Time = "\"2024-01-01T00:00:00Z\"";

        private static readonly string[] AuthorizationStatuses = { "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx" };
        private static readonly string[] RegistrationStatuses = { "Accepted", "Pending", "Rejected" };

        [Fact]
        public void BootNotificationAcceptsGeneratedPayloads()
        {
            var samples = new RequestSamples(11);
            var confirmation = new BootNotificationConfirmation();

            for (int i = 0; i < Iterations; i++)
            {
                string status = RegistrationStatuses[samples.Random.Next(RegistrationStatuses.Length)];
                string currentTime = TimeText(samples, out DateTime expectedTime);
                int interval = samples.Integer();
                var payload = new JsonObject
                {
                    ["status"] = status,
                    ["currentTime"] = currentTime,
                    ["interval"] = interval,
                };

                string json = Serialize(samples, payload);
                OcppSchemas.AssertValid("BootNotification.conf", json);
                confirmation.Read(OcppJson.Reader(json));

                Assert.Equal(status, OcppEnumText.ToText(confirmation.Status));
                Assert.Equal(expectedTime, confirmation.CurrentTime);
                Assert.Equal(interval, confirmation.Interval);
            }
        }

        [Fact]
        public void HeartbeatAcceptsGeneratedPayloads()
        {
            var samples = new RequestSamples(12);
            var confirmation = new HeartbeatConfirmation();

            for (int i = 0; i < Iterations; i++)
            {
                var payload = new JsonObject { ["currentTime"] = TimeText(samples, out DateTime expectedTime) };

                string json = Serialize(samples, payload);
                OcppSchemas.AssertValid("Heartbeat.conf", json);
                confirmation.Read(OcppJson.Reader(json));

                Assert.Equal(expectedTime, confirmation.CurrentTime);
            }
        }

        [Fact]
        public void AuthorizeAcceptsGeneratedPayloads()
        {
            var samples = new RequestSamples(13);
            var confirmation = new AuthorizeConfirmation();

            for (int i = 0; i < Iterations; i++)
            {
                var payload = new JsonObject { ["idTagInfo"] = IdTagInfoSample(samples, out ExpectedIdTagInfo expected) };

                string json = Serialize(samples, payload);
                OcppSchemas.AssertValid("Authorize.conf", json);
                confirmation.Read(OcppJson.Reader(json));

                expected.AssertEqual(confirmation.IdTagInfo);
            }
        }

        [Fact]
        public void StartTransactionAcceptsGeneratedPayloads()
        {
            var samples = new RequestSamples(14);
            var confirmation = new StartTransactionConfirmation();

            for (int i = 0; i < Iterations; i++)
            {
                int transactionId = samples.Integer();
                var payload = new JsonObject
                {
                    ["idTagInfo"] = IdTagInfoSample(samples, out ExpectedIdTagInfo expected),
                    ["transactionId"] = transactionId,
                };

                string json = Serialize(samples, payload);
                OcppSchemas.AssertValid("StartTransaction.conf", json);
                confirmation.Read(OcppJson.Reader(json));

                expected.AssertEqual(confirmation.IdTagInfo);
                Assert.Equal(transactionId, confirmation.TransactionId);
            }
        }

        [Fact]
        public void StopTransactionAcceptsGeneratedPayloads()
        {
            var samples = new RequestSamples(15);
            var confirmation = new StopTransactionConfirmation();

            for (int i = 0; i < Iterations; i++)
            {
                var payload = new JsonObject();
                ExpectedIdTagInfo? expected = null;
                if (samples.Random.Next(2) == 0)
                {
                    payload["idTagInfo"] = IdTagInfoSample(samples, out ExpectedIdTagInfo info);
                    expected = info;
                }

                string json = Serialize(samples, payload);
                OcppSchemas.AssertValid("StopTransaction.conf", json);
                confirmation.Read(OcppJson.Reader(json));

                Assert.Equal(expected != null, confirmation.HasIdTagInfo);
                expected?.AssertEqual(confirmation.IdTagInfo);
            }
        }

        [Theory]
        [InlineData("{}")]
        [InlineData(" { } ")]
        [InlineData("{\n}")]
        public void EmptyConfirmationsAccepted(string json)
        {
            OcppSchemas.AssertValid("StatusNotification.conf", json);
            OcppSchemas.AssertValid("MeterValues.conf", json);

            new StatusNotificationConfirmation().Read(OcppJson.Reader(json));
            new MeterValuesConfirmation().Read(OcppJson.Reader(json));
        }

        [Theory]
        [InlineData("300.0", 300)]
        [InlineData("3e2", 300)]
        [InlineData("3.0E+2", 300)]
        [InlineData("-0", 0)]
        [InlineData("2147483647", int.MaxValue)]
        [InlineData("-2147483648", int.MinValue)]
        public void IntegerWithFractionOrExponentAccepted(string interval, int expected)
        {
            string json = "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":" + interval + "}";
            var confirmation = new BootNotificationConfirmation();

            OcppSchemas.AssertValid("BootNotification.conf", json);
            confirmation.Read(OcppJson.Reader(json));

            Assert.Equal(expected, confirmation.Interval);
        }

        [Fact]
        public void IdTagInfoOf20SurrogatePairsAccepted()
        {
            string parent = string.Concat(Enumerable.Repeat("😀", 20));
            string json = "{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":\"" + parent + "\"}}";
            var confirmation = new AuthorizeConfirmation();

            OcppSchemas.AssertValid("Authorize.conf", json);
            confirmation.Read(OcppJson.Reader(json));

            Assert.Equal(parent, confirmation.IdTagInfo.ParentIdTag);
        }

        public static TheoryData<string, string, string> InvalidPayloads()
        {
            const string boot = "\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":300";
            return new TheoryData<string, string, string>
            {
                // Unknown properties, including a known name in the wrong case.
                { "BootNotification.conf", "{" + boot + ",\"heartbeatInterval\":300}", OcppError.FormationViolation },
                { "BootNotification.conf", "{\"Status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":300}", OcppError.FormationViolation },
                { "Heartbeat.conf", "{\"currentTime\":" + Time + ",\"x\":null}", OcppError.FormationViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"vendor\":{}}", OcppError.FormationViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"expiry\":" + Time + "}}", OcppError.FormationViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1,\"meterStart\":0}", OcppError.FormationViolation },
                { "StopTransaction.conf", "{\"status\":\"Accepted\"}", OcppError.FormationViolation },
                { "StatusNotification.conf", "{\"a\":1}", OcppError.FormationViolation },
                { "MeterValues.conf", "{\"\":[]}", OcppError.FormationViolation },

                // Wrong JSON types.
                { "BootNotification.conf", "{\"status\":1,\"currentTime\":" + Time + ",\"interval\":300}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":null,\"currentTime\":" + Time + ",\"interval\":300}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":1704067200,\"interval\":300}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":\"300\"}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":300.5}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":true}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":[300]}", OcppError.TypeConstraintViolation },
                { "BootNotification.conf", "[]", OcppError.TypeConstraintViolation },
                { "Heartbeat.conf", "{\"currentTime\":null}", OcppError.TypeConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":\"Accepted\"}", OcppError.TypeConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":null}", OcppError.TypeConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":5}}", OcppError.TypeConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":null}}", OcppError.TypeConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":[\"Accepted\"]}}", OcppError.TypeConstraintViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":\"1\"}", OcppError.TypeConstraintViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1.5}", OcppError.TypeConstraintViolation },
                { "StopTransaction.conf", "{\"idTagInfo\":[]}", OcppError.TypeConstraintViolation },
                { "StatusNotification.conf", "[]", OcppError.TypeConstraintViolation },
                { "MeterValues.conf", "\"{}\"", OcppError.TypeConstraintViolation },

                // Missing required properties.
                { "BootNotification.conf", "{\"currentTime\":" + Time + ",\"interval\":300}", OcppError.OccurenceConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"interval\":300}", OcppError.OccurenceConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + "}", OcppError.OccurenceConstraintViolation },
                { "Heartbeat.conf", "{}", OcppError.OccurenceConstraintViolation },
                { "Authorize.conf", "{}", OcppError.OccurenceConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{}}", OcppError.OccurenceConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"parentIdTag\":\"P\",\"expiryDate\":" + Time + "}}", OcppError.OccurenceConstraintViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"}}", OcppError.OccurenceConstraintViolation },
                { "StartTransaction.conf", "{\"transactionId\":1}", OcppError.OccurenceConstraintViolation },
                { "StopTransaction.conf", "{\"idTagInfo\":{}}", OcppError.OccurenceConstraintViolation },

                // Enum values outside the list, case included.
                { "BootNotification.conf", "{\"status\":\"accepted\",\"currentTime\":" + Time + ",\"interval\":300}", OcppError.PropertyConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"Unknown\",\"currentTime\":" + Time + ",\"interval\":300}", OcppError.PropertyConstraintViolation },
                { "BootNotification.conf", "{\"status\":\"\",\"currentTime\":" + Time + ",\"interval\":300}", OcppError.PropertyConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted \"}}", OcppError.PropertyConstraintViolation },
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"ConcurrentTX\"}}", OcppError.PropertyConstraintViolation },
                { "StopTransaction.conf", "{\"idTagInfo\":{\"status\":\"Pending\"}}", OcppError.PropertyConstraintViolation },

                // Over-long CiString20.
                { "Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":\"" + new string('P', 21) + "\"}}", OcppError.PropertyConstraintViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":\"" + string.Concat(Enumerable.Repeat("😀", 21)) + "\"},\"transactionId\":1}", OcppError.PropertyConstraintViolation },
                { "StopTransaction.conf", "{\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":\"" + new string('é', 500) + "\"}}", OcppError.PropertyConstraintViolation },

                // Timestamps that are not RFC 3339 date-times.
                { "BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":\"yesterday\",\"interval\":300}", OcppError.PropertyConstraintViolation },
                { "Heartbeat.conf", "{\"currentTime\":\"\"}", OcppError.PropertyConstraintViolation },
                { "StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"01/01/2030\"},\"transactionId\":3}", OcppError.PropertyConstraintViolation },
            };
        }

        [Theory]
        [MemberData(nameof(InvalidPayloads))]
        public void InvalidPayloadRejected(string schemaName, string json, string errorCode)
        {
            OcppSchemas.AssertInvalid(schemaName, json);

            OcppPayloadException error = Assert.Throws<OcppPayloadException>(() => ReadWith(schemaName, OcppJson.Reader(json)));

            Assert.Equal(errorCode, error.ErrorCode);
            Assert.False(string.IsNullOrEmpty(error.Message));
        }

        // Cases the schema check cannot judge: JSON that does not parse, duplicate properties
        // (RFC 8259 leaves their meaning open), integers beyond the cabinet's 32-bit fields, and
        // impossible dates. JsonSchema.Net 7.4.0 accepts "2024-02-30", month 13 and hour 25 as
        // "date-time", although RFC 3339 §5.7 forbids them and ajv-formats 2.1.1 rejects them.
        [Theory]
        [InlineData("Heartbeat.conf", "{\"currentTime\":\"2024-02-30T00:00:00Z\"}", OcppError.PropertyConstraintViolation)]
        [InlineData("Heartbeat.conf", "{\"currentTime\":\"2024-01-01T25:00:00Z\"}", OcppError.PropertyConstraintViolation)]
        [InlineData("Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"2024-13-01T00:00:00Z\"}}", OcppError.PropertyConstraintViolation)]
        [InlineData("BootNotification.conf", "{\"status\":\"Accepted\",\"status\":\"Rejected\",\"currentTime\":" + Time + ",\"interval\":300}", OcppError.OccurenceConstraintViolation)]
        [InlineData("Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"idTagInfo\":{\"status\":\"Blocked\"}}", OcppError.OccurenceConstraintViolation)]
        [InlineData("Authorize.conf", "{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":\"A\",\"parentIdTag\":\"B\"}}", OcppError.OccurenceConstraintViolation)]
        [InlineData("StartTransaction.conf", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":2147483648}", OcppError.TypeConstraintViolation)]
        [InlineData("BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":1e20}", OcppError.TypeConstraintViolation)]
        [InlineData("BootNotification.conf", "{\"status\":\"Accepted\",\"currentTime\":" + Time + ",\"interval\":", OcppError.FormationViolation)]
        [InlineData("Heartbeat.conf", "{\"currentTime\":\"2024-01-01T00:00:00Z\",}", OcppError.FormationViolation)]
        [InlineData("Authorize.conf", "{\"idTagInfo\":{\"status\":'Accepted'}}", OcppError.FormationViolation)]
        [InlineData("StatusNotification.conf", "{", OcppError.FormationViolation)]
        [InlineData("MeterValues.conf", "{} {}", OcppError.FormationViolation)]
        [InlineData("StopTransaction.conf", "", OcppError.FormationViolation)]
        public void PayloadOutsideSchemaRejected(string schemaName, string json, string errorCode)
        {
            OcppPayloadException error = Assert.Throws<OcppPayloadException>(() => ReadWith(schemaName, OcppJson.Reader(json)));

            Assert.Equal(errorCode, error.ErrorCode);
        }

        [Fact]
        public void FailedReadClearsFields()
        {
            var confirmation = new StartTransactionConfirmation();
            confirmation.Read(OcppJson.Reader("{\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":\"G1\",\"expiryDate\":" + Time + "},\"transactionId\":77}"));

            Assert.Throws<OcppPayloadException>(() => confirmation.Read(OcppJson.Reader("{\"transactionId\":78,\"idTagInfo\":{\"status\":\"Expired\",\"bad\":1}}")));

            Assert.Equal(0, confirmation.TransactionId);
            Assert.Equal(AuthorizationStatus.Accepted, confirmation.IdTagInfo.Status);
            Assert.Null(confirmation.IdTagInfo.ParentIdTag);
            Assert.False(confirmation.IdTagInfo.HasExpiryDate);
        }

        [Fact]
        public void ReadReplacesPreviousValues()
        {
            var confirmation = new StopTransactionConfirmation();
            confirmation.Read(OcppJson.Reader("{\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":\"G1\"}}"));

            confirmation.Read(OcppJson.Reader("{}"));

            Assert.False(confirmation.HasIdTagInfo);
            Assert.Null(confirmation.IdTagInfo.ParentIdTag);
        }

        [Fact]
        public void FarFutureExpiryStaysInFuture()
        {
            var confirmation = new AuthorizeConfirmation();

            confirmation.Read(OcppJson.Reader("{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"9999-12-31T23:59:59Z\"}}"));

            Assert.True(confirmation.IdTagInfo.HasExpiryDate);
            Assert.Equal(new DateTime(3000, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), confirmation.IdTagInfo.ExpiryDate);
        }

        private static void ReadWith(string schemaName, JsonReader reader)
        {
            switch (schemaName)
            {
                case "BootNotification.conf": new BootNotificationConfirmation().Read(reader); break;
                case "Heartbeat.conf": new HeartbeatConfirmation().Read(reader); break;
                case "Authorize.conf": new AuthorizeConfirmation().Read(reader); break;
                case "StartTransaction.conf": new StartTransactionConfirmation().Read(reader); break;
                case "StopTransaction.conf": new StopTransactionConfirmation().Read(reader); break;
                case "StatusNotification.conf": new StatusNotificationConfirmation().Read(reader); break;
                case "MeterValues.conf": new MeterValuesConfirmation().Read(reader); break;
                default: throw new ArgumentException("No reader for " + schemaName, nameof(schemaName));
            }
        }

        private static JsonObject IdTagInfoSample(RequestSamples samples, out ExpectedIdTagInfo expected)
        {
            string status = AuthorizationStatuses[samples.Random.Next(AuthorizationStatuses.Length)];
            var info = new JsonObject { ["status"] = status };
            expected = new ExpectedIdTagInfo(status);
            if (samples.Random.Next(2) == 0)
            {
                info["expiryDate"] = TimeText(samples, out DateTime expiry);
                expected.ExpiryDate = expiry;
            }

            if (samples.Random.Next(2) == 0)
            {
                expected.ParentIdTag = samples.Text(samples.Length(20), samples.Random.Next(2) == 0);
                info["parentIdTag"] = expected.ParentIdTag;
            }

            return info;
        }

        // Returns RFC 3339 text for a random instant, with a random offset and 0 to 7 fraction
        // digits, and the UTC value .NET parses from it.
        private static string TimeText(RequestSamples samples, out DateTime expectedUtc)
        {
            DateTime time = samples.Time();
            int fractionDigits = samples.Random.Next(8);
            string fraction = fractionDigits == 0
                ? string.Empty
                : "." + (time.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).Substring(0, fractionDigits);
            int offsetMinutes = samples.Random.Next(3) == 0 ? 0 : samples.Random.Next(-12 * 60, 14 * 60 + 1);
            string offset = offsetMinutes == 0
                ? "Z"
                : (offsetMinutes < 0 ? "-" : "+") + (Math.Abs(offsetMinutes) / 60).ToString("00", CultureInfo.InvariantCulture)
                    + ":" + (Math.Abs(offsetMinutes) % 60).ToString("00", CultureInfo.InvariantCulture);
            string text = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + fraction + offset;
            expectedUtc = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
            return text;
        }

        // Writes the payload compact or indented, with its properties in a random order.
        private static string Serialize(RequestSamples samples, JsonObject payload)
        {
            var shuffled = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> property in payload.OrderBy(_ => samples.Random.Next()).ToList())
            {
                payload.Remove(property.Key);
                shuffled[property.Key] = property.Value;
            }

            var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = samples.Random.Next(2) == 0 };
            return shuffled.ToJsonString(options);
        }

        private sealed class ExpectedIdTagInfo
        {
            public ExpectedIdTagInfo(string status)
            {
                Status = status;
            }

            public string Status { get; }

            public DateTime? ExpiryDate { get; set; }

            public string? ParentIdTag { get; set; }

            public void AssertEqual(IdTagInfo actual)
            {
                Assert.Equal(Status, OcppEnumText.ToText(actual.Status));
                Assert.Equal(ExpiryDate.HasValue, actual.HasExpiryDate);
                if (ExpiryDate.HasValue)
                {
                    Assert.Equal(ExpiryDate.Value, actual.ExpiryDate);
                }

                Assert.Equal(ParentIdTag, actual.ParentIdTag);
            }
        }
    }
}
