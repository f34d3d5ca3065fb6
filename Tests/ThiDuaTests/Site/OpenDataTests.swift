import CSV
import Foundation
import Testing
import ThiDuaModel
import ThiDuaRender
import ThiDuaSite

/// The open-data files (`/du-lieu/`, `/en/data/`) of the version-2 example, built on its day, read
/// back with real parsers (Foundation's JSONSerialization, CSV.swift's reader) and held to counts
/// made by hand from the fixture: one individual who consented (Lò Thị Mai; Vàng A Tủng has not),
/// one collective, two decisions with three recipients between them, and four nominations
/// published (one open, one awaiting decision, one decided, one withdrawn; one not yet open and one
/// whose nominee has not consented are not).
@Suite("Open data", .serialized)
struct OpenDataTests {
    let site: TestSite
    let built: Bool
    init() throws {
        site = try TestSite.version2()
        built = site.build(date: TestSite.version2Date).published
    }

    func json(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: site.output.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// The header and the records of a CSV file, after checking its byte-order mark.
    func csv(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let data = try Data(contentsOf: site.output.appendingPathComponent(path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(path) starts with the UTF-8 byte-order mark")
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return (reader.headerRow ?? [], rows)
    }

    @Test func everyTableHasTheRowsCountedByHandInBothFormatsAndLanguages() throws {
        defer { site.cleanUp() }
        #expect(built)
        let expected: [DataSet: Int] = [.individuals: 1, .collectives: 1, .awards: 2, .awardRecipients: 3, .nominations: 4]
        for folder in ["du-lieu", "en/data"] {
            for set in DataSet.allCases {
                let rows = try json("\(folder)/\(set.rawValue).json")
                #expect(rows.count == expected[set], "\(folder)/\(set.rawValue).json")
                for row in rows { #expect(Set(row.keys) == Set(set.columns), "every row has every column") }
                let (header, records) = try csv("\(folder)/\(set.rawValue).csv")
                #expect(header == set.columns)
                #expect(records.count == expected[set], "\(folder)/\(set.rawValue).csv")
                #expect(records.allSatisfy { $0.count == set.columns.count })
            }
        }
    }

    @Test func theCSVHoldsWhatTheJSONHolds() throws {
        defer { site.cleanUp() }
        #expect(built)
        for set in DataSet.allCases {
            let json = try json("en/data/\(set.rawValue).json"), (header, records) = try csv("en/data/\(set.rawValue).csv")
            for (object, record) in zip(json, records) {
                for (i, column) in header.enumerated() {
                    let expected: String
                    switch object[column] {
                    case let s as String: expected = s
                    case let list as [String]: expected = list.joined(separator: "; ")
                    // The one boolean column; JSONSerialization gives numbers and booleans alike as NSNumber.
                    case let n as NSNumber where column == "direct_worker": expected = n.boolValue ? "true" : "false"
                    case let n as NSNumber: expected = n.stringValue
                    default: expected = ""
                    }
                    #expect(record[i] == expected, "\(set.rawValue).\(column)")
                }
            }
        }
    }

    @Test func theValuesAreThoseOfThePublishedSiteInEachLanguage() throws {
        defer { site.cleanUp() }
        #expect(built)
        let person = try #require(try json("du-lieu/individuals.json").first)
        #expect(person["name"] as? String == "Lò Thị Mai")
        #expect(person["url"] as? String == "https://example.org/ca-nhan/lo-thi-mai/")
        #expect(person["awards"] as? [String] == ["qd-125-2023"])
        #expect(person["stage_name"] as? String == "Nhân rộng")
        #expect(person["direct_worker"] as? Bool == true)
        let english = try #require(try json("en/data/individuals.json").first)
        #expect(english["stage_name"] as? String == "Replicated")
        #expect(english["url"] as? String == "https://example.org/en/individuals/lo-thi-mai/")

        let nominations = try json("en/data/nominations.json")
        let status = Dictionary(uniqueKeysWithValues: nominations.map { ($0["id"] as! String, $0["status"] as! String) })
        #expect(status == ["mo-lo-thi-mai": "open", "cho-to-1": "closed", "da-qd-lo-thi-mai": "decided", "rut-to-1": "withdrawn"])
        let open = try #require(nominations.first { $0["id"] as? String == "mo-lo-thi-mai" })
        #expect(open["form_name"] as? String == "Grassroots Emulation Fighter")
        #expect(open["comment_until"] as? String == "2026-12-11")
        #expect(open["submission_number"] as? String == "12/TTr-CĐCS")
        #expect(open["award"] is NSNull)

        let recipients = try csv("du-lieu/award-recipients.csv")
        let kind = try #require(recipients.header.firstIndex(of: "recipient_kind")), name = try #require(recipients.header.firstIndex(of: "recipient_name"))
        #expect(recipients.rows.map { "\($0[kind]) \($0[name])" }.sorted() == [
            "collective Tổ chuyên môn khối 1, Trường Tiểu học Bản Giang", "collective Tổ chuyên môn khối 1, Trường Tiểu học Bản Giang",
            "individual Lò Thị Mai",
        ])
        let form = try #require(try json("du-lieu/awards.json").first { $0["id"] as? String == "qd-30-2024" })
        #expect(form["form_name"] as? String == "Tập thể lao động xuất sắc")
    }

    @Test func nothingUnpublishedReachesTheData() throws {
        defer { site.cleanUp() }
        #expect(built)
        for folder in ["du-lieu", "en/data"] {
            for set in DataSet.allCases {
                for format in ["json", "csv"] {
                    let text = try String(contentsOf: site.output.appendingPathComponent("\(folder)/\(set.rawValue).\(format)"), encoding: .utf8)
                    for secret in ["Vàng A Tủng", "vang-a-tung", "khong-dong-y", "sap-mo", "0912 000 111", "0912 345 678"] {
                        #expect(!text.contains(secret), "\(folder)/\(set.rawValue).\(format) holds \(secret)")
                    }
                }
            }
        }
    }

    @Test func theDataPageListsEveryFileItsColumnsAndTheLicence() throws {
        defer { site.cleanUp() }
        #expect(built)
        let vi = try site.page("du-lieu"), en = try site.page("en/data")
        #expect(vi.contains("Giấy phép Creative Commons Ghi công 4.0 (CC BY 4.0)"))
        #expect(en.contains("Creative Commons Attribution 4.0 (CC BY 4.0)"))
        for set in DataSet.allCases {
            #expect(vi.contains("href=\"/du-lieu/\(set.rawValue).csv\"") && en.contains("href=\"/en/data/\(set.rawValue).json\""))
            for column in set.columns { #expect(en.contains("<code>\(column)</code>")) }
        }
        #expect(!en.contains("data.column."), "every column has its meaning")
    }

    @Test func aSiteWithoutALicenceSaysNoneIsStated() throws {
        site.cleanUp()
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        #expect(try site.page("du-lieu").contains("Chưa ghi giấy phép sử dụng."))
        #expect(try site.page("en/data").contains("No licence is stated."))
    }
}
