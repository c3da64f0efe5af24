package kiln.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import kiln.orchestrator.status.RunStatus;

/**
 * The folder a report is written to: {@code index.html} (the whole report; the logs are linked
 * where they are). Each write replaces the page in one step.
 */
public final class ReportFolder {

  /** The page's name in the folder. */
  public static final String PAGE = "index.html";

  /** How many lines of a failed build's log a report shows. */
  public static final int TAIL_LINES = 30;

  private final Path folder;
  private final HtmlReport html;

  /**
   * @param clock the time the page says it was written
   * @param live whether the page is written again as the run goes on (it then reloads itself)
   */
  public ReportFolder(Path folder, LogTails tails, Clock clock, boolean live) {
    this.folder = folder;
    this.html = new HtmlReport(folder, tails, clock, live);
  }

  /** A report of the real logs' last {@link #TAIL_LINES} lines. */
  public static ReportFolder of(Path folder, Clock clock, boolean live) {
    return new ReportFolder(folder, LogTails.reading(TAIL_LINES), clock, live);
  }

  /**
   * Writes the page.
   *
   * @return the page written
   * @throws IOException when the folder or the page cannot be written
   */
  public Path write(RunStatus status) throws IOException {
    Path page = folder.resolve(PAGE);
    AtomicText.write(page, html.render(status));
    return page;
  }

  /**
   * Writes the run as JUnit XML to {@code file}, in one step.
   *
   * @throws IOException when it cannot be written
   */
  public static void writeJunit(RunStatus status, Path file, LogTails tails) throws IOException {
    AtomicText.write(file, new JunitReport(tails).render(status));
  }

  public Path folder() {
    return folder;
  }
}
