import MeshDumpCore

/// What `meshdump diff` was asked to do, checked before anything is read: the two sides, the
/// `--kinds` and `-n` filter, the `--ignore` patterns, the `--rules` mappings old objects go
/// through, and whether to neat.
public struct DiffRequest: Sendable {
    public var old: SourceSpec
    public var new: SourceSpec
    public var filter: ObjectFilter
    public var ignore: IgnoreSet
    /// `--rules`: old objects are compared as these mappings rewrite them (nil without).
    public var rules: RuleSet?
    /// Neat both sides as export does, so a raw `kubectl get` dump and the tree exported from it
    /// compare equal (`--no-neat` compares raw objects).
    public var neat: Bool

    /// Reads the arguments as given on the command line; throws `UsageError` or
    /// `IgnorePatternError` for a usage mistake, `RulesFileError` for a rules file that does
    /// not load. `clusterOptions` says whether `--context` or `--kubeconfig` was given, which
    /// only a `cluster:` side can use.
    public init(old: String, new: String, ignore: [String] = [], kinds: String? = nil, namespaces: [String] = [],
                rules: [String] = [], clusterOptions: Bool = false, neat: Bool = true) throws {
        self.old = try SourceSpec(parsing: old)
        self.new = try SourceSpec(parsing: new)
        if self.old.isStandardInput && self.new.isStandardInput {
            throw UsageError("OLD and NEW cannot both be standard input")
        }
        if !self.old.isCluster && !self.new.isCluster && clusterOptions {
            throw UsageError("--context and --kubeconfig apply to a cluster: side, and neither OLD nor NEW is one")
        }
        self.ignore = IgnoreSet(try ignore.map { try IgnorePattern(parsing: $0) })
        self.rules = rules.isEmpty ? nil : try RuleSet.load(paths: rules)
        filter = ObjectFilter(kinds: try kinds.map { try KindSelection(parsing: [$0]) },
                              namespaces: namespaces.isEmpty ? nil : Set(namespaces))
        self.neat = neat
    }

    /// The run, with each side's source made by `resolver`.
    public func makeRun(resolver: any SourceResolver) throws -> DiffRun {
        DiffRun(old: try resolver.source(for: old), new: try resolver.source(for: new), filter: filter,
                differ: ObjectDiffer(ignore: ignore, rules: rules), neat: neat)
    }
}
