using System;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>A CALL payload the bench cannot accept, with the OCPP-J 1.6 CALLERROR code to send.</summary>
    internal sealed class PayloadException : Exception
    {
        public PayloadException(string errorCode, string message)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        public string ErrorCode { get; }
    }
}
