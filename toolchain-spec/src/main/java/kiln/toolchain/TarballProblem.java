package kiln.toolchain;

import java.util.Objects;

/**
 * Something wrong with a tarball that {@code kiln stage0 verify} reports.
 *
 * @param entry the entry's name, or "" for a problem of the whole file (such as truncation)
 * @param problem what is wrong, a phrase following the entry's name
 */
public record TarballProblem(String entry, String problem) {
  public TarballProblem {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return entry.isEmpty() ? problem : entry + " " + problem;
  }
}
