import ArgumentParser
import ThiDuaSite

extension DiagnosticPrinter.Format: ExpressibleByArgument {}
