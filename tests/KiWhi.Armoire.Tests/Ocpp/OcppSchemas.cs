using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>
    /// The official OCPP 1.6 JSON schemas as shipped by the npm package ocpp-rpc 2.2.1
    /// (lib/schemas/ocpp1_6.json, an array of draft-07 schemas with $id "urn:Action.req" / "urn:Action.conf"),
    /// evaluated with JsonSchema.Net with "format" asserted.
    /// </summary>
    internal static class OcppSchemas
    {
        private const string RelativePath = "tests/e2e/node_modules/ocpp-rpc/lib/schemas/ocpp1_6.json";

        private static readonly Lazy<Dictionary<string, JsonSchema>> _schemas = new(Load);

        /// <summary>Returns the schema with $id "urn:" + <paramref name="name"/>, for example "BootNotification.req".</summary>
        public static JsonSchema Get(string name)
        {
            Assert.True(_schemas.Value.TryGetValue("urn:" + name, out JsonSchema? schema), "No schema urn:" + name + " in " + RelativePath + ".");
            return schema!;
        }

        /// <summary>Returns the JSON array of every schema object, for tests that read enum lists.</summary>
        public static JsonArray GetRawArray()
        {
            return JsonNode.Parse(File.ReadAllText(FindSchemaFile()))!.AsArray();
        }

        /// <summary>Evaluates <paramref name="json"/> against the schema <paramref name="name"/>.</summary>
        public static EvaluationResults Evaluate(string name, string json)
        {
            var options = new EvaluationOptions
            {
                EvaluateAs = SpecVersion.Draft7,
                RequireFormatValidation = true,
                OutputFormat = OutputFormat.List,
            };
            return Get(name).Evaluate(JsonNode.Parse(json), options);
        }

        /// <summary>Fails with the schema's error list unless <paramref name="json"/> is valid.</summary>
        public static void AssertValid(string name, string json)
        {
            EvaluationResults results = Evaluate(name, json);
            Assert.True(results.IsValid, name + " rejects " + json + ": " + Describe(results));
        }

        /// <summary>Fails unless the schema rejects <paramref name="json"/>, so that a test's invalid sample is truly invalid.</summary>
        public static void AssertInvalid(string name, string json)
        {
            Assert.False(Evaluate(name, json).IsValid, name + " accepts " + json + ", which the test expects to be invalid.");
        }

        private static string Describe(EvaluationResults results)
        {
            var errors = new List<string>();
            foreach (EvaluationResults detail in results.Details)
            {
                if (detail.Errors == null)
                {
                    continue;
                }

                foreach (KeyValuePair<string, string> error in detail.Errors)
                {
                    errors.Add(detail.InstanceLocation + " " + error.Key + ": " + error.Value);
                }
            }

            return string.Join("; ", errors);
        }

        private static Dictionary<string, JsonSchema> Load()
        {
            string path = FindSchemaFile();
            var schemas = new Dictionary<string, JsonSchema>();
            foreach (JsonNode? node in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            {
                string id = node!["$id"]!.GetValue<string>();
                schemas[id] = JsonSchema.FromText(node.ToJsonString());
            }

            return schemas;
        }

        private static string FindSchemaFile()
        {
            DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "KiWhi.Armoire.sln")))
            {
                directory = directory.Parent;
            }

            Assert.True(directory != null, "The repository root (KiWhi.Armoire.sln) was not found above " + AppContext.BaseDirectory + ".");
            string path = Path.Combine(directory!.FullName, RelativePath);
            Assert.True(
                File.Exists(path),
                "The OCPP 1.6 JSON schemas are missing at " + path + ". Install them with `npm ci --prefix tests/e2e` from the repository root.");
            return path;
        }
    }
}
