/**
 * The run as a report, two more renderings of the status model ({@link
 * kiln.orchestrator.status.RunStatus}): {@link kiln.orchestrator.report.HtmlReport}, one
 * self-contained page (counts, a timeline of every build in derived builder lanes, failures with
 * their log tails, skips with their cause, a table that sorts by column), and {@link
 * kiln.orchestrator.report.JunitReport}, JUnit XML for CI systems. {@link
 * kiln.orchestrator.report.ReportFolder} writes them, each file replaced in one step; {@link
 * kiln.orchestrator.report.LiveReport} listens to a run ({@code kiln bootstrap --report DIR}) and
 * writes the page again as builds start and finish. A failure's log tail comes through {@link
 * kiln.orchestrator.report.LogTails}. docs/ledger.md tells what the report shows.
 */
package kiln.orchestrator.report;
