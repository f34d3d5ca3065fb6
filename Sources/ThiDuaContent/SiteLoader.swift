import Foundation
import ThiDuaImages
import ThiDuaModel

/// A site read into the model, with everything found wrong on the way.
public struct LoadResult: Sendable {
    /// Best effort even with errors: an entity whose own file is broken is left out.
    /// Callers refuse to build when `diagnostics.hasErrors`.
    public var site: Site
    /// Sorted, each once.
    public var diagnostics: [Diagnostic]
    public var sources: SourceMap
    /// The entity files that decoded cleanly, for the next build to reuse (`ParseCache`).
    public var parsed = ParseCache()
    /// A digest of every entity file read and of `site.yml`, by path: what a rebuild compares.
    public var fileDigests: [String: UInt64] = [:]
}

/// Which file each entity's text came from, per language, so that a problem the renderer
/// finds in a body ("line 3 of the body") can be reported at a line of a file.
public struct SourceMap: Sendable {
    struct Origin: Hashable, Sendable {
        var file: String
        var bodyStartLine: Int
    }
    var origins: [EntityRef: [Language: Origin]] = [:]

    public init() {}

    /// `content/individuals/lo-thi-mai.en.md`: the file that language's text came from; nil if none.
    public func file(for ref: EntityRef, language: Language) -> String? {
        origins[ref]?[language]?.file
    }
    /// Every entry that has a file, whether or not it could be built: a link to an entry
    /// with a mistake of its own is not a second mistake.
    public var entries: Set<EntityRef> { Set(origins.keys) }
    /// 1-based line of that file where the Markdown body starts.
    public func bodyStartLine(for ref: EntityRef, language: Language) -> Int? {
        origins[ref]?[language]?.bodyStartLine
    }
}

/// Loads a site folder into the model: list, read and parse every file concurrently,
/// then pair translations, build the entities and check the links between them.
public enum SiteLoader {
    /// `reusing` holds files a previous build decoded: a file with the same bytes is not decoded again.
    public static func load(from source: ContentSource, reusing cache: ParseCache = ParseCache()) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        func finish(_ site: Site, _ sources: SourceMap) -> LoadResult {
            LoadResult(site: site, diagnostics: sortedUnique(diagnostics), sources: sources)
        }

        // 1. The list of files.
        let paths: [String]
        do {
            paths = try source.listFiles().sorted()
        } catch ContentSourceError.missingSiteFolder(let folder) {
            diagnostics.append(DiagnosticCatalog.ioMissingSite(folder: folder))
            return finish(Site(settings: SettingsReader.fallback), SourceMap())
        } catch {
            diagnostics.append(DiagnosticCatalog.readFailure(error, file: (error as? ContentSourceError)?.path ?? "content"))
            return finish(Site(settings: SettingsReader.fallback), SourceMap())
        }
        let settingsPath = "content/site.yml"
        guard paths.contains(settingsPath) else {
            let alternative = paths.first { $0 == "content/site.yaml" || $0.lowercased() == "content/site.yml" }
            diagnostics.append(DiagnosticCatalog.ioMissingSettings(alternative: alternative.map { String($0.dropFirst("content/".count)) }))
            return finish(Site(settings: SettingsReader.fallback), SourceMap())
        }

        // 2. site.yml first: its languages decide how file names are read.
        let settingsFile = SettingsReader.read(source: source, path: settingsPath)
        diagnostics += settingsFile.diagnostics
        let settings = settingsFile.settings
        let languageCodes = settings.languages.map(\.code)

        // 3. Sort every other file into entity files, media files and the rest.
        var entityJobs: [EntityFileJob] = []
        var mediaPaths: [String] = []
        for path in paths where path != settingsPath {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, parts[0] == "content" else { continue }  // templates/, output/: not content
            if parts.dropFirst().contains(where: { $0.hasPrefix(".") || $0.isEmpty }) { continue }  // .DS_Store, .git, editor files
            if parts[1] == "media", parts.count >= 3 { mediaPaths.append(path); continue }
            guard parts.count == 3, let kind = EntityKind(rawValue: parts[1]), parts[2].hasSuffix(".md") else {
                let folder = parts.count >= 3 ? parts[1] : nil
                let known = EntityKind.allCases.map(\.rawValue) + ["media"]
                let suggestion = folder.flatMap { f in known.contains(f) ? nil : Suggest.closest(to: f.lowercased(), in: known) }
                if path.hasSuffix("~") || path.hasSuffix(".swp") || path.hasSuffix(".bak") { continue }
                diagnostics.append(DiagnosticCatalog.fileIgnored(file: path, suggestion: suggestion))
                continue
            }
            let base = String(parts[2].dropLast(3))
            let nameParts = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let id = nameParts[0]
            var language = settings.defaultLanguage
            var explicit = false
            if nameParts.count == 2 {
                let suffix = nameParts[1]
                guard languageCodes.contains(suffix) else {
                    diagnostics.append(DiagnosticCatalog.languageUnknown(
                        file: path, suffix: suffix, languages: languageCodes,
                        suggestion: languageCodes.first { $0 == suffix.lowercased() }))
                    continue
                }
                language = Language(suffix)
                explicit = true
            }
            guard nameParts.count <= 2, IDSyntax.isValid(id) else {
                let slug = VietnameseText.slug(nameParts.count <= 2 ? id : base)
                diagnostics.append(DiagnosticCatalog.idMalformed(file: path, at: nil, value: nameParts.count <= 2 ? id : base,
                                                                 suggestion: slug.isEmpty ? nil : slug))
                continue
            }
            entityJobs.append(EntityFileJob(path: path, kind: kind, id: id, language: language, explicitLanguage: explicit,
                                            isCanonical: language == settings.defaultLanguage))
        }

        // 4. Read and parse every file, concurrently; results come back in input order.
        let read = Parallel.map(entityJobs) { job in EntityFileReader.read(job, source: source, cache: cache) }
        let parsed = read.map(\.file)
        let media = Parallel.map(mediaPaths) { path in MediaReader.read(path, source: source) }

        // 5. Pair translations, build entities, check references.
        var assembly = Assembly(settings: settings, settingsFields: settingsFile.fields, settingsFailedKeys: settingsFile.failedKeys)
        for m in media {
            diagnostics += m.diagnostics
            if let info = m.info { assembly.media[info.path] = info } else { assembly.unusableMedia.insert(m.mediaPath) }
            if let problem = m.problem { assembly.mediaProblems[m.mediaPath] = problem }
            if m.diagnostics.contains(where: { $0.code == .mediaRefused }) { assembly.refusedMedia.insert(m.mediaPath) }
        }
        for file in parsed { diagnostics += file.diagnostics }
        assembly.assemble(parsed)
        diagnostics += assembly.diagnostics
        var result = finish(assembly.site(), assembly.sources)
        for r in read {
            if let (key, entry) = r.reusable { result.parsed.entries[key] = entry }
            if let digest = r.digest { result.fileDigests[r.file.job.path] = digest }
        }
        result.fileDigests[settingsPath] = settingsFile.digest
        return result
    }

    /// Sorted as `Diagnostic` sorts (file, line, column, code, message), each once.
    static func sortedUnique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Array(Set(diagnostics)).sorted {
            if $0 < $1 { return true }
            if $1 < $0 { return false }
            return ($0.severity, $0.message[.vi] ?? "", $0.fix?[.en] ?? "") < ($1.severity, $1.message[.vi] ?? "", $1.fix?[.en] ?? "")
        }
    }
}

/// One content file to read: its place in the site and the language its name gives.
struct EntityFileJob: Sendable {
    var path: String
    var kind: EntityKind
    var id: String
    var language: Language
    /// Written `<id>.<lang>.md` rather than `<id>.md`.
    var explicitLanguage: Bool
    /// The default language's file: required fields are checked here.
    var isCanonical: Bool
}

/// An entity file read and decoded on its own, before it meets its translations.
struct ParsedFile: Sendable {
    var job: EntityFileJob
    /// False when the file could not be read or parsed at all.
    var usable: Bool
    var fields: [String: Field] = [:]
    var failedKeys: Set<String> = []
    var body: String = ""
    var bodyStartLine: Int = 1
    var openingLine: Int = 1
    var diagnostics: [Diagnostic] = []
}

enum EntityFileReader {
    /// The file decoded, or taken from `cache` when its bytes were decoded cleanly before; with
    /// what the next build may reuse of it.
    static func read(_ job: EntityFileJob, source: ContentSource, cache: ParseCache)
        -> (file: ParsedFile, reusable: (UInt64, ParseCache.Entry)?, digest: UInt64?) {
        let bytes: [UInt8]
        do { bytes = try source.read(job.path) } catch {
            var out = ParsedFile(job: job, usable: false)
            out.diagnostics.append(DiagnosticCatalog.readFailure(error, file: job.path))
            return (out, nil, nil)
        }
        let key = ParseCache.key(bytes: bytes, job: job)
        if let e = cache.entries[key], let body = ParseCache.body(e, bytes: bytes) {
            return (ParsedFile(job: job, usable: true, fields: e.fields, failedKeys: e.failedKeys, body: body,
                               bodyStartLine: e.bodyStartLine, openingLine: e.openingLine), (key, e), key)
        }
        let out = decode(job, bytes)
        guard out.usable, out.diagnostics.isEmpty else { return (out, nil, key) }
        return (out, (key, ParseCache.entry(out, bytes: bytes)), key)
    }

    static func decode(_ job: EntityFileJob, _ bytes: [UInt8]) -> ParsedFile {
        var out = ParsedFile(job: job, usable: false)
        let (text, textDiagnostics) = TextDecoding.decode(bytes, file: job.path)
        out.diagnostics += textDiagnostics
        guard let text else { return out }
        let (split, splitDiagnostics) = FrontMatterFile.split(text, file: job.path)
        out.diagnostics += splitDiagnostics
        guard let split else { return out }
        out.body = split.body
        out.bodyStartLine = split.bodyStartLine
        out.openingLine = split.openingLine
        if let problem = BodyLimits.check(split.body) {
            // cmark-gfm is quadratic in such nesting: the body never reaches it.
            out.diagnostics.append(DiagnosticCatalog.bodyTooDeep(file: job.path, problem, bodyStartLine: split.bodyStartLine))
            out.body = ""
        }
        let (root, yamlDiagnostics) = YAMLReader.parse(split.yaml, file: job.path)
        out.diagnostics += yamlDiagnostics
        guard yamlDiagnostics.isEmpty else { return out }
        var decoder = FieldDecoder(file: job.path, isCanonical: job.isCanonical)
        let (fields, failed) = decoder.decodeMapping(root, schema: Schema.of(job.kind), owner: nil,
                                                     missingAt: Position(line: split.openingLine, column: 1))
        out.diagnostics += decoder.diagnostics
        if decoder.diagnostics.contains(where: { $0.code == .frontMatterType }) { return out }
        out.fields = fields
        out.failedKeys = failed
        out.usable = true
        return out
    }

}

/// A file under `content/media/`: what kind of file it is (`MediaKinds`), its size in bytes and,
/// for pictures, in pixels; a file that must never be published is an error here, used or not.
enum MediaReader {
    struct Result: Sendable {
        var mediaPath: MediaPath
        var info: MediaInfo?
        /// Why a file that is no publishable picture is not: said when content uses it as one.
        var problem: PhotoProblem?
        var diagnostics: [Diagnostic]
    }

    static func read(_ path: String, source: ContentSource) -> Result {
        let mediaPath = MediaPath(String(path.dropFirst("content/".count)))
        do {
            let bytes = try source.read(path)
            let found = MediaKinds.classify(path: mediaPath.path, bytes: bytes)
            let info = MediaInfo(path: mediaPath, byteCount: bytes.count, digest: StableHasher.hash(bytes), kind: found.kind)
            return Result(mediaPath: mediaPath, info: info, problem: found.problem,
                          diagnostics: found.refused.map { [DiagnosticCatalog.mediaRefused(file: path, reason: $0)] } ?? [])
        } catch {
            return Result(mediaPath: mediaPath, info: nil, diagnostics: [DiagnosticCatalog.readFailure(error, file: path)])
        }
    }
}

/// `content/site.yml`: settings and the shared vocabularies.
enum SettingsReader {
    struct Result: Sendable {
        var settings: SiteSettings
        var fields: [String: Field]
        var failedKeys: Set<String> = []
        var diagnostics: [Diagnostic]
        /// Of the file's bytes, for what a rebuild compares (0 when it could not be read).
        var digest: UInt64 = 0
    }

    /// What a site without a readable site.yml is loaded with, so every other file is still checked.
    static let fallback = SiteSettings(title: .init(), baseURL: "", languages: [.vi, .en])

    static func read(source: ContentSource, path: String) -> Result {
        let bytes: [UInt8]
        do { bytes = try source.read(path) } catch {
            return Result(settings: fallback, fields: [:], diagnostics: [DiagnosticCatalog.readFailure(error, file: path)])
        }
        var result = decode(bytes, path: path)
        result.digest = StableHasher.hash(bytes)
        return result
    }

    static func decode(_ bytes: [UInt8], path: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let (text, textDiagnostics) = TextDecoding.decode(bytes, file: path)
        diagnostics += textDiagnostics
        // An unreadable site.yml is one error: the vocabularies it would have held are not reported again in every file.
        let unread: Set<String> = ["fields", "districts", "award_forms"]
        guard let text else { return Result(settings: fallback, fields: [:], failedKeys: unread, diagnostics: diagnostics) }
        let (root, yamlDiagnostics) = YAMLReader.parse(text, file: path)
        diagnostics += yamlDiagnostics
        guard yamlDiagnostics.isEmpty else { return Result(settings: fallback, fields: [:], failedKeys: unread, diagnostics: diagnostics) }
        var decoder = FieldDecoder(file: path, isCanonical: true)
        let (fields, failedKeys) = decoder.decodeMapping(root, schema: Schema.site, owner: nil, missingAt: .fileStart)
        diagnostics += decoder.diagnostics

        var codes = ["vi", "en"]
        if case .languages(let l)? = fields["languages"]?.value { codes = l }
        let languages = codes.map(Language.init)
        let defaultCode = codes[0]
        func localized(_ labels: [String: String], at p: Position, keys: [String: Position]) -> LocalizedText {
            var text = LocalizedText()
            for (code, value) in labels.sorted(by: { $0.key < $1.key }) {
                let c = code.isEmpty ? defaultCode : code
                guard codes.contains(c) else {
                    diagnostics.append(DiagnosticCatalog.languageLabelUnknown(file: path, at: keys[code] ?? p, code: code, languages: codes))
                    continue
                }
                text[Language(c)] = value
            }
            return text
        }
        var title = LocalizedText()
        if let f = fields["title"], case .localizedText(let labels) = f.value { title = localized(labels, at: f.position, keys: f.keys) }
        var baseURL = ""
        if case .url(let u)? = fields["base_url"]?.value { baseURL = u }
        var publisher: ID<ThiDuaModel.Unit>?
        if case .ref(let p)? = fields["publisher"]?.value { publisher = ID(p) }
        func terms<V>(_ key: String) -> [Term<V>] {
            guard case .vocabulary(let list)? = fields[key]?.value else { return [] }
            return list.map { Term(id: TermID<V>($0.id), label: localized($0.labels, at: $0.position, keys: $0.labelPositions)) }
        }
        // award_forms: a vocabulary whose entries may also say whom the form goes to.
        let flags = ["collective_only": AwardFormRecipients.collectivesOnly, "individual_only": .individualsOnly]
        var awardForms: [AwardFormTerm] = []
        if case .vocabulary(let list)? = fields["award_forms"]?.value {
            for term in list {
                var labels = term.labels, recipients = AwardFormRecipients.any
                for (key, kind) in flags.sorted(by: { $0.key < $1.key }) {
                    guard let value = labels.removeValue(forKey: key) else { continue }
                    switch value {
                    case "true", "True", "TRUE": recipients = kind
                    case "false", "False", "FALSE": break
                    default:
                        diagnostics.append(DiagnosticCatalog.fieldType(file: path, at: term.labelPositions[key] ?? term.position,
                                                                       key: "award_forms.\(term.id).\(key)", expected: .bool))
                    }
                }
                awardForms.append(AwardFormTerm(id: AwardForm(term.id), label: localized(labels, at: term.position, keys: term.labelPositions),
                                                recipients: recipients))
            }
        }
        var holidays: [LocalDate] = []
        if case .dates(let d)? = fields["holidays"]?.value { holidays = d }
        var contact: Contact?
        if case .records(let records)? = fields["contact"]?.value, let r = records.first, let f = fields["contact"] {
            var address = LocalizedText()
            if case .localizedText(let labels)? = r.values["address"] { address = localized(labels, at: f.position, keys: [:]) }
            func string(_ key: String) -> String? { if case .string(let s)? = r.values[key] { return s }; return nil }
            contact = Contact(email: string("email"), address: address, phone: string("phone"))
        }
        var license: LocalizedText?
        if let f = fields["license"], case .localizedText(let labels) = f.value { license = localized(labels, at: f.position, keys: f.keys) }
        let settings = SiteSettings(title: title, baseURL: baseURL, languages: languages, publisher: publisher,
                                    fields: terms("fields"), districts: terms("districts"), awardForms: awardForms,
                                    holidays: holidays, contact: contact, license: license)
        return Result(settings: settings, fields: fields, failedKeys: failedKeys, diagnostics: diagnostics)
    }
}
