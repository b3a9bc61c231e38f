using System.Text.Json.Nodes;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>
    /// Request readers and confirmation writers of the CALLs a central system sends (SendLocalList,
    /// GetLocalListVersion, ClearCache, GetConfiguration, ChangeConfiguration), checked against the
    /// official OCPP 1.6 schemas. What a schema accepts is read with its values, and what it rejects
    /// fails with the OCPP-J 1.6 §4.2.3 code. What the cabinet writes passes the .conf schema.
    /// </summary>
    public class ServerCallMessageTests
    {
        private const int Iterations = 300;

        private static readonly string[] AuthorizationStatuses = { "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx" };

        [Fact]
        public void SendLocalListReadsGeneratedPayloads()
        {
            var samples = new RequestSamples(51);
            var request = new SendLocalListRequest(8);

            for (int i = 0; i < Iterations; i++)
            {
                string updateType = samples.Random.Next(2) == 0 ? "Full" : "Differential";
                int listVersion = samples.Integer();
                var payload = new JsonObject { ["listVersion"] = listVersion, ["updateType"] = updateType };
                var expected = new List<(string IdTag, string? Status, DateTime? Expiry, string? Parent)>();
                if (samples.Random.Next(4) != 0)
                {
                    var list = new JsonArray();
                    int count = samples.Random.Next(9);
                    for (int j = 0; j < count; j++)
                    {
                        string idTag = samples.Text(samples.Length(20), samples.Random.Next(2) == 0);
                        var entry = new JsonObject { ["idTag"] = idTag };
                        string? status = null;
                        DateTime? expiry = null;
                        string? parent = null;
                        if (samples.Random.Next(4) != 0)
                        {
                            status = AuthorizationStatuses[samples.Random.Next(AuthorizationStatuses.Length)];
                            var info = new JsonObject { ["status"] = status };
                            if (samples.Random.Next(2) == 0)
                            {
                                expiry = samples.Time();
                                info["expiryDate"] = RequestSamples.ExpectedTime(expiry.Value);
                                expiry = DateTime.Parse(RequestSamples.ExpectedTime(expiry.Value), null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                            }

                            if (samples.Random.Next(2) == 0)
                            {
                                parent = samples.Text(samples.Length(20), true);
                                info["parentIdTag"] = parent;
                            }

                            entry["idTagInfo"] = info;
                        }

                        list.Add(entry);
                        expected.Add((idTag, status, expiry, parent));
                    }

                    payload["localAuthorizationList"] = list;
                }

                string json = payload.ToJsonString();
                OcppSchemas.AssertValid("SendLocalList.req", json);
                request.Read(OcppJson.Reader(json));

                Assert.Equal(listVersion, request.ListVersion);
                Assert.Equal(updateType, SendLocalListRequest.ToText(request.UpdateType));
                Assert.Equal(expected.Count, request.EntryCount);
                for (int j = 0; j < expected.Count; j++)
                {
                    AuthorizationData entry = request.GetEntry(j);
                    Assert.Equal(expected[j].IdTag, entry.IdTag);
                    Assert.Equal(expected[j].Status != null, entry.HasIdTagInfo);
                    if (expected[j].Status != null)
                    {
                        Assert.Equal(expected[j].Status, OcppEnumText.ToText(entry.IdTagInfo.Status));
                        Assert.Equal(expected[j].Expiry.HasValue, entry.IdTagInfo.HasExpiryDate);
                        Assert.Equal(expected[j].Parent, entry.IdTagInfo.ParentIdTag);
                        if (expected[j].Expiry.HasValue)
                        {
                            Assert.Equal(expected[j].Expiry!.Value, entry.IdTagInfo.ExpiryDate);
                        }
                    }
                }
            }
        }

        [Theory]
        [InlineData("{\"updateType\":\"Full\"}", "OccurenceConstraintViolation")]
        [InlineData("{\"listVersion\":1}", "OccurenceConstraintViolation")]
        [InlineData("{\"listVersion\":\"1\",\"updateType\":\"Full\"}", "TypeConstraintViolation")]
        [InlineData("{\"listVersion\":1.5,\"updateType\":\"Full\"}", "TypeConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Partial\"}", "PropertyConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"full\"}", "PropertyConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"extra\":true}", "FormationViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":{}}", "TypeConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[\"04A1\"]}", "TypeConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{}]}", "OccurenceConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"123456789012345678901\"}]}", "PropertyConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"A\",\"idTagInfo\":{}}]}", "OccurenceConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"A\",\"idTagInfo\":{\"status\":\"Unknown\"}}]}", "PropertyConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"A\",\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"tomorrow\"}}]}", "PropertyConstraintViolation")]
        [InlineData("{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"A\",\"idTagInfo\":{\"status\":\"Accepted\"},\"note\":1}]}", "FormationViolation")]
        [InlineData("[]", "TypeConstraintViolation")]
        public void SendLocalListRejectsInvalidPayloads(string json, string errorCode)
        {
            OcppSchemas.AssertInvalid("SendLocalList.req", json);
            var request = new SendLocalListRequest(4);

            var exception = Assert.Throws<OcppPayloadException>(() => request.Read(OcppJson.Reader(json)));

            Assert.Equal(errorCode, exception.ErrorCode);
            Assert.Equal(0, request.EntryCount);
        }

        [Fact]
        public void SendLocalListCountsEntriesBeyondCapacity()
        {
            var entries = new JsonArray();
            for (int i = 0; i < 5; i++)
            {
                entries.Add(new JsonObject { ["idTag"] = "TAG" + i, ["idTagInfo"] = new JsonObject { ["status"] = "Accepted" } });
            }

            var request = new SendLocalListRequest(3);
            request.Read(OcppJson.Reader(new JsonObject { ["listVersion"] = 2, ["updateType"] = "Full", ["localAuthorizationList"] = entries }.ToJsonString()));

            Assert.Equal(5, request.EntryCount);
            Assert.Equal("TAG2", request.GetEntry(2).IdTag);
            Assert.Throws<ArgumentOutOfRangeException>(() => request.GetEntry(3));
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{ }")]
        public void EmptyRequestsAreRead(string json)
        {
            OcppSchemas.AssertValid("ClearCache.req", json);
            OcppSchemas.AssertValid("GetLocalListVersion.req", json);

            new ClearCacheRequest().Read(OcppJson.Reader(json));
            new GetLocalListVersionRequest().Read(OcppJson.Reader(json));
        }

        [Theory]
        [InlineData("{\"force\":true}", "FormationViolation")]
        [InlineData("[]", "TypeConstraintViolation")]
        [InlineData("\"x\"", "TypeConstraintViolation")]
        public void EmptyRequestsRejectProperties(string json, string errorCode)
        {
            OcppSchemas.AssertInvalid("ClearCache.req", json);
            OcppSchemas.AssertInvalid("GetLocalListVersion.req", json);

            Assert.Equal(errorCode, Assert.Throws<OcppPayloadException>(() => new ClearCacheRequest().Read(OcppJson.Reader(json))).ErrorCode);
            Assert.Equal(errorCode, Assert.Throws<OcppPayloadException>(() => new GetLocalListVersionRequest().Read(OcppJson.Reader(json))).ErrorCode);
        }

        [Fact]
        public void GetConfigurationReadsKeys()
        {
            string json = "{\"key\":[\"HeartbeatInterval\",\"" + new string('k', 50) + "\",\"\"]}";
            OcppSchemas.AssertValid("GetConfiguration.req", json);
            var request = new GetConfigurationRequest(4);

            request.Read(OcppJson.Reader(json));

            Assert.True(request.HasKeys);
            Assert.Equal(3, request.KeyCount);
            Assert.Equal("HeartbeatInterval", request.GetKey(0));
            Assert.Equal(new string('k', 50), request.GetKey(1));
            Assert.Equal("", request.GetKey(2));
        }

        [Fact]
        public void GetConfigurationWithoutKeysAsksForAll()
        {
            var request = new GetConfigurationRequest(4);
            request.Read(OcppJson.Reader("{\"key\":[\"A\"]}"));

            request.Read(OcppJson.Reader("{}"));

            Assert.False(request.HasKeys);
            Assert.Equal(0, request.KeyCount);
        }

        [Theory]
        [InlineData("{\"key\":\"HeartbeatInterval\"}", "TypeConstraintViolation")]
        [InlineData("{\"key\":[1]}", "TypeConstraintViolation")]
        [InlineData("{\"key\":[\"123456789012345678901234567890123456789012345678901\"]}", "PropertyConstraintViolation")]
        [InlineData("{\"keys\":[]}", "FormationViolation")]
        public void GetConfigurationRejectsInvalidPayloads(string json, string errorCode)
        {
            OcppSchemas.AssertInvalid("GetConfiguration.req", json);

            var exception = Assert.Throws<OcppPayloadException>(() => new GetConfigurationRequest(4).Read(OcppJson.Reader(json)));

            Assert.Equal(errorCode, exception.ErrorCode);
        }

        [Fact]
        public void GetConfigurationRejectsMoreKeysThanMax()
        {
            string json = "{\"key\":[\"A\",\"B\",\"C\"]}";
            OcppSchemas.AssertValid("GetConfiguration.req", json);

            var exception = Assert.Throws<OcppPayloadException>(() => new GetConfigurationRequest(2).Read(OcppJson.Reader(json)));

            Assert.Equal("OccurenceConstraintViolation", exception.ErrorCode);
        }

        [Fact]
        public void ChangeConfigurationReadsKeyAndValue()
        {
            string value = new string('v', 500);
            string json = "{\"value\":\"" + value + "\",\"key\":\"LocalPreAuthorize\"}";
            OcppSchemas.AssertValid("ChangeConfiguration.req", json);
            var request = new ChangeConfigurationRequest();

            request.Read(OcppJson.Reader(json));

            Assert.Equal("LocalPreAuthorize", request.Key);
            Assert.Equal(value, request.Value);
        }

        [Theory]
        [InlineData("{\"key\":\"LocalPreAuthorize\"}", "OccurenceConstraintViolation")]
        [InlineData("{\"value\":\"true\"}", "OccurenceConstraintViolation")]
        [InlineData("{\"key\":\"LocalPreAuthorize\",\"value\":true}", "TypeConstraintViolation")]
        [InlineData("{\"key\":\"123456789012345678901234567890123456789012345678901\",\"value\":\"1\"}", "PropertyConstraintViolation")]
        [InlineData("{\"key\":\"A\",\"value\":\"1\",\"reboot\":false}", "FormationViolation")]
        public void ChangeConfigurationRejectsInvalidPayloads(string json, string errorCode)
        {
            OcppSchemas.AssertInvalid("ChangeConfiguration.req", json);
            var request = new ChangeConfigurationRequest();

            var exception = Assert.Throws<OcppPayloadException>(() => request.Read(OcppJson.Reader(json)));

            Assert.Equal(errorCode, exception.ErrorCode);
            Assert.Null(request.Key);
        }

        [Fact]
        public void ChangeConfigurationRejectsRepeatedKey()
        {
            // A repeated property is not valid JSON for a schema check, so there is no schema to compare with.
            var exception = Assert.Throws<OcppPayloadException>(
                () => new ChangeConfigurationRequest().Read(OcppJson.Reader("{\"key\":\"A\",\"key\":\"B\",\"value\":\"1\"}")));

            Assert.Equal("OccurenceConstraintViolation", exception.ErrorCode);
        }

        [Fact]
        public void ChangeConfigurationRejectsOverlongValue()
        {
            string json = "{\"key\":\"A\",\"value\":\"" + new string('v', 501) + "\"}";
            OcppSchemas.AssertInvalid("ChangeConfiguration.req", json);

            var exception = Assert.Throws<OcppPayloadException>(() => new ChangeConfigurationRequest().Read(OcppJson.Reader(json)));

            Assert.Equal("PropertyConstraintViolation", exception.ErrorCode);
        }

        [Theory]
        [InlineData(UpdateStatus.Accepted, "Accepted")]
        [InlineData(UpdateStatus.Failed, "Failed")]
        [InlineData(UpdateStatus.NotSupported, "NotSupported")]
        [InlineData(UpdateStatus.VersionMismatch, "VersionMismatch")]
        public void SendLocalListConfirmationMatchesSchema(UpdateStatus status, string text)
        {
            string json = OcppJson.Write(new SendLocalListConfirmation { Status = status }.Write);

            OcppSchemas.AssertValid("SendLocalList.conf", json);
            Assert.Equal("{\"status\":\"" + text + "\"}", json);
        }

        [Theory]
        [InlineData(ConfigurationStatus.Accepted, "Accepted")]
        [InlineData(ConfigurationStatus.Rejected, "Rejected")]
        [InlineData(ConfigurationStatus.RebootRequired, "RebootRequired")]
        [InlineData(ConfigurationStatus.NotSupported, "NotSupported")]
        public void ChangeConfigurationConfirmationMatchesSchema(ConfigurationStatus status, string text)
        {
            string json = OcppJson.Write(new ChangeConfigurationConfirmation { Status = status }.Write);

            OcppSchemas.AssertValid("ChangeConfiguration.conf", json);
            Assert.Equal("{\"status\":\"" + text + "\"}", json);
        }

        [Theory]
        [InlineData(ClearCacheStatus.Accepted, "Accepted")]
        [InlineData(ClearCacheStatus.Rejected, "Rejected")]
        public void ClearCacheConfirmationMatchesSchema(ClearCacheStatus status, string text)
        {
            string json = OcppJson.Write(new ClearCacheConfirmation { Status = status }.Write);

            OcppSchemas.AssertValid("ClearCache.conf", json);
            Assert.Equal("{\"status\":\"" + text + "\"}", json);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(int.MaxValue)]
        public void GetLocalListVersionConfirmationMatchesSchema(int version)
        {
            string json = OcppJson.Write(new GetLocalListVersionConfirmation { ListVersion = version }.Write);

            OcppSchemas.AssertValid("GetLocalListVersion.conf", json);
            Assert.Equal(version, JsonNode.Parse(json)!["listVersion"]!.GetValue<int>());
        }

        [Fact]
        public void StatusOutsideEnumIsNeverWritten()
        {
            Assert.Throws<ArgumentException>(() => OcppJson.Write(new SendLocalListConfirmation { Status = (UpdateStatus)9 }.Write));
            Assert.Throws<ArgumentException>(() => OcppJson.Write(new ChangeConfigurationConfirmation { Status = (ConfigurationStatus)9 }.Write));
            Assert.Throws<ArgumentException>(() => OcppJson.Write(new ClearCacheConfirmation { Status = (ClearCacheStatus)9 }.Write));
        }

        [Fact]
        public void GetConfigurationConfirmationMatchesSchema()
        {
            var samples = new RequestSamples(52);
            var confirmation = new GetConfigurationConfirmation(10, 5);

            for (int i = 0; i < Iterations; i++)
            {
                confirmation.Clear();
                var expectedKeys = new JsonArray();
                var expectedUnknown = new JsonArray();
                int known = samples.Random.Next(11);
                for (int j = 0; j < known; j++)
                {
                    string key = samples.Text(samples.Length(50), samples.Random.Next(2) == 0);
                    bool readOnly = samples.Random.Next(2) == 0;
                    string? value = samples.OptionalText(500, samples.Random.Next(2) == 0);
                    Assert.True(confirmation.AddKey(key, readOnly, value));
                    var entry = new JsonObject { ["key"] = key, ["readonly"] = readOnly };
                    if (value != null)
                    {
                        entry["value"] = value;
                    }

                    expectedKeys.Add(entry);
                }

                int unknown = samples.Random.Next(6);
                for (int j = 0; j < unknown; j++)
                {
                    string key = samples.Text(samples.Length(50), true);
                    Assert.True(confirmation.AddUnknownKey(key));
                    expectedUnknown.Add(key);
                }

                string json = OcppJson.Write(confirmation.Write);
                OcppSchemas.AssertValid("GetConfiguration.conf", json);
                JsonNode written = JsonNode.Parse(json)!;
                Assert.True(JsonNode.DeepEquals(known == 0 ? null : expectedKeys, written["configurationKey"]), json);
                Assert.True(JsonNode.DeepEquals(unknown == 0 ? null : expectedUnknown, written["unknownKey"]), json);
            }
        }

        [Fact]
        public void GetConfigurationConfirmationStopsAtCapacity()
        {
            var confirmation = new GetConfigurationConfirmation(1, 1);

            Assert.True(confirmation.AddKey("A", true, "1"));
            Assert.False(confirmation.AddKey("B", true, "2"));
            Assert.True(confirmation.AddUnknownKey("C"));
            Assert.False(confirmation.AddUnknownKey("D"));
            Assert.Equal("{\"configurationKey\":[{\"key\":\"A\",\"readonly\":true,\"value\":\"1\"}],\"unknownKey\":[\"C\"]}", OcppJson.Write(confirmation.Write));
        }

        [Fact]
        public void GetConfigurationConfirmationRejectsOverlongValue()
        {
            var confirmation = new GetConfigurationConfirmation(1, 0);
            confirmation.AddKey("A", false, new string('v', 501));

            Assert.Throws<ArgumentException>(() => OcppJson.Write(confirmation.Write));
        }
    }
}
