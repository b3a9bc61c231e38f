using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>Encoding of queued transaction messages as journal records (field lists in <see cref="RecordType"/>).</summary>
    public static class MessageRecords
    {
        /// <summary>True for the record types that put a message in the queue.</summary>
        public static bool IsMessage(RecordType type)
        {
            return type == RecordType.StartTransaction || type == RecordType.MeterValues || type == RecordType.StopTransaction;
        }

        public static RecordType TypeOf(TransactionMessageKind kind)
        {
            switch (kind)
            {
                case TransactionMessageKind.StartTransaction:
                    return RecordType.StartTransaction;
                case TransactionMessageKind.MeterValues:
                    return RecordType.MeterValues;
                default:
                    return RecordType.StopTransaction;
            }
        }

        public static TransactionMessageKind KindOf(RecordType type)
        {
            switch (type)
            {
                case RecordType.StartTransaction:
                    return TransactionMessageKind.StartTransaction;
                case RecordType.MeterValues:
                    return TransactionMessageKind.MeterValues;
                default:
                    return TransactionMessageKind.StopTransaction;
            }
        }

        /// <summary>Encodes <paramref name="message"/> into <paramref name="record"/>; check <see cref="JournalRecord.IsMalformed"/> afterwards.</summary>
        public static void Encode(TransactionMessage message, JournalRecord record)
        {
            record.Begin(TypeOf(message.Kind));
            record.WriteVarint(message.SessionId);
            record.WriteVarint(message.ConnectorId);
            if (message.Kind == TransactionMessageKind.StartTransaction)
            {
                record.WriteIdTag(message.IdTag);
            }

            record.WriteVarint(message.MeterWh);
            if (message.Kind == TransactionMessageKind.StopTransaction)
            {
                record.WriteByte(ReasonCode(message.Reason));
            }

            record.WriteTime(message.EventTime);
        }

        /// <summary>Decodes a message record into <paramref name="message"/>; returns false when the payload is malformed.</summary>
        public static bool Decode(JournalRecord record, TransactionMessage message)
        {
            record.Rewind();
            message.Clear();
            message.Kind = KindOf(record.Type);
            message.Sequence = record.Sequence;
            message.SessionId = record.ReadInt();
            message.ConnectorId = record.ReadInt();
            if (message.Kind == TransactionMessageKind.StartTransaction)
            {
                message.IdTag = record.ReadIdTag();
            }

            message.MeterWh = record.ReadVarint();
            if (message.Kind == TransactionMessageKind.StopTransaction)
            {
                message.Reason = ReasonOf(record.ReadByte());
            }

            record.ReadTime(message.EventTime);
            return !record.IsMalformed;
        }

        // Stable codes on flash, independent of the order of the Reason enum.
        private static int ReasonCode(Reason reason)
        {
            switch (reason)
            {
                case Reason.DeAuthorized:
                    return 1;
                case Reason.EmergencyStop:
                    return 2;
                case Reason.EVDisconnected:
                    return 3;
                case Reason.HardReset:
                    return 4;
                case Reason.Local:
                    return 5;
                case Reason.Other:
                    return 6;
                case Reason.PowerLoss:
                    return 7;
                case Reason.Reboot:
                    return 8;
                case Reason.Remote:
                    return 9;
                case Reason.SoftReset:
                    return 10;
                case Reason.UnlockCommand:
                    return 11;
                default:
                    return 0;
            }
        }

        private static Reason ReasonOf(int code)
        {
            switch (code)
            {
                case 1:
                    return Reason.DeAuthorized;
                case 2:
                    return Reason.EmergencyStop;
                case 3:
                    return Reason.EVDisconnected;
                case 4:
                    return Reason.HardReset;
                case 5:
                    return Reason.Local;
                case 6:
                    return Reason.Other;
                case 7:
                    return Reason.PowerLoss;
                case 8:
                    return Reason.Reboot;
                case 9:
                    return Reason.Remote;
                case 10:
                    return Reason.SoftReset;
                case 11:
                    return Reason.UnlockCommand;
                default:
                    return Reason.Omitted;
            }
        }
    }
}
