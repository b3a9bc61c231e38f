using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// GetConfiguration.req (OCPP 1.6 §5.8): the keys whose values the central system wants, or every
    /// key when the list is absent.
    /// </summary>
    public sealed class GetConfigurationRequest : ReceivedPayload
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "GetConfiguration";

        private const string ObjectName = "GetConfiguration.req";

        private const int KeyBit = 1;

        private readonly string[] _keys;

        /// <summary>
        /// Creates a request that accepts at most <paramref name="maxKeys"/> keys, the value the
        /// charge point reports as GetConfigurationMaxKeys.
        /// </summary>
        public GetConfigurationRequest(int maxKeys)
            : base(ObjectName)
        {
            if (maxKeys < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(maxKeys), "At least one key must be accepted.");
            }

            _keys = new string[maxKeys];
        }

        /// <summary>True when the payload had a key array, even an empty one.</summary>
        public bool HasKeys { get; private set; }

        /// <summary>Keys read into <see cref="GetKey"/>.</summary>
        public int KeyCount { get; private set; }

        /// <summary>Keys accepted in one request at most.</summary>
        public int MaxKeys
        {
            get { return _keys.Length; }
        }

        /// <summary>Returns key <paramref name="index"/> (CiString50) as the central system spelled it.</summary>
        public string GetKey(int index)
        {
            if (index < 0 || index >= KeyCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(index), "No key " + index + " was read.");
            }

            return _keys[index];
        }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            for (int i = 0; i < KeyCount; i++)
            {
                _keys[i] = null;
            }

            KeyCount = 0;
            HasKeys = false;
        }

        protected override void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("key"))
                {
                    PayloadReader.MarkSeen(ref seen, KeyBit, ObjectName, "key");
                    HasKeys = true;
                    ReadKeys(reader);
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }
        }

        private void ReadKeys(JsonReader reader)
        {
            PayloadArrayReader.ReadStartArray(reader, ObjectName, "key");
            while (PayloadArrayReader.ReadNextElement(reader))
            {
                string key = PayloadArrayReader.GetCiStringElement(reader, ObjectName, "key", CiStringLength.CiString50);
                if (KeyCount == _keys.Length)
                {
                    throw new OcppPayloadException(
                        OcppError.OccurenceConstraintViolation,
                        ObjectName + ".key has more than the " + _keys.Length + " keys of GetConfigurationMaxKeys.");
                }

                _keys[KeyCount++] = key;
            }
        }
    }

    /// <summary>
    /// GetConfiguration.conf (OCPP 1.6 §5.8): the known keys with their values (configurationKey) and
    /// the requested keys the charge point does not know (unknownKey). Arrays with no element are not written.
    /// </summary>
    public sealed class GetConfigurationConfirmation
    {
        private readonly string[] _keys;
        private readonly bool[] _readOnly;
        private readonly string[] _values;
        private readonly string[] _unknownKeys;

        /// <summary>Creates a confirmation with room for <paramref name="keyCapacity"/> known and <paramref name="unknownKeyCapacity"/> unknown keys.</summary>
        public GetConfigurationConfirmation(int keyCapacity, int unknownKeyCapacity)
        {
            if (keyCapacity < 0 || unknownKeyCapacity < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(keyCapacity), "The capacities cannot be negative.");
            }

            _keys = new string[keyCapacity];
            _readOnly = new bool[keyCapacity];
            _values = new string[keyCapacity];
            _unknownKeys = new string[unknownKeyCapacity];
        }

        /// <summary>Known keys added so far.</summary>
        public int KeyCount { get; private set; }

        /// <summary>Unknown keys added so far.</summary>
        public int UnknownKeyCount { get; private set; }

        /// <summary>Removes every key.</summary>
        public void Clear()
        {
            for (int i = 0; i < KeyCount; i++)
            {
                _keys[i] = null;
                _values[i] = null;
            }

            for (int i = 0; i < UnknownKeyCount; i++)
            {
                _unknownKeys[i] = null;
            }

            KeyCount = 0;
            UnknownKeyCount = 0;
        }

        /// <summary>
        /// Adds a configurationKey entry, without value when <paramref name="value"/> is null. Returns false,
        /// adding nothing, when the capacity is reached.
        /// </summary>
        public bool AddKey(string key, bool readOnly, string value)
        {
            if (KeyCount == _keys.Length)
            {
                return false;
            }

            _keys[KeyCount] = key;
            _readOnly[KeyCount] = readOnly;
            _values[KeyCount] = value;
            KeyCount++;
            return true;
        }

        /// <summary>Adds an unknownKey entry. Returns false, adding nothing, when the capacity is reached.</summary>
        public bool AddUnknownKey(string key)
        {
            if (UnknownKeyCount == _unknownKeys.Length)
            {
                return false;
            }

            _unknownKeys[UnknownKeyCount++] = key;
            return true;
        }

        /// <summary>Checks every key against CiString50 and every value against CiString500.</summary>
        /// <exception cref="System.ArgumentException">A key is null or too long, or a value is too long.</exception>
        public void Validate()
        {
            for (int i = 0; i < KeyCount; i++)
            {
                PayloadWriter.CheckCiString(_keys[i], CiStringLength.CiString50, true, "configurationKey.key");
                PayloadWriter.CheckCiString(_values[i], CiStringLength.CiString500, false, "configurationKey.value");
            }

            for (int i = 0; i < UnknownKeyCount; i++)
            {
                PayloadWriter.CheckCiString(_unknownKeys[i], CiStringLength.CiString50, true, "unknownKey");
            }
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            if (KeyCount > 0)
            {
                writer.WriteStartArray("configurationKey");
                for (int i = 0; i < KeyCount; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", _keys[i]);
                    writer.WriteBoolean("readonly", _readOnly[i]);
                    PayloadWriter.WriteOptionalString(writer, "value", _values[i]);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (UnknownKeyCount > 0)
            {
                writer.WriteStartArray("unknownKey");
                for (int i = 0; i < UnknownKeyCount; i++)
                {
                    writer.WriteStringValue(_unknownKeys[i]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }
}
