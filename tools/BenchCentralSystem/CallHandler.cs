using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Reply to one CALL: a CALLRESULT payload, or a CALLERROR code and description.</summary>
    internal sealed record CallReply(JsonObject Payload, string ErrorCode, string ErrorDescription)
    {
        public static CallReply Result(JsonObject payload)
        {
            return new CallReply(payload, null, null);
        }

        public static CallReply Error(string errorCode, string description)
        {
            return new CallReply(null, errorCode, description);
        }
    }

    /// <summary>
    /// The bench's replies to the CALLs of OCPP 1.6 Core that a cabinet sends. It checks required
    /// fields, JSON types and CiString lengths, but not extra properties or enum values, because the
    /// bench is a demo peer and not a validator. Any other action gets CALLERROR NotImplemented.
    /// </summary>
    internal sealed class CallHandler
    {
        /// <summary>CiString20Type of OCPP 1.6, used by idTag, chargePointVendor and chargePointModel.</summary>
        private const int CiString20 = 20;

        /// <summary>Length of an ISO 8601 timestamp with 7 fraction digits and an offset; longer text is not a timestamp.</summary>
        private const int MaxTimestampLength = 35;

        private readonly BenchOptions _options;
        private int _lastTransactionId;

        public CallHandler(BenchOptions options)
        {
            _options = options;
            _lastTransactionId = options.FirstTransactionId - 1;
        }

        public CallReply Handle(ChargePointState state, string action, JsonElement payload)
        {
            try
            {
                switch (action)
                {
                    case "BootNotification":
                        return BootNotification(state, payload);
                    case "Heartbeat":
                        return Heartbeat(state);
                    case "StatusNotification":
                        return StatusNotification(state, payload);
                    case "Authorize":
                        return Authorize(payload);
                    case "StartTransaction":
                        return StartTransaction(state, payload);
                    case "StopTransaction":
                        return StopTransaction(state, payload);
                    case "MeterValues":
                        return MeterValues(state, payload);
                    default:
                        return CallReply.Error("NotImplemented", "The bench central system does not implement " + action + ".");
                }
            }
            catch (PayloadException exception)
            {
                return CallReply.Error(exception.ErrorCode, action + ": " + exception.Message + ".");
            }
        }

        /// <summary>Returns the current time as OCPP writes it: ISO 8601 UTC with milliseconds and 'Z'.</summary>
        public string CurrentTime()
        {
            return _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        private CallReply BootNotification(ChargePointState state, JsonElement payload)
        {
            string vendor = Payload.RequiredString(payload, "chargePointVendor", CiString20);
            string model = Payload.RequiredString(payload, "chargePointModel", CiString20);
            lock (state.Lock)
            {
                state.BootNotificationCount++;
                state.ChargePointVendor = vendor;
                state.ChargePointModel = model;
            }

            return CallReply.Result(new JsonObject
            {
                ["status"] = _options.BootStatus,
                ["currentTime"] = CurrentTime(),
                ["interval"] = _options.HeartbeatIntervalSeconds,
            });
        }

        private CallReply Heartbeat(ChargePointState state)
        {
            lock (state.Lock)
            {
                state.HeartbeatCount++;
            }

            return CallReply.Result(new JsonObject { ["currentTime"] = CurrentTime() });
        }

        private static CallReply StatusNotification(ChargePointState state, JsonElement payload)
        {
            long connectorId = Payload.RequiredInteger(payload, "connectorId");
            Payload.RequiredString(payload, "errorCode", 50);
            string status = Payload.RequiredString(payload, "status", 50);
            if (connectorId < 0 || connectorId > int.MaxValue)
            {
                throw new PayloadException("PropertyConstraintViolation", "connectorId " + connectorId + " is negative or too large");
            }

            lock (state.Lock)
            {
                state.ConnectorStatuses[(int)connectorId] = status;
            }

            return CallReply.Result(new JsonObject());
        }

        private CallReply Authorize(JsonElement payload)
        {
            string idTag = Payload.RequiredString(payload, "idTag", CiString20);
            return CallReply.Result(new JsonObject { ["idTagInfo"] = IdTagInfo(idTag) });
        }

        private CallReply StartTransaction(ChargePointState state, JsonElement payload)
        {
            long connectorId = Payload.RequiredInteger(payload, "connectorId");
            string idTag = Payload.RequiredString(payload, "idTag", CiString20);
            long meterStart = Payload.RequiredInteger(payload, "meterStart");
            string timestamp = Payload.RequiredString(payload, "timestamp", MaxTimestampLength);
            if (connectorId < 1 || connectorId > int.MaxValue)
            {
                throw new PayloadException("PropertyConstraintViolation", "connectorId " + connectorId + " is not a connector (1 or more)");
            }

            int transactionId = Interlocked.Increment(ref _lastTransactionId);
            lock (state.Lock)
            {
                state.Transactions.Add(new BenchTransaction(transactionId, (int)connectorId, idTag, meterStart, timestamp, null, 0, null, null, null));
            }

            return CallReply.Result(new JsonObject
            {
                ["idTagInfo"] = IdTagInfo(idTag),
                ["transactionId"] = transactionId,
            });
        }

        private CallReply StopTransaction(ChargePointState state, JsonElement payload)
        {
            long transactionId = Payload.RequiredInteger(payload, "transactionId");
            long meterStop = Payload.RequiredInteger(payload, "meterStop");
            string timestamp = Payload.RequiredString(payload, "timestamp", MaxTimestampLength);
            string idTag = Payload.OptionalString(payload, "idTag", CiString20);
            string reason = Payload.OptionalString(payload, "reason", 50);

            lock (state.Lock)
            {
                int index = transactionId > int.MaxValue ? -1 : state.IndexOfTransaction((int)transactionId);
                if (index >= 0)
                {
                    state.Transactions[index] = state.Transactions[index] with
                    {
                        MeterStopWh = meterStop,
                        StopTimestamp = timestamp,
                        StopReason = reason,
                    };
                }
            }

            // idTagInfo is optional in StopTransaction.conf; there is nothing to authorize without an idTag.
            var reply = new JsonObject();
            if (idTag != null)
            {
                reply["idTagInfo"] = IdTagInfo(idTag);
            }

            return CallReply.Result(reply);
        }

        private static CallReply MeterValues(ChargePointState state, JsonElement payload)
        {
            Payload.RequiredInteger(payload, "connectorId");
            int? transactionId = Payload.OptionalInt32(payload, "transactionId");
            JsonElement meterValues = Payload.RequiredArray(payload, "meterValue");
            if (meterValues.GetArrayLength() == 0)
            {
                throw new PayloadException("OccurenceConstraintViolation", "'meterValue' needs at least one entry");
            }

            long? registerWh = LastEnergyRegisterWh(meterValues);
            if (transactionId.HasValue)
            {
                lock (state.Lock)
                {
                    int index = state.IndexOfTransaction(transactionId.Value);
                    if (index >= 0)
                    {
                        BenchTransaction transaction = state.Transactions[index];
                        state.Transactions[index] = transaction with
                        {
                            LastMeterWh = registerWh ?? transaction.LastMeterWh,
                            MeterValuesCount = transaction.MeterValuesCount + 1,
                        };
                    }
                }
            }

            return CallReply.Result(new JsonObject());
        }

        /// <summary>
        /// Returns the last Energy.Active.Import.Register sample in Wh, or null. A sampledValue without
        /// measurand counts as that register, the default of OCPP 1.6; kWh values are converted.
        /// </summary>
        private static long? LastEnergyRegisterWh(JsonElement meterValues)
        {
            long? registerWh = null;
            foreach (JsonElement meterValue in meterValues.EnumerateArray())
            {
                if (meterValue.ValueKind != JsonValueKind.Object)
                {
                    throw new PayloadException("TypeConstraintViolation", "every 'meterValue' entry must be an object");
                }

                JsonElement sampledValues = Payload.RequiredArray(meterValue, "sampledValue");
                foreach (JsonElement sample in sampledValues.EnumerateArray())
                {
                    if (sample.ValueKind != JsonValueKind.Object)
                    {
                        throw new PayloadException("TypeConstraintViolation", "every 'sampledValue' entry must be an object");
                    }

                    string value = Payload.RequiredString(sample, "value", 64);
                    string measurand = Payload.OptionalString(sample, "measurand", 64) ?? "Energy.Active.Import.Register";
                    string unit = Payload.OptionalString(sample, "unit", 16) ?? "Wh";
                    if (measurand != "Energy.Active.Import.Register")
                    {
                        continue;
                    }

                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                    {
                        throw new PayloadException("PropertyConstraintViolation", "sampled value '" + value + "' is not a number");
                    }

                    registerWh = (long)Math.Round(unit == "kWh" ? number * 1000 : number);
                }
            }

            return registerWh;
        }

        private JsonObject IdTagInfo(string idTag)
        {
            return new JsonObject { ["status"] = _options.AuthorizationStatusOf(idTag) };
        }
    }
}
