using System.Text;
using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>Runs the portable codec on test text: writes payloads to strings and reads payloads from strings.</summary>
    internal static class OcppJson
    {
        public const int CapacityBytes = 16384;
        public const int MaxDepth = 16;

        /// <summary>Returns the text that <paramref name="write"/> produces on a fresh writer.</summary>
        public static string Write(Action<JsonWriter> write)
        {
            var writer = new JsonWriter(CapacityBytes, MaxDepth);
            write(writer);
            return Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);
        }

        /// <summary>Returns a reader positioned before the root value of <paramref name="json"/>.</summary>
        public static JsonReader Reader(string json)
        {
            var reader = new JsonReader(MaxDepth);
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            reader.Reset(utf8, 0, utf8.Length);
            return reader;
        }
    }
}
