import Foundation
import SMTPYAML

extension ReasonsCatalogue {
    /// The path of the bundled `reasons.yaml`, or `nil` when the resource bundle is missing.
    public static var bundledPath: String? {
        Bundle.module.url(forResource: "reasons", withExtension: "yaml")?.path
    }

    /// The catalogue bundled with smtpspec, read once per process (the data never changes while it runs).
    ///
    /// - Throws: ``ReasonsCatalogueError`` when the resource is missing or invalid (a packaging defect).
    public static func bundled() throws(ReasonsCatalogueError) -> ReasonsCatalogue {
        try bundledOnce.get()
    }

    /// The bundled catalogue, parsed the first time it is asked for; an immutable constant.
    private static let bundledOnce: Result<ReasonsCatalogue, ReasonsCatalogueError> = Result {
        () throws(ReasonsCatalogueError) -> ReasonsCatalogue in try readBundled()
    }

    /// Checks that the bundled catalogue is installed, without parsing it: for a run that reads it only when a
    /// failure needs explaining, yet must refuse to start without it.
    ///
    /// - Throws: ``ReasonsCatalogueError`` when the resource bundle is missing.
    public static func checkBundledInstalled() throws(ReasonsCatalogueError) {
        _ = try installedBundledPath()
    }

    private static func installedBundledPath() throws(ReasonsCatalogueError) -> String {
        guard let path = bundledPath else {
            throw ReasonsCatalogueError(
                diagnostics: [
                    Diagnostic(
                        message: "the bundled reasons catalogue is missing",
                        location: nil,
                        note: "reinstall smtpspec with its SMTPDiagnosis resource bundle"
                    )
                ],
                source: nil
            )
        }
        return path
    }

    private static func readBundled() throws(ReasonsCatalogueError) -> ReasonsCatalogue {
        let path = try installedBundledPath()
        let source: SourceFile
        do {
            source = try SourceFile.read(path: path)
        } catch {
            throw ReasonsCatalogueError(diagnostics: [error], source: nil)
        }
        return try parse(source, origin: .bundled)
    }

    /// The bundled catalogue, merged with a team's reasons file when one is given (its entries win).
    ///
    /// - Throws: ``ReasonsCatalogueError`` with the team file's diagnostics at line:col when it is invalid.
    public static func load(reasonsFile: String?) throws(ReasonsCatalogueError) -> ReasonsCatalogue {
        let base = try bundled()
        guard let reasonsFile else { return base }
        let source: SourceFile
        do {
            source = try SourceFile.read(path: reasonsFile)
        } catch {
            throw ReasonsCatalogueError(diagnostics: [error], source: nil)
        }
        return base.merging(try parse(source, origin: .team(path: reasonsFile)))
    }

    /// Parses a reasons file: the bundled catalogue or a team's (every section optional).
    ///
    /// - Throws: ``ReasonsCatalogueError`` carrying every error found, each at its line and column.
    public static func parse(
        _ source: SourceFile,
        origin: CatalogueOrigin
    ) throws(ReasonsCatalogueError)
        -> ReasonsCatalogue
    {
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(source)
        } catch {
            throw ReasonsCatalogueError(diagnostics: [error], source: source)
        }
        guard let root else { return ReasonsCatalogue() }
        var reader = CatalogueReader(origin: origin)
        let catalogue = reader.read(root)
        if reader.diagnostics.containsErrors {
            throw ReasonsCatalogueError(diagnostics: reader.diagnostics.sortedBySource, source: source)
        }
        return catalogue
    }

    /// Parses reasons-file text held in memory, as if read from `path` (used in diagnostics).
    ///
    /// - Throws: ``ReasonsCatalogueError`` carrying every error found, each at its line and column.
    public static func parse(
        yaml: String,
        path: String,
        origin: CatalogueOrigin
    ) throws(ReasonsCatalogueError)
        -> ReasonsCatalogue
    {
        try parse(SourceFile(path: path, text: yaml), origin: origin)
    }
}
