using System.Text.Json.Nodes;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;
using KiWhi.Armoire.Tests.Firmware;
using KiWhi.Armoire.Tests.Ocpp;

namespace KiWhi.Armoire.Tests.Authorization;

/// <summary>Builders shared by the authorization tests: idTagInfo and SendLocalList.req read from JSON checked against the official schemas.</summary>
internal static class AuthorizationTestSupport
{
    public static readonly DateTime ServerTime = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    public static Logger NewLogger(IClock clock, ListLogSink? sink = null)
    {
        return new Logger(sink ?? new ListLogSink(), clock);
    }

    /// <summary>Returns an idTagInfo read by the firmware's reader from <paramref name="json"/>, which the schema of Authorize.conf must accept.</summary>
    public static IdTagInfo Info(string status, DateTime? expiry = null, string? parentIdTag = null)
    {
        var info = new JsonObject { ["status"] = status };
        if (expiry.HasValue)
        {
            info["expiryDate"] = expiry.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        }

        if (parentIdTag != null)
        {
            info["parentIdTag"] = parentIdTag;
        }

        OcppSchemas.AssertValid("Authorize.conf", new JsonObject { ["idTagInfo"] = info.DeepClone() }.ToJsonString());
        var result = new IdTagInfo();
        result.Read(OcppJson.Reader(info.ToJsonString()));
        return result;
    }

    /// <summary>Returns a SendLocalList.req built from (idTag, status or null for a removal) pairs.</summary>
    public static SendLocalListRequest Update(string updateType, int listVersion, params (string IdTag, string? Status)[] entries)
    {
        var list = new JsonArray();
        foreach (var (idTag, status) in entries)
        {
            var entry = new JsonObject { ["idTag"] = idTag };
            if (status != null)
            {
                entry["idTagInfo"] = new JsonObject { ["status"] = status };
            }

            list.Add(entry);
        }

        return Update(new JsonObject { ["listVersion"] = listVersion, ["updateType"] = updateType, ["localAuthorizationList"] = list });
    }

    public static SendLocalListRequest Update(JsonObject payload)
    {
        string json = payload.ToJsonString();
        OcppSchemas.AssertValid("SendLocalList.req", json);
        var request = new SendLocalListRequest(LocalAuthorizationList.MaxEntriesPerUpdate + 10);
        request.Read(OcppJson.Reader(json));
        return request;
    }

    /// <summary>Returns the idTags of <paramref name="table"/> in order.</summary>
    public static string[] IdTags(AuthorizationTable table)
    {
        return Enumerable.Range(0, table.Count).Select(table.GetIdTag).ToArray();
    }
}

/// <summary>Storage whose Rename fails while <see cref="FailRenames"/> is true, as a full or worn flash would.</summary>
internal sealed class FailingRenameStorage : IFileStorage
{
    public FailingRenameStorage(InMemoryFileStorage inner)
    {
        Inner = inner;
    }

    public InMemoryFileStorage Inner { get; }

    public bool FailRenames { get; set; }

    public int GetLength(string name) => Inner.GetLength(name);

    public int Read(string name, int position, byte[] buffer, int offset, int count) => Inner.Read(name, position, buffer, offset, count);

    public void Write(string name, byte[] buffer, int offset, int count) => Inner.Write(name, buffer, offset, count);

    public void Append(string name, byte[] buffer, int offset, int count) => Inner.Append(name, buffer, offset, count);

    public void Rename(string from, string to)
    {
        if (FailRenames)
        {
            throw new IOException("rename of " + from + " failed (test)");
        }

        Inner.Rename(from, to);
    }

    public void Delete(string name) => Inner.Delete(name);
}
