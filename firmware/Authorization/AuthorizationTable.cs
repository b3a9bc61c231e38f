using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Bounded table of idTags with their idTagInfo, the storage of both the local authorization list
    /// and the authorization cache. idTags are CiString20Type, so they compare case-insensitively: the
    /// table keeps them with ASCII letters in upper case, sorted, and finds one by binary search.
    /// </summary>
    /// <remarks>
    /// Each entry also carries a sequence number chosen by the owner (the cache orders its entries by
    /// it). Memory is allocated once for <see cref="Capacity"/> entries, plus one string per idTag.
    /// </remarks>
    public sealed class AuthorizationTable
    {
        private readonly string[] _idTags;
        private readonly byte[] _statuses;
        private readonly long[] _expiryTicks;
        private readonly string[] _parentIdTags;
        private readonly long[] _sequences;
        private int _count;

        public AuthorizationTable(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity", "The capacity must be at least 1.");
            }

            _idTags = new string[capacity];
            _statuses = new byte[capacity];
            _expiryTicks = new long[capacity];
            _parentIdTags = new string[capacity];
            _sequences = new long[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _idTags.Length; }
        }

        /// <summary>Returns the index of <paramref name="idTag"/>, compared case-insensitively, or -1.</summary>
        public int IndexOf(string idTag)
        {
            if (idTag == null)
            {
                return -1;
            }

            int index = Search(Normalize(idTag));
            return index >= 0 ? index : -1;
        }

        /// <summary>Returns the idTag at <paramref name="index"/>, with ASCII letters in upper case.</summary>
        public string GetIdTag(int index)
        {
            CheckIndex(index);
            return _idTags[index];
        }

        public AuthorizationStatus GetStatus(int index)
        {
            CheckIndex(index);
            return (AuthorizationStatus)_statuses[index];
        }

        /// <summary>True when the entry at <paramref name="index"/> has an expiryDate.</summary>
        public bool HasExpiryDate(int index)
        {
            CheckIndex(index);
            return _expiryTicks[index] != 0;
        }

        /// <summary>Returns the expiryDate (UTC) of the entry at <paramref name="index"/>, meaningful only when <see cref="HasExpiryDate"/> is true.</summary>
        public System.DateTime GetExpiryDate(int index)
        {
            CheckIndex(index);
            return new System.DateTime(_expiryTicks[index], System.DateTimeKind.Utc);
        }

        /// <summary>parentIdTag of the entry at <paramref name="index"/> with ASCII letters in upper case, or null.</summary>
        public string GetParentIdTag(int index)
        {
            CheckIndex(index);
            return _parentIdTags[index];
        }

        public long GetSequence(int index)
        {
            CheckIndex(index);
            return _sequences[index];
        }

        /// <summary>
        /// Adds <paramref name="idTag"/> or replaces its entry. Returns false, changing nothing, when the
        /// idTag is new and the table is full.
        /// </summary>
        /// <remarks>An expiryDate of DateTime.MinValue cannot be distinguished from "no expiryDate" and is stored as none.</remarks>
        public bool Put(string idTag, AuthorizationStatus status, bool hasExpiryDate, System.DateTime expiryDate, string parentIdTag, long sequence)
        {
            if (idTag == null)
            {
                throw new System.ArgumentNullException("idTag");
            }

            string key = Normalize(idTag);
            int index = Search(key);
            if (index < 0)
            {
                if (_count == _idTags.Length)
                {
                    return false;
                }

                index = ~index;
                Shift(index, index + 1, _count - index);
                _count++;
                _idTags[index] = key;
            }

            _statuses[index] = (byte)status;
            _expiryTicks[index] = hasExpiryDate ? expiryDate.Ticks : 0;
            _parentIdTags[index] = parentIdTag == null ? null : Normalize(parentIdTag);
            _sequences[index] = sequence;
            return true;
        }

        /// <summary>Changes the status of the entry at <paramref name="index"/>, keeping its other fields.</summary>
        public void SetStatus(int index, AuthorizationStatus status)
        {
            CheckIndex(index);
            _statuses[index] = (byte)status;
        }

        /// <summary>Removes <paramref name="idTag"/>. Returns false when it is not in the table.</summary>
        public bool Remove(string idTag)
        {
            int index = IndexOf(idTag);
            if (index < 0)
            {
                return false;
            }

            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            CheckIndex(index);
            Shift(index + 1, index, _count - index - 1);
            _count--;
            _idTags[_count] = null;
            _parentIdTags[_count] = null;
        }

        public void Clear()
        {
            for (int i = 0; i < _count; i++)
            {
                _idTags[i] = null;
                _parentIdTags[i] = null;
            }

            _count = 0;
        }

        /// <summary>Returns <paramref name="idTag"/> with the ASCII letters a-z in upper case, the form the table compares.</summary>
        public static string Normalize(string idTag)
        {
            int i = 0;
            while (i < idTag.Length && (idTag[i] < 'a' || idTag[i] > 'z'))
            {
                i++;
            }

            if (i == idTag.Length)
            {
                return idTag;
            }

            char[] chars = idTag.ToCharArray();
            for (; i < chars.Length; i++)
            {
                if (chars[i] >= 'a' && chars[i] <= 'z')
                {
                    chars[i] = (char)(chars[i] - 'a' + 'A');
                }
            }

            return new string(chars);
        }

        /// <summary>Returns true when two idTags are equal under the CiString rule (ASCII letters compared without case).</summary>
        public static bool IdTagEquals(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return Normalize(a) == Normalize(b);
        }

        // Binary search over the sorted keys: the index when found, otherwise the bitwise complement of
        // the insertion point, as Array.BinarySearch returns.
        private int Search(string key)
        {
            int low = 0;
            int high = _count - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                int order = CompareOrdinal(_idTags[middle], key);
                if (order == 0)
                {
                    return middle;
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return ~low;
        }

        private static int CompareOrdinal(string a, string b)
        {
            int length = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }

            return a.Length - b.Length;
        }

        // Moves count entries from index from to index to, element by element in the direction that
        // never overwrites an entry before it is moved.
        private void Shift(int from, int to, int count)
        {
            if (to > from)
            {
                for (int i = count - 1; i >= 0; i--)
                {
                    MoveEntry(from + i, to + i);
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    MoveEntry(from + i, to + i);
                }
            }
        }

        private void MoveEntry(int from, int to)
        {
            _idTags[to] = _idTags[from];
            _statuses[to] = _statuses[from];
            _expiryTicks[to] = _expiryTicks[from];
            _parentIdTags[to] = _parentIdTags[from];
            _sequences[to] = _sequences[from];
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new System.ArgumentOutOfRangeException("index", "No entry " + index.ToString() + " in a table of " + _count.ToString() + ".");
            }
        }
    }
}
