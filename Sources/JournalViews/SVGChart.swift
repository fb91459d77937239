/// A linear map from data values to pixels: `domain.lowerBound` to `from`, `domain.upperBound` to `to` (a y scale
/// runs upwards, so its `from` is the larger pixel).
struct LinearScale: Equatable {
    let domain: ClosedRange<Double>
    let from: Double
    let to: Double

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, value.isFinite else { return from }
        return from + (value - domain.lowerBound) / span * (to - from)
    }
}

/// Round tick values for an axis from 0: steps of 1, 2 or 5 times a power of ten (at least `minimumStep`), the last
/// tick at or above `top`, at most about `count` steps.
enum Ticks {
    static func nice(top: Double, count: Int = 5, minimumStep: Double = 1) -> [Double] {
        guard top.isFinite, top > 0 else { return [0, minimumStep] }
        let rough = max(top / Double(max(count, 1)), minimumStep)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        let steps = Int(saturating: (top / step).rounded(.up))
        return (0...max(steps, 1)).map { Double($0) * step }
    }
}

/// One SVG chart: a plot area inside fixed margins, a scale for each axis, and the elements drawn so far. Every
/// coordinate goes through the scales; every text through the HTML escaper. Styles come from the page's classes.
struct SVGChart {
    static let width = 640.0
    static let height = 280.0
    /// Room for the y labels on the left, the legend on top and the x labels and axis title below.
    static let left = 56.0, right = 16.0, top = 36.0, bottom = 48.0

    let x: LinearScale
    let y: LinearScale
    private(set) var elements: [String] = []

    init(x domain: ClosedRange<Double>, y range: ClosedRange<Double>) {
        x = LinearScale(domain: domain, from: Self.left, to: Self.width - Self.right)
        y = LinearScale(domain: range, from: Self.height - Self.bottom, to: Self.top)
    }

    /// A coordinate as SVG text: at most one decimal, no trailing ".0".
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e9 { return String(Int(rounded)) }
        return String(rounded)
    }

    func point(_ px: Double, _ py: Double) -> String { Self.number(x(px)) + "," + Self.number(y(py)) }

    /// Gridlines and labels for the y axis at `ticks`, and the axis title.
    mutating func yAxis(_ ticks: [Double], label: (Double) -> String, title: String) {
        for tick in ticks {
            let py = Self.number(y(tick))
            elements.append("<line class=\"grid\" x1=\"\(Self.number(Self.left))\" y1=\"\(py)\" x2=\"\(Self.number(Self.width - Self.right))\" y2=\"\(py)\"/>")
            elements.append("<text class=\"tick\" x=\"\(Self.number(Self.left - 6))\" y=\"\(py)\" text-anchor=\"end\" dy=\"0.32em\">\(HTML.escape(label(tick)))</text>")
        }
        elements.append("<text class=\"axis-title\" transform=\"translate(14,\(Self.number((Self.top + Self.height - Self.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(title))</text>")
    }

    /// The x axis line, labels at `ticks`, and the axis title.
    mutating func xAxis(_ ticks: [(value: Double, label: String)], title: String) {
        let base = Self.number(Self.height - Self.bottom)
        elements.append("<line class=\"axis\" x1=\"\(Self.number(Self.left))\" y1=\"\(base)\" x2=\"\(Self.number(Self.width - Self.right))\" y2=\"\(base)\"/>")
        for tick in ticks {
            elements.append("<text class=\"tick\" x=\"\(Self.number(x(tick.value)))\" y=\"\(Self.number(Self.height - Self.bottom + 16))\" text-anchor=\"middle\">\(HTML.escape(tick.label))</text>")
        }
        elements.append("<text class=\"axis-title\" x=\"\(Self.number((Self.left + Self.width - Self.right) / 2))\" y=\"\(Self.number(Self.height - 8))\" text-anchor=\"middle\">\(HTML.escape(title))</text>")
    }

    /// A line through data points, each with a dot that names its value on hover.
    mutating func line(_ points: [(x: Double, y: Double, note: String?)], cssClass: String, dots: Bool = true) {
        guard !points.isEmpty else { return }
        elements.append("<polyline class=\"\(cssClass)\" points=\"\(points.map { point($0.x, $0.y) }.joined(separator: " "))\"/>")
        guard dots else { return }
        for p in points {
            let title = p.note.map { "<title>\(HTML.escape($0))</title>" } ?? ""
            elements.append("<circle class=\"\(cssClass)\" cx=\"\(Self.number(x(p.x)))\" cy=\"\(Self.number(y(p.y)))\" r=\"3\">\(title)</circle>")
        }
    }

    /// A bar from `low` to `high` on the y axis, between `x0` and `x1` on the x axis.
    mutating func bar(x0: Double, x1: Double, low: Double, high: Double, cssClass: String, note: String) {
        guard high > low else { return }
        let left = x(x0), right = x(x1), top = y(high), bottom = y(low)
        elements.append("<rect class=\"\(cssClass)\" x=\"\(Self.number(left))\" y=\"\(Self.number(top))\" width=\"\(Self.number(right - left))\" height=\"\(Self.number(bottom - top))\"><title>\(HTML.escape(note))</title></rect>")
    }

    /// A small label at a data point, above it.
    mutating func label(_ text: String, x px: Double, y py: Double) {
        elements.append("<text class=\"value\" x=\"\(Self.number(x(px)))\" y=\"\(Self.number(y(py) - 4))\" text-anchor=\"middle\">\(HTML.escape(text))</text>")
    }

    /// A vertical line across the plot at `px`, labelled at its top (today, on a running sprint).
    mutating func marker(at px: Double, label text: String) {
        let sx = Self.number(x(px))
        elements.append("<line class=\"marker\" x1=\"\(sx)\" y1=\"\(Self.number(Self.top))\" x2=\"\(sx)\" y2=\"\(Self.number(Self.height - Self.bottom))\"/>")
        elements.append("<text class=\"marker-label\" x=\"\(sx)\" y=\"\(Self.number(Self.top - 4))\" text-anchor=\"middle\">\(HTML.escape(text))</text>")
    }

    /// The legend along the top: a swatch of each series' class and its name.
    mutating func legend(_ items: [(cssClass: String, label: String)]) {
        var cursor = Self.left
        for item in items {
            elements.append("<rect class=\"swatch \(item.cssClass)\" x=\"\(Self.number(cursor))\" y=\"8\" width=\"14\" height=\"10\"/>")
            elements.append("<text class=\"legend\" x=\"\(Self.number(cursor + 20))\" y=\"17\">\(HTML.escape(item.label))</text>")
            // About 6.5 pixels a character at the legend's size.
            cursor += 20 + Double(item.label.count) * 6.5 + 18
        }
    }

    /// The chart as an inline SVG element, scaled to its container, named for screen readers.
    func svg(title: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
            + "<title>\(HTML.escape(title))</title>" + elements.joined() + "</svg>"
    }
}
