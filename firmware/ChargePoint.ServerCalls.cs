using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// CALLs from the central system: each supported action has a handler that reads the request,
    /// acts and replies with a CALLRESULT. A request that breaks its schema gets the CALLERROR code of
    /// OCPP-J 1.6 §4.2.3 that the reader found. An action without a handler gets NotImplemented.
    /// </summary>
    public sealed partial class ChargePoint
    {
        /// <summary>GetConfigurationMaxKeys: keys one GetConfiguration.req may name.</summary>
        public const int GetConfigurationMaxKeys = 32;

        private const string NumberOfConnectorsKey = "NumberOfConnectors";
        private const string GetConfigurationMaxKeysKey = "GetConfigurationMaxKeys";
        private const string LocalAuthListMaxLengthKey = "LocalAuthListMaxLength";
        private const string SendLocalListMaxLengthKey = "SendLocalListMaxLength";
        private const string HeartbeatIntervalKey = "HeartbeatInterval";
        private const string AuthorizationKeyName = "AuthorizationKey";

        // Read-only keys computed from the firmware's constants rather than stored settings.
        private static readonly string[] _fixedKeys =
        {
            NumberOfConnectorsKey, GetConfigurationMaxKeysKey, LocalAuthListMaxLengthKey, SendLocalListMaxLengthKey,
        };

        private readonly GetConfigurationRequest _getConfigurationRequest = new GetConfigurationRequest(GetConfigurationMaxKeys);
        private readonly GetConfigurationConfirmation _getConfigurationConfirmation =
            new GetConfigurationConfirmation(ConfigurationRegistry.Settings.Length + _fixedKeys.Length + GetConfigurationMaxKeys, GetConfigurationMaxKeys);
        private readonly ChangeConfigurationRequest _changeConfigurationRequest = new ChangeConfigurationRequest();
        private readonly ChangeConfigurationConfirmation _changeConfigurationConfirmation = new ChangeConfigurationConfirmation();
        private readonly SendLocalListRequest _sendLocalListRequest = new SendLocalListRequest(LocalAuthorizationList.MaxEntriesPerUpdate);
        private readonly SendLocalListConfirmation _sendLocalListConfirmation = new SendLocalListConfirmation();
        private readonly GetLocalListVersionRequest _getLocalListVersionRequest = new GetLocalListVersionRequest();
        private readonly GetLocalListVersionConfirmation _getLocalListVersionConfirmation = new GetLocalListVersionConfirmation();
        private readonly ClearCacheRequest _clearCacheRequest = new ClearCacheRequest();
        private readonly ClearCacheConfirmation _clearCacheConfirmation = new ClearCacheConfirmation();

        private void DispatchCall(long nowMs)
        {
            string action = _frame.Action;
            string messageId = _frame.MessageId;
            try
            {
                _frame.ResetToPayload(_reader);
                if (action == GetConfigurationRequest.Action)
                {
                    HandleGetConfiguration(messageId);
                }
                else if (action == ChangeConfigurationRequest.Action)
                {
                    HandleChangeConfiguration(messageId, nowMs);
                }
                else if (action == SendLocalListRequest.Action)
                {
                    HandleSendLocalList(messageId);
                }
                else if (action == GetLocalListVersionRequest.Action)
                {
                    HandleGetLocalListVersion(messageId);
                }
                else if (action == ClearCacheRequest.Action)
                {
                    HandleClearCache(messageId);
                }
                else
                {
                    _log.Info(Component, "CALL " + action + " (" + messageId + ") not implemented");
                    SendCallError(messageId, OcppError.NotImplemented, "");
                }
            }
            catch (OcppPayloadException exception)
            {
                _log.Warning(Component, "CALL " + action + " (" + messageId + ") rejected, " + exception.ErrorCode + ": " + exception.Message);
                SendCallError(messageId, exception.ErrorCode, exception.Message);
            }
            catch (JsonFormatException exception)
            {
                _log.Warning(Component, "CALL " + action + " (" + messageId + ") rejected, invalid JSON: " + exception.Message);
                SendCallError(messageId, OcppError.FormationViolation, exception.Message);
            }
            catch (System.ArgumentException exception)
            {
                // The confirmation would break its schema: nothing was sent, so the central system learns it here.
                _log.Error(Component, "CALLRESULT for " + action + " (" + messageId + ") not sent, invalid field: " + exception.Message);
                SendCallError(messageId, OcppError.InternalError, "");
            }
            catch (System.InvalidOperationException exception)
            {
                _log.Error(Component, "CALLRESULT for " + action + " (" + messageId + ") not sent: " + exception.Message);
                SendCallError(messageId, OcppError.InternalError, "");
            }
        }

        private void HandleGetConfiguration(string messageId)
        {
            _getConfigurationRequest.Read(_reader);
            GetConfigurationConfirmation confirmation = _getConfigurationConfirmation;
            confirmation.Clear();
            if (_getConfigurationRequest.KeyCount == 0)
            {
                // No key list, or an empty one: every key the central system may see (OCPP 1.6 §5.8).
                for (int i = 0; i < ConfigurationRegistry.Settings.Length; i++)
                {
                    AddVisibleSetting(ConfigurationRegistry.Settings[i]);
                }

                for (int i = 0; i < _fixedKeys.Length; i++)
                {
                    confirmation.AddKey(_fixedKeys[i], true, FixedKeyValue(_fixedKeys[i]));
                }
            }
            else
            {
                for (int i = 0; i < _getConfigurationRequest.KeyCount; i++)
                {
                    string key = _getConfigurationRequest.GetKey(i);
                    string fixedKey = FindFixedKey(key);
                    if (fixedKey != null)
                    {
                        confirmation.AddKey(fixedKey, true, FixedKeyValue(fixedKey));
                    }
                    else if (!AddVisibleSetting(ConfigurationRegistry.Find(key)))
                    {
                        // Unknown, not an OCPP key, or write-only like AuthorizationKey, whose value is never returned.
                        confirmation.AddUnknownKey(key);
                    }
                }
            }

            _log.Info(Component, "GetConfiguration (" + messageId + "): " + confirmation.KeyCount.ToString() + " keys, "
                + confirmation.UnknownKeyCount.ToString() + " unknown");
            RpcFrameWriter.BeginCallResult(_writer, messageId);
            confirmation.Write(_writer);
            SendCallResult();
        }

        // Adds a setting the central system may read. Returns false when there is none or it is not readable.
        private bool AddVisibleSetting(SettingDefinition setting)
        {
            if (setting == null || (setting.Ocpp != OcppAccess.ReadOnly && setting.Ocpp != OcppAccess.ReadWrite) || setting.IsSecret)
            {
                return false;
            }

            string value = setting.Key == HeartbeatIntervalKey
                ? _heartbeatIntervalSeconds.ToString()
                : ConfigurationRegistry.GetText(setting, _configuration);
            return _getConfigurationConfirmation.AddKey(setting.Key, setting.Ocpp == OcppAccess.ReadOnly, value);
        }

        private void HandleChangeConfiguration(string messageId, long nowMs)
        {
            _changeConfigurationRequest.Read(_reader);
            string key = _changeConfigurationRequest.Key;
            string value = _changeConfigurationRequest.Value;
            ConfigurationStatus status = ChangeSetting(key, value, nowMs);
            _log.Info(Component, "ChangeConfiguration (" + messageId + ") of " + key + ": "
                + ChangeConfigurationConfirmation.ToText(status));

            _changeConfigurationConfirmation.Status = status;
            RpcFrameWriter.BeginCallResult(_writer, messageId);
            _changeConfigurationConfirmation.Write(_writer);
            SendCallResult();
        }

        // Applies and saves a new value. The value is never logged, because AuthorizationKey is a secret.
        private ConfigurationStatus ChangeSetting(string key, string value, long nowMs)
        {
            if (FindFixedKey(key) != null)
            {
                return ConfigurationStatus.Rejected;
            }

            SettingDefinition setting = ConfigurationRegistry.Find(key);
            if (setting == null || setting.Ocpp == OcppAccess.Hidden)
            {
                return ConfigurationStatus.NotSupported;
            }

            if (setting.Ocpp == OcppAccess.ReadOnly)
            {
                return ConfigurationStatus.Rejected;
            }

            string failure;
            SettingCheck check = _cabinet.SavedConfiguration.Change(setting, value, true, out failure);
            if (!check.IsValid)
            {
                // SettingCheck never contains a secret's value, so check.Value is safe to log.
                string limits = check.Limit1.Length == 0 ? "" : " (limits: " + check.Limit1 + (check.Limit2.Length == 0 ? "" : ", " + check.Limit2) + ")";
                _log.Warning(Component, "ChangeConfiguration of " + setting.Key + " rejected: value '" + check.Value + "' is invalid" + limits);
                return ConfigurationStatus.Rejected;
            }

            if (failure != null)
            {
                // The value is not kept in RAM either, so the reply stays true after a reboot.
                _log.Error(Component, "ChangeConfiguration of " + setting.Key + " not saved: " + failure);
                return ConfigurationStatus.Rejected;
            }

            if (setting.Key == HeartbeatIntervalKey)
            {
                // HeartbeatInterval applies at once (OCPP 1.6 §5.3), without waiting for the next BootNotification.conf.
                _heartbeatIntervalSeconds = _configuration.HeartbeatIntervalSeconds;
                _nextHeartbeatMs = nowMs + _heartbeatIntervalSeconds * 1000L;
                return ConfigurationStatus.Accepted;
            }

            return setting.RequiresReboot ? ConfigurationStatus.RebootRequired : ConfigurationStatus.Accepted;
        }

        private void HandleSendLocalList(string messageId)
        {
            _sendLocalListRequest.Read(_reader);
            UpdateStatus status = _cabinet.Authorizer.ApplyLocalList(_sendLocalListRequest);
            _log.Info(Component, "SendLocalList (" + messageId + ") " + SendLocalListRequest.ToText(_sendLocalListRequest.UpdateType)
                + " version " + _sendLocalListRequest.ListVersion.ToString() + ", " + _sendLocalListRequest.EntryCount.ToString()
                + " entries: " + SendLocalListConfirmation.ToText(status));

            _sendLocalListConfirmation.Status = status;
            RpcFrameWriter.BeginCallResult(_writer, messageId);
            _sendLocalListConfirmation.Write(_writer);
            SendCallResult();
        }

        private void HandleGetLocalListVersion(string messageId)
        {
            _getLocalListVersionRequest.Read(_reader);
            _getLocalListVersionConfirmation.ListVersion = _cabinet.Authorizer.LocalListVersion;
            RpcFrameWriter.BeginCallResult(_writer, messageId);
            _getLocalListVersionConfirmation.Write(_writer);
            SendCallResult();
        }

        private void HandleClearCache(string messageId)
        {
            _clearCacheRequest.Read(_reader);
            _clearCacheConfirmation.Status = _cabinet.Authorizer.ClearCache();
            RpcFrameWriter.BeginCallResult(_writer, messageId);
            _clearCacheConfirmation.Write(_writer);
            SendCallResult();
        }

        private void SendCallResult()
        {
            RpcFrameWriter.EndFrame(_writer);
            _frames.Record(true, _writer.Buffer, 0, _writer.Length, _clock.MonotonicMs);
            if (!_transport.Send(_writer.Buffer, 0, _writer.Length))
            {
                _log.Warning(Component, "CALLRESULT not sent: link not open");
            }
        }

        private static string FindFixedKey(string key)
        {
            for (int i = 0; i < _fixedKeys.Length; i++)
            {
                if (SettingText.EqualsIgnoreCase(_fixedKeys[i], key))
                {
                    return _fixedKeys[i];
                }
            }

            return null;
        }

        private string FixedKeyValue(string key)
        {
            switch (key)
            {
                case NumberOfConnectorsKey:
                    return _configuration.BayCount.ToString();
                case GetConfigurationMaxKeysKey:
                    return GetConfigurationMaxKeys.ToString();
                case LocalAuthListMaxLengthKey:
                    return _cabinet.Authorizer.List.Capacity.ToString();
                default:
                    return LocalAuthorizationList.MaxEntriesPerUpdate.ToString();
            }
        }
    }
}
