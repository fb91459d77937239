import JournalDomain
import Projections

/// The page's three kinds of chart, drawn from a quarter's chart series: milestones planned against done, a
/// numeric goal's road against its progress, and effort linked against unlinked, week by week.
enum ChartGraphics {
    /// Where a day's end lies on a week axis: the end of week N is N (week 13 may be longer than 7 days).
    static func weekPosition(of day: LocalDate, in quarter: Quarter) -> Double {
        guard let week = quarter.week(of: day), let days = quarter.days(ofWeek: week) else {
            return day < quarter.firstDay ? 0 : Double(Quarter.weekCount)
        }
        let length = Double(days.lowerBound.days(until: days.upperBound) + 1)
        return Double(week - 1) + Double(days.lowerBound.days(until: day) + 1) / length
    }

    static func isRunning(_ charts: QuarterCharts) -> Bool {
        charts.through < charts.quarter.lastDay && charts.through >= charts.quarter.firstDay
    }

    static func burnUp(_ charts: QuarterCharts) -> String {
        let highest = max(charts.milestoneTotal, charts.weeks.compactMap(\.milestonesDone).max() ?? 0)
        let ticks = Ticks.nice(top: Double(max(highest, 1)), count: 5)
        var chart = SVGChart(x: 0...Double(Quarter.weekCount), y: 0...(ticks.last ?? 1))
        chart.legend([("planned", "planned to be done"), ("done", "done")])
        chart.yAxis(ticks, label: { SVGChart.number($0) }, title: "milestones")
        chart.xAxis((1...Quarter.weekCount).map { (Double($0), String($0)) }, title: "week (counted at its end)")
        chart.line([(0, 0, nil)] + charts.weeks.map { w in
            (Double(w.week), Double(w.milestonesPlanned), "Week \(w.week): \(w.milestonesPlanned) planned by its end")
        }, cssClass: "planned")
        let counted = charts.weeks.filter(\.counted)
        chart.line([(0, 0, nil)] + counted.map { w in
            let done = w.milestonesDone ?? 0
            return (min(Double(w.week), weekPosition(of: charts.through, in: charts.quarter)), Double(done),
                    "Week \(w.week): \(done) done, \(w.milestonesPlanned) planned")
        }, cssClass: "done")
        if isRunning(charts) { chart.marker(at: weekPosition(of: charts.through, in: charts.quarter), label: "today") }
        return chart.svg(title: "Milestones planned vs done, week by week")
    }

    static func road(_ road: QuarterCharts.Road, charts: QuarterCharts) -> String {
        let quarter = charts.quarter
        let start = quarter.firstDay
        let end = Double(start.days(until: quarter.lastDay))
        let highest = max(road.target, road.points.map(\.actual).max() ?? 0)
        let ticks = Ticks.nice(top: highest, count: 5, minimumStep: highest >= 5 ? 1 : 0.1)
        var chart = SVGChart(x: 0...end, y: 0...(ticks.last ?? highest))
        let unit = road.unit.map { " " + $0 } ?? ""
        chart.legend([("road", "road to \(NumberText.format(road.target))\(unit) by \(TextStyle.date(road.reaches, reference: quarter.lastDay))"),
                      ("actual", "progress")])
        chart.yAxis(ticks, label: { NumberText.format($0) }, title: road.unit ?? "progress")
        let months = (0...2).compactMap { LocalDate(year: start.year, month: start.month + $0, day: 1) }
        chart.xAxis(months.map { (Double(start.days(until: $0)), TextStyle.date($0, reference: $0)) }
                    + [(end, TextStyle.date(quarter.lastDay, reference: quarter.lastDay))], title: "day")
        let reach = Double(min(start.days(until: road.reaches), Int(end)))
        let roadAt = { (offset: Double) in
            Pace.road(target: road.target, from: start, to: road.reaches, on: start.adding(days: Int(offset)))
        }
        chart.line((reach < end ? [0, reach, end] : [0, end]).map { ($0, roadAt($0), nil) }, cssClass: "road", dots: false)
        chart.line(road.points.map { p in
            (Double(start.days(until: p.day)), p.actual,
             "\(TextStyle.date(p.day, reference: quarter.lastDay)) (week \(p.week)): \(NumberText.format(p.actual))\(unit); the road: \(NumberText.format((p.expected * 10).rounded() / 10))")
        }, cssClass: "actual")
        if isRunning(charts) { chart.marker(at: Double(start.days(until: charts.through)), label: "today") }
        return chart.svg(title: "\(road.key): progress against the road")
    }

    static func effort(_ charts: QuarterCharts) -> String {
        let counted = charts.weeks.filter(\.counted)
        let hours = counted.map { Double(($0.minutesLinked ?? 0) + ($0.minutesUnlinked ?? 0)) / 60 }
        let ticks = Ticks.nice(top: max(hours.max() ?? 0, 1), count: 4)
        var chart = SVGChart(x: 0...Double(Quarter.weekCount), y: 0...(ticks.last ?? 1))
        chart.legend([("linked", "linked to a goal"), ("unlinked", "linked to no goal")])
        chart.yAxis(ticks, label: { $0 == 0 ? "0" : TextStyle.minutes(Int(saturating: $0 * 60)) }, title: "time a week")
        chart.xAxis((1...Quarter.weekCount).map { (Double($0) - 0.5, String($0)) }, title: "week")
        for w in counted {
            let linked = w.minutesLinked ?? 0, unlinked = w.minutesUnlinked ?? 0
            let x0 = Double(w.week - 1) + 0.15, x1 = Double(w.week) - 0.15
            let note = "Week \(w.week) (from \(TextStyle.date(w.days.lowerBound, reference: w.days.lowerBound))): "
                + "\(TextStyle.minutes(linked)) linked, \(TextStyle.minutes(unlinked)) unlinked"
            chart.bar(x0: x0, x1: x1, low: 0, high: Double(linked) / 60, cssClass: "linked", note: note)
            chart.bar(x0: x0, x1: x1, low: Double(linked) / 60, high: Double(linked + unlinked) / 60, cssClass: "unlinked", note: note)
            if linked + unlinked > 0 {
                chart.label(TextStyle.minutes(linked + unlinked), x: Double(w.week) - 0.5, y: Double(linked + unlinked) / 60)
            }
        }
        if isRunning(charts) { chart.marker(at: weekPosition(of: charts.through, in: charts.quarter), label: "today") }
        return chart.svg(title: "Effort a week: linked to a goal vs to none")
    }
}
