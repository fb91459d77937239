/// One self-contained HTML page: its styles inline, its charts inline SVG, no script, no font, image or link that
/// would be fetched. Readable on a phone (the page narrows, wide tables scroll) and printable (black on white, no
/// chart split across pages). Callers pass markup built with `HTML.escape` around everything users typed.
struct HTMLPage {
    let title: String
    let subtitle: String
    var sections: [String] = []

    init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    mutating func section(_ heading: String, _ body: String...) {
        sections.append("<section><h2>\(HTML.escape(heading))</h2>\(body.joined())</section>")
    }

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>
        <header><h1>\(HTML.escape(title))</h1><p class="subtitle">\(HTML.escape(subtitle))</p></header>
        \(sections.joined(separator: "\n"))
        <footer>Written by journal from its event log.</footer>
        </main>
        </body>
        </html>
        """
    }

    /// A table whose cells are markup already; it scrolls sideways on a narrow screen instead of squeezing.
    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        let head = headers.enumerated().map { i, h in "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { i, cell in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell)</td>" }.joined() + "</tr>"
        }
        return "<div class=\"scroll\"><table><thead><tr>\(head.joined())</tr></thead><tbody>\(body.joined())</tbody></table></div>"
    }

    /// A chart with its caption, kept on one printed page.
    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(caption)</figcaption></figure>"
    }

    /// A coloured label: a goal's standing or a milestone's state.
    static func badge(_ text: String, _ tone: String) -> String {
        "<span class=\"badge \(tone)\">\(HTML.escape(text))</span>"
    }

    static let style = """
        :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--soft:#f4f6f8;--blue:#2563eb;--green:#15803d;\
        --amber:#d97706;--red:#b91c1c;--grey:#94a3b8}
        *{box-sizing:border-box}
        body{margin:0;background:#fff;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
        "Helvetica Neue",Arial,sans-serif}
        main{max-width:52rem;margin:0 auto;padding:1.25rem 1rem 2rem}
        h1{font-size:1.7rem;margin:0 0 .2rem}
        h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
        h3{font-size:1rem;margin:1.2rem 0 .3rem}
        .subtitle,figcaption,footer,.note{color:var(--muted)}
        figcaption{font-size:.9rem;margin-top:.2rem}
        figure{margin:.5rem 0 1.2rem;break-inside:avoid;page-break-inside:avoid}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
        th{background:var(--soft);font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td:first-child{min-width:10rem}
        .key{font-weight:600;white-space:nowrap}
        .badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.82rem;font-weight:600;\
        white-space:nowrap;border:1px solid currentColor}
        .good{color:var(--green)}.warn{color:var(--amber)}.bad{color:var(--red)}.quiet{color:var(--muted)}
        dl{margin:0}dt{font-weight:600;margin-top:.6rem}dd{margin:0;white-space:pre-wrap}
        footer{margin-top:2.5rem;font-size:.85rem}
        svg.chart{display:block;width:100%;height:auto;max-width:640px;font-family:inherit}
        svg .grid{stroke:#e5e7eb;stroke-width:1}
        svg .axis{stroke:#9aa5b1;stroke-width:1}
        svg .tick,svg .value{font-size:11px;fill:var(--muted)}
        svg .axis-title,svg .legend{font-size:12px;fill:var(--ink)}
        svg polyline{fill:none;stroke-width:2.5;stroke-linejoin:round}
        svg polyline.planned{stroke:var(--grey);stroke-dasharray:6 4}
        svg polyline.done{stroke:var(--green)}
        svg polyline.road{stroke:var(--muted);stroke-dasharray:6 4;stroke-width:2}
        svg polyline.actual{stroke:var(--blue)}
        svg circle.planned{fill:var(--grey)}svg circle.done{fill:var(--green)}svg circle.actual{fill:var(--blue)}
        svg rect.linked,svg .swatch.done,svg .swatch.actual{fill:var(--blue)}
        svg .swatch.done{fill:var(--green)}
        svg rect.unlinked{fill:var(--amber)}
        svg .swatch.planned,svg .swatch.road{fill:var(--grey)}
        svg .marker{stroke:var(--red);stroke-width:1;stroke-dasharray:3 3}
        svg .marker-label{font-size:11px;fill:var(--red)}
        @media (max-width:32rem){body{font-size:15px}main{padding:.75rem .6rem 1.5rem}h1{font-size:1.4rem}}
        @media print{body{font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}\
        .scroll{overflow:visible}th{background:none}}
        """
}
