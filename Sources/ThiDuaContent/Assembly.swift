import ThiDuaImages
import ThiDuaModel


/// A reference waiting for every id to be known.
struct PendingRef {
    var file: String
    var position: Position
    var target: RefTarget
    var id: String
}

/// A form of commendation in use, and whom it goes to: checked against `award_forms`' `collective_only`/`individual_only`.
struct PendingForm {
    var file: String
    var position: Position
    var form: String
    var toIndividuals: Bool
    var toCollectives: Bool
}

/// What a nomination's rules (CONTENT-MODEL section 9) read once every entity is known.
struct PendingNomination {
    var file: String
    var nominee: EntityRef
    var nomineeAt: Position
    var decision: (id: String, at: Position)?
    var decided: Bool
    var statusAt: Position
    var window: Period
    var untilAt: Position
}

struct PendingMedia {
    var file: String
    var position: Position
    var key: String
    var path: MediaPath
    var hasAlt: Bool
}

/// An entity's files, paired: non-text fields from the default-language file, text from each.
struct Merge {
    let original: ParsedFile
    let translations: [ParsedFile]
    let defaultLanguage: Language
    /// Record lists (`basis`, `initiatives`) a translation got out of step with: its texts are not used.
    private(set) var stale: [Language: Set<String>] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(original: ParsedFile, translations: [ParsedFile], defaultLanguage: Language, schema: Schema) {
        self.original = original; self.translations = translations; self.defaultLanguage = defaultLanguage
        for t in translations {
            for key in t.fields.keys.sorted() {
                guard let spec = schema.spec(key), !spec.isText, let field = t.fields[key] else { continue }
                if case .records(let recordSchema) = spec.type {
                    let originalRecords: [Record]
                    if case .records(let r)? = original.fields[key]?.value { originalRecords = r } else { originalRecords = [] }
                    guard case .records(let translated) = field.value else { continue }
                    if !Merge.sameShape(originalRecords, translated, recordSchema) {
                        stale[t.job.language, default: []].insert(key)
                        diagnostics.append(DiagnosticCatalog.translationStale(file: t.job.path, at: field.position, key: key,
                                                                              originalFile: original.job.path))
                    }
                    continue
                }
                if original.failedKeys.contains(key) { continue }  // already reported in the original
                let mine = original.fields[key]?.value
                if mine != field.value {
                    diagnostics.append(DiagnosticCatalog.translationConflict(
                        file: t.job.path, at: field.position, key: key, value: Merge.display(field.value),
                        original: mine.map(Merge.display) ?? "—", originalFile: original.job.path))
                }
            }
        }
    }

    /// Same number of records, and the same non-text values in each.
    static func sameShape(_ a: [Record], _ b: [Record], _ schema: RecordSchema) -> Bool {
        guard a.count == b.count else { return false }
        let nonText = schema.fields.filter { !$0.isText }.map(\.key)
        for (x, y) in zip(a, b) where nonText.contains(where: { x.values[$0] != y.values[$0] }) { return false }
        return true
    }

    static func display(_ v: FieldValue) -> String {
        switch v {
        case .text(let s), .string(let s), .choice(let s), .ref(let s), .url(let s): return s
        case .textList(let l), .refs(let l), .about(let l), .languages(let l): return "[" + l.joined(separator: ", ") + "]"
        case .date(let d): return d.iso
        case .period(let p): return "{from: \(p.from.iso), to: \(p.to.iso)}"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .media(let m): return m.path
        case .records(let r): return "(\(r.count))"
        case .localizedText(let t): return t.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        case .vocabulary(let v): return v.map(\.id).joined(separator: ", ")
        case .dates(let d): return "[" + d.map(\.iso).joined(separator: ", ") + "]"
        }
    }

    func field(_ key: String) -> Field? { original.fields[key] }
    func value(_ key: String) -> FieldValue? { original.fields[key]?.value }
    func string(_ key: String) -> String? {
        switch value(key) {
        case .string(let s)?, .text(let s)?: return s
        default: return nil
        }
    }
    func date(_ key: String) -> LocalDate? { if case .date(let d)? = value(key) { return d }; return nil }
    func bool(_ key: String) -> Bool? { if case .bool(let b)? = value(key) { return b }; return nil }
    func int(_ key: String) -> Int? { if case .int(let n)? = value(key) { return n }; return nil }
    func choice(_ key: String) -> String? { if case .choice(let c)? = value(key) { return c }; return nil }
    func ref(_ key: String) -> String? { if case .ref(let r)? = value(key) { return r }; return nil }
    func refs(_ key: String) -> [String] { if case .refs(let r)? = value(key) { return r }; return [] }
    func media(_ key: String) -> MediaPath? { if case .media(let m)? = value(key) { return m }; return nil }

    /// A text field in every language that has it.
    func text(_ key: String) -> LocalizedText {
        var out = LocalizedText()
        if case .text(let s)? = value(key) { out[defaultLanguage] = s }
        for t in translations { if case .text(let s)? = t.fields[key]?.value { out[t.job.language] = s } }
        return out
    }

    func textList(_ key: String) -> Localized<[String]> {
        var out = Localized<[String]>()
        if case .textList(let l)? = value(key) { out[defaultLanguage] = l }
        for t in translations { if case .textList(let l)? = t.fields[key]?.value { out[t.job.language] = l } }
        return out
    }

    /// The default file's records, each with a way to read a text field in every language.
    func records(_ key: String) -> [(record: Record, text: (String) -> LocalizedText)] {
        guard case .records(let list)? = value(key) else { return [] }
        var perLanguage: [(Language, [Record])] = []
        for t in translations where !(stale[t.job.language]?.contains(key) ?? false) {
            if case .records(let r)? = t.fields[key]?.value { perLanguage.append((t.job.language, r)) }
        }
        return list.enumerated().map { index, record in
            (record, { sub in
                var out = LocalizedText()
                if case .text(let s)? = record.values[sub] { out[defaultLanguage] = s }
                for (language, records) in perLanguage where index < records.count {
                    if case .text(let s)? = records[index].values[sub] { out[language] = s }
                }
                return out
            })
        }
    }
}

/// Pairs the parsed files into entities and checks what no single file can: references,
/// cycles of `parent`, page addresses, media, consent.
struct Assembly {
    let settings: SiteSettings
    let settingsFields: [String: Field]
    var media: [MediaPath: MediaInfo] = [:]
    /// Media files listed but unusable (a link out of content/media/): already reported.
    var unusableMedia: Set<MediaPath> = []
    /// Why a file that content may name as a picture is none (not an image, a format not published…).
    var mediaProblems: [MediaPath: PhotoProblem] = [:]
    /// Files refused whatever uses them (HTML, scripts, active SVG): already reported.
    var refusedMedia: Set<MediaPath> = []
    var diagnostics: [Diagnostic] = []
    var sources = SourceMap()

    private var campaigns: [Campaign] = []
    private var units: [Unit] = []
    private var collectives: [Collective] = []
    private var individuals: [Individual] = []
    private var awards: [AwardDecision] = []
    private var stories: [Story] = []
    private var pages: [Page] = []
    private var nominations: [Nomination] = []
    private var pendingForms: [PendingForm] = []
    private var pendingNominations: [PendingNomination] = []

    /// Every id with a default-language file, built or not: a reference to an entity whose file
    /// has an error is not reported a second time as unknown.
    private var known: [EntityKind: Set<String>] = [:]
    private var canonicalFile: [EntityRef: String] = [:]
    private var pendingRefs: [PendingRef] = []
    private var pendingAbout: [PendingRef] = []
    private var pendingMedia: [PendingMedia] = []
    private var parents: [EntityKind: [String: PendingRef]] = [:]
    /// Units that name no parent, with their file and where it opens.
    private var rootlessUnits: [(id: String, file: String, position: Position)] = []
    /// Keys of site.yml written but unreadable (`fields`, `districts`): references to them are not reported again.
    let settingsFailedKeys: Set<String>

    init(settings: SiteSettings, settingsFields: [String: Field], settingsFailedKeys: Set<String> = []) {
        self.settings = settings
        self.settingsFields = settingsFields
        self.settingsFailedKeys = settingsFailedKeys
    }

    var defaultLanguage: Language { settings.defaultLanguage }

    func site() -> Site {
        Site(settings: settings, campaigns: campaigns, units: units, collectives: collectives, individuals: individuals,
             awards: awards, stories: stories, pages: pages, nominations: nominations, media: media)
    }

    mutating func assemble(_ files: [ParsedFile]) {
        var groups: [EntityRef: [ParsedFile]] = [:]
        for f in files { groups[EntityRef(kind: f.job.kind, id: f.job.id), default: []].append(f) }
        let refs = groups.keys.sorted()
        let jobs = refs.map { ref in (ref, groups[ref]!.sorted { $0.job.path < $1.job.path }) }
        let defaultLanguage = self.defaultLanguage
        // Each entity is paired and built on its own, on every core; the results are gathered in id order.
        let results = Parallel.map(jobs) { ref, files in
            EntityBuilder.build(kind: ref.kind, id: ref.id, files: files, defaultLanguage: defaultLanguage)
        }
        for (ref, r) in zip(refs, results) {
            diagnostics += r.diagnostics
            if let file = r.canonicalFile {
                known[ref.kind, default: []].insert(ref.id)
                canonicalFile[ref] = file
            }
            if !r.origins.isEmpty { sources.origins[ref] = r.origins }
            pendingRefs += r.refs
            pendingAbout += r.about
            pendingMedia += r.media
            pendingForms += r.form.map { [$0] } ?? []
            pendingNominations += r.nomination.map { [$0] } ?? []
            if let p = r.parent { parents[ref.kind, default: [:]][ref.id] = p }
            if let at = r.rootless, let file = r.canonicalFile { rootlessUnits.append((ref.id, file, at)) }
            switch r.entity {
            case .campaign(let e)?: campaigns.append(e)
            case .unit(let e)?: units.append(e)
            case .collective(let e)?: collectives.append(e)
            case .individual(let e)?: individuals.append(e)
            case .award(let e)?: awards.append(e)
            case .story(let e)?: stories.append(e)
            case .page(let e)?: pages.append(e)
            case .nomination(let e)?: nominations.append(e)
            case nil: break
            }
        }
        if let publisher = settingsFields["publisher"], case .ref(let id) = publisher.value {
            pendingRefs.append(PendingRef(file: "content/site.yml", position: publisher.position, target: .entity(.units), id: id))
        }
        checkReferences()
        checkRoots()
        checkCycles(.units)
        checkCycles(.campaigns)
        checkMedia()
        checkForms()
        checkNominations()
    }

    // MARK: Checks across files

    private func ids(_ target: RefTarget) -> Set<String> {
        switch target {
        case .entity(let kind): return known[kind] ?? []
        case .field: return Set(settings.fields.map(\.id.rawValue))
        case .district: return Set(settings.districts.map(\.id.rawValue))
        case .awardForm: return Set(settings.allAwardForms.map(\.rawValue))
        }
    }

    private mutating func checkReferences() {
        var idSets: [RefTarget: Set<String>] = [:]
        var sortedIDs: [RefTarget: [String]] = [:]
        // Suggestions cost an edit distance per candidate: past this many, unknown ids are reported without one.
        var suggestionBudget = 2_000_000
        func suggest(_ id: String, _ candidates: [String]) -> String? {
            guard suggestionBudget > 0 else { return nil }
            suggestionBudget -= candidates.count
            return Suggest.closest(to: id, in: candidates)
        }
        for r in pendingRefs {
            if idSets[r.target] == nil { idSets[r.target] = ids(r.target); sortedIDs[r.target] = ids(r.target).sorted() }
            guard !idSets[r.target]!.contains(r.id) else { continue }
            // site.yml's vocabulary could not be read: that is the error, not every use of it.
            if case .field = r.target, settingsFailedKeys.contains("fields") { continue }
            if case .district = r.target, settingsFailedKeys.contains("districts") { continue }
            if case .awardForm = r.target, settingsFailedKeys.contains("award_forms") { continue }
            diagnostics.append(DiagnosticCatalog.refUnknown(file: r.file, at: r.position, .field(kind: DiagnosticCatalog.noun(r.target), id: r.id,
                                                                                                         declaredIn: DiagnosticCatalog.declaredIn(r.target)),
                                                            suggestion: suggest(r.id, sortedIDs[r.target]!)))
        }
        for r in pendingAbout {
            let parts = r.id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let kind = EntityKind(rawValue: parts[0]) {
                guard IDSyntax.isValid(parts[1]) else {
                    let slug = VietnameseText.slug(parts[1])
                    diagnostics.append(DiagnosticCatalog.idMalformed(file: r.file, at: r.position, value: parts[1],
                                                                     suggestion: slug.isEmpty ? nil : "\(kind.rawValue)/\(slug)"))
                    continue
                }
                let candidates = known[kind] ?? []
                if candidates.contains(parts[1]) { continue }
                let s = suggest(parts[1], candidates.sorted()).map { "\(kind.rawValue)/\($0)" }
                diagnostics.append(DiagnosticCatalog.refUnknown(file: r.file, at: r.position, .field(kind: DiagnosticCatalog.noun(kind), id: parts[1]),
                                                                suggestion: s))
                continue
            }
            // No kind, or a mistyped one: find where the id lives.
            let id = parts.last ?? r.id
            var guess: String?
            if parts.count == 2, let k = Suggest.closest(to: parts[0], in: EntityKind.allCases.map(\.rawValue)),
               known[EntityKind(rawValue: k)!]?.contains(id) ?? false {
                guess = "\(k)/\(id)"
            } else if let kind = EntityKind.allCases.first(where: { known[$0]?.contains(id) ?? false }) {
                guess = "\(kind.rawValue)/\(id)"
            }
            diagnostics.append(DiagnosticCatalog.refUnknown(file: r.file, at: r.position, .field(kind: DiagnosticCatalog.anything, id: r.id),
                                                            suggestion: guess))
        }
    }

    /// CONTENT-MODEL section 3: a unit's `parent` is "a unit id; only the root has none". The root is the
    /// publisher named in site.yml; without one (or with an unknown one, already an error) nothing is checked.
    /// A warning, not an error, so that sites written before the rule keep building.
    private mutating func checkRoots() {
        guard let publisher = settings.publisher?.rawValue, known[.units]?.contains(publisher) ?? false else { return }
        for unit in rootlessUnits where unit.id != publisher {
            diagnostics.append(DiagnosticCatalog.unitRoot(file: unit.file, at: unit.position, publisher: publisher))
        }
    }

    private mutating func checkCycles(_ kind: EntityKind) {
        guard let links = parents[kind] else { return }
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        for start in links.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let c = current, state[c] == nil {
                state[c] = 1
                path.append(c)
                current = links[c].map(\.id)
            }
            if let c = current, state[c] == 1, let from = path.firstIndex(of: c) {
                let cycle = Array(path[from...])
                let first = cycle.min()!
                let rotated = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!]) + [first]
                let link = links[first]!
                diagnostics.append(DiagnosticCatalog.parentCycle(file: link.file, at: link.position, kind: kind, chain: rotated))
            }
            for p in path { state[p] = 2 }
        }
    }

    /// A form `award_forms` keeps for collectives (or individuals) given to the other kind.
    private mutating func checkForms() {
        for use in pendingForms {
            guard let term = settings.awardForm(AwardForm(use.form)) else { continue }
            if (term.recipients == .collectivesOnly && use.toIndividuals) || (term.recipients == .individualsOnly && use.toCollectives) {
                diagnostics.append(DiagnosticCatalog.awardFormRecipients(file: use.file, at: use.position, form: use.form,
                                                                         recipients: term.recipients))
            }
        }
    }

    /// Section 9's rules: a window of at least 10 working days; `decided` names a decision, and that
    /// decision names the nominee; a nominee left out of the site takes the nomination with it.
    private mutating func checkNominations() {
        let calendar = settings.calendar
        let awardsByID = Dictionary(uniqueKeysWithValues: awards.map { ($0.id.rawValue, $0) })
        let individualsByID = Dictionary(uniqueKeysWithValues: individuals.map { ($0.id.rawValue, $0) })
        let collectivesByID = Dictionary(uniqueKeysWithValues: collectives.map { ($0.id.rawValue, $0) })
        for n in pendingNominations {
            if n.window.from > n.window.to {
                diagnostics.append(DiagnosticCatalog.periodInvalid(file: n.file, at: n.untilAt, from: n.window.from, to: n.window.to))
            } else {
                let days = calendar.workingDays(from: n.window.from, to: n.window.to)
                if days < 10 {
                    diagnostics.append(DiagnosticCatalog.nominationWindowShort(file: n.file, at: n.untilAt, workingDays: days,
                                                                               from: n.window.from, until: n.window.to))
                }
            }
            if n.decided && n.decision == nil {
                diagnostics.append(DiagnosticCatalog.nominationDecisionMissing(file: n.file, at: n.statusAt))
            }
            if let (id, at) = n.decision, let award = awardsByID[id] {
                let names = n.nominee.kind == .individuals ? award.individuals.contains(ID(n.nominee.id))
                    : award.collectives.contains(ID(n.nominee.id))
                if !names {
                    diagnostics.append(DiagnosticCatalog.nominationDecisionMismatch(file: n.file, at: at, decision: id,
                                                                                    nominee: n.nominee.description))
                }
            }
            let entry: Entry?, consented: Bool
            switch n.nominee.kind {
            case .individuals: entry = individualsByID[n.nominee.id]?.entry; consented = individualsByID[n.nominee.id]?.consent ?? true
            default: entry = collectivesByID[n.nominee.id]?.entry; consented = true
            }
            if let entry, entry.isDraft || !consented {
                diagnostics.append(DiagnosticCatalog.nominationUnpublished(file: n.file, at: n.nomineeAt, nominee: n.nominee.description,
                                                                          draft: entry.isDraft))
            }
        }
    }

    private mutating func checkMedia() {
        var sortedPaths: [String]?
        var suggestions = 0
        for use in pendingMedia {
            if !use.hasAlt {
                diagnostics.append(DiagnosticCatalog.mediaAltMissing(file: use.file, at: use.position, key: use.key,
                                                                     altKey: altTextKey[use.key] ?? use.key + "_alt"))
            }
            if let info = media[use.path] {
                if !refusedMedia.contains(use.path), let issue = kindIssue(use, info) { diagnostics.append(issue) }
                continue
            }
            if unusableMedia.contains(use.path) { continue }
            if sortedPaths == nil { sortedPaths = media.keys.map(\.path).sorted() }
            var suggestion = sortedPaths!.first { $0.lowercased() == use.path.path.lowercased() }
            if suggestion == nil, suggestions < 1_000 { suggestions += 1; suggestion = Suggest.closest(to: use.path.path, in: sortedPaths!) }
            diagnostics.append(DiagnosticCatalog.mediaMissing(file: use.file, at: use.position, key: use.key, value: use.path.path,
                                                              suggestion: suggestion))
        }
        // Files no content names (drafts and people without consent count as naming theirs): not
        // published, and worth tidying away.
        let used = Set(pendingMedia.map(\.path))
        for path in media.keys.sorted() where !used.contains(path) && !refusedMedia.contains(path) {
            diagnostics.append(DiagnosticCatalog.mediaUnused(file: "content/" + path.path))
        }
    }

    /// What is wrong with the file a media field names, for what the field holds: a picture, or a document.
    private func kindIssue(_ use: PendingMedia, _ info: MediaInfo) -> Diagnostic? {
        let file = "content/" + use.path.path
        if documentKeys.contains(use.key) {
            if case .document = info.kind { return nil }
            return DiagnosticCatalog.mediaNotDocument(file: use.file, at: use.position, key: use.key, value: file)
        }
        switch info.kind {
        case .photo(let width, _):
            return width < ImageSettings.smallestWidth
                ? DiagnosticCatalog.mediaSmall(file: file, width: width, usedBy: use.file) : nil
        case .drawing: return nil
        case .document:
            return DiagnosticCatalog.mediaNotImage(file: file, usedBy: use.file, key: use.key)
        case .other:
            return DiagnosticCatalog.photoProblem(mediaProblems[use.path] ?? .notAnImage, file: file, usedBy: use.file, key: use.key)
        }
    }
}

/// One entity built from its files, with what is left to check once every entity is known.
struct BuiltGroup: Sendable {
    enum Built: Sendable {
        case campaign(Campaign), unit(ThiDuaModel.Unit), collective(Collective), individual(Individual)
        case award(AwardDecision), story(Story), page(Page), nomination(Nomination)
    }
    var entity: Built?
    var diagnostics: [Diagnostic] = []
    /// The default-language file, when there is one: the id then exists, built or not.
    var canonicalFile: String?
    var origins: [Language: SourceMap.Origin] = [:]
    var refs: [PendingRef] = []
    var about: [PendingRef] = []
    var media: [PendingMedia] = []
    var parent: PendingRef?
    var form: PendingForm?
    var nomination: PendingNomination?
    /// A unit built that names no parent (and did not fail to): where its file opens.
    var rootless: Position?
}

/// Pairs one id's files (CONTENT-MODEL section 2) and builds the entity from them.
enum EntityBuilder {
    static func build(kind: EntityKind, id: String, files: [ParsedFile], defaultLanguage: Language) -> BuiltGroup {
        var out = BuiltGroup()
        let canonicals = files.filter { $0.job.language == defaultLanguage }
        guard let original = canonicals.first(where: { !$0.job.explicitLanguage }) ?? canonicals.first else {
            for f in files {
                out.diagnostics.append(DiagnosticCatalog.translationOrphan(
                    file: f.job.path, id: id, expected: "content/\(kind.rawValue)/\(id).\(defaultLanguage.code).md"))
            }
            return out
        }
        for other in canonicals where other.job.path != original.job.path {
            out.diagnostics.append(DiagnosticCatalog.idDuplicate(file: other.job.path, other: original.job.path, id: id,
                                                                 language: defaultLanguage.code))
        }
        out.canonicalFile = original.job.path
        guard original.usable else { return out }

        let translations = files.filter { $0.job.language != defaultLanguage && $0.usable }.sorted { $0.job.language < $1.job.language }
        let schema = Schema.of(kind)
        let merge = Merge(original: original, translations: translations, defaultLanguage: defaultLanguage, schema: schema)
        out.diagnostics += merge.diagnostics

        var body = LocalizedText()
        var languages: Set<Language> = []
        for f in [original] + translations {
            body[f.job.language] = f.body
            languages.insert(f.job.language)
            out.origins[f.job.language] = SourceMap.Origin(file: f.job.path, bodyStartLine: f.bodyStartLine)
        }
        let entry = Entry(body: body, translations: languages, isDraft: merge.bool("draft") ?? false,
                          isSample: merge.bool("sample") ?? false)
        collectChecks(merge, schema: schema, into: &out)
        collectVersion2Checks(kind: kind, merge, original: original, into: &out)
        out.entity = entity(kind: kind, id: id, merge: merge, entry: entry, diagnostics: &out.diagnostics)
        if kind == .units, out.entity != nil, merge.field("parent") == nil, !original.failedKeys.contains("parent") {
            out.rootless = Position(line: original.openingLine, column: 1)
        }
        return out
    }

    /// References, media and the parent of one entity, read generically from its schema.
    private static func collectChecks(_ m: Merge, schema: Schema, into out: inout BuiltGroup) {
        let file = m.original.job.path
        for spec in schema.fields {
            guard let field = m.field(spec.key) else { continue }
            switch (spec.type, field.value) {
            case (.ref(let target), .ref(let targetID)):
                let pending = PendingRef(file: file, position: field.position, target: target, id: targetID)
                out.refs.append(pending)
                if spec.key == "parent" { out.parent = pending }
            case (.entityRef, .ref(let written)):
                // Checked as `about` references are: a suggestion is written `kind/id` too.
                out.about.append(PendingRef(file: file, position: field.position, target: .entity(.stories), id: written))
            case (.refs(let target, _), .refs(let ids)):
                for (i, r) in ids.enumerated() {
                    out.refs.append(PendingRef(file: file, position: i < field.items.count ? field.items[i] : field.position, target: target, id: r))
                }
            case (.about, .about(let raw)):
                for (i, r) in raw.enumerated() {
                    out.about.append(PendingRef(file: file, position: i < field.items.count ? field.items[i] : field.position, target: .entity(.stories), id: r))
                }
            case (.media, .media(let path)):
                let altKey = altTextKey[spec.key] ?? spec.key + "_alt"
                out.media.append(PendingMedia(file: file, position: field.position, key: spec.key, path: path,
                                              hasAlt: documentKeys.contains(spec.key) || m.text(altKey)[m.defaultLanguage] != nil))
            default: continue
            }
        }
    }

    /// What the cross-file rules of section 9 need: the form an award or nomination uses and whom it
    /// goes to; a nomination's nominee, decision and window, with where each is written.
    private static func collectVersion2Checks(kind: EntityKind, _ m: Merge, original: ParsedFile, into out: inout BuiltGroup) {
        let file = original.job.path, opening = Position(line: original.openingLine, column: 1)
        guard kind == .awards || kind == .nominations, let form = m.field("form"), case .ref(let formID) = form.value else { return }
        if kind == .awards {
            out.form = PendingForm(file: file, position: form.position, form: formID, toIndividuals: !m.refs("individuals").isEmpty,
                                   toCollectives: !m.refs("collectives").isEmpty)
            return
        }
        guard let nomineeField = m.field("nominee"), let nominee = m.ref("nominee").flatMap(EntityRef.init),
              let from = m.date("comment_from"), let until = m.date("comment_until") else { return }
        out.form = PendingForm(file: file, position: form.position, form: formID, toIndividuals: nominee.kind == .individuals,
                               toCollectives: nominee.kind == .collectives)
        out.nomination = PendingNomination(
            file: file, nominee: nominee, nomineeAt: nomineeField.position,
            decision: m.field("decision").flatMap { f in m.ref("decision").map { ($0, f.position) } },
            decided: m.choice("status") == NominationOutcome.decided.rawValue, statusAt: m.field("status")?.position ?? opening,
            window: Period(from: from, to: until), untilAt: m.field("comment_until")?.position ?? opening)
    }

    private static func entity(kind: EntityKind, id: String, merge m: Merge, entry: Entry,
                               diagnostics: inout [Diagnostic]) -> BuiltGroup.Built? {
        func has(_ text: LocalizedText) -> Bool { text[m.defaultLanguage] != nil }
        switch kind {
        case .campaigns:
            guard has(m.text("title")), let organizer = m.ref("organizer"), case .period(let period)? = m.value("period"),
                  let status = m.choice("status").flatMap(CampaignStatus.init(rawValue:)) else { return nil }
            let basis = m.records("basis").map { r, text in
                BasisDocument(number: { if case .string(let s)? = r.values["number"] { return s }; return "" }(),
                              date: { if case .date(let d)? = r.values["date"] { return d }; return nil }(),
                              issuer: text("issuer"), title: text("title"))
            }
            return .campaign(Campaign(id: ID(id), title: m.text("title"), theme: m.text("theme"), summary: m.text("summary"),
                                      organizer: ID(organizer), parent: m.ref("parent").map(ID.init), period: period,
                                      status: status, basis: basis, entry: entry))
        case .units:
            guard has(m.text("name")), let unitKind = m.choice("kind").flatMap(UnitKind.init(rawValue:)) else { return nil }
            return .unit(ThiDuaModel.Unit(id: ID(id), name: m.text("name"), shortName: m.text("short_name"), kind: unitKind,
                                          parent: m.ref("parent").map(ID.init), district: m.ref("district").map(DistrictID.init),
                                          entry: entry))
        case .collectives:
            guard has(m.text("name")), let profile = profile(m) else { return nil }
            return .collective(Collective(id: ID(id), name: m.text("name"), members: m.int("members"), profile: profile, entry: entry))
        case .individuals:
            guard let name = m.string("name"), has(m.text("position")), let profile = profile(m) else { return nil }
            let consent = m.bool("consent") ?? false
            if !consent {
                diagnostics.append(DiagnosticCatalog.consentMissing(file: m.original.job.path, at: m.field("consent")?.position, name: name))
            }
            return .individual(Individual(id: ID(id), name: name, givenName: m.string("given_name"), position: m.text("position"),
                                          directWorker: m.bool("direct_worker"),
                                          gender: m.choice("gender").flatMap(Gender.init(rawValue:)),
                                          consent: consent, profile: profile, entry: entry))
        case .awards:
            guard has(m.text("title")), let decision = m.string("decision"), let date = m.date("date"), has(m.text("issuer")),
                  let level = m.choice("level").flatMap(AwardLevel.init(rawValue:)),
                  let form = m.ref("form").map(AwardForm.init) else { return nil }
            return .award(AwardDecision(id: ID(id), title: m.text("title"), decision: decision, date: date, issuer: m.text("issuer"),
                                        level: level, form: form, campaign: m.ref("campaign").map(ID.init),
                                        individuals: m.refs("individuals").map(ID.init), collectives: m.refs("collectives").map(ID.init),
                                        attachment: m.media("attachment"), entry: entry))
        case .stories:
            guard has(m.text("title")), let date = m.date("date") else { return nil }
            var about: [EntityRef] = []
            if case .about(let raw)? = m.value("about") { about = raw.compactMap(EntityRef.init) }
            return .story(Story(id: ID(id), title: m.text("title"), date: date, summary: m.text("summary"), about: about,
                                image: m.media("image"), imageAlt: m.text("image_alt"), entry: entry))
        case .pages:
            guard has(m.text("title")) else { return nil }
            return .page(Page(id: ID(id), title: m.text("title"), menu: m.int("menu"), summary: m.text("summary"), entry: entry))
        case .nominations:
            guard has(m.text("title")), let nominee = m.ref("nominee").flatMap(EntityRef.init), let form = m.ref("form"),
                  let level = m.choice("level").flatMap(AwardLevel.init(rawValue:)), let proposer = m.ref("proposer"),
                  let from = m.date("comment_from"), let until = m.date("comment_until") else { return nil }
            let submission = m.records("submission").first.map { r, _ in
                Submission(number: { if case .string(let s)? = r.values["number"] { return s }; return "" }(),
                           date: { if case .date(let d)? = r.values["date"] { return d }; return nil }())
            }
            // A window that ends before it starts is an error (checked with the others); the model keeps it in order.
            return .nomination(Nomination(id: ID(id), title: m.text("title"), nominee: nominee, form: AwardForm(form), level: level,
                                          proposer: ID(proposer), submission: submission, reason: m.text("reason"),
                                          comment: Period(from: min(from, until), to: max(from, until)), contact: m.text("contact"),
                                          outcome: m.choice("status").flatMap(NominationOutcome.init(rawValue:)),
                                          decision: m.ref("decision").map(ID.init), entry: entry))
        }
    }

    private static func profile(_ m: Merge) -> ExemplaryProfile? {
        guard let unit = m.ref("unit"), let field = m.ref("field"), !m.refs("campaigns").isEmpty,
              let stage = m.choice("stage").flatMap(Stage.init(rawValue:)), let recognised = m.date("recognised") else { return nil }
        let initiatives = m.records("initiatives").map { r, text in
            Initiative(title: text("title"),
                       year: { if case .int(let n)? = r.values["year"] { return n }; return nil }(),
                       benefitVND: { if case .int(let n)? = r.values["benefit_vnd"] { return n }; return nil }())
        }
        return ExemplaryProfile(unit: ID(unit), field: FieldID(field), district: m.ref("district").map(DistrictID.init),
                                campaigns: m.refs("campaigns").map(ID.init), stage: stage, recognised: recognised,
                                featured: m.bool("featured") ?? false, achievements: m.textList("achievements"),
                                initiatives: initiatives, photo: m.media("photo"), photoAlt: m.text("photo_alt"),
                                summary: m.text("summary"))
    }
}
