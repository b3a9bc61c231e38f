using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>What the cabinet recovers from its journal at boot, and the energy registers it persists.</summary>
    public sealed partial class Cabinet
    {
        /// <summary>Interval of register records for open sessions when periodic MeterValues are off (MeterValueSampleInterval 0), in seconds.</summary>
        public const int RegisterPersistIntervalSeconds = 60;

        private readonly TransactionJournal _journal;

        // Added to each hardware register reading: a meter whose count restarted at power-on (S0
        // pulses counted in RAM) reads below what was persisted, and billing needs a register that
        // never goes back.
        private readonly long[] _registerOffsetWh;

        /// <summary>The durable journal: transaction FIFO, persisted bay states and clock anchors.</summary>
        public TransactionJournal Journal
        {
            get { return _journal; }
        }

        /// <summary>Largest register reported, in Wh: OCPP 1.6 meterStart and meterStop are 32-bit integers here.</summary>
        public const long MaxRegisterWh = int.MaxValue;

        /// <summary>
        /// Returns the energy register of bay <paramref name="connectorId"/> in Wh, continued across reboots.
        /// A reading outside 0..<see cref="MaxRegisterWh"/> is a meter fault: it is logged and clamped, so
        /// meterStart, every sample and meterStop stay the same numbers in every message.
        /// </summary>
        public long ReadRegisterWh(int connectorId)
        {
            long registerWh = _hardware.Meters.ReadRegisterWh(connectorId) + _registerOffsetWh[connectorId - 1];
            if (registerWh >= 0 && registerWh <= MaxRegisterWh)
            {
                return registerWh;
            }

            _log.Error(Component, "bay " + connectorId.ToString() + " meter register " + registerWh.ToString()
                + " Wh is outside 0.." + MaxRegisterWh.ToString() + " Wh: meter fault, reading clamped");
            return registerWh < 0 ? 0 : MaxRegisterWh;
        }

        // Runs at boot with every contactor open: recovers the journal, restores availability and the
        // register offsets, then applies InterruptedSessionPolicy to the sessions still open in the journal.
        private void RecoverFromJournal(bool configurationValid)
        {
            _journal.Open();
            long nowMs = _hardware.Clock.MonotonicMs;
            for (int i = 0; i < _bays.Length; i++)
            {
                Bay bay = _bays[i];
                PersistedBay persisted = _journal.GetBay(bay.ConnectorId);
                RestoreRegisterOffset(bay.ConnectorId, persisted.LastRegisterWh);
                if (!persisted.Operative && bay.Status != BayStatus.Faulted)
                {
                    bay.Status = BayStatus.Unavailable;
                }

                if (persisted.HasSession)
                {
                    RecoverSession(bay, persisted, configurationValid, nowMs);
                }
            }
        }

        private void RestoreRegisterOffset(int connectorId, long persistedWh)
        {
            long hardwareWh = _hardware.Meters.ReadRegisterWh(connectorId);
            if (hardwareWh >= persistedWh)
            {
                return;
            }

            _registerOffsetWh[connectorId - 1] = persistedWh - hardwareWh;
            _log.Warning(Component, "bay " + connectorId.ToString() + " meter reads " + hardwareWh.ToString() + " Wh, below the "
                + persistedWh.ToString() + " Wh persisted: its count restarted at power-on, so "
                + _registerOffsetWh[connectorId - 1].ToString() + " Wh is added to every reading");
        }

        private void RecoverSession(Bay bay, PersistedBay persisted, bool configurationValid, long nowMs)
        {
            string session = "bay " + bay.ConnectorId.ToString() + " session " + persisted.SessionId.ToString();
            if (_configuration.InterruptedSessionPolicy == InterruptedSessionPolicy.Resume && configurationValid && !bay.IsOutOfService)
            {
                bay.BeginSession(persisted.SessionId, persisted.IdTag, persisted.MeterStartWh, nowMs);
                bay.HasTransactionId = persisted.HasTransactionId;
                bay.TransactionId = persisted.TransactionId;
                bay.NextMeterSampleMs = NextSampleTime(nowMs);
                _hardware.Contactors.Set(bay.ConnectorId, true);
                _log.Warning(Component, session + " interrupted by a reboot: resumed, contactor closed again");
                return;
            }

            // Reported once: the StopTransaction record closes the session in the journal, so a later
            // boot finds nothing left to stop.
            if (_chargePoint.QueueStopTransaction(persisted.SessionId, bay.ConnectorId, persisted.LastRegisterWh, Reason.PowerLoss, persisted.LastRegisterTime))
            {
                _log.Warning(Component, session + " interrupted by a reboot: stopped with reason PowerLoss at the last persisted register "
                    + persisted.LastRegisterWh.ToString() + " Wh");
            }
            else
            {
                _log.Error(Component, session + " interrupted by a reboot: its StopTransaction could not be journaled; retried at the next boot");
            }
        }

        // Persists the register of every open session at RegisterPersistIntervalSeconds when no periodic
        // MeterValues does it, so a PowerLoss stop reports a recent value.
        private void PersistRegisters(long nowMs)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                Bay bay = _bays[i];
                if (!bay.HasSession || nowMs < bay.NextMeterSampleMs)
                {
                    continue;
                }

                bay.NextMeterSampleMs = nowMs + RegisterPersistIntervalSeconds * 1000L;
                _journal.RecordMeterRegister(bay.ConnectorId, bay.SessionId, ReadMeterNotBelowStart(bay));
            }
        }
    }
}
