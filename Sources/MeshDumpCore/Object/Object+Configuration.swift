extension Object {
    /// The metadata the server sets on an object, which a client never sends it back.
    static let serverMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"]

    /// The object as its configuration, what server-side apply sends: without the metadata the
    /// server sets (uid, resourceVersion, generation, creationTimestamp, managedFields, selfLink)
    /// and without status, in `namespace` (nil: without one, as a cluster-scoped object is sent).
    public func configuration(namespace: String?) -> Value {
        var configuration = value
        for key in Self.serverMetadata { configuration["metadata"]?[key] = nil }
        configuration["status"] = nil
        configuration["metadata"]?["namespace"] = namespace.map(Value.string)
        return configuration
    }
}
