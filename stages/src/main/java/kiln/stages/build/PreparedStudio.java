package kiln.stages.build;

import kiln.stages.studio.StudioSpec;

/**
 * A build's studio made ready up to the build pass ({@link PlanBuilder#prepare}): the spec names
 * the plan at /src, the program and deps.env at /kiln, the dependency closure under /hab/pkgs, the
 * cached source under /hab/cache/src and the build's environment. Closing it removes the build's
 * scratch space.
 */
public final class PreparedStudio implements AutoCloseable {

  private final BuildWorkspace workspace;
  private final ResultsDir results;
  private final StudioSpec spec;
  private final String logName;
  private final String ident;

  PreparedStudio(
      BuildWorkspace workspace, ResultsDir results, StudioSpec spec, String logName, String ident) {
    this.workspace = workspace;
    this.results = results;
    this.spec = spec;
    this.logName = logName;
    this.ident = ident;
  }

  /** The studio the build pass would get. */
  public StudioSpec spec() {
    return spec;
  }

  /** origin/name of the plan, for messages. */
  public String ident() {
    return ident;
  }

  /** The command that runs the plan's callbacks in this studio, as the build pass does. */
  public static String buildCommand() {
    return "/bin/bash " + BuildWorkspace.STUDIO_DIR + "/plan-build.sh build";
  }

  BuildWorkspace workspace() {
    return workspace;
  }

  ResultsDir results() {
    return results;
  }

  String logName() {
    return logName;
  }

  @Override
  public void close() {
    workspace.close();
  }
}
