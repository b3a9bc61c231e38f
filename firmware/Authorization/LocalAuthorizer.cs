using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Local authorization (OCPP 1.6 §3.5): the local authorization list, the authorization cache, and
    /// the decisions they support under the configuration keys LocalAuthListEnabled,
    /// AuthorizationCacheEnabled, LocalAuthorizeOffline, LocalPreAuthorize and AllowOfflineTxForUnknownId.
    /// </summary>
    /// <remarks>
    /// The list has priority over the cache: an idTag in the list is decided by the list alone and
    /// never stored in the cache. An expiryDate is checked only once the wall clock is set, so before the
    /// first time synchronisation an entry with an expiryDate counts as unexpired.
    /// </remarks>
    public sealed class LocalAuthorizer
    {
        private const string Component = "auth";

        private readonly CabinetConfiguration _configuration;
        private readonly IClock _clock;
        private readonly Logger _log;
        private readonly LocalAuthorizationList _list;
        private readonly AuthorizationCache _cache;

        public LocalAuthorizer(CabinetConfiguration configuration, IFileStorage storage, IClock clock, Logger log)
        {
            _configuration = configuration;
            _clock = clock;
            _log = log;
            _list = new LocalAuthorizationList(storage, log, LocalAuthorizationList.DefaultCapacity);
            _cache = new AuthorizationCache(storage, clock, log, AuthorizationCache.DefaultCapacity);
        }

        public LocalAuthorizationList List
        {
            get { return _list; }
        }

        public AuthorizationCache Cache
        {
            get { return _cache; }
        }

        /// <summary>Version reported by GetLocalListVersion: the list's version, or -1 while LocalAuthListEnabled is false.</summary>
        public int LocalListVersion
        {
            get { return _configuration.LocalAuthListEnabled ? _list.Version : -1; }
        }

        /// <summary>Loads the list and the cache from the storage.</summary>
        public void Load()
        {
            _list.Load();
            _cache.Load();
        }

        /// <summary>
        /// Looks <paramref name="idTag"/> up in the list (when LocalAuthListEnabled), then in the cache
        /// (when AuthorizationCacheEnabled). <paramref name="status"/> is the status held, with Expired for
        /// an Accepted entry past its expiryDate, or Invalid when the verdict is Unknown.
        /// </summary>
        public LocalVerdict Check(string idTag, out AuthorizationStatus status)
        {
            status = AuthorizationStatus.Invalid;
            if (_configuration.LocalAuthListEnabled)
            {
                int index = _list.IndexOf(idTag);
                if (index >= 0)
                {
                    status = EffectiveStatus(_list.Entries, index);
                    return status == AuthorizationStatus.Accepted ? LocalVerdict.Valid : LocalVerdict.Invalid;
                }
            }

            if (_configuration.AuthorizationCacheEnabled)
            {
                int index = _cache.Find(idTag);
                if (index >= 0)
                {
                    status = EffectiveStatus(_cache.Entries, index);
                    return status == AuthorizationStatus.Accepted ? LocalVerdict.Valid : LocalVerdict.Invalid;
                }
            }

            return LocalVerdict.Unknown;
        }

        /// <summary>
        /// Returns true when LocalPreAuthorize lets a transaction start for <paramref name="idTag"/>
        /// while online without sending Authorize, because the list or the cache has it as valid.
        /// </summary>
        public bool IsPreAuthorized(string idTag)
        {
            AuthorizationStatus status;
            return _configuration.LocalPreAuthorize && Check(idTag, out status) == LocalVerdict.Valid;
        }

        /// <summary>
        /// Decides for <paramref name="idTag"/> while the central system cannot be reached: an idTag the
        /// list or the cache has as not valid is rejected. One they have as valid is accepted when
        /// LocalAuthorizeOffline is true. Any other is accepted only when AllowOfflineTxForUnknownId is true.
        /// </summary>
        public AuthorizationOutcome DecideOffline(string idTag, out AuthorizationStatus status)
        {
            LocalVerdict verdict = Check(idTag, out status);
            if (verdict == LocalVerdict.Invalid)
            {
                _log.Info(Component, "offline: " + FrontPanel.Mask(idTag) + " rejected locally (" + OcppEnumText.ToText(status) + ")");
                return AuthorizationOutcome.Rejected;
            }

            if (verdict == LocalVerdict.Valid && _configuration.LocalAuthorizeOffline)
            {
                _log.Info(Component, "offline: " + FrontPanel.Mask(idTag) + " accepted locally");
                status = AuthorizationStatus.Accepted;
                return AuthorizationOutcome.Accepted;
            }

            if (_configuration.AllowOfflineTxForUnknownId)
            {
                _log.Info(Component, "offline: " + FrontPanel.Mask(idTag) + " accepted by AllowOfflineTxForUnknownId");
                status = AuthorizationStatus.Accepted;
                return AuthorizationOutcome.Accepted;
            }

            _log.Info(Component, "offline: " + FrontPanel.Mask(idTag) + " cannot be authorized locally");
            status = AuthorizationStatus.Invalid;
            return AuthorizationOutcome.Unreachable;
        }

        /// <summary>
        /// Records the idTagInfo of an Authorize, StartTransaction or StopTransaction confirmation: stored
        /// in the cache unless the list contains the idTag. Returns true when the list has it with another
        /// status, a conflict to report as LocalListConflict, and <paramref name="listStatus"/> is then the list's status.
        /// </summary>
        public bool OnIdTagInfo(string idTag, IdTagInfo info, out AuthorizationStatus listStatus)
        {
            listStatus = AuthorizationStatus.Invalid;
            if (idTag == null)
            {
                return false;
            }

            if (_configuration.LocalAuthListEnabled)
            {
                int index = _list.IndexOf(idTag);
                if (index >= 0)
                {
                    listStatus = EffectiveStatus(_list.Entries, index);
                    return listStatus != info.Status;
                }
            }

            if (_configuration.AuthorizationCacheEnabled)
            {
                _cache.Store(idTag, info);
            }

            return false;
        }

        /// <summary>Applies SendLocalList (OCPP 1.6 §5.15), or returns NotSupported while LocalAuthListEnabled is false.</summary>
        public UpdateStatus ApplyLocalList(SendLocalListRequest request)
        {
            if (!_configuration.LocalAuthListEnabled)
            {
                _log.Warning(Component, "SendLocalList rejected: LocalAuthListEnabled is false");
                return UpdateStatus.NotSupported;
            }

            return _list.Apply(request);
        }

        /// <summary>Empties the cache (ClearCache, OCPP 1.6 §5.4). Returns Rejected when its file could not be written.</summary>
        public ClearCacheStatus ClearCache()
        {
            int count = _cache.Count;
            if (!_cache.Clear())
            {
                return ClearCacheStatus.Rejected;
            }

            _log.Info(Component, "authorization cache cleared, " + count.ToString() + " entries removed");
            return ClearCacheStatus.Accepted;
        }

        private AuthorizationStatus EffectiveStatus(AuthorizationTable table, int index)
        {
            AuthorizationStatus status = table.GetStatus(index);
            if (status == AuthorizationStatus.Accepted && table.HasExpiryDate(index)
                && _clock.IsWallClockSet && table.GetExpiryDate(index) <= _clock.UtcNow)
            {
                return AuthorizationStatus.Expired;
            }

            return status;
        }
    }
}
