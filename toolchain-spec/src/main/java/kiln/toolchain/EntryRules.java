package kiln.toolchain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Checks the entries of one archive in order, remembering what came before: which names are
 * symlinks (no later entry may pass through one) and which are regular files (a hard link must
 * point at one seen earlier). Verification reports every problem; extraction stops at the first.
 */
final class EntryRules {

  private final ArchiveRoot root;
  private final Set<String> symlinks = new HashSet<>();
  private final Set<String> regularFiles = new HashSet<>();

  EntryRules(ArchiveRoot root) {
    this.root = root;
  }

  /** The problems of one entry, each a phrase to follow the entry's name; empty when fine. */
  List<String> check(TarArchiveEntry entry) {
    List<String> problems = new ArrayList<>();
    String rawName = entry.getName();
    root.problemWithEntry(rawName).ifPresent(problems::add);
    String name = ArchiveRoot.stripTrailingSlash(rawName);
    if (problems.isEmpty()) {
      throughSymlink(name).ifPresent(link -> problems.add("goes through the symlink " + link));
    }
    typeProblem(entry, name).ifPresent(problems::add);
    if (problems.isEmpty()) {
      remember(entry, name);
    }
    return problems;
  }

  private Optional<String> typeProblem(TarArchiveEntry entry, String name) {
    if (entry.isSymbolicLink()) {
      return root.problemWithSymlinkTarget(name, entry.getLinkName());
    }
    if (entry.isLink()) {
      Optional<String> outside = root.problemWithHardLinkTarget(entry.getLinkName());
      if (outside.isPresent()) {
        return outside;
      }
      if (!regularFiles.contains(ArchiveRoot.stripTrailingSlash(entry.getLinkName()))) {
        return Optional.of(
            "is a hard link to " + entry.getLinkName() + ", which is not an earlier regular file");
      }
      return Optional.empty();
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return Optional.of("is a device file");
    }
    if (entry.isFIFO()) {
      return Optional.of("is a FIFO");
    }
    if (entry.isSparse()) {
      return Optional.of("is a sparse file, which kiln does not unpack");
    }
    if (!entry.isFile() && !entry.isDirectory()) {
      return Optional.of("has an unsupported entry type '" + (char) entry.getLinkFlag() + "'");
    }
    return Optional.empty();
  }

  private void remember(TarArchiveEntry entry, String name) {
    symlinks.remove(name);
    regularFiles.remove(name);
    if (entry.isSymbolicLink()) {
      symlinks.add(name);
    } else if (entry.isFile() || entry.isLink()) {
      regularFiles.add(name);
    }
  }

  private Optional<String> throughSymlink(String name) {
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String parent = name.substring(0, slash);
      if (symlinks.contains(parent)) {
        return Optional.of(parent);
      }
    }
    return Optional.empty();
  }
}
