using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>
    /// Values the 1.6 schemas forbid never reach the wire: Write throws ArgumentException naming the
    /// field before it writes a single byte.
    /// </summary>
    public class RequestValidationTests
    {
        private static readonly DateTime SomeTime = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

        public static TheoryData<string, Action<JsonWriter>> InvalidRequests()
        {
            string emoji21 = string.Concat(Enumerable.Repeat("😀", 21));
            return new TheoryData<string, Action<JsonWriter>>
            {
                { "idTag", new AuthorizeRequest { IdTag = new string('A', 21) }.Write },
                { "idTag", new AuthorizeRequest { IdTag = emoji21 }.Write },
                { "idTag", new AuthorizeRequest().Write },

                { "chargePointVendor", BootNotification(r => r.ChargePointVendor = null) },
                { "chargePointModel", BootNotification(r => r.ChargePointModel = null) },
                { "chargePointVendor", BootNotification(r => r.ChargePointVendor = new string('v', 21)) },
                { "chargePointModel", BootNotification(r => r.ChargePointModel = new string('m', 21)) },
                { "chargePointSerialNumber", BootNotification(r => r.ChargePointSerialNumber = new string('s', 26)) },
                { "chargeBoxSerialNumber", BootNotification(r => r.ChargeBoxSerialNumber = new string('b', 26)) },
                { "firmwareVersion", BootNotification(r => r.FirmwareVersion = new string('f', 51)) },
                { "iccid", BootNotification(r => r.Iccid = new string('1', 21)) },
                { "imsi", BootNotification(r => r.Imsi = new string('2', 21)) },
                { "meterType", BootNotification(r => r.MeterType = new string('t', 26)) },
                { "meterSerialNumber", BootNotification(r => r.MeterSerialNumber = new string('n', 26)) },

                { "connectorId", StatusNotification(r => r.ConnectorId = -1) },
                { "status", StatusNotification(r => { r.ConnectorId = 0; r.Status = ChargePointStatus.Charging; }) },
                { "status", StatusNotification(r => { r.ConnectorId = 0; r.Status = ChargePointStatus.Preparing; }) },
                { "status", StatusNotification(r => r.Status = (ChargePointStatus)99) },
                { "errorCode", StatusNotification(r => r.ErrorCode = (ChargePointErrorCode)(-1)) },
                { "info", StatusNotification(r => r.Info = new string('i', 51)) },
                { "vendorId", StatusNotification(r => r.VendorId = new string('v', 256)) },
                { "vendorErrorCode", StatusNotification(r => r.VendorErrorCode = new string('e', 51)) },

                { "connectorId", StartTransaction(r => r.ConnectorId = 0) },
                { "connectorId", StartTransaction(r => r.ConnectorId = -3) },
                { "idTag", StartTransaction(r => r.IdTag = null) },
                { "idTag", StartTransaction(r => r.IdTag = new string('x', 21)) },
                { "timestamp", StartTransaction(r => r.Timestamp = default) },

                { "idTag", StopTransaction(r => r.IdTag = new string('x', 21)) },
                { "timestamp", StopTransaction(r => r.Timestamp = default) },
                { "reason", StopTransaction(r => r.Reason = (Reason)42) },
                { "transactionData[1].timestamp", StopTransaction(r => AddMeterValue(r.TransactionData).Timestamp = default) },
                { "transactionData[1].sampledValue", StopTransaction(r => AddMeterValue(r.TransactionData).SampledValue.Clear()) },
                { "transactionData[1].sampledValue[1].value", StopTransaction(r => AddMeterValue(r.TransactionData).SampledValue.Add()) },
                { "transactionData[0].sampledValue[0].unit", StopTransaction(r => r.TransactionData[0].SampledValue[0].Unit = (UnitOfMeasure)77) },

                { "connectorId", MeterValues(r => r.ConnectorId = -1) },
                { "meterValue", MeterValues(r => r.MeterValue.Clear()) },
                { "meterValue[0].sampledValue[0].measurand", MeterValues(r => r.MeterValue[0].SampledValue[0].Measurand = (Measurand)(-2)) },
                { "meterValue[0].sampledValue[0].context", MeterValues(r => r.MeterValue[0].SampledValue[0].Context = (ReadingContext)50) },
                { "meterValue[0].sampledValue[0].format", MeterValues(r => r.MeterValue[0].SampledValue[0].Format = (ValueFormat)3) },
                { "meterValue[0].sampledValue[0].phase", MeterValues(r => r.MeterValue[0].SampledValue[0].Phase = (Phase)11) },
                { "meterValue[0].sampledValue[0].location", MeterValues(r => r.MeterValue[0].SampledValue[0].Location = (Location)6) },
                { "meterValue[0].timestamp", MeterValues(r => r.MeterValue[0].Timestamp = default) },
            };
        }

        [Theory]
        [MemberData(nameof(InvalidRequests))]
        public void InvalidFieldWritesNothing(string field, Action<JsonWriter> write)
        {
            var writer = new JsonWriter(4096, 8);
            RpcFrameWriter.BeginCall(writer, "id-1", "Test");
            int lengthBefore = writer.Length;

            ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => write(writer));

            Assert.Contains(field, error.Message);
            Assert.Equal(lengthBefore, writer.Length);
        }

        [Fact]
        public void ValidBaselinesWrite()
        {
            // The invalid cases above each change one field of these baselines.
            foreach (Action<JsonWriter> write in new[]
            {
                BootNotification(r => { }),
                StatusNotification(r => { }),
                StartTransaction(r => { }),
                StopTransaction(r => { }),
                MeterValues(r => { }),
            })
            {
                var writer = new JsonWriter(4096, 8);
                write(writer);
                Assert.True(writer.IsComplete);
            }
        }

        [Theory]
        [InlineData(ChargePointStatus.Available)]
        [InlineData(ChargePointStatus.Unavailable)]
        [InlineData(ChargePointStatus.Faulted)]
        public void ConnectorZeroAcceptsChargePointStatuses(ChargePointStatus status)
        {
            var request = new StatusNotificationRequest { ConnectorId = 0, Status = status };

            request.Validate();

            OcppSchemas.AssertValid("StatusNotification.req", OcppJson.Write(request.Write));
        }

        [Fact]
        public void IdTagOf20SurrogatePairsFits()
        {
            var request = new AuthorizeRequest { IdTag = string.Concat(Enumerable.Repeat("😀", 20)) };

            string json = OcppJson.Write(request.Write);

            OcppSchemas.AssertValid("Authorize.req", json);
        }

        [Fact]
        public void CiStringFitsCountsCharacters()
        {
            Assert.True(CiStringLength.Fits(null, 0));
            Assert.True(CiStringLength.Fits(new string('a', 20), CiStringLength.CiString20));
            Assert.False(CiStringLength.Fits(new string('a', 21), CiStringLength.CiString20));
            Assert.True(CiStringLength.Fits("😀😀", 2));
            Assert.False(CiStringLength.Fits("😀😀😀", 2));
            Assert.False(CiStringLength.Fits("\uD800\uD800\uD800", 2));
        }

        [Fact]
        public void SampledValueRejectsNullText()
        {
            var sampled = new MeterValuesRequest().MeterValue.Add().SampledValue.Add();

            Assert.Throws<ArgumentNullException>(() => sampled.SetValue(null!));
        }

        private static MeterValue AddMeterValue(MeterValueList list)
        {
            MeterValue meterValue = list.Add();
            meterValue.Timestamp = SomeTime;
            meterValue.SampledValue.Add().SetValue(5);
            return meterValue;
        }

        private static Action<JsonWriter> BootNotification(Action<BootNotificationRequest> change)
        {
            var request = new BootNotificationRequest { ChargePointVendor = "KiWhi", ChargePointModel = "Armoire" };
            change(request);
            return request.Write;
        }

        private static Action<JsonWriter> StatusNotification(Action<StatusNotificationRequest> change)
        {
            var request = new StatusNotificationRequest { ConnectorId = 2, Status = ChargePointStatus.Charging };
            change(request);
            return request.Write;
        }

        private static Action<JsonWriter> StartTransaction(Action<StartTransactionRequest> change)
        {
            var request = new StartTransactionRequest { ConnectorId = 1, IdTag = "04A1B2C3D4E5F6", MeterStart = 100, Timestamp = SomeTime };
            change(request);
            return request.Write;
        }

        private static Action<JsonWriter> StopTransaction(Action<StopTransactionRequest> change)
        {
            var request = new StopTransactionRequest { MeterStop = 200, TransactionId = 5, Timestamp = SomeTime };
            AddMeterValue(request.TransactionData);
            change(request);
            return request.Write;
        }

        private static Action<JsonWriter> MeterValues(Action<MeterValuesRequest> change)
        {
            var request = new MeterValuesRequest { ConnectorId = 1 };
            AddMeterValue(request.MeterValue);
            change(request);
            return request.Write;
        }
    }
}
