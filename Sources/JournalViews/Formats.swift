/// How a reading command prints what it found.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For people: aligned columns, short bars, dates as people write them.
    case text
    /// A document to share.
    case markdown
    /// For scripts: the documented fields, stable.
    case json
}

/// How `report` and `sprint` print: the reading formats, or one self-contained HTML page with charts.
public enum PageFormat: String, CaseIterable, Sendable {
    /// For people: aligned columns, short bars and sparklines.
    case text
    /// A document to share.
    case markdown
    /// For scripts: the documented fields, stable.
    case json
    /// One HTML file with its styles and charts inside: nothing is fetched from the network.
    case html
}

/// How `journal share` prints the document: markdown by default, since it is meant to be pasted.
public enum ShareFormat: String, CaseIterable, Sendable {
    /// To paste into a shared document.
    case markdown
    /// To paste into a message or an email.
    case text
    /// For scripts: the sprint board's fields and the document's additions.
    case json
}
