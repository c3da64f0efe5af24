package kiln.stages.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check of what a build request names on disk, made when the build starts (a request itself
 * touches no file): every problem at once, each naming its path and what to do.
 */
final class RequestFiles {

  private RequestFiles() {}

  /**
   * Checks the plan dir, the harts to install and the results dir.
   *
   * @return the plan's plan.sh, relative to the plan dir
   * @throws BuildException listing every problem found
   */
  static Path check(BuildRequest request) throws BuildException {
    List<String> problems = new ArrayList<>();
    Path planDir = request.planDir();
    Path planFile = null;
    if (!Files.isDirectory(planDir)) {
      problems.add(
          "plan directory "
              + planDir
              + (Files.exists(planDir) ? " is not a directory" : " not found")
              + ": give the directory that holds the plan's plan.sh");
    } else {
      try {
        planFile = PlanLocation.planFile(planDir, request.target());
      } catch (BuildException e) {
        problems.add(e.getMessage());
      }
    }
    for (Path hart : request.installs()) {
      if (!Files.isRegularFile(hart)) {
        problems.add(
            "cannot install " + hart + ": no such file; give the path of a .hart artifact");
      }
    }
    Path results = request.resultsDir();
    if (Files.exists(results) && !Files.isDirectory(results)) {
      problems.add(
          "results dir "
              + results
              + " is not a directory: give a directory for the artifact and the log (it is made"
              + " when missing)");
    }
    if (!problems.isEmpty()) {
      throw new BuildException(String.join("; ", problems));
    }
    return planFile;
  }
}
