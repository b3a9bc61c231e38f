using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The authorization cache (OCPP 1.6 §3.5): the last idTagInfo the central system gave for each
    /// idTag, kept on flash, so the cabinet can decide while the central system is unreachable.
    /// </summary>
    /// <remarks>
    /// Every store moves the entry to the newest position. When the cache is full, the entry evicted is
    /// the oldest one that is not valid (status other than Accepted, or past its expiryDate), and only
    /// when every entry is valid, the oldest of all. The file is rewritten after every change.
    /// </remarks>
    public sealed class AuthorizationCache
    {
        /// <summary>Maximum number of entries in the cache.</summary>
        public const int DefaultCapacity = 256;

        /// <summary>Name of the cache's file on the storage.</summary>
        public const string FileName = "authcache.bin";

        private const string TempFileName = "authcache.tmp";
        private const string Component = "authcache";

        private readonly AuthorizationTable _table;
        private readonly AuthorizationFile _file;
        private readonly Logger _log;
        private readonly IClock _clock;
        private long _nextSequence = 1;

        public AuthorizationCache(IFileStorage storage, IClock clock, Logger log, int capacity)
        {
            _table = new AuthorizationTable(capacity);
            _file = new AuthorizationFile(storage, "KWC1");
            _clock = clock;
            _log = log;
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

        /// <summary>Entries removed to make room for newer ones since power-on.</summary>
        public int Evictions { get; private set; }

        /// <summary>Loads the cache saved on the storage. A missing or invalid file gives an empty cache.</summary>
        public void Load()
        {
            int unused;
            string problem;
            try
            {
                if (_file.Load(_table, FileName, out unused, out problem))
                {
                    _nextSequence = 1;
                    for (int i = 0; i < _table.Count; i++)
                    {
                        if (_table.GetSequence(i) >= _nextSequence)
                        {
                            _nextSequence = _table.GetSequence(i) + 1;
                        }
                    }

                    _log.Info(Component, "authorization cache loaded, " + _table.Count.ToString() + " entries");
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
            if (problem != null)
            {
                _log.Error(Component, "authorization cache file " + FileName + " not loaded (" + problem + "); starting empty");
            }
        }

        /// <summary>
        /// Stores the idTagInfo the central system gave for <paramref name="idTag"/>, replacing any earlier
        /// entry, evicting one when full, and saves the cache.
        /// </summary>
        public void Store(string idTag, IdTagInfo info)
        {
            int index = _table.IndexOf(idTag);
            if (index >= 0 && IsSame(index, info) && _table.GetSequence(index) == _nextSequence - 1)
            {
                // Already the newest entry with this content: nothing to write.
                return;
            }

            if (index < 0 && _table.Count == _table.Capacity)
            {
                Evict();
            }

            _table.Put(idTag, info.Status, info.HasExpiryDate, info.ExpiryDate, info.ParentIdTag, _nextSequence++);
            Save();
        }

        /// <summary>
        /// Returns the index of <paramref name="idTag"/> in <see cref="Entries"/>, or -1. An Accepted
        /// entry whose expiryDate has passed is changed to Expired first and the change is saved.
        /// </summary>
        public int Find(string idTag)
        {
            int index = _table.IndexOf(idTag);
            if (index >= 0 && _table.GetStatus(index) == AuthorizationStatus.Accepted && HasExpired(index))
            {
                _table.SetStatus(index, AuthorizationStatus.Expired);
                _log.Info(Component, "cache entry " + FrontPanel.Mask(idTag) + " passed its expiryDate: now Expired");
                Save();
            }

            return index;
        }

        /// <summary>Empties the cache and its file (ClearCache, OCPP 1.6 §5.4). Returns false when the file could not be written.</summary>
        public bool Clear()
        {
            _table.Clear();
            _nextSequence = 1;
            return Save();
        }

        /// <summary>Removes <paramref name="idTag"/> (an idTag the local authorization list now contains).</summary>
        public void Remove(string idTag)
        {
            if (_table.Remove(idTag))
            {
                Save();
            }
        }

        // True when the entry's expiryDate is known to have passed. Without a wall clock nothing is known to have passed.
        private bool HasExpired(int index)
        {
            return _table.HasExpiryDate(index) && _clock.IsWallClockSet && _table.GetExpiryDate(index) <= _clock.UtcNow;
        }

        private bool IsSame(int index, IdTagInfo info)
        {
            if (_table.GetStatus(index) != info.Status || _table.HasExpiryDate(index) != info.HasExpiryDate)
            {
                return false;
            }

            if (info.HasExpiryDate && _table.GetExpiryDate(index) != info.ExpiryDate)
            {
                return false;
            }

            string parent = info.ParentIdTag == null ? null : AuthorizationTable.Normalize(info.ParentIdTag);
            return _table.GetParentIdTag(index) == parent;
        }

        private void Evict()
        {
            int victim = -1;
            for (int i = 0; i < _table.Count; i++)
            {
                bool invalid = _table.GetStatus(i) != AuthorizationStatus.Accepted || HasExpired(i);
                if (invalid && (victim < 0 || _table.GetSequence(i) < _table.GetSequence(victim)))
                {
                    victim = i;
                }
            }

            if (victim < 0)
            {
                for (int i = 0; i < _table.Count; i++)
                {
                    if (victim < 0 || _table.GetSequence(i) < _table.GetSequence(victim))
                    {
                        victim = i;
                    }
                }
            }

            _log.Debug(Component, "cache full: entry " + FrontPanel.Mask(_table.GetIdTag(victim)) + " evicted");
            _table.RemoveAt(victim);
            Evictions++;
        }

        private bool Save()
        {
            try
            {
                _file.Save(_table, 0, FileName, TempFileName);
                return true;
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception exception)
            {
                _log.Error(Component, "authorization cache not saved: " + exception.Message);
                return false;
            }
        }
    }
}
