extension MessageType {
    /// IST0101: a reference to something that is not in the mesh.
    public static let referencedResourceNotFound = MessageType(
        name: "ReferencedResourceNotFound", code: "IST0101", severity: .error,
        description: "A resource being referenced does not exist.")
}

/// Message texts as istioctl formats them.
enum IstioText {
    /// `Referenced gateway not found: "bogus"`
    static func referencedResourceNotFound(_ referenceType: String, _ reference: String) -> String {
        "Referenced \(referenceType) not found: \(GoFormat.quoted(reference))"
    }
}
