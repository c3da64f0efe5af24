package kiln.toolchain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Checks the entries of one archive in order, remembering what each name under the root is by then
 * (a directory, made by an entry or implied by one below it; a file; a symlink), so that verify
 * predicts what extraction does: no entry may pass through a symlink or a file, none but a
 * directory may take the place of a directory, a hard link must point at a regular file seen
 * earlier. Verification reports every problem; extraction stops at the first.
 */
final class EntryRules {

  private enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK
  }

  private final ArchiveRoot root;
  private final Map<String, Kind> kinds = new HashMap<>();

  EntryRules(ArchiveRoot root) {
    this.root = root;
  }

  /** The problems of one entry, each a phrase to follow the entry's name; empty when fine. */
  List<String> check(TarArchiveEntry entry) {
    List<String> problems = new ArrayList<>();
    String rawName = entry.getName();
    root.problemWithEntry(rawName).ifPresent(problems::add);
    String name = ArchiveRoot.stripTrailingSlash(rawName);
    if (problems.isEmpty() && !root.contains(name) && !entry.isDirectory()) {
      // Only directories may stand above the root (hab/ before hab/pkgs/).
      problems.add("is outside " + root.name() + "/");
    }
    if (problems.isEmpty()) {
      throughNonDirectory(name).ifPresent(problems::add);
    }
    if (problems.isEmpty() && root.contains(name) && !entry.isDirectory()) {
      replacesDirectory(name).ifPresent(problems::add);
    }
    typeProblem(entry, name).ifPresent(problems::add);
    if (problems.isEmpty()) {
      remember(entry, name);
    }
    return problems;
  }

  private Optional<String> typeProblem(TarArchiveEntry entry, String name) {
    Optional<String> unsupported = TarTypes.problemWith(entry);
    if (unsupported.isPresent()) {
      return unsupported;
    }
    if (entry.isSymbolicLink()) {
      return root.problemWithSymlinkTarget(name, entry.getLinkName());
    }
    if (entry.isLink()) {
      Optional<String> outside = root.problemWithHardLinkTarget(entry.getLinkName());
      if (outside.isPresent()) {
        return outside;
      }
      String target = ArchiveRoot.stripTrailingSlash(entry.getLinkName());
      if (target.equals(name)) {
        return Optional.of("is a hard link to itself");
      }
      if (kinds.get(target) != Kind.FILE) {
        return Optional.of(
            "is a hard link to " + entry.getLinkName() + ", which is not an earlier regular file");
      }
    }
    return Optional.empty();
  }

  /** Extraction creates missing parents, but never goes through a symlink or a file. */
  private Optional<String> throughNonDirectory(String name) {
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String parent = name.substring(0, slash);
      Kind kind = kinds.get(parent);
      if (kind == Kind.SYMLINK) {
        return Optional.of("goes through the symlink " + parent);
      }
      if (kind == Kind.FILE) {
        return Optional.of("goes through " + parent + ", which is a file in the archive");
      }
    }
    return Optional.empty();
  }

  /** Extraction replaces a file or symlink by a newer entry, but never a directory. */
  private Optional<String> replacesDirectory(String name) {
    if (name.equals(root.name())) {
      return Optional.of("is the root but not a directory");
    }
    if (kinds.get(name) == Kind.DIRECTORY) {
      return Optional.of("would replace the directory " + name + " (from an earlier entry)");
    }
    return Optional.empty();
  }

  private void remember(TarArchiveEntry entry, String name) {
    if (!root.contains(name)) {
      return; // a parent of the root, such as hab/ before hab/pkgs/: extraction skips it
    }
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String parent = name.substring(0, slash);
      if (root.contains(parent)) {
        kinds.putIfAbsent(parent, Kind.DIRECTORY); // extraction makes missing parents
      }
    }
    if (entry.isDirectory()) {
      kinds.put(name, Kind.DIRECTORY);
    } else if (entry.isSymbolicLink()) {
      kinds.put(name, Kind.SYMLINK);
    } else {
      kinds.put(name, Kind.FILE); // a regular file or a hard link to one
    }
  }
}
