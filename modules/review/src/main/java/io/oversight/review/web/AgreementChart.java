package io.oversight.review.web;

import io.oversight.review.AgreementReport.DailyAgreement;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agreement page's daily chart as inline SVG: a y axis from -1 to 1 with labelled ticks, the days
 * along the x axis with their dates, and each series as a line with a dot on every day that has a
 * value, so a period of one day still shows its point. Only numbers and dates it formats itself reach
 * the markup, never text from a request.
 */
final class AgreementChart {

    static final int WIDTH = 680;
    static final int HEIGHT = 230;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** At most this many date labels, so they never overlap. */
    private static final int MAX_DATE_LABELS = 8;

    private AgreementChart() {
    }

    static String svg(List<DailyAgreement> daily) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" aria-label=\"Agreement per day\""
                        + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-size=\"11\" fill=\"#5b6475\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (double tick : new double[] {-1, -0.5, 0, 0.5, 1}) {
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                            + "<text class=\"y-tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, y(tick), WIDTH - RIGHT, y(tick), tick == 0 ? "#98a2b3" : "#eaecf0",
                    LEFT - 6, y(tick) + 4, tick == 0 ? "0" : String.format(Locale.ROOT, "%.1f", tick)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#98a2b3\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        if (daily.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">No reviews in this period.</text>",
                    LEFT + 12, TOP + 24));
            return svg.append("</svg>").toString();
        }
        int step = Math.max(1, (int) Math.ceil(daily.size() / (double) MAX_DATE_LABELS));
        for (int i = 0; i < daily.size(); i += step) {
            svg.append(String.format(Locale.ROOT, "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x(i, daily.size()), HEIGHT - BOTTOM + 16, daily.get(i).day().format(DAY)));
        }
        svg.append(series(daily, DailyAgreement::alpha, "alpha", "#2f5bea"))
                .append(series(daily, DailyAgreement::percentAgreement, "percent", "#667085"));
        return svg.append("</svg>").toString();
    }

    private static String series(List<DailyAgreement> daily, Function<DailyAgreement, Optional<Double>> value,
            String name, String colour) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < daily.size(); i++) {
            Optional<Double> v = value.apply(daily.get(i));
            if (v.isPresent()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, daily.size()), y(v.get())));
                dots.append(String.format(Locale.ROOT, "<circle class=\"%s-point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">"
                        + "<title>%s: %.3f</title></circle>", name, x(i, daily.size()), y(v.get()), colour,
                        daily.get(i).day(), v.get()));
            }
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\""
                + points.toString().trim() + "\" class=\"" + name + "\"/>" + dots;
    }

    private static double x(int index, int count) {
        double plot = WIDTH - LEFT - RIGHT - 20.0;
        return count == 1 ? LEFT + 10 + plot / 2 : LEFT + 10 + index * plot / (count - 1);
    }

    private static double y(double value) {
        return TOP + (1 - (value + 1) / 2) * (HEIGHT - TOP - BOTTOM);
    }
}
