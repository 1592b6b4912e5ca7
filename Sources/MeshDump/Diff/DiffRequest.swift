import MeshDumpCore

/// What `meshdump diff` was asked to do, checked before anything is read: the two sides, the
/// `--kinds` and `-n` filter, the `--ignore` patterns, the `--rules` mappings old objects go
/// through, and the cluster options.
public struct DiffRequest: Sendable {
    public var old: DiffOperand
    public var new: DiffOperand
    public var filter: ObjectFilter
    public var ignore: IgnoreSet
    /// `--rules`: old objects are compared as these mappings rewrite them (nil without).
    public var rules: RuleSet?
    /// `--context`: the context of a bare `cluster:` side.
    public var context: String?
    /// `--kubeconfig`
    public var kubeconfig: String?

    /// Reads the arguments as given on the command line; throws `DiffUsageError` or
    /// `IgnorePatternError` for a usage mistake, `RulesFileError` for a rules file that does
    /// not load.
    public init(old: String, new: String, ignore: [String] = [], kinds: String? = nil, namespaces: [String] = [],
                rules: [String] = [], context: String? = nil, kubeconfig: String? = nil) throws {
        self.old = try DiffOperand(parsing: old)
        self.new = try DiffOperand(parsing: new)
        if self.old.isStandardInput && self.new.isStandardInput {
            throw DiffUsageError("OLD and NEW cannot both be standard input")
        }
        if !self.old.isCluster && !self.new.isCluster && (context != nil || kubeconfig != nil) {
            throw DiffUsageError("--context and --kubeconfig apply to a cluster: side, and neither OLD nor NEW is one")
        }
        if context?.isEmpty == true { throw DiffUsageError("--context names no context") }
        self.ignore = IgnoreSet(try ignore.map { try IgnorePattern(parsing: $0) })
        self.rules = rules.isEmpty ? nil : try RuleSet.load(paths: rules)
        filter = ObjectFilter(kinds: try kinds.map { try KindSelection(parsing: [$0]) },
                              namespaces: namespaces.isEmpty ? nil : Set(namespaces))
        self.context = context
        self.kubeconfig = kubeconfig
    }

    /// What to list from the cluster a `cluster:` side names: its context (`cluster:CONTEXT`,
    /// else `--context`, else nil for the kubeconfig's current one), the kinds (`--kinds`, else
    /// export's eleven) and namespaces (`-n`, else all).
    public func clusterListing(for operand: DiffOperand) -> ClusterListing? {
        guard case .cluster(let named) = operand else { return nil }
        return ClusterListing(context: named ?? context, kubeconfig: kubeconfig,
                              kinds: filter.kinds ?? KindSelection(),
                              namespaces: filter.namespaces.map { $0.sorted() })
    }

    /// The run. `clusterSource` makes the source of a `cluster:` side (the CLI gives it one
    /// backed by the Kubernetes client; tests give it objects); files need nothing.
    public func makeRun(clusterSource: (ClusterListing) throws -> any DiffSource) throws -> DiffRun {
        func source(_ operand: DiffOperand) throws -> any DiffSource {
            if let listing = clusterListing(for: operand) { return try clusterSource(listing) }
            guard case .path(let path) = operand else { preconditionFailure("a side is a path or a cluster") }
            return FileDiffSource(path: path)
        }
        return DiffRun(old: try source(old), new: try source(new), filter: filter, differ: ObjectDiffer(ignore: ignore, rules: rules))
    }
}

/// What a `cluster:` side of a diff lists, the way export lists it: each kind at the version the
/// server prefers, cluster-wide or in the namespaces given; neat applied to every object so a
/// tree and the cluster it was exported from compare equal.
public struct ClusterListing: Sendable, Equatable {
    /// The kubeconfig context, or nil for the current one.
    public var context: String?
    public var kubeconfig: String?
    public var kinds: KindSelection
    /// The namespaces, sorted, or nil for all.
    public var namespaces: [String]?
}
