/// Resolves the relative paths of a kubeconfig against the folder of the file that holds them,
/// as client-go does (no `~` expansion: kubectl does not expand it either).
enum PathResolver {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func resolve(_ path: String, in folder: String) -> String {
        if path.isEmpty || path.hasPrefix("/") { return path }
        return folder == "/" ? "/" + path : "\(folder)/\(path)"
    }
}
