using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// One entry of the localAuthorizationList of SendLocalList.req (OCPP 1.6 AuthorizationData): an
    /// idTag and, except in a Differential update that removes the idTag, its idTagInfo.
    /// </summary>
    public sealed class AuthorizationData
    {
        private const string ObjectName = "localAuthorizationList";
        private const int IdTagBit = 1;
        private const int IdTagInfoBit = 2;

        /// <summary>Verdict on <see cref="IdTag"/>, meaningful only when <see cref="HasIdTagInfo"/> is true.</summary>
        public readonly IdTagInfo IdTagInfo = new IdTagInfo();

        /// <summary>Identifier of the card (CiString20).</summary>
        public string IdTag { get; private set; }

        /// <summary>True when the entry carries an idTagInfo. False marks a removal in a Differential update.</summary>
        public bool HasIdTagInfo { get; private set; }

        /// <summary>Resets every field to its absent value.</summary>
        public void Clear()
        {
            IdTag = null;
            HasIdTagInfo = false;
            IdTagInfo.Clear();
        }

        /// <summary>Reads the rest of an entry object whose opening token the reader has just returned.</summary>
        /// <exception cref="OcppPayloadException">The entry does not match the SendLocalList.req schema.</exception>
        internal void ReadOpenedObject(JsonReader reader)
        {
            Clear();
            int seen = 0;
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("idTag"))
                {
                    PayloadReader.MarkSeen(ref seen, IdTagBit, ObjectName, "idTag");
                    IdTag = PayloadReader.ReadCiString(reader, ObjectName, "idTag", CiStringLength.CiString20);
                }
                else if (reader.ValueEquals("idTagInfo"))
                {
                    PayloadReader.MarkSeen(ref seen, IdTagInfoBit, ObjectName, "idTagInfo");
                    IdTagInfo.Read(reader);
                    HasIdTagInfo = true;
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, IdTagBit, ObjectName, "idTag");
        }
    }
}
