using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// Everything a command returned — each result set's columns and rows, and the rows it changed —
/// read while the writer held the connection, so that the caller can have it after the commit.
/// </summary>
internal sealed class BufferedResults
{
    private BufferedResults(IReadOnlyList<ResultSet> sets, int recordsAffected)
    {
        Sets = sets;
        RecordsAffected = recordsAffected;
    }

    public IReadOnlyList<ResultSet> Sets { get; }

    public int RecordsAffected { get; }

    public static BufferedResults Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var sets = new List<ResultSet>();
        do
        {
            var names = new string[reader.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = reader.GetName(i);
            }

            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[names.Length];
                reader.GetValues(row);
                rows.Add(row);
            }

            sets.Add(new ResultSet(names, rows));
        }
        while (reader.NextResult());

        return new BufferedResults(sets, reader.RecordsAffected);
    }

    public sealed record ResultSet(string[] Names, List<object[]> Rows);
}

/// <summary>
/// A data reader over <see cref="BufferedResults"/>. Values are those Microsoft.Data.Sqlite
/// returned (long, double, string, byte[] or DBNull) and the typed getters convert them the way
/// its reader does.
/// </summary>
internal sealed class BufferedReader(BufferedResults results) : DbDataReader
{
    private int set;
    private int row = -1;
    private bool closed;

    private BufferedResults.ResultSet Set => results.Sets[set];

    private object[] Row => !closed && row >= 0 && row < Set.Rows.Count
        ? Set.Rows[row]
        : throw new InvalidOperationException("The reader is not on a row.");

    public override int Depth => 0;

    public override int FieldCount => Set.Names.Length;

    public override bool HasRows => Set.Rows.Count > 0;

    public override bool IsClosed => closed;

    public override int RecordsAffected => results.RecordsAffected;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => !closed && ++row < Set.Rows.Count;

    public override bool NextResult()
    {
        if (closed || set + 1 >= results.Sets.Count)
        {
            return false;
        }

        set++;
        row = -1;
        return true;
    }

    public override void Close() => closed = true;

    public override string GetName(int ordinal) => Set.Names[ordinal];

    public override int GetOrdinal(string name)
    {
        var names = Set.Names;
        var ordinal = Array.IndexOf(names, name);
        if (ordinal < 0)
        {
            ordinal = Array.FindIndex(names, candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase));
        }

#pragma warning disable CA2201 // The exception IDataRecord.GetOrdinal documents, and the one the providers catch.
        return ordinal >= 0 ? ordinal : throw new IndexOutOfRangeException($"No column named '{name}'.");
#pragma warning restore CA2201
    }

    public override object GetValue(int ordinal) => Row[ordinal];

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        Array.Copy(Row, values, count);
        return count;
    }

    public override bool IsDBNull(int ordinal) => Row[ordinal] is DBNull;

    public override Type GetFieldType(int ordinal) =>
        row >= 0 && row < Set.Rows.Count && Set.Rows[row][ordinal] is not DBNull ? Set.Rows[row][ordinal].GetType() : typeof(object);

    public override string GetDataTypeName(int ordinal) => Row[ordinal] switch
    {
        long => "INTEGER",
        double => "REAL",
        string => "TEXT",
        byte[] => "BLOB",
        _ => "NULL",
    };

    public override long GetInt64(int ordinal) => Row[ordinal] switch
    {
        long value => value,
        DBNull => throw Null(ordinal),
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal) => Row[ordinal] switch
    {
        double value => value,
        DBNull => throw Null(ordinal),
        var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    public override decimal GetDecimal(int ordinal) => Row[ordinal] switch
    {
        DBNull => throw Null(ordinal),
        var value => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public override string GetString(int ordinal) => Row[ordinal] switch
    {
        string value => value,
        byte[] value => Encoding.UTF8.GetString(value),
        DBNull => throw Null(ordinal),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public override char GetChar(int ordinal) => Row[ordinal] is string text ? text[0] : (char)GetInt64(ordinal);

    /// <summary>Text is parsed as Microsoft.Data.Sqlite does (local times become UTC); numbers are Julian days.</summary>
    public override DateTime GetDateTime(int ordinal)
    {
        if (Row[ordinal] is long or double)
        {
            return DateTime.FromOADate(GetDouble(ordinal) - 2415018.5);
        }

        var parsed = DateTime.Parse(GetString(ordinal), CultureInfo.InvariantCulture);
        return parsed.Kind == DateTimeKind.Local ? parsed.ToUniversalTime() : parsed;
    }

    public override Guid GetGuid(int ordinal) => Row[ordinal] switch
    {
        byte[] { Length: 16 } value => new Guid(value),
        _ => Guid.Parse(GetString(ordinal)),
    };

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        Copy(Row[ordinal] as byte[] ?? Encoding.UTF8.GetBytes(GetString(ordinal)), dataOffset, buffer, bufferOffset, length);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        Copy(GetString(ordinal).ToCharArray(), dataOffset, buffer, bufferOffset, length);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    private static long Copy<T>(T[] source, long dataOffset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null)
        {
            return source.Length;
        }

        var count = (int)Math.Clamp(source.Length - dataOffset, 0, length);
        Array.Copy(source, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    private InvalidOperationException Null(int ordinal) => new($"Column '{GetName(ordinal)}' is NULL.");
}
