using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// What the charge point does with the idTagInfo of the confirmations it reads: it feeds the
    /// authorization cache, and a verdict that contradicts the local authorization list is reported
    /// as a StatusNotification on connector 0 with errorCode LocalListConflict.
    /// </summary>
    public sealed partial class ChargePoint
    {
        private bool _localListConflictPending;
        private bool _localListConflictInFlight;
        private string _localListConflictInfo;

        /// <summary>Conflicts between the central system's verdicts and the local authorization list since power-on.</summary>
        public int LocalListConflicts { get; private set; }

        // Called once a CALLRESULT is read, while the CALL it replies to is still the outstanding one.
        private void OnConfirmationRead(CallKind kind)
        {
            if (kind == CallKind.Authorize)
            {
                RecordIdTagInfo(_callIdTag, _authorizeConfirmation.IdTagInfo, "Authorize.conf");
                return;
            }

            if (kind != CallKind.Transaction)
            {
                return;
            }

            TransactionMessage head = _transactions.Peek();
            if (head == null)
            {
                return;
            }

            if (head.Kind == TransactionMessageKind.StartTransaction)
            {
                RecordIdTagInfo(head.IdTag, _startConfirmation.IdTagInfo, "StartTransaction.conf");
            }
            else if (head.Kind == TransactionMessageKind.StopTransaction && _stopConfirmation.HasIdTagInfo)
            {
                RecordIdTagInfo(head.IdTag, _stopConfirmation.IdTagInfo, "StopTransaction.conf");
            }
        }

        private void RecordIdTagInfo(string idTag, IdTagInfo info, string source)
        {
            AuthorizationStatus listStatus;
            if (!_cabinet.Authorizer.OnIdTagInfo(idTag, info, out listStatus))
            {
                return;
            }

            LocalListConflicts++;
            string serverText = OcppEnumText.ToText(info.Status);
            string listText = OcppEnumText.ToText(listStatus);
            _log.Warning(Component, "LocalListConflict: " + source + " gives " + serverText + " for " + FrontPanel.Mask(idTag)
                + " but the local authorization list has " + listText);

            // At most "server ConcurrentTx, local list ConcurrentTx": 44 characters, within CiString50.
            _localListConflictInfo = "server " + serverText + ", local list " + listText;
            _localListConflictPending = true;
            _statusDirty[0] = true;
        }

        // Puts a pending conflict into the StatusNotification of connector 0 unless that one already reports an error.
        private void AddLocalListConflict(StatusNotificationRequest request)
        {
            _localListConflictInFlight = false;
            if (!_localListConflictPending || request.ErrorCode != ChargePointErrorCode.NoError)
            {
                return;
            }

            request.ErrorCode = ChargePointErrorCode.LocalListConflict;
            request.Info = _localListConflictInfo;
            _localListConflictPending = false;
            _localListConflictInFlight = true;
        }

        // The link closed before the StatusNotification carrying the conflict got its CALLRESULT, so it is reported again.
        private void RestoreLocalListConflict(int connectorId)
        {
            if (connectorId == 0 && _localListConflictInFlight)
            {
                _localListConflictPending = true;
                _localListConflictInFlight = false;
            }
        }
    }
}
