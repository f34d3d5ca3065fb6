import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// When the disk says no, the message names the path, says what the system said in plain words
/// and what to do, in both languages; the published site stays as it was; and what a build
/// killed midway left behind is cleaned up by the next.
@Suite("Output: failures of the disk", .serialized)
struct OutputFailureTests {
    @Test("a folder on the way that is a file: the path, 'not a folder', and nothing published")
    func partOfThePathIsAFile() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("blocker", "a file where a folder should be")
        let report = site.build(output: site.root.appendingPathComponent("blocker/output"))
        #expect(!report.published)
        let d = try #require(report.diagnostics.first { $0.code == .ioWrite })
        #expect(d.message[.en]?.contains("blocker") == true)
        #expect(d.message[.en]?.contains("a part of the path is not a folder") == true)
        #expect(d.message[.vi]?.contains("một phần của đường dẫn không phải thư mục") == true)
        #expect(d.fix?[.en]?.isEmpty == false)
        #expect(!(d.message[.en] ?? "").contains("error 0"))
    }

    /// A small file system of its own, as root can mount one; elsewhere the test says why it did not run.
    static func mountTiny(_ folder: URL, size: String) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/mount")
        p.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
    static func unmount(_ folder: URL) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/umount")
        p.arguments = [folder.path]
        try? p.run(); p.waitUntilExit()
    }
    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-mount-probe-\(getpid())")
        defer { unmount(probe); try? FileManager.default.removeItem(at: probe) }
        return mountTiny(probe, size: "16k")
    }()

    @Test("a full disk: 'no space left on device', and the published site unchanged",
          .enabled(if: canMount, "needs root to mount a small tmpfs"))
    func fullDisk() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let disk = site.root.appendingPathComponent("disk")
        #expect(Self.mountTiny(disk, size: "96k"))
        defer { Self.unmount(disk) }
        let output = disk.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("đã xuất bản".utf8).write(to: output.appendingPathComponent("index.html"))

        let report = site.build(output: output)
        #expect(!report.published)
        let d = try #require(report.diagnostics.first { $0.code == .ioWrite })
        #expect(d.message[.en]?.contains("no space left on device") == true)
        #expect(d.message[.vi]?.contains("ổ đĩa đã hết chỗ trống") == true)
        #expect(d.message[.en]?.contains("The previously published site is unchanged") == true)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "đã xuất bản")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["output"], "nothing staged is left")
    }

    @Test("the staging folder of a build killed midway is removed by the next build")
    func abandonedStagingRemoved() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // No process has this id (Linux ids stop far below it), as after `kill -9`.
        let stale = site.root.appendingPathComponent(".output.staging-2147483000")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("ca-nhan"), withIntermediateDirectories: true)
        try Data("half a site".utf8).write(to: stale.appendingPathComponent("ca-nhan/index.html"))
        #expect(site.build().published)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output") }.sorted()
        #expect(beside == [".output.thidua-cache", ".output.thidua-images"],
                "beside the output: only the cache and the processed photos (a first build keeps no previous site)")
    }
}
