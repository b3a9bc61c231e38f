using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>Kind of generic construct found in an assembly's metadata (ECMA-335 II.22).</summary>
public enum GenericUsageKind
{
    /// <summary>A GenericParam row: the assembly defines a generic type or method.</summary>
    GenericParameter,

    /// <summary>A MethodSpec row: the assembly calls a generic method instance.</summary>
    GenericMethodInstance,

    /// <summary>A GENERICINST in a TypeSpec or in a field, method, property, member reference or local signature.</summary>
    GenericTypeInstance,
}

/// <summary>One generic construct and where it was found.</summary>
public sealed record GenericUsage(GenericUsageKind Kind, string Where);

/// <summary>
/// Reads an assembly's metadata tables and lists every generic definition or instantiation, and its
/// assembly references. nanoCLR 1.17 runs no generics, so portable code must produce none of them.
/// </summary>
public static class GenericUsageScanner
{
    /// <summary>Returns every generic construct of the PE image.</summary>
    public static IReadOnlyList<GenericUsage> Scan(byte[] image)
    {
        using PEReader pe = new(ImmutableArray.Create(image));
        MetadataReader reader = pe.GetMetadataReader();
        List<GenericUsage> found = new();

        ScanGenericParameters(reader, found);
        ScanMethodSpecifications(reader, found);
        ScanSignatures(reader, found);
        return found;
    }

    /// <summary>Returns the name and version of every assembly the image references.</summary>
    public static IReadOnlyList<(string Name, Version Version)> AssemblyReferences(byte[] image)
    {
        using PEReader pe = new(ImmutableArray.Create(image));
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList();
    }

    private static void ScanGenericParameters(MetadataReader reader, List<GenericUsage> found)
    {
        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            string typeName = TypeName(reader, type);
            if (type.GetGenericParameters().Count > 0)
            {
                found.Add(new GenericUsage(GenericUsageKind.GenericParameter, "type " + typeName));
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (method.GetGenericParameters().Count > 0)
                {
                    found.Add(new GenericUsage(GenericUsageKind.GenericParameter, "method " + typeName + "." + reader.GetString(method.Name)));
                }
            }
        }

        // Rows not reached through the owners above would still be generic parameters.
        int rows = reader.GetTableRowCount(TableIndex.GenericParam);
        int reported = found.Count(f => f.Kind == GenericUsageKind.GenericParameter);
        if (rows > 0 && reported == 0)
        {
            found.Add(new GenericUsage(GenericUsageKind.GenericParameter, rows + " GenericParam row(s)"));
        }
    }

    private static void ScanMethodSpecifications(MetadataReader reader, List<GenericUsage> found)
    {
        int rows = reader.GetTableRowCount(TableIndex.MethodSpec);
        for (int row = 1; row <= rows; row++)
        {
            MethodSpecification spec = reader.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            found.Add(new GenericUsage(GenericUsageKind.GenericMethodInstance, "MethodSpec " + row + " of " + MethodName(reader, spec.Method)));
        }
    }

    private static void ScanSignatures(MetadataReader reader, List<GenericUsage> found)
    {
        GenericSignatureProvider provider = new(reader);

        int typeSpecs = reader.GetTableRowCount(TableIndex.TypeSpec);
        for (int row = 1; row <= typeSpecs; row++)
        {
            TypeSpecification spec = reader.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            Record(found, provider, "TypeSpec " + row, () => spec.DecodeSignature(provider, null));
        }

        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            string typeName = TypeName(reader, type);
            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                Record(found, provider, "field " + typeName + "." + reader.GetString(field.Name), () => field.DecodeSignature(provider, null));
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                Record(found, provider, "method " + typeName + "." + reader.GetString(method.Name), () => method.DecodeSignature(provider, null));
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = reader.GetPropertyDefinition(propertyHandle);
                Record(found, provider, "property " + typeName + "." + reader.GetString(property.Name), () => property.DecodeSignature(provider, null));
            }
        }

        foreach (MemberReferenceHandle memberHandle in reader.MemberReferences)
        {
            MemberReference member = reader.GetMemberReference(memberHandle);
            string where = "member reference " + reader.GetString(member.Name);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                Record(found, provider, where, () => member.DecodeMethodSignature(provider, null));
            }
            else
            {
                Record(found, provider, where, () => member.DecodeFieldSignature(provider, null));
            }
        }

        int standalone = reader.GetTableRowCount(TableIndex.StandAloneSig);
        for (int row = 1; row <= standalone; row++)
        {
            StandaloneSignature signature = reader.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row));
            if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
            {
                Record(found, provider, "local variables " + row, () => signature.DecodeLocalSignature(provider, null));
            }
            else
            {
                Record(found, provider, "call site " + row, () => signature.DecodeMethodSignature(provider, null));
            }
        }
    }

    private static void Record(List<GenericUsage> found, GenericSignatureProvider provider, string where, Action decode)
    {
        provider.Instantiations.Clear();
        decode();
        foreach (string instantiation in provider.Instantiations.Distinct())
        {
            found.Add(new GenericUsage(GenericUsageKind.GenericTypeInstance, where + ": " + instantiation));
        }
    }

    private static string TypeName(MetadataReader reader, TypeDefinition type)
    {
        string ns = reader.GetString(type.Namespace);
        string name = reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string MethodName(MetadataReader reader, EntityHandle method)
    {
        return method.Kind switch
        {
            HandleKind.MethodDefinition => reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            HandleKind.MemberReference => reader.GetString(reader.GetMemberReference((MemberReferenceHandle)method).Name),
            _ => method.Kind.ToString(),
        };
    }

    /// <summary>Decodes signatures to readable names and records every generic instantiation it meets.</summary>
    private sealed class GenericSignatureProvider : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _reader;

        public GenericSignatureProvider(MetadataReader reader)
        {
            _reader = reader;
        }

        public List<string> Instantiations { get; } = new();

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string name = genericType + "<" + string.Join(",", typeArguments) + ">";
            Instantiations.Add(name);
            return name;
        }

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            return reader.GetString(type.Name);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            return reader.GetString(type.Name);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            return _reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
