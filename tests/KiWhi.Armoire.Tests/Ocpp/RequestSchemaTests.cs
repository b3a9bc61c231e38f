using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>
    /// Every request the cabinet writes, over many generated field combinations and the CiString
    /// length boundaries, must pass its official .req schema and equal what System.Text.Json
    /// serializes for the same values.
    /// </summary>
    public class RequestSchemaTests
    {
        private const int Iterations = 400;

        private static readonly JsonSerializerOptions ReferenceOptions = new()
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        [Fact]
        public void BootNotificationMatchesSchema()
        {
            var samples = new RequestSamples(42);
            var request = new BootNotificationRequest();

            for (int i = 0; i < Iterations; i++)
            {
                bool plain = i % 2 == 0;
                request.Clear();
                request.ChargePointVendor = samples.Text(samples.Length(20), plain);
                request.ChargePointModel = samples.Text(samples.Length(20), plain);
                request.ChargePointSerialNumber = samples.OptionalText(25, plain);
                request.ChargeBoxSerialNumber = samples.OptionalText(25, plain);
                request.FirmwareVersion = samples.OptionalText(50, plain);
                request.Iccid = samples.OptionalText(20, plain);
                request.Imsi = samples.OptionalText(20, plain);
                request.MeterType = samples.OptionalText(25, plain);
                request.MeterSerialNumber = samples.OptionalText(25, plain);

                var expected = new JsonObject
                {
                    ["chargePointVendor"] = request.ChargePointVendor,
                    ["chargePointModel"] = request.ChargePointModel,
                };
                AddOptional(expected, "chargePointSerialNumber", request.ChargePointSerialNumber);
                AddOptional(expected, "chargeBoxSerialNumber", request.ChargeBoxSerialNumber);
                AddOptional(expected, "firmwareVersion", request.FirmwareVersion);
                AddOptional(expected, "iccid", request.Iccid);
                AddOptional(expected, "imsi", request.Imsi);
                AddOptional(expected, "meterType", request.MeterType);
                AddOptional(expected, "meterSerialNumber", request.MeterSerialNumber);

                AssertWritten("BootNotification.req", expected, OcppJson.Write(request.Write));
            }
        }

        [Fact]
        public void BootNotificationAtMaximumLengths()
        {
            var request = new BootNotificationRequest
            {
                ChargePointVendor = new string('V', 20),
                ChargePointModel = new string('M', 20),
                ChargePointSerialNumber = new string('S', 25),
                ChargeBoxSerialNumber = new string('B', 25),
                FirmwareVersion = new string('F', 50),
                Iccid = new string('I', 20),
                Imsi = new string('J', 20),
                MeterType = new string('T', 25),
                MeterSerialNumber = new string('N', 25),
            };

            OcppSchemas.AssertValid("BootNotification.req", OcppJson.Write(request.Write));
        }

        [Fact]
        public void HeartbeatMatchesSchema()
        {
            string json = OcppJson.Write(new HeartbeatRequest().Write);

            Assert.Equal("{}", json);
            OcppSchemas.AssertValid("Heartbeat.req", json);
        }

        [Fact]
        public void AuthorizeMatchesSchemaForEveryLength()
        {
            var samples = new RequestSamples(7);
            var request = new AuthorizeRequest();

            for (int length = 0; length <= 20; length++)
            {
                foreach (bool plain in new[] { true, false })
                {
                    request.IdTag = samples.Text(length, plain);

                    var expected = new JsonObject { ["idTag"] = request.IdTag };
                    AssertWritten("Authorize.req", expected, OcppJson.Write(request.Write));
                }
            }
        }

        [Fact]
        public void StatusNotificationMatchesSchema()
        {
            var samples = new RequestSamples(1999);
            var request = new StatusNotificationRequest();

            foreach (ChargePointStatus status in Enum.GetValues<ChargePointStatus>())
            {
                foreach (ChargePointErrorCode errorCode in Enum.GetValues<ChargePointErrorCode>())
                {
                    for (int repeat = 0; repeat < 3; repeat++)
                    {
                        bool plain = repeat != 1;
                        bool chargePointLevel = status is ChargePointStatus.Available or ChargePointStatus.Unavailable or ChargePointStatus.Faulted
                            && samples.Random.Next(3) == 0;
                        request.Clear();
                        request.ConnectorId = chargePointLevel ? 0 : samples.Random.Next(1, 65);
                        request.ErrorCode = errorCode;
                        request.Status = status;
                        request.Info = samples.OptionalText(50, plain);
                        request.Timestamp = samples.Random.Next(2) == 0 ? default : samples.Time();
                        request.VendorId = samples.OptionalText(255, plain);
                        request.VendorErrorCode = samples.OptionalText(50, plain);

                        var expected = new JsonObject
                        {
                            ["connectorId"] = request.ConnectorId,
                            ["errorCode"] = errorCode.ToString(),
                        };
                        AddOptional(expected, "info", request.Info);
                        expected["status"] = status.ToString();
                        if (request.Timestamp != default)
                        {
                            expected["timestamp"] = RequestSamples.ExpectedTime(request.Timestamp);
                        }

                        AddOptional(expected, "vendorId", request.VendorId);
                        AddOptional(expected, "vendorErrorCode", request.VendorErrorCode);

                        AssertWritten("StatusNotification.req", expected, OcppJson.Write(request.Write));
                    }
                }
            }
        }

        [Fact]
        public void StartTransactionMatchesSchema()
        {
            var samples = new RequestSamples(1234);
            var request = new StartTransactionRequest();

            for (int i = 0; i < Iterations; i++)
            {
                request.Clear();
                request.ConnectorId = samples.Random.Next(1, 100);
                request.IdTag = samples.Text(samples.Length(20), i % 2 == 0);
                request.MeterStart = samples.Integer();
                request.HasReservationId = samples.Random.Next(2) == 0;
                request.ReservationId = request.HasReservationId ? samples.Integer() : 0;
                request.Timestamp = samples.Time();

                var expected = new JsonObject
                {
                    ["connectorId"] = request.ConnectorId,
                    ["idTag"] = request.IdTag,
                    ["meterStart"] = request.MeterStart,
                };
                if (request.HasReservationId)
                {
                    expected["reservationId"] = request.ReservationId;
                }

                expected["timestamp"] = RequestSamples.ExpectedTime(request.Timestamp);

                AssertWritten("StartTransaction.req", expected, OcppJson.Write(request.Write));
            }
        }

        [Fact]
        public void StopTransactionMatchesSchema()
        {
            var samples = new RequestSamples(4242);
            var request = new StopTransactionRequest();

            for (int i = 0; i < Iterations; i++)
            {
                request.Clear();
                request.IdTag = samples.OptionalText(20, i % 2 == 0);
                request.MeterStop = samples.Integer();
                request.Timestamp = samples.Time();
                request.TransactionId = samples.Integer();
                request.Reason = samples.Pick<Reason>();

                var expected = new JsonObject();
                AddOptional(expected, "idTag", request.IdTag);
                expected["meterStop"] = request.MeterStop;
                expected["timestamp"] = RequestSamples.ExpectedTime(request.Timestamp);
                expected["transactionId"] = request.TransactionId;
                if (request.Reason != Reason.Omitted)
                {
                    expected["reason"] = request.Reason.ToString();
                }

                JsonArray transactionData = FillMeterValues(samples, request.TransactionData, samples.Random.Next(4), i % 2 == 0);
                if (transactionData.Count > 0)
                {
                    expected["transactionData"] = transactionData;
                }

                AssertWritten("StopTransaction.req", expected, OcppJson.Write(request.Write));
            }
        }

        [Fact]
        public void MeterValuesMatchesSchema()
        {
            var samples = new RequestSamples(2016);
            var request = new MeterValuesRequest();

            for (int i = 0; i < Iterations; i++)
            {
                request.Clear();
                request.ConnectorId = samples.Random.Next(0, 100);
                request.HasTransactionId = samples.Random.Next(2) == 0;
                request.TransactionId = request.HasTransactionId ? samples.Integer() : 0;

                var expected = new JsonObject { ["connectorId"] = request.ConnectorId };
                if (request.HasTransactionId)
                {
                    expected["transactionId"] = request.TransactionId;
                }

                expected["meterValue"] = FillMeterValues(samples, request.MeterValue, 1 + samples.Random.Next(3), i % 2 == 0);

                AssertWritten("MeterValues.req", expected, OcppJson.Write(request.Write));
            }
        }

        [Fact]
        public void MeterValuesWritesEveryEnumMember()
        {
            var request = new MeterValuesRequest { ConnectorId = 1 };
            MeterValue meterValue = request.MeterValue.Add();
            meterValue.Timestamp = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

            foreach (Measurand measurand in Enum.GetValues<Measurand>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(1);
                sampled.Measurand = measurand;
            }

            foreach (UnitOfMeasure unit in Enum.GetValues<UnitOfMeasure>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(2);
                sampled.Unit = unit;
            }

            foreach (ReadingContext context in Enum.GetValues<ReadingContext>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(3);
                sampled.Context = context;
            }

            foreach (Phase phase in Enum.GetValues<Phase>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(4);
                sampled.Phase = phase;
            }

            foreach (Location location in Enum.GetValues<Location>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(5);
                sampled.Location = location;
            }

            foreach (ValueFormat format in Enum.GetValues<ValueFormat>())
            {
                SampledValue sampled = meterValue.SampledValue.Add();
                sampled.SetValue(6);
                sampled.Format = format;
            }

            OcppSchemas.AssertValid("MeterValues.req", OcppJson.Write(request.Write));
        }

        [Fact]
        public void EnergyRegisterIsAnIntegerString()
        {
            var request = new MeterValuesRequest { ConnectorId = 3, HasTransactionId = true, TransactionId = 17 };
            MeterValue meterValue = request.MeterValue.Add();
            meterValue.Timestamp = new DateTime(2024, 5, 1, 10, 15, 0, DateTimeKind.Utc);
            SampledValue sampled = meterValue.SampledValue.Add();
            sampled.SetValue(1234567L);
            sampled.Context = ReadingContext.SamplePeriodic;
            sampled.Measurand = Measurand.EnergyActiveImportRegister;
            sampled.Unit = UnitOfMeasure.Wh;

            string json = OcppJson.Write(request.Write);

            Assert.Equal(
                "{\"connectorId\":3,\"transactionId\":17,\"meterValue\":[{\"timestamp\":\"2024-05-01T10:15:00.000Z\","
                + "\"sampledValue\":[{\"value\":\"1234567\",\"context\":\"Sample.Periodic\","
                + "\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}",
                json);
        }

        [Fact]
        public void ReusedRequestsWriteLikeNewOnes()
        {
            var reused = new StopTransactionRequest();
            var samples = new RequestSamples(5);

            for (int i = 0; i < 50; i++)
            {
                var fresh = new StopTransactionRequest();
                reused.Clear();
                int meterValueCount = samples.Random.Next(3);
                foreach (StopTransactionRequest request in new[] { reused, fresh })
                {
                    request.TransactionId = i;
                    request.MeterStop = 1000 + i;
                    request.Timestamp = new DateTime(2024, 1, 1, 0, 0, i, DateTimeKind.Utc);
                    for (int m = 0; m < meterValueCount; m++)
                    {
                        MeterValue meterValue = request.TransactionData.Add();
                        meterValue.Timestamp = request.Timestamp;
                        meterValue.SampledValue.Add().SetValue(i * 10 + m);
                    }
                }

                // Fields set on an earlier round must not leak into this one.
                if (i % 3 == 0)
                {
                    reused.Reason = Reason.Remote;
                    fresh.Reason = Reason.Remote;
                }

                Assert.Equal(OcppJson.Write(fresh.Write), OcppJson.Write(reused.Write));
                if (meterValueCount > 0)
                {
                    reused.TransactionData[0].SampledValue[0].Measurand = Measurand.Voltage;
                }
            }
        }

        [Fact]
        public void MeterValuesWriteAllocatesNothing()
        {
            var request = new MeterValuesRequest { ConnectorId = 2, HasTransactionId = true, TransactionId = 99 };
            MeterValue meterValue = request.MeterValue.Add();
            SampledValue energy = meterValue.SampledValue.Add();
            energy.Measurand = Measurand.EnergyActiveImportRegister;
            energy.Unit = UnitOfMeasure.Wh;
            var writer = new KiWhi.Armoire.Protocol.Json.JsonWriter(1024, 8);

            void WriteOnce(long register)
            {
                meterValue.Timestamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(register);
                energy.SetValue(register);
                RpcFrameWriter.BeginCall(writer, "msg-1", MeterValuesRequest.Action);
                request.Write(writer);
                RpcFrameWriter.EndFrame(writer);
            }

            WriteOnce(1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long register = 2; register < 1000; register++)
            {
                WriteOnce(register * 37);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }

        private static JsonArray FillMeterValues(RequestSamples samples, MeterValueList list, int count, bool plain)
        {
            var expected = new JsonArray();
            for (int m = 0; m < count; m++)
            {
                MeterValue meterValue = list.Add();
                meterValue.Timestamp = samples.Time();
                var sampledValues = new JsonArray();
                int sampledCount = 1 + samples.Random.Next(3);
                for (int s = 0; s < sampledCount; s++)
                {
                    SampledValue sampled = meterValue.SampledValue.Add();
                    string valueText;
                    if (samples.Random.Next(3) == 0)
                    {
                        valueText = samples.Text(samples.Random.Next(12), plain);
                        sampled.SetValue(valueText);
                    }
                    else
                    {
                        long register = samples.LongInteger();
                        sampled.SetValue(register);
                        valueText = register.ToString(CultureInfo.InvariantCulture);
                    }

                    sampled.Context = samples.Pick<ReadingContext>();
                    sampled.Format = samples.Pick<ValueFormat>();
                    sampled.Measurand = samples.Pick<Measurand>();
                    sampled.Phase = samples.Pick<Phase>();
                    sampled.Location = samples.Pick<Location>();
                    sampled.Unit = samples.Pick<UnitOfMeasure>();

                    var expectedSampled = new JsonObject { ["value"] = valueText };
                    AddEnum(expectedSampled, "context", sampled.Context, OcppEnumText.ToText(sampled.Context));
                    AddEnum(expectedSampled, "format", sampled.Format, OcppEnumText.ToText(sampled.Format));
                    AddEnum(expectedSampled, "measurand", sampled.Measurand, OcppEnumText.ToText(sampled.Measurand));
                    AddEnum(expectedSampled, "phase", sampled.Phase, OcppEnumText.ToText(sampled.Phase));
                    AddEnum(expectedSampled, "location", sampled.Location, OcppEnumText.ToText(sampled.Location));
                    AddEnum(expectedSampled, "unit", sampled.Unit, OcppEnumText.ToText(sampled.Unit));
                    sampledValues.Add(expectedSampled);
                }

                expected.Add(new JsonObject
                {
                    ["timestamp"] = RequestSamples.ExpectedTime(meterValue.Timestamp),
                    ["sampledValue"] = sampledValues,
                });
            }

            return expected;
        }

        private static void AddEnum<TEnum>(JsonObject target, string name, TEnum value, string? text)
            where TEnum : struct, Enum
        {
            if (Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0)
            {
                target[name] = text;
            }
        }

        private static void AddOptional(JsonObject target, string name, string? value)
        {
            if (value != null)
            {
                target[name] = value;
            }
        }

        // System.Text.Json escapes characters outside the BMP even with UnsafeRelaxedJsonEscaping,
        // while the cabinet writes them as UTF-8 (both are valid RFC 8259), so text containing
        // a surrogate pair is compared as JSON values instead of bytes.
        private static void AssertWritten(string schemaName, JsonObject expected, string actual)
        {
            OcppSchemas.AssertValid(schemaName, actual);
            string expectedText = expected.ToJsonString(ReferenceOptions);
            if (actual.Any(char.IsSurrogate))
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedText), JsonNode.Parse(actual)), "Expected " + expectedText + ", written " + actual);
            }
            else
            {
                Assert.Equal(expectedText, actual);
            }
        }
    }
}
