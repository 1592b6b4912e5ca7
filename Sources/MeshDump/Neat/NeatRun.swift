import MeshDumpCore

/// `meshdump neat`: reads objects from files, directories or standard input, neats each one and
/// prints them all, one document per object.
///
/// Output is built in memory and handed back only when every input was read: a bad input means
/// an error and no output, never half of it.
public struct NeatRun {
    public var paths: [String]
    /// The output format; nil means the format of the first input.
    public var format: ObjectFormat?

    public init(paths: [String], format: ObjectFormat?) {
        self.paths = paths
        self.format = format
    }

    /// What the run printed and how many objects it held.
    public struct Result {
        public var output: [UInt8]
        public var objects: Int
    }

    public func run() throws -> Result {
        let neat = Neat()
        var output: [UInt8] = []
        var count = 0
        var chosen = format
        let source = FileSource(paths: paths.isEmpty ? ["-"] : paths)
        try source.forEach(ReadRequest(droppedFields: Neat.droppedFields), onFile: { _, inputFormat in
            if chosen == nil { chosen = inputFormat == .json ? .json : .yaml }
        }) { object in
            guard let neat = neat.apply(object), let outputFormat = chosen else { return }
            do {
                try outputFormat.write(neat.value, isFirst: count == 0, to: &output)
            } catch {
                throw ObjectError(origin: object.origin, message: "\(error)")
            }
            count += 1
        }
        return Result(output: output, objects: count)
    }
}
