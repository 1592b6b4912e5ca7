import Foundation
import MeshDumpCore

/// Server-side printing: the `meta.k8s.io/v1` Table kubectl asks for when it prints columns.
/// Custom resources get Name and Age, namespaces Name, Status and Age, as a real server gives.
struct TableWriter {
    let type: ResourceType

    func table(_ objects: [StoredObject], metadata: Value) -> [UInt8] {
        var columns: [Value] = [column("Name", "string", format: "name", "Name must be unique within a namespace.")]
        if type == .namespace { columns.append(column("Status", "string", format: "", "The status of the namespace")) }
        columns.append(column("Age", "date", format: "", "CreationTimestamp is a timestamp representing the server time when this object was created."))
        let now = Date()
        let rows: [Value] = objects.map { object in
            var cells: [Value] = [.string(object.name)]
            if type == .namespace { cells.append(.string(object.phase ?? "Active")) }
            cells.append(.string(age(object.metadata["creationTimestamp"]?.stringValue, now: now)))
            return ["cells": .sequence(cells),
                    "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object.metadata]]
        }
        return JSONText.bytes(["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
                               "columnDefinitions": .sequence(columns), "rows": .sequence(rows)])
    }

    private func column(_ name: String, _ type: String, format: String, _ description: String) -> Value {
        ["name": .string(name), "type": .string(type), "format": .string(format), "description": .string(description), "priority": 0]
    }

    private func age(_ timestamp: String?, now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        guard let timestamp, let created = formatter.date(from: timestamp) else { return "<unknown>" }
        return HumanAge.format(seconds: Int(now.timeIntervalSince(created)))
    }
}
