using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>One meterValue (OCPP 1.6 §7.33 MeterValue): sampled values taken at one time.</summary>
    public sealed class MeterValue
    {
        /// <summary>UTC time of the readings (required).</summary>
        public System.DateTime Timestamp;

        /// <summary>The readings, at least one (cardinality 1..* in OCPP 1.6).</summary>
        public readonly SampledValueList SampledValue = new SampledValueList();

        /// <summary>Unsets the timestamp and removes every sampled value.</summary>
        public void Clear()
        {
            Timestamp = default(System.DateTime);
            SampledValue.Clear();
        }

        /// <summary>
        /// Checks the timestamp and every sampled value of entry <paramref name="index"/> of the array
        /// <paramref name="listName"/>. The field path is built only for the exception message.
        /// </summary>
        internal void Validate(string listName, int index)
        {
            if (Timestamp == default(System.DateTime))
            {
                throw new System.ArgumentException(
                    listName + "[" + index + "].timestamp is required but was never set.", listName);
            }

            if (SampledValue.Count == 0)
            {
                throw new System.ArgumentException(
                    listName + "[" + index + "].sampledValue needs at least one entry.", listName);
            }

            for (int i = 0; i < SampledValue.Count; i++)
            {
                string problem = SampledValue[i].FindProblem();
                if (problem != null)
                {
                    throw new System.ArgumentException(
                        listName + "[" + index + "].sampledValue[" + i + "]." + problem, listName);
                }
            }
        }

        /// <summary>Writes the meterValue object after the caller has run <see cref="Validate"/>.</summary>
        internal void Write(JsonWriter writer)
        {
            writer.WriteStartObject();
            OcppTime.WriteProperty(writer, "timestamp", Timestamp);
            writer.WritePropertyName("sampledValue");
            writer.WriteStartArray();
            for (int i = 0; i < SampledValue.Count; i++)
            {
                SampledValue[i].Write(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        /// <summary>Checks every entry of <paramref name="list"/>, the array property <paramref name="listName"/>.</summary>
        internal static void ValidateList(MeterValueList list, string listName)
        {
            for (int i = 0; i < list.Count; i++)
            {
                list[i].Validate(listName, i);
            }
        }

        /// <summary>Writes <paramref name="list"/> as the array property <paramref name="propertyName"/>.</summary>
        internal static void WriteList(JsonWriter writer, string propertyName, MeterValueList list)
        {
            writer.WritePropertyName(propertyName);
            writer.WriteStartArray();
            for (int i = 0; i < list.Count; i++)
            {
                list[i].Write(writer);
            }

            writer.WriteEndArray();
        }
    }
}
