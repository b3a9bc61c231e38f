using System;
using System.IO;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Flat file storage in a host folder, so a virtual cabinet keeps its state across runs. Each name
    /// is one file of the folder; <see cref="Rename"/> uses <see cref="File.Move(string, string, bool)"/>,
    /// which is an atomic rename(2) on Linux when both names are in one folder. Thread-safe within one process.
    /// </summary>
    public sealed class DirectoryFileStorage : IFileStorage
    {
        private readonly object _lock = new object();

        /// <summary>Uses <paramref name="folderPath"/>, creating it when missing.</summary>
        public DirectoryFileStorage(string folderPath)
        {
            if (string.IsNullOrWhiteSpace(folderPath))
            {
                throw new ArgumentException("The storage folder path is missing.", nameof(folderPath));
            }

            FolderPath = Path.GetFullPath(folderPath);
            Directory.CreateDirectory(FolderPath);
        }

        /// <summary>Absolute path of the folder.</summary>
        public string FolderPath { get; }

        public int GetLength(string name)
        {
            string path = PathOf(name);
            lock (_lock)
            {
                var info = new FileInfo(path);
                return info.Exists ? checked((int)info.Length) : -1;
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/>; returns 0 past the end or when the file does not exist.</summary>
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            BufferRange.Check(buffer, offset, count);
            if (position < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, "The file position cannot be negative.");
            }

            lock (_lock)
            {
                if (!File.Exists(path))
                {
                    return 0;
                }

                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (position >= stream.Length)
                {
                    return 0;
                }

                stream.Position = position;
                int total = 0;
                while (total < count)
                {
                    int read = stream.Read(buffer, offset + total, count - total);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }

                return total;
            }
        }

        public void Write(string name, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                stream.Write(buffer, offset, count);
            }
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(buffer, offset, count);
            }
        }

        /// <summary>Renames, replacing <paramref name="to"/>. Throws <see cref="FileNotFoundException"/> when <paramref name="from"/> does not exist.</summary>
        public void Rename(string from, string to)
        {
            string fromPath = PathOf(from);
            string toPath = PathOf(to);
            lock (_lock)
            {
                if (!File.Exists(fromPath))
                {
                    throw new FileNotFoundException("Cannot rename '" + from + "' to '" + to + "': the file does not exist in " + FolderPath + ".", fromPath);
                }

                File.Move(fromPath, toPath, overwrite: true);
            }
        }

        public void Delete(string name)
        {
            string path = PathOf(name);
            lock (_lock)
            {
                File.Delete(path);
            }
        }

        private string PathOf(string name)
        {
            FileNames.Check(name);
            return Path.Combine(FolderPath, name);
        }
    }
}
