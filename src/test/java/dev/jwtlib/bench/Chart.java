package dev.jwtlib.bench;

import java.util.List;
import java.util.Locale;

/** A small SVG of the ratio pairs: throughput bars (ours and the baseline) with p99 labels. */
final class Chart {

    private Chart() {
    }

    static String svg(List<HttpBench.Ratio> ratios) {
        int rowHeight = 46;
        int width = 760;
        int labelWidth = 250;
        int barMax = 300;
        StringBuilder svg = new StringBuilder();
        int height = 40 + rowHeight * ratios.size();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-weight=\"bold\">jwtlib (blue) vs baseline (grey): "
                + "throughput bars scaled per pair, p99 in ms; P3b compares p99 only</text>\n");
        int y = 40;
        for (HttpBench.Ratio r : ratios) {
            boolean latency = r.id().equals("P3b");
            double ours = latency ? r.ours().p99Millis() : r.ours().throughput();
            double base = latency ? r.baseline().p99Millis() : r.baseline().throughput();
            double max = Math.max(ours, base);
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s %s</text>%n", y + 14, r.id(),
                    escape(shorten(r.what()))));
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"%s\">ratio %.2f (target %s)</text>%n",
                    y + 30, r.met() ? "#2a7d2a" : "#b00020", r.value(), escape(r.target())));
            bar(svg, labelWidth, y + 2, ours / max * barMax, "#3566c8",
                    latency ? String.format(Locale.ROOT, "p99 %.0f ms", ours)
                            : String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms", ours, r.ours().p99Millis()));
            bar(svg, labelWidth, y + 20, base / max * barMax, "#9a9a9a",
                    latency ? String.format(Locale.ROOT, "p99 %.0f ms", base)
                            : String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms", base, r.baseline().p99Millis()));
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, int x, int y, double length, String colour, String label) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"15\" fill=\"%s\"/>%n",
                x, y, Math.max(1, length), colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x + Math.max(1, length) + 6, y + 12,
                escape(label)));
    }

    private static String shorten(String text) {
        return text.length() > 38 ? text.substring(0, 37) + "…" : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
