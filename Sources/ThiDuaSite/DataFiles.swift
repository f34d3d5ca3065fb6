import CSV
import Foundation
import ThiDuaRender

/// Writes an open-data table as a file, always through an encoder, never by pasting strings:
/// JSON by Foundation's JSONEncoder (keys sorted, so the bytes are the same every build), CSV by
/// CSV.swift's writer (RFC 4180: quoted where needed, CRLF between records) in UTF-8 with a
/// byte-order mark, which spreadsheet programs need to show Vietnamese letters rightly.
enum DataFiles {
    /// The UTF-8 byte-order mark.
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func bytes(_ table: DataTable, _ format: DataFile.Format) throws -> [UInt8] {
        switch format {
        case .json: return try json(table)
        case .csv: return try csv(table)
        }
    }

    /// An array of objects, one per row, each with every column (null where a row has no value).
    static func json(_ table: DataTable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let rows = table.rows.map { Row(columns: table.columns, values: $0) }
        return Array(try encoder.encode(rows)) + [0x0A]
    }

    /// A header line of the column names, then one record per row.
    static func csv(_ table: DataTable) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.columns)
        for row in table.rows { try writer.write(row: row.map(\.csvField)) }
        stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { throw CSVError.cannotWriteStream }
        return bom + Array(data) + [0x0D, 0x0A]
    }

    /// One row as a JSON object keyed by column.
    struct Row: Encodable {
        let columns: [String]
        let values: [DataValue]
        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (column, value) in zip(columns, values) { try c.encode(value, forKey: Key(stringValue: column)) }
        }
    }
}
