import Foundation
import ThiDuaContent
import ThiDuaModel

/// The site as `thidua serve` holds it between edits: the last good site in memory, and what
/// its build hands the next (the page keys, cards, body links and decoded files), so that a
/// rebuild renders only the outputs an edit affects, exactly as `thidua build` does over its
/// last output. Never written to disk.
public struct SitePreview: Sendable {
    /// The last site built without errors; a build with errors leaves it as it was.
    public private(set) var site = MemorySite()
    /// The diagnostics of the last build (errors mean `site` is an older one).
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many builds have finished, with or without errors.
    public private(set) var generation = 0
    /// The site's first language, once a build got as far as reading site.yml.
    public private(set) var defaultLanguage: Language?
    var cache = BuildCache()

    public init() {}

    /// What one rebuild changed, for the browsers to know whether to reload.
    public struct Change: Sendable {
        public let report: BuildReport
        /// Outputs whose content is new (rendered anew, added or removed), relative to the site root.
        public let changed: [String]
    }

    /// Builds the site again into memory. On errors the last good site stays, with the diagnostics beside it.
    public mutating func rebuild(_ options: BuildOptions) -> Change {
        var clock = StepClock()
        let (prepared, found) = SiteBuilder.prepare(options, previous: cache)
        var report = BuildReport(diagnostics: found)
        generation += 1
        guard let prepared, !found.hasErrors else {
            diagnostics = found
            return Change(report: report, changed: [])
        }
        report.timings = prepared.timings
        defaultLanguage = prepared.views.site.settings.defaultLanguage
        let sink = MemorySink(previous: site)
        do {
            var (records, rendered) = try SiteBuilder.renderOutputs(prepared, previous: cache, into: sink)
            report.count(records, rendered: rendered, plan: prepared.plan)
            report.timings.append(clock.lap(.renderOutputs))
            // Photos as a build makes them, from the same store beside the output folder (it is not the site).
            let photos = PhotoProcessing.write(prepared.photos, store: ImageStore(for: options.outputDirectory), source: prepared.source,
                                               previous: cache.pages, into: sink)
            report.photosEncoded = photos.encoded; report.photosPublished = prepared.photos.count
            guard photos.diagnostics.isEmpty else {
                report.diagnostics = (report.diagnostics + photos.diagnostics).sorted()
                diagnostics = report.diagnostics
                return Change(report: report, changed: [])
            }
            records.merge(photos.records) { $1 }
            report.timings.append(clock.lap(.writePhotos))
            report.filesCopied = try SiteBuilder.copyFiles(prepared, into: sink)
            report.timings.append(clock.lap(.copyFiles))
            var next = prepared.cache
            next.pages = records
            let built = sink.site
            let changed = Set(built.files.keys).union(site.files.keys).filter { file in
                guard let new = built.files[file], let old = site.files[file] else { return true }
                return new.identity != old.identity && !(new.content == old.content)
            }
            cache = next; site = built
            report.published = true
            diagnostics = report.diagnostics
            return Change(report: report, changed: changed.sorted())
        } catch let failure as SourceFailure {
            report.diagnostics.append(failure.diagnostic)
        } catch {
            let failure = error as? SystemFailure ?? SystemFailure(.write, path: "", errno: EIO)
            report.diagnostics.append(DiagnosticCatalog.ioWrite(failure, note: nil))
        }
        diagnostics = report.diagnostics
        return Change(report: report, changed: [])
    }
}
