using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>Building the CALLs and handling the frames received; one request object per operation, reused.</summary>
    public sealed partial class ChargePoint
    {
        private readonly BootNotificationRequest _bootRequest = new BootNotificationRequest();
        private readonly BootNotificationConfirmation _bootConfirmation = new BootNotificationConfirmation();
        private readonly HeartbeatRequest _heartbeatRequest = new HeartbeatRequest();
        private readonly HeartbeatConfirmation _heartbeatConfirmation = new HeartbeatConfirmation();
        private readonly StatusNotificationRequest _statusRequest = new StatusNotificationRequest();
        private readonly AuthorizeRequest _authorizeRequest = new AuthorizeRequest();
        private readonly AuthorizeConfirmation _authorizeConfirmation = new AuthorizeConfirmation();
        private readonly StartTransactionRequest _startRequest = new StartTransactionRequest();
        private readonly StartTransactionConfirmation _startConfirmation = new StartTransactionConfirmation();
        private readonly StopTransactionRequest _stopRequest = new StopTransactionRequest();
        private readonly StopTransactionConfirmation _stopConfirmation = new StopTransactionConfirmation();
        private readonly MeterValuesRequest _meterValuesRequest = new MeterValuesRequest();
        private readonly MeterValuesConfirmation _meterValuesConfirmation = new MeterValuesConfirmation();

        /// <summary>Handles one message received from the central system.</summary>
        public void OnMessage(byte[] utf8, int count, long nowMs)
        {
            // Any frame, even a malformed one, shows that the link carries data.
            _lastFrameReceivedMs = nowMs;
            _frames.Record(false, utf8, 0, count, nowMs);
            if (!_frame.Parse(utf8, 0, count))
            {
                OnInvalidFrame(nowMs);
                return;
            }

            switch (_frame.MessageType)
            {
                case RpcMessageType.Call:
                    OnCall(nowMs);
                    break;
                case RpcMessageType.CallResult:
                    OnCallResult(nowMs);
                    break;
                case RpcMessageType.CallError:
                    OnCallError(nowMs);
                    break;
            }
        }

        private void OnInvalidFrame(long nowMs)
        {
            if (_frame.Status == RpcFrameStatus.UnknownMessageType)
            {
                _log.Warning(Component, "frame with unknown message type ignored");
                return;
            }

            MalformedFrames++;
            _log.Warning(Component, "malformed frame rejected: " + _frame.ParseErrorDescription);
            if (_frame.RequiresCallError)
            {
                if (Registration != RegistrationState.Rejected)
                {
                    SendCallError(_frame.MessageId, _frame.ParseErrorCode, _frame.ParseErrorDescription);
                }

                return;
            }

            // A malformed CALLRESULT or CALLERROR still ends the CALL whose messageId it carries.
            if (_frame.Status == RpcFrameStatus.Malformed && IsOutstanding(_frame.MessageId))
            {
                OnCallFailed(nowMs, "malformed reply");
            }
        }

        // Incoming CALLs; while Rejected the cabinet sends no reply (OCPP 1.6 §4.2.1).
        private void OnCall(long nowMs)
        {
            if (Registration == RegistrationState.Rejected)
            {
                _log.Info(Component, "CALL " + _frame.Action + " ignored while registration is Rejected");
                return;
            }

            DispatchCall(nowMs);
        }

        private void OnCallError(long nowMs)
        {
            if (!IsOutstanding(_frame.MessageId))
            {
                _log.Warning(Component, "CALLERROR for unknown message " + _frame.MessageId + " ignored");
                return;
            }

            _log.Warning(Component, "CALLERROR " + _frame.ErrorCode + " for message " + _frame.MessageId + ": " + _frame.ErrorDescription);
            OnCallFailed(nowMs, "CALLERROR " + _frame.ErrorCode);
        }

        private void OnCallResult(long nowMs)
        {
            if (!IsOutstanding(_frame.MessageId))
            {
                _log.Warning(Component, "CALLRESULT for unknown message " + _frame.MessageId + " ignored");
                return;
            }

            CallKind kind = _callKind;
            try
            {
                _frame.ResetToPayload(_reader);
                switch (kind)
                {
                    case CallKind.BootNotification:
                        _bootConfirmation.Read(_reader);
                        break;
                    case CallKind.Heartbeat:
                        _heartbeatConfirmation.Read(_reader);
                        break;
                    case CallKind.Authorize:
                        _authorizeConfirmation.Read(_reader);
                        break;
                    case CallKind.Transaction:
                        ReadTransactionConfirmation();
                        break;
                }
            }
            catch (OcppPayloadException exception)
            {
                _log.Warning(Component, "invalid CALLRESULT for message " + _frame.MessageId + " (" + exception.ErrorCode + "): " + exception.Message);
                OnCallFailed(nowMs, "invalid CALLRESULT");
                return;
            }
            catch (JsonFormatException exception)
            {
                _log.Warning(Component, "invalid CALLRESULT for message " + _frame.MessageId + ": " + exception.Message);
                OnCallFailed(nowMs, "invalid CALLRESULT");
                return;
            }

            OnConfirmationRead(kind);
            string idTag = _callIdTag;
            OnCallSucceeded(nowMs);
            switch (kind)
            {
                case CallKind.BootNotification:
                    OnBootNotificationConfirmed(nowMs);
                    break;
                case CallKind.Heartbeat:
                    SetClock(_heartbeatConfirmation.CurrentTime);
                    break;
                case CallKind.Authorize:
                    _cabinet.OnAuthorizeResult(idTag, true, _authorizeConfirmation.IdTagInfo.Status);
                    break;
                case CallKind.Transaction:
                    OnTransactionMessageConfirmed();
                    break;
            }
        }

        private void ReadTransactionConfirmation()
        {
            TransactionMessage head = _transactions.Peek();
            switch (head.Kind)
            {
                case TransactionMessageKind.StartTransaction:
                    _startConfirmation.Read(_reader);
                    break;
                case TransactionMessageKind.MeterValues:
                    _meterValuesConfirmation.Read(_reader);
                    break;
                default:
                    _stopConfirmation.Read(_reader);
                    break;
            }
        }

        private void OnBootNotificationConfirmed(long nowMs)
        {
            RegistrationStatus status = _bootConfirmation.Status;
            int intervalSeconds = _bootConfirmation.Interval;
            SetClock(_bootConfirmation.CurrentTime);
            _log.Info(Component, "BootNotification " + OcppEnumText.ToText(status) + ", interval " + intervalSeconds.ToString() + " s");

            if (status == RegistrationStatus.Accepted)
            {
                Registration = RegistrationState.Accepted;
                _backoff.Reset();
                if (intervalSeconds > 0)
                {
                    _heartbeatIntervalSeconds = intervalSeconds;
                }

                _nextHeartbeatMs = nowMs + _heartbeatIntervalSeconds * 1000L;

                // After Accepted: one StatusNotification for connector 0 and one per bay (OCPP 1.6 §4.2.1).
                for (int i = 0; i < _statusDirty.Length; i++)
                {
                    _statusDirty[i] = true;
                }

                return;
            }

            Registration = status == RegistrationStatus.Pending ? RegistrationState.Pending : RegistrationState.Rejected;
            int waitSeconds = intervalSeconds > 0 ? intervalSeconds : DefaultBootRetrySeconds;
            _bootNotBeforeMs = nowMs + waitSeconds * 1000L;
        }

        private void OnTransactionMessageConfirmed()
        {
            TransactionMessage head = _transactions.Peek();
            if (head.Kind == TransactionMessageKind.StartTransaction)
            {
                int sessionId = head.SessionId;
                int transactionId = _startConfirmation.TransactionId;
                AuthorizationStatus status = _startConfirmation.IdTagInfo.Status;
                _transactions.AcknowledgeStart(transactionId);
                _log.Info(Component, "StartTransaction of session " + sessionId.ToString() + " confirmed: transactionId "
                    + transactionId.ToString() + ", " + OcppEnumText.ToText(status));
                _cabinet.OnStartTransactionConfirmed(sessionId, transactionId, status);
                return;
            }

            _transactions.RemoveHead(true);
        }

        // The wall clock follows every currentTime received. Queued messages keep the time they were
        // journaled with, so a step backwards neither reorders nor restamps them (see JournalClock).
        private void SetClock(System.DateTime utcNow)
        {
            _clock.SetUtcNow(utcNow);
            _cabinet.Journal.OnWallClockChanged();
        }

        private void SendBootNotification(long nowMs)
        {
            _bootRequest.Clear();
            _bootRequest.ChargePointVendor = _configuration.ChargePointVendor;
            _bootRequest.ChargePointModel = _configuration.ChargePointModel;
            _bootRequest.ChargePointSerialNumber = _configuration.ChargePointSerialNumber;
            _bootRequest.FirmwareVersion = _configuration.FirmwareVersion;
            if (BeginCall(CallKind.BootNotification, BootNotificationRequest.Action, nowMs))
            {
                _bootRequest.Write(_writer);
                EndCall(nowMs);
            }
        }

        private void SendHeartbeat(long nowMs)
        {
            _nextHeartbeatMs = nowMs + _heartbeatIntervalSeconds * 1000L;
            if (BeginCall(CallKind.Heartbeat, HeartbeatRequest.Action, nowMs))
            {
                _heartbeatRequest.Write(_writer);
                EndCall(nowMs);
            }
        }

        private void SendAuthorize(long nowMs)
        {
            string idTag = _authorizeQueue[0];
            for (int i = 1; i < _authorizeCount; i++)
            {
                _authorizeQueue[i - 1] = _authorizeQueue[i];
            }

            _authorizeQueue[--_authorizeCount] = null;
            _authorizeRequest.Clear();
            _authorizeRequest.IdTag = idTag;
            if (BeginCall(CallKind.Authorize, AuthorizeRequest.Action, nowMs))
            {
                _callIdTag = idTag;
                _authorizeRequest.Write(_writer);
                EndCall(nowMs);
            }
        }

        private void SendStatusNotification(int connectorId, long nowMs)
        {
            _statusDirty[connectorId] = false;
            _statusRequest.Clear();
            _statusRequest.ConnectorId = connectorId;
            _statusRequest.Status = CurrentStatus(connectorId);
            _statusRequest.ErrorCode = _statusRequest.Status == ChargePointStatus.Faulted
                ? ChargePointErrorCode.InternalError
                : ChargePointErrorCode.NoError;
            if (connectorId == 0)
            {
                AddLocalListConflict(_statusRequest);
            }

            if (_clock.IsWallClockSet)
            {
                _statusRequest.Timestamp = _clock.UtcNow;
            }

            if (BeginCall(CallKind.StatusNotification, StatusNotificationRequest.Action, nowMs))
            {
                _callConnectorId = connectorId;
                _statusRequest.Write(_writer);
                EndCall(nowMs);
            }
        }

        // Connector 0 reports only Available, Unavailable or Faulted (OCPP 1.6 §4.9).
        private ChargePointStatus CurrentStatus(int connectorId)
        {
            if (connectorId == 0)
            {
                return _cabinet.AllBaysOutOfService ? ChargePointStatus.Unavailable : ChargePointStatus.Available;
            }

            switch (_cabinet.GetBay(connectorId).Status)
            {
                case BayStatus.Charging:
                    return ChargePointStatus.Charging;
                case BayStatus.SuspendedEvse:
                    return ChargePointStatus.SuspendedEVSE;
                case BayStatus.Unavailable:
                    return ChargePointStatus.Unavailable;
                case BayStatus.Faulted:
                    return ChargePointStatus.Faulted;
                default:
                    return ChargePointStatus.Available;
            }
        }

        // Returns false, with nothing sent, while the message's time cannot be resolved yet.
        private bool SendTransactionMessage(TransactionMessage message, long nowMs)
        {
            System.DateTime timestamp;
            if (!_transactions.TryGetTimestamp(message, out timestamp))
            {
                return false;
            }

            int transactionId = 0;
            if (message.Kind != TransactionMessageKind.StartTransaction
                && !_transactions.TryGetTransactionId(message.SessionId, out transactionId))
            {
                // Cannot happen while the FIFO keeps each StartTransaction ahead of its dependants;
                // sending without the real transactionId would invent one, so the message is dropped.
                _log.Error(Component, KindName(message.Kind) + " of session " + message.SessionId.ToString() + " has no transactionId; discarded");
                _transactions.RemoveHead(false);
                return true;
            }

            switch (message.Kind)
            {
                case TransactionMessageKind.StartTransaction:
                    _startRequest.Clear();
                    _startRequest.ConnectorId = message.ConnectorId;
                    _startRequest.IdTag = message.IdTag;
                    _startRequest.MeterStart = (int)message.MeterWh;
                    _startRequest.Timestamp = timestamp;
                    if (BeginCall(CallKind.Transaction, StartTransactionRequest.Action, nowMs))
                    {
                        _startRequest.Write(_writer);
                        EndCall(nowMs);
                    }

                    break;

                case TransactionMessageKind.MeterValues:
                    _meterValuesRequest.Clear();
                    _meterValuesRequest.ConnectorId = message.ConnectorId;
                    _meterValuesRequest.HasTransactionId = true;
                    _meterValuesRequest.TransactionId = transactionId;
                    AddEnergySample(_meterValuesRequest.MeterValue, timestamp, message.MeterWh, ReadingContext.SamplePeriodic);
                    if (BeginCall(CallKind.Transaction, MeterValuesRequest.Action, nowMs))
                    {
                        _meterValuesRequest.Write(_writer);
                        EndCall(nowMs);
                    }

                    break;

                default:
                    _stopRequest.Clear();
                    _stopRequest.TransactionId = transactionId;
                    _stopRequest.IdTag = message.IdTag;
                    _stopRequest.MeterStop = (int)message.MeterWh;
                    _stopRequest.Timestamp = timestamp;
                    _stopRequest.Reason = message.Reason;
                    if (message.HasSessionStart)
                    {
                        AddEnergySample(_stopRequest.TransactionData, Journal.EventTime.FromUtcMs(message.SessionStartUtcMs), message.SessionStartWh, ReadingContext.TransactionBegin);
                    }

                    AddEnergySample(_stopRequest.TransactionData, timestamp, message.MeterWh, ReadingContext.TransactionEnd);
                    if (BeginCall(CallKind.Transaction, StopTransactionRequest.Action, nowMs))
                    {
                        _stopRequest.Write(_writer);
                        EndCall(nowMs);
                    }

                    break;
            }

            return true;
        }

        private void AddEnergySample(MeterValueList list, System.DateTime timestamp, long registerWh, ReadingContext context)
        {
            MeterValue meterValue = list.Add();
            meterValue.Timestamp = timestamp;
            SampledValue sample = meterValue.SampledValue.Add();
            sample.SetValue(registerWh);
            sample.Context = context;
            sample.Measurand = Measurand.EnergyActiveImportRegister;
            sample.Unit = UnitOfMeasure.Wh;
        }

        private bool IsOutstanding(string messageId)
        {
            return _callKind != CallKind.None && messageId != null && messageId == _callMessageId.ToString();
        }

        // Starts a CALL frame in the writer; false (and nothing to send) when the request cannot be built.
        private bool BeginCall(CallKind kind, string action, long nowMs)
        {
            _callMessageId = _nextMessageId++;
            _callKind = kind;
            _callDeadlineMs = nowMs + _configuration.CallTimeoutSeconds * 1000L;
            _writer.Reset();
            RpcFrameWriter.BeginCall(_writer, _callMessageId.ToString(), action);
            return true;
        }

        private void EndCall(long nowMs)
        {
            RpcFrameWriter.EndFrame(_writer);
            _frames.Record(true, _writer.Buffer, 0, _writer.Length, nowMs);
            if (!_transport.Send(_writer.Buffer, 0, _writer.Length))
            {
                _log.Warning(Component, "send of message " + _callMessageId.ToString() + " failed: link not open");
            }
        }

        private void SendCallError(string messageId, string errorCode, string description)
        {
            _writer.Reset();
            RpcFrameWriter.WriteCallError(_writer, messageId, errorCode, description);
            _frames.Record(true, _writer.Buffer, 0, _writer.Length, _clock.MonotonicMs);
            _transport.Send(_writer.Buffer, 0, _writer.Length);
        }
    }
}
