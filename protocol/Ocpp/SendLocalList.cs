using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// SendLocalList.req (OCPP 1.6 §5.15): a Full or Differential update of the local authorization
    /// list, with the version the list has once the update is applied.
    /// </summary>
    /// <remarks>
    /// The entries are kept in objects allocated once, up to <see cref="Capacity"/>. Entries beyond it
    /// are still checked against the schema and counted in <see cref="EntryCount"/>, so the caller
    /// can reject an update it cannot hold in full.
    /// </remarks>
    public sealed class SendLocalListRequest : ReceivedPayload
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "SendLocalList";

        private const string ObjectName = "SendLocalList.req";

        private const int ListVersionBit = 1;
        private const int UpdateTypeBit = 2;
        private const int ListBit = 4;

        internal static readonly string[] UpdateTypeTexts = { "Differential", "Full" };

        private readonly AuthorizationData[] _entries;
        private readonly AuthorizationData _discardedEntry = new AuthorizationData();

        /// <summary>Creates a request that keeps at most <paramref name="capacity"/> entries.</summary>
        public SendLocalListRequest(int capacity)
            : base(ObjectName)
        {
            if (capacity < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity), "The capacity cannot be negative.");
            }

            _entries = new AuthorizationData[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _entries[i] = new AuthorizationData();
            }
        }

        /// <summary>Version of the list after the update.</summary>
        public int ListVersion { get; private set; }

        /// <summary>Whether the entries replace the list or change it.</summary>
        public UpdateType UpdateType { get; private set; }

        /// <summary>Entries in the received localAuthorizationList, including those beyond <see cref="Capacity"/>.</summary>
        public int EntryCount { get; private set; }

        /// <summary>Entries kept by <see cref="Read"/> at most.</summary>
        public int Capacity
        {
            get { return _entries.Length; }
        }

        /// <summary>Returns entry <paramref name="index"/>, for 0 ≤ index &lt; min(<see cref="EntryCount"/>, <see cref="Capacity"/>).</summary>
        public AuthorizationData GetEntry(int index)
        {
            if (index < 0 || index >= EntryCount || index >= _entries.Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(index), "No entry " + index + " was kept.");
            }

            return _entries[index];
        }

        /// <summary>Returns the wire text of <paramref name="updateType"/>.</summary>
        public static string ToText(UpdateType updateType)
        {
            int index = (int)updateType;
            return index >= 0 && index < UpdateTypeTexts.Length ? UpdateTypeTexts[index] : index.ToString();
        }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            ListVersion = 0;
            UpdateType = UpdateType.Differential;
            for (int i = 0; i < EntryCount && i < _entries.Length; i++)
            {
                _entries[i].Clear();
            }

            EntryCount = 0;
        }

        protected override void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("listVersion"))
                {
                    PayloadReader.MarkSeen(ref seen, ListVersionBit, ObjectName, "listVersion");
                    ListVersion = PayloadReader.ReadInt32(reader, ObjectName, "listVersion");
                }
                else if (reader.ValueEquals("updateType"))
                {
                    PayloadReader.MarkSeen(ref seen, UpdateTypeBit, ObjectName, "updateType");
                    UpdateType = (UpdateType)PayloadReader.ReadEnum(reader, UpdateTypeTexts, ObjectName, "updateType");
                }
                else if (reader.ValueEquals("localAuthorizationList"))
                {
                    PayloadReader.MarkSeen(ref seen, ListBit, ObjectName, "localAuthorizationList");
                    ReadEntries(reader);
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, ListVersionBit, ObjectName, "listVersion");
            PayloadReader.RequireSeen(seen, UpdateTypeBit, ObjectName, "updateType");
        }

        private void ReadEntries(JsonReader reader)
        {
            PayloadArrayReader.ReadStartArray(reader, ObjectName, "localAuthorizationList");
            while (PayloadArrayReader.ReadNextElement(reader))
            {
                PayloadArrayReader.RequireObjectElement(reader, ObjectName, "localAuthorizationList");
                AuthorizationData entry = EntryCount < _entries.Length ? _entries[EntryCount] : _discardedEntry;
                entry.ReadOpenedObject(reader);
                EntryCount++;
            }
        }
    }

    /// <summary>SendLocalList.conf (OCPP 1.6 §5.15): whether the update was applied.</summary>
    public sealed class SendLocalListConfirmation
    {
        internal static readonly string[] StatusTexts = { "Accepted", "Failed", "NotSupported", "VersionMismatch" };

        /// <summary>Outcome of the update.</summary>
        public UpdateStatus Status;

        /// <summary>Returns the wire text of <paramref name="status"/>.</summary>
        public static string ToText(UpdateStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < StatusTexts.Length ? StatusTexts[index] : index.ToString();
        }

        /// <summary>Writes the payload object.</summary>
        /// <exception cref="System.ArgumentException">The status is not an UpdateStatus value.</exception>
        public void Write(JsonWriter writer)
        {
            PayloadWriter.CheckEnum((int)Status, StatusTexts, false, "status");
            writer.WriteStartObject();
            writer.WriteString("status", StatusTexts[(int)Status]);
            writer.WriteEndObject();
        }
    }
}
