namespace StreamFinance.Host.Runtime;

/// <summary>A folder a command is about to create or write to, as <see cref="StartupPreflight"/> checks it.</summary>
/// <param name="Setting">The setting that names the folder, e.g. <c>Streams:StateDir</c>.</param>
/// <param name="Path">The folder.</param>
/// <param name="Purpose">What is kept there, e.g. <c>RocksDB state</c>.</param>
public sealed record FolderCheck(string Setting, string Path, string Purpose);
