/// Every stable code a diagnostic can carry. The raw value is what people and tools see
/// (`error[ref.unknown]`, the JSON `code`, GitHub's annotation title), so it never changes once
/// published; the wording of each code lives in `DiagnosticCatalog` (ThiDuaContent), one function per code.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    // MARK: io.*: the site, its settings or the output could not be read or written; the build stops.

    /// The site folder (with its content/) does not exist.
    case ioMissingSite = "io.missing-site"
    /// content/site.yml does not exist.
    case ioMissingSettings = "io.missing-settings"
    /// A file could not be read (permissions, a disk error, not a regular file).
    case ioUnreadable = "io.unreadable"
    /// The output (or an exported theme file) could not be written; the last published site is kept.
    case ioWrite = "io.write"
    /// The output folder asked for would replace the site's own files, /, or the home folder.
    case ioOutputRefused = "io.output-refused"

    // MARK: Files and text

    /// A content file with nothing in it.
    case fileEmpty = "file.empty"
    /// A file outside every known content folder, so not read.
    case fileIgnored = "file.ignored"
    /// A content file that is not valid UTF-8.
    case utf8Invalid = "utf8.invalid"
    /// Accented letters in decomposed form (NFD), converted to NFC.
    case textNFD = "text.nfd"
    /// A body nested too deeply (quotes, lists, open brackets) to be rendered safely.
    case bodyTooDeep = "body.too-deep"

    // MARK: Front matter and YAML

    /// A content file that does not start with front matter between '---' lines.
    case frontMatterMissing = "frontmatter.missing"
    /// Front matter opened with '---' and never closed.
    case frontMatterUnclosed = "frontmatter.unclosed"
    /// Front matter that is not a set of 'field: value' lines.
    case frontMatterType = "frontmatter.type"
    /// YAML that cannot be parsed (tabs, stray ':', a list or table as a field name).
    case yamlSyntax = "yaml.syntax"
    /// The same field written twice.
    case yamlDuplicateKey = "yaml.duplicate-key"
    /// A YAML anchor or alias, which ThiDua refuses.
    case yamlAlias = "yaml.alias"
    /// Front matter nested beyond the limit.
    case yamlTooDeep = "yaml.too-deep"
    /// Front matter holding more values than the limit.
    case yamlTooLarge = "yaml.too-large"

    // MARK: Fields

    /// A required field missing or empty.
    case fieldRequired = "field.required"
    /// A field the content model does not have, ignored.
    case fieldUnknown = "field.unknown"
    /// A field whose value has the wrong type.
    case fieldType = "field.type"
    /// A date that is malformed or does not exist.
    case dateInvalid = "date.invalid"
    /// A period that ends before it starts.
    case periodInvalid = "period.invalid"
    /// A value outside a field's fixed list of choices.
    case enumInvalid = "enum.invalid"

    // MARK: Ids, languages, translations

    /// An id that breaks the id rule (a–z, digits, '-').
    case idMalformed = "id.malformed"
    /// Two files for one id in one language.
    case idDuplicate = "id.duplicate"
    /// A language (file suffix or label) that is not one of the site's.
    case langUnknown = "lang.unknown"
    /// A malformed or repeated language code in site.yml.
    case langInvalid = "lang.invalid"
    /// A translation whose original does not exist.
    case translationOrphan = "translation.orphan"
    /// A translation that changes a non-text field of its original.
    case translationConflict = "translation.conflict"
    /// A translated list that no longer matches its original's.
    case translationStale = "translation.stale"

    // MARK: References and structure

    /// A reference (a field, or a `ref:` link in a body) to something the site does not have.
    case refUnknown = "ref.unknown"
    /// 'parent' fields that go round in a circle.
    case parentCycle = "parent.cycle"
    /// A unit other than the publisher with no parent.
    case unitRoot = "unit.root"
    /// A page whose address another output of the site already has.
    case pageCollision = "page.collision"
    /// A body link that could run code on the reader's device (javascript: and the like), dropped.
    case linkUnsafe = "link.unsafe"
    /// A symbolic link that leads out of content/ or templates/, not followed.
    case linkOutside = "link.outside"

    // MARK: Media and people

    /// A media path (or symbolic link) leading outside content/media/.
    case mediaOutside = "media.outside"
    /// A media path naming a file that does not exist.
    case mediaMissing = "media.missing"
    /// An image with no description for readers who cannot see it.
    case mediaAltMissing = "media.alt-missing"
    /// A file of content/media/ that must never be published: HTML, a script, an SVG with a script,
    /// an event handler or an external reference.
    case mediaRefused = "media.refused"
    /// A photo or image field naming a file that is no picture.
    case mediaNotImage = "media.not-image"
    /// A picture in a format ThiDua cannot publish (which formats work is in the fix).
    case mediaUnsupported = "media.unsupported"
    /// A picture with more pixels than ThiDua accepts.
    case mediaTooLarge = "media.too-large"
    /// A picture whose pixels cannot be decoded: a truncated or damaged file.
    case mediaDamaged = "media.damaged"
    /// A photo narrower than the theme shows it, so enlarged and blurred.
    case mediaSmall = "media.small"
    /// An award's attachment that is not a PDF.
    case mediaNotDocument = "media.not-pdf"
    /// A file of content/media/ that no content uses, so not published.
    case mediaUnused = "media.unused"
    /// A person without 'consent: true', left out of the site.
    case consentMissing = "consent.missing"

    // MARK: Commendation and public comment (content model version 2)

    /// An award or nomination whose form is for collectives only (or individuals only) naming the other kind.
    case awardFormRecipients = "award.form-recipients"
    /// A public-comment window shorter than 10 working days.
    case nominationWindowShort = "nomination.window-short"
    /// A nomination marked `decided` that names no `decision`.
    case nominationDecisionMissing = "nomination.decision-missing"
    /// A nomination whose `decision` is an award that does not name its nominee.
    case nominationDecisionMismatch = "nomination.decision-mismatch"
    /// A nomination whose nominee is not published (no consent, or a draft), so it is not published either.
    case nominationUnpublished = "nomination.unpublished"

    // MARK: Theme: templates and interface strings

    /// A template the Mustache parser refuses.
    case templateSyntax = "template.syntax"
    /// A template the generator needs that does not exist.
    case templateMissing = "template.missing"
    /// A partial or parent named by a template that does not exist.
    case templatePartialMissing = "template.partial-missing"
    /// A theme file (template or strings) that is not UTF-8.
    case themeEncoding = "theme.encoding"
    /// `thidua theme export` would overwrite a file, or needs a folder where a file stands.
    case themeExists = "theme.exists"
    /// A language with no interface-strings file.
    case i18nMissing = "i18n.missing"
    /// An interface-strings file that is not valid YAML.
    case i18nYAML = "i18n.yaml"
    /// An interface string missing in one language.
    case i18nKeyMissing = "i18n.key-missing"

    /// The codes that mean the site or the output could not be read or written at all:
    /// with one of these as an error, nothing after loading is meaningful and the exit status is 2.
    public var isIO: Bool {
        switch self {
        case .ioMissingSite, .ioMissingSettings, .ioUnreadable, .ioWrite, .ioOutputRefused: true
        default: false
        }
    }

    /// The printed form, so that `"[\(code)]"` reads `[ref.unknown]`, never the case's name.
    public var description: String { rawValue }

    /// Sorted as their printed form sorts, so diagnostics keep the order they had as strings.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
