package kiln.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What freshen changes in a tarball.
 *
 * @param puts entry name (e.g. {@code tools/bin/hab}) to the host file that becomes its content;
 *     the entry is replaced if present, else added (with any missing parent directories)
 * @param removes entry names to drop; a directory goes with everything under it
 */
public record FreshenRequest(Map<String, Path> puts, List<String> removes) {

  /** Checks every name is a clean path under tools/ and no name is both put and removed. */
  public FreshenRequest {
    puts = new TreeMap<>(puts);
    removes = List.copyOf(removes);
    List<String> problems = new ArrayList<>();
    for (String name : puts.keySet()) {
      check(name, "--put", problems);
    }
    for (String name : removes) {
      check(name, "--remove", problems);
      if (puts.containsKey(ArchiveRoot.stripTrailingSlash(name))) {
        problems.add(name + " is both put and removed");
      }
    }
    if (puts.isEmpty() && removes.isEmpty()) {
      problems.add("nothing to change: give --put or --remove");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private static void check(String name, String option, List<String> problems) {
    String clean = ArchiveRoot.stripTrailingSlash(name);
    if (ArchiveRoot.TOOLS.problemWithEntry(clean).isPresent()
        || !ArchiveRoot.TOOLS.contains(clean)
        || clean.equals(ArchiveRoot.TOOLS.name())) {
      problems.add(option + " " + name + ": entry names look like tools/bin/hab");
    }
  }
}
