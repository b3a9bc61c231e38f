using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// Scripted replies of the central system to a CALL of the charge point, in the form tests/e2e/central-system.js reads.
/// In a result, the string "$now" stands for the central system's UTC time and "$next" for a new transactionId.
/// </summary>
public static class Reply
{
    /// <summary>A CALLRESULT carrying <paramref name="payload"/> (an anonymous object whose property names are the OCPP field names).</summary>
    public static JsonObject Result(object payload)
    {
        return new JsonObject { ["result"] = JsonSerializer.SerializeToNode(payload) };
    }

    /// <summary>A CALLERROR with an OCPP-J error code such as "InternalError".</summary>
    public static JsonObject Error(string errorCode, string description = "")
    {
        return new JsonObject { ["error"] = errorCode, ["description"] = description };
    }

    /// <summary>No reply at all: the charge point's CALL times out on its side.</summary>
    public static JsonObject None()
    {
        return new JsonObject { ["noReply"] = true };
    }
}
