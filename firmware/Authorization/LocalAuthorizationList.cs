using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The local authorization list (OCPP 1.6 §3.5 and §5.15): idTags with their idTagInfo, changed only
    /// by SendLocalList and kept on flash, so the cabinet can decide while the central system is unreachable.
    /// </summary>
    /// <remarks>
    /// Version rules: an empty list has version 0, whatever version the update that emptied it carried.
    /// A Full update replaces the whole list (entries without idTagInfo are left out) and needs a version
    /// above 0 unless it empties the list. A Differential update needs a version above the current one,
    /// otherwise VersionMismatch. Its entries with idTagInfo add or replace, and those without remove. An
    /// update is applied whole or not at all: one that would exceed <see cref="Capacity"/>, has more
    /// than <see cref="MaxEntriesPerUpdate"/> entries, repeats an idTag or cannot be saved gets Failed.
    /// </remarks>
    public sealed class LocalAuthorizationList
    {
        /// <summary>Maximum number of entries in the list (LocalAuthListMaxLength).</summary>
        public const int DefaultCapacity = 1000;

        /// <summary>
        /// Entries one SendLocalList.req may carry (SendLocalListMaxLength). An entry with a 20-character
        /// ASCII idTag and parentIdTag, status ConcurrentTx and an expiryDate with 7 fraction digits and an
        /// offset takes about 160 bytes of compact JSON, so 40 entries fit with room to spare in the
        /// <see cref="Cabinet.MaxMessageBytes"/> a received message may have.
        /// </summary>
        public const int MaxEntriesPerUpdate = 40;

        /// <summary>Name of the list's file on the storage.</summary>
        public const string FileName = "authlist.bin";

        private const string TempFileName = "authlist.tmp";
        private const string Component = "authlist";

        private readonly AuthorizationTable _table;
        private readonly AuthorizationFile _file;
        private readonly Logger _log;
        private int _version;

        public LocalAuthorizationList(IFileStorage storage, Logger log, int capacity)
        {
            _table = new AuthorizationTable(capacity);
            _file = new AuthorizationFile(storage, "KWL1");
            _log = log;
        }

        /// <summary>Version of the list, 0 when it is empty.</summary>
        public int Version
        {
            get { return _table.Count == 0 ? 0 : _version; }
        }

        public int Count
        {
            get { return _table.Count; }
        }

        public int Capacity
        {
            get { return _table.Capacity; }
        }

        /// <summary>The entries, for lookups and the technician console.</summary>
        public AuthorizationTable Entries
        {
            get { return _table; }
        }

        /// <summary>Loads the list saved on the storage. A missing or invalid file gives an empty list with version 0.</summary>
        public void Load()
        {
            int version;
            string problem;
            try
            {
                if (_file.Load(_table, FileName, out version, out problem))
                {
                    _version = version;
                    _log.Info(Component, "local authorization list version " + Version.ToString() + " loaded, " + _table.Count.ToString() + " entries");
                    return;
                }
            }
            catch (PowerLossException)
            {
                // On the device the CPU stops at a power cut, so nothing may run after it in simulation either.
                throw;
            }
            catch (System.Exception exception)
            {
                problem = "read failed: " + exception.Message;
            }

            _table.Clear();
            _version = 0;
            if (problem != null)
            {
                _log.Error(Component, "local authorization list file " + FileName + " not loaded (" + problem + "); starting with an empty list, version 0");
            }
        }

        /// <summary>Applies a SendLocalList.req and returns the status for its confirmation.</summary>
        public UpdateStatus Apply(SendLocalListRequest request)
        {
            string problem = CheckUpdate(request);
            if (problem != null)
            {
                _log.Warning(Component, SendLocalListRequest.ToText(request.UpdateType) + " update to version " + request.ListVersion.ToString()
                    + " failed: " + problem + "; list unchanged at version " + Version.ToString());
                return UpdateStatus.Failed;
            }

            if (request.UpdateType == UpdateType.Differential && request.ListVersion <= Version)
            {
                _log.Warning(Component, "Differential update to version " + request.ListVersion.ToString() + " rejected: current version is " + Version.ToString());
                return UpdateStatus.VersionMismatch;
            }

            int previousVersion = Version;
            if (request.UpdateType == UpdateType.Full)
            {
                _table.Clear();
            }

            ApplyEntries(request);
            _version = request.ListVersion;
            if (!Save())
            {
                // The file still contains the previous list, so reloading it makes RAM and flash agree.
                Load();
                return UpdateStatus.Failed;
            }

            _log.Info(Component, SendLocalListRequest.ToText(request.UpdateType) + " update applied: version " + previousVersion.ToString()
                + " -> " + Version.ToString() + ", " + _table.Count.ToString() + " entries");
            return UpdateStatus.Accepted;
        }

        /// <summary>Returns the index of <paramref name="idTag"/> in <see cref="Entries"/>, or -1.</summary>
        public int IndexOf(string idTag)
        {
            return _table.IndexOf(idTag);
        }

        // Returns why the update cannot be applied whole, or null.
        private string CheckUpdate(SendLocalListRequest request)
        {
            int entries = request.EntryCount;
            if (entries > request.Capacity || entries > MaxEntriesPerUpdate)
            {
                return entries.ToString() + " entries, more than SendLocalListMaxLength " + MaxEntriesPerUpdate.ToString();
            }

            for (int i = 0; i < entries; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (AuthorizationTable.IdTagEquals(request.GetEntry(i).IdTag, request.GetEntry(j).IdTag))
                    {
                        return "entries " + j.ToString() + " and " + i.ToString() + " have the same idTag";
                    }
                }
            }

            int countAfter = request.UpdateType == UpdateType.Full ? 0 : _table.Count;
            bool anyAdded = false;
            for (int i = 0; i < entries; i++)
            {
                AuthorizationData entry = request.GetEntry(i);
                bool present = request.UpdateType == UpdateType.Differential && _table.IndexOf(entry.IdTag) >= 0;
                if (entry.HasIdTagInfo && !present)
                {
                    countAfter++;
                }
                else if (!entry.HasIdTagInfo && present)
                {
                    countAfter--;
                }

                anyAdded |= entry.HasIdTagInfo;
            }

            if (countAfter > _table.Capacity)
            {
                return "the list would hold " + countAfter.ToString() + " entries, more than LocalAuthListMaxLength " + _table.Capacity.ToString();
            }

            if (request.UpdateType == UpdateType.Full && anyAdded && request.ListVersion <= 0)
            {
                return "a list with entries needs a version above 0";
            }

            return null;
        }

        // Removals first, so that a Differential update that fits once applied never overflows midway.
        private void ApplyEntries(SendLocalListRequest request)
        {
            for (int i = 0; i < request.EntryCount; i++)
            {
                AuthorizationData entry = request.GetEntry(i);
                if (!entry.HasIdTagInfo)
                {
                    _table.Remove(entry.IdTag);
                }
            }

            for (int i = 0; i < request.EntryCount; i++)
            {
                AuthorizationData entry = request.GetEntry(i);
                if (entry.HasIdTagInfo)
                {
                    IdTagInfo info = entry.IdTagInfo;
                    _table.Put(entry.IdTag, info.Status, info.HasExpiryDate, info.ExpiryDate, info.ParentIdTag, 0);
                }
            }
        }

        private bool Save()
        {
            try
            {
                _file.Save(_table, _version, FileName, TempFileName);
                return true;
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception exception)
            {
                _log.Error(Component, "local authorization list not saved: " + exception.Message);
                return false;
            }
        }
    }
}
