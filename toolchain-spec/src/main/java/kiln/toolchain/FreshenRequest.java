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
 * @param xzPreset the xz preset the new tarball is compressed with, 0 to 9
 */
public record FreshenRequest(Map<String, Path> puts, List<String> removes, int xzPreset) {

  /** The default preset, 9, as {@code xz -9} in the maintainers' hand-made flow. */
  public static final int DEFAULT_XZ_PRESET = 9;

  /** A request compressed at the default preset. */
  public FreshenRequest(Map<String, Path> puts, List<String> removes) {
    this(puts, removes, DEFAULT_XZ_PRESET);
  }

  /**
   * Checks every name is a clean path under tools/, no name is both put and removed, and the preset
   * is 0 to 9.
   */
  public FreshenRequest {
    puts = new TreeMap<>(puts);
    removes = List.copyOf(removes);
    List<String> problems = new ArrayList<>();
    if (xzPreset < 0 || xzPreset > 9) {
      problems.add("--xz-preset " + xzPreset + ": must be a whole number from 0 to 9");
    }
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
