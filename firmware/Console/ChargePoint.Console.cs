namespace KiWhi.Armoire.Firmware
{
    /// <summary>The charge point's side of the technician console: the ring of latest OCPP frames.</summary>
    public sealed partial class ChargePoint
    {
        private readonly OcppFrameLog _frames = new OcppFrameLog();

        /// <summary>The latest frames sent and received, cut and with secrets masked, for the console's ocpp command.</summary>
        public OcppFrameLog Frames
        {
            get { return _frames; }
        }
    }
}
