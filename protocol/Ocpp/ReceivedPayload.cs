using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Base of the payload objects read from the central system. <see cref="Read"/> clears the fields,
    /// reads the object, and leaves the fields cleared when the payload breaks its schema, so a caller
    /// never acts on half-read values.
    /// </summary>
    public abstract class ReceivedPayload
    {
        private readonly string _objectName;

        /// <param name="objectName">Name used in error descriptions, for example "BootNotification.conf".</param>
        protected ReceivedPayload(string objectName)
        {
            _objectName = objectName;
        }

        /// <summary>Resets every field to its default.</summary>
        public abstract void Clear();

        /// <summary>
        /// Reads the payload object that the next token of <paramref name="reader"/> opens. On an
        /// <see cref="OcppPayloadException"/> the fields are cleared.
        /// </summary>
        /// <exception cref="OcppPayloadException">The payload does not match the OCPP 1.6 schema.</exception>
        public void Read(JsonReader reader)
        {
            Clear();
            try
            {
                ReadObject(reader);
            }
            catch (JsonFormatException e)
            {
                Clear();
                throw PayloadReader.InvalidJson(_objectName, e);
            }
            catch (OcppPayloadException)
            {
                Clear();
                throw;
            }
        }

        /// <summary>Reads the object's properties; throws <see cref="OcppPayloadException"/> on a schema violation.</summary>
        protected abstract void ReadObject(JsonReader reader);
    }
}
