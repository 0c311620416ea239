package org.frametag.cli.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Inline SVG charts: a bar per category, and categories over time. Every name is escaped text. */
final class Charts {

    private static final double CHAR_WIDTH = 8.5;
    private static final int BAR_LENGTH = 420;
    private static final int ROW = 26;
    private static final String[] DASHES = {"", "7 4", "2 3", "9 3 2 3"};

    /** Horizontal bars, one per category, each labelled with its name and value. */
    static String bars(String id, String title, List<String> categories, Names names, long[] values) {
        int labels = (int) Math.ceil(categories.stream().mapToInt(String::length).max().orElse(4) * CHAR_WIDTH) + 12;
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        int width = labels + BAR_LENGTH + 70;
        int height = categories.size() * ROW + 4;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-t\"><title id=\"").append(id).append("-t\">").append(Html.text(title)).append("</title>\n");
        for (int i = 0; i < categories.size(); i++) {
            int k = names.category(categories.get(i));
            int y = i * ROW;
            long length = Math.round((double) values[i] / max * BAR_LENGTH);
            s.append("<g class=\"k").append(k).append("\"><text x=\"").append(labels - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(Html.text(categories.get(i))).append("</text><rect x=\"")
                    .append(labels).append("\" y=\"").append(y + 4).append("\" width=\"").append(length)
                    .append("\" height=\"18\"/><text class=\"v\" id=\"").append(id).append("-k").append(k).append("\" x=\"")
                    .append(labels + length + 6).append("\" y=\"").append(y + 17).append("\">")
                    .append(Html.number(values[i])).append("</text></g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /** The span of time a list of dates is charted in: days, months or years. */
    enum Period {
        DAY, MONTH, YEAR;

        static Period covering(LocalDate first, LocalDate last) {
            if (ChronoUnit.DAYS.between(first, last) <= 62) {
                return DAY;
            }
            return ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) <= 120 ? MONTH : YEAR;
        }

        LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case MONTH -> start.plusMonths(1);
                case YEAR -> start.plusYears(1);
            };
        }

        String label(LocalDate start) {
            return switch (this) {
                case DAY -> start.toString();
                case MONTH -> start.toString().substring(0, 7);
                case YEAR -> String.valueOf(start.getYear());
            };
        }
    }

    /**
     * A line per category through its count in each period, every period from the first date to
     * the last shown; the lines differ in dash as well as colour, and a table gives the numbers.
     *
     * @param counts per dated sentence's period start, the count per category (in {@code categories} order)
     */
    static String overTime(Period period, TreeMap<LocalDate, long[]> counts, List<String> categories, Names names) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate d = counts.firstKey(); !d.isAfter(counts.lastKey()); d = period.next(d)) {
            periods.add(d);
        }
        long max = 1;
        for (long[] row : counts.values()) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        int width = 760;
        int height = 260;
        int left = 48;
        int right = 16;
        int top = 12;
        int bottom = 44;
        double step = periods.size() == 1 ? 0 : (double) (width - left - right) / (periods.size() - 1);
        double x0 = periods.size() == 1 ? (width + left - right) / 2.0 : left;
        int plot = height - top - bottom;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart time\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"time-t\"><title id=\"time-t\">Tagged sentences per category by ")
                .append(period.name().toLowerCase(Locale.ROOT)).append("</title>\n");
        s.append("<g class=\"axis\"><line x1=\"").append(left).append("\" y1=\"").append(top + plot).append("\" x2=\"")
                .append(width - right).append("\" y2=\"").append(top + plot).append("\"/><line x1=\"").append(left)
                .append("\" y1=\"").append(top).append("\" x2=\"").append(left).append("\" y2=\"").append(top + plot)
                .append("\"/>");
        for (long tick : new long[] {0, max / 2, max}) {
            double y = top + plot - (double) tick / max * plot;
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">")
                    .append(Html.number(tick)).append("</text>");
        }
        int every = Math.max(1, (int) Math.ceil(periods.size() / 8.0));
        for (int i = 0; i < periods.size(); i += every) {
            s.append("<text x=\"").append(fmt(x0 + i * step)).append("\" y=\"").append(height - bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(period.label(periods.get(i))).append("</text>");
        }
        s.append("</g>\n");
        for (int c = 0; c < categories.size(); c++) {
            int k = names.category(categories.get(c));
            StringBuilder points = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            boolean any = false;
            for (int i = 0; i < periods.size(); i++) {
                long v = counts.getOrDefault(periods.get(i), new long[categories.size()])[c];
                any |= v > 0;
                String x = fmt(x0 + i * step);
                String y = fmt(top + plot - (double) v / max * plot);
                points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
                marks.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\"/>");
            }
            if (any) {
                s.append("<g class=\"k").append(k).append(" line\"><polyline points=\"").append(points).append('"');
                String dash = DASHES[c % DASHES.length];
                if (!dash.isEmpty()) {
                    s.append(" stroke-dasharray=\"").append(dash).append('"');
                }
                s.append("/>").append(marks).append("</g>\n");
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private Charts() {
    }
}
