namespace Wedge.Web.Hosting;

/// <summary>Tells a full disk from other I/O failures, by the error number .NET keeps in <see cref="Exception.HResult"/>.</summary>
internal static class DiskFull
{
    /// <summary>ENOSPC and EDQUOT on Linux (.NET reports the errno itself); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static readonly int[] Codes = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>True when <paramref name="exception"/> or one of its causes is an <see cref="IOException"/> for a full disk.</summary>
    public static bool Caused(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is IOException && Codes.Contains(exception.HResult))
            {
                return true;
            }
        }

        return false;
    }
}
