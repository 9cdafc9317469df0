using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Release.Sdk.Tests;

/// <summary>The version attributes of a built assembly, read with System.Reflection.Metadata (nothing is loaded).</summary>
public sealed record AssemblyAttributes(string AssemblyVersion, string? FileVersion, string? InformationalVersion)
{
    public static AssemblyAttributes Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var assembly = reader.GetAssemblyDefinition();
        var strings = new Dictionary<string, string>();
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) continue;
            var name = reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name);
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // custom attribute prolog
            if (name is "AssemblyFileVersionAttribute" or "AssemblyInformationalVersionAttribute")
                strings[name] = blob.ReadSerializedString() ?? "";
        }
        return new AssemblyAttributes(
            assembly.Version.ToString(),
            strings.GetValueOrDefault("AssemblyFileVersionAttribute"),
            strings.GetValueOrDefault("AssemblyInformationalVersionAttribute"));
    }
}
