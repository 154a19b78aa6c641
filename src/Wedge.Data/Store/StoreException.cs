namespace Wedge.Data.Store;

/// <summary>The database cannot be used: not a Wedge database, a newer schema, unreadable.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
