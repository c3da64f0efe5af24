package kiln.orchestrator.report;

import java.time.Duration;
import java.util.List;
import kiln.stages.studio.BuildLimits;

/**
 * The timeline as an SVG drawing: one row per lane (a builder, or a build host's slot, labelled
 * with the host), one bar per attempt coloured by its outcome (the page's style sheet gives the
 * colours, by class), its title a tooltip naming the stage, plan, host, attempt, outcome and time;
 * behind a host's bars, the spans it was lost or quarantined, with why as their tooltip.
 */
final class TimelineSvg {

  static final int WIDTH = 960;
  private static final int LABELS = 80;
  private static final int LANE = 22;
  private static final int LABEL_CHARS = 12;
  private static final int BAR = 16;
  private static final int AXIS = 24;

  private TimelineSvg() {}

  static String render(Timeline timeline) {
    int lanes = timeline.lanes().size();
    int height = lanes * LANE + AXIS;
    long span = Math.max(1, Duration.between(timeline.start(), timeline.end()).toMillis());
    double scale = (double) (WIDTH - LABELS - 8) / span;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"build timeline\">\n");
    for (int lane = 0; lane < lanes; lane++) {
      Timeline.Lane row = timeline.lanes().get(lane);
      int y = lane * LANE;
      svg.append("<text class=\"lane\"");
      if (row.host() != null) {
        svg.append(" data-host=\"").append(Markup.escape(row.host())).append('"');
      }
      svg.append(" x=\"0\" y=\"")
          .append(y + BAR - 3)
          .append("\">")
          .append(Markup.escape(fitted(row.label())))
          .append("</text>\n");
      for (Timeline.HostMark mark : timeline.marks()) {
        if (mark.host().equals(row.host())) {
          mark(svg, mark, timeline, scale, y);
        }
      }
      for (Timeline.Bar bar : row.bars()) {
        bar(svg, bar, timeline, scale, y);
      }
    }
    axis(svg, timeline, lanes * LANE + 16);
    return svg.append("</svg>\n").toString();
  }

  /** A host's name as long as the label column allows, cut with an ellipsis. */
  private static String fitted(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "\u2026";
  }

  /** The span a host was lost or quarantined, behind its lane's bars, with why as its tooltip. */
  private static void mark(
      StringBuilder svg, Timeline.HostMark mark, Timeline timeline, double scale, int y) {
    double x = LABELS + Duration.between(timeline.start(), mark.from()).toMillis() * scale;
    double width = Math.max(3, Duration.between(mark.from(), mark.to()).toMillis() * scale);
    svg.append("<rect class=\"host ")
        .append(Markup.escape(mark.change()))
        .append("\" data-host=\"")
        .append(Markup.escape(mark.host()))
        .append("\" x=\"")
        .append(String.format(java.util.Locale.ROOT, "%.1f", x))
        .append("\" y=\"")
        .append(y - 2)
        .append("\" width=\"")
        .append(String.format(java.util.Locale.ROOT, "%.1f", width))
        .append("\" height=\"")
        .append(BAR + 4)
        .append("\"><title>")
        .append(
            Markup.escape("build host " + mark.host() + " " + mark.change() + ": " + mark.why()))
        .append("</title></rect>\n");
  }

  private static void bar(
      StringBuilder svg, Timeline.Bar bar, Timeline timeline, double scale, int y) {
    double x = LABELS + Duration.between(timeline.start(), bar.start()).toMillis() * scale;
    double width = Math.max(3, bar.duration().toMillis() * scale);
    svg.append("<rect class=\"bar ")
        .append(Markup.escape(bar.outcome()))
        .append("\" x=\"")
        .append(String.format(java.util.Locale.ROOT, "%.1f", x))
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(String.format(java.util.Locale.ROOT, "%.1f", width))
        .append("\" height=\"")
        .append(BAR)
        .append("\"><title>")
        .append(
            Markup.escape(
                bar.stage().id()
                    + " "
                    + bar.key()
                    + (bar.host() == null ? "" : " on " + bar.host())
                    + ", attempt "
                    + bar.attempt()
                    + ": "
                    + bar.outcome().replace('_', ' ')
                    + ", "
                    + BuildLimits.format(bar.duration())))
        .append("</title></rect>\n");
  }

  private static void axis(StringBuilder svg, Timeline timeline, int y) {
    List<String> ends =
        List.of(
            "started " + timeline.start().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            BuildLimits.format(Duration.between(timeline.start(), timeline.end())) + " in all");
    svg.append("<text class=\"axis\" x=\"")
        .append(LABELS)
        .append("\" y=\"")
        .append(y)
        .append("\">")
        .append(Markup.escape(ends.get(0)))
        .append("</text>\n<text class=\"axis\" text-anchor=\"end\" x=\"")
        .append(WIDTH - 8)
        .append("\" y=\"")
        .append(y)
        .append("\">")
        .append(Markup.escape(ends.get(1)))
        .append("</text>\n");
  }
}
