using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions on collections, host stand-in for the class of nanoFramework.TestFramework 3.0.77
    /// (see <see cref="Assert"/>). Two collections are equal when they have the same count and
    /// their elements are equal in order, compared with object.Equals.
    /// </summary>
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.RequireArgument(collection, "CollectionAssert.Empty", "collection");
            if (collection.Count != 0)
            {
                Assert.Fail("CollectionAssert.Empty", "Count:<" + collection.Count.ToString() + ">. " + message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.RequireArgument(collection, "CollectionAssert.NotEmpty", "collection");
            if (collection.Count == 0)
            {
                Assert.Fail("CollectionAssert.NotEmpty", message);
            }
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string difference = FindDifference(expected, actual);
            if (difference != null)
            {
                Assert.Fail("CollectionAssert.AreEqual", difference + " " + message);
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (FindDifference(notExpected, actual) == null)
            {
                Assert.Fail("CollectionAssert.AreNotEqual", "Both collections contain the same elements. " + message);
            }
        }

        /// <summary>Returns where two collections differ, or null when they are equal (two nulls are equal).</summary>
        private static string FindDifference(ICollection expected, ICollection actual)
        {
            if (ReferenceEquals(expected, actual))
            {
                return null;
            }

            if (expected == null || actual == null)
            {
                return "Expected:<" + (expected == null ? Assert.NullText : "collection") + ">. Actual:<"
                    + (actual == null ? Assert.NullText : "collection") + ">.";
            }

            if (expected.Count != actual.Count)
            {
                return "Expected count:<" + expected.Count.ToString() + ">. Actual count:<" + actual.Count.ToString() + ">.";
            }

            IEnumerator expectedItems = expected.GetEnumerator();
            IEnumerator actualItems = actual.GetEnumerator();
            int index = 0;
            while (expectedItems.MoveNext() && actualItems.MoveNext())
            {
                if (!Equals(expectedItems.Current, actualItems.Current))
                {
                    return "Element " + index.ToString() + " differs. Expected:<" + Assert.Describe(expectedItems.Current)
                        + ">. Actual:<" + Assert.Describe(actualItems.Current) + ">.";
                }

                index++;
            }

            return null;
        }
    }
}
