namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Reply of a charge point to a CALL sent by the bench.</summary>
    /// <param name="IsError">True for a CALLERROR, false for a CALLRESULT.</param>
    /// <param name="PayloadJson">CALLRESULT payload, or CALLERROR details, as JSON text.</param>
    /// <param name="ErrorCode">CALLERROR errorCode; null for a CALLRESULT.</param>
    /// <param name="ErrorDescription">CALLERROR errorDescription; null for a CALLRESULT.</param>
    /// <param name="RawFrame">The whole reply frame as received.</param>
    public sealed record BenchCallResult(bool IsError, string PayloadJson, string ErrorCode, string ErrorDescription, string RawFrame);
}
