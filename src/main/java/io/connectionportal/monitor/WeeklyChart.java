package io.connectionportal.monitor;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

import io.connectionportal.monitor.Figures.Week;

/**
 * The geometry of O3's bar chart, in the SVG's own units (a 760 by 290 view box): one bar per week,
 * its height the completion rate, and grid lines every 25%. The template draws it; the style sheet
 * colours it by class, as the Content-Security-Policy allows no inline style.
 */
@TemplateData
record WeeklyChart(List<Bar> bars, List<GridLine> grid) {

    static final int WIDTH = 760;
    static final int HEIGHT = 290;
    static final int LEFT = 64;
    static final int RIGHT = 748;
    static final int BASELINE = 236;
    /** Two units per percent: 100% is 200 units high. */
    static final int UNITS_PER_PERCENT = 2;

    static final int BAR_WIDTH = 28;

    /** One week's bar; an empty week (nothing began) has none, only its label. */
    @TemplateData
    record Bar(Week week, int x, int y, int width, int height, int centre, int valueY, int labelY) {}

    @TemplateData
    record GridLine(int percent, int y, int labelX, int labelY) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    static WeeklyChart of(List<Week> weeks) {
        int slot = (RIGHT - LEFT) / weeks.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            double percent = week.completionRate()
                    .percent()
                    .map(p -> Math.min(p.doubleValue(), 100.0))
                    .orElse(0.0);
            int height = (int) Math.round(percent * UNITS_PER_PERCENT);
            int centre = LEFT + slot * i + slot / 2;
            int top = BASELINE - height;
            bars.add(new Bar(week, centre - BAR_WIDTH / 2, top, BAR_WIDTH, height, centre, top - 8, BASELINE + 24));
        }
        List<GridLine> grid = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            int y = BASELINE - percent * UNITS_PER_PERCENT;
            grid.add(new GridLine(percent, y, LEFT - 8, y + 5));
        }
        return new WeeklyChart(bars, grid);
    }
}
