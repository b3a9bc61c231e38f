using System;
using System.IO;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Flat files on the ESP32's internal flash file system, drive I: of nanoFramework
    /// (package nanoFramework.System.IO.FileSystem). Methods throw <see cref="IOException"/> when the
    /// file system fails and <see cref="ArgumentException"/> for a name that contains a folder or drive.
    /// </summary>
    public sealed class InternalFlashStorage : IFileStorage
    {
        private const string Root = "I:\\";

        public int GetLength(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return -1;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)stream.Length;
            }
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return 0;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                if (position >= stream.Length)
                {
                    return 0;
                }

                stream.Seek(position, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int read = stream.Read(buffer, offset + total, count - total);
                    if (read <= 0)
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
            using (FileStream stream = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            using (FileStream stream = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        /// <summary>
        /// Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/>.
        /// </summary>
        /// <remarks>
        /// NOTE: not atomic. nanoFramework's File.Move throws when the destination exists, so the old
        /// destination is deleted first; a power cut between the two steps leaves only
        /// <paramref name="from"/>, and readers must then take <paramref name="from"/> as the current copy.
        /// </remarks>
        public void Rename(string from, string to)
        {
            string source = PathOf(from);
            string destination = PathOf(to);
            if (File.Exists(destination))
            {
                File.Delete(destination);
            }

            File.Move(source, destination);
        }

        public void Delete(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        private static string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0 || name.IndexOf(':') >= 0)
            {
                throw new ArgumentException("File name must be a plain name without folder or drive: '" + name + "'");
            }

            return Root + name;
        }
    }
}
