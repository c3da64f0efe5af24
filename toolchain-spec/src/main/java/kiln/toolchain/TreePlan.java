package kiln.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a spec into the sorted list of tarball entries, checking what only the file system can tell
 * (clashes with the base tree, a file where a directory is needed, links and special files in the
 * base) and reporting every such problem before a byte is written.
 */
final class TreePlan {

  private static final String ROOT = ArchiveRoot.TOOLS.name();
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final BuildTime time;
  private final TreeMap<String, PlannedEntry> entries = new TreeMap<>(PlannedEntry.PATH_ORDER);
  private final Map<String, String> origins = new HashMap<>();
  private final Map<Object, List<String>> inodes = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private TreePlan(BuildTime time) {
    this.time = time;
  }

  /**
   * The YAML key of each item of a spec's lists ({@code files[2]}), so problems name the item as
   * the file has it even when items before it were left out for problems of their own.
   */
  record Keys(List<String> files, List<String> scripts, List<String> links) {
    Keys {
      files = List.copyOf(files);
      scripts = List.copyOf(scripts);
      links = List.copyOf(links);
    }

    /** Keys by position, for a spec read without problems. */
    static Keys positional(ToolchainSpec spec) {
      return new Keys(
          indexed("files", spec.files().size()),
          indexed("scripts", spec.scripts().size()),
          indexed("links", spec.links().size()));
    }

    private static List<String> indexed(String list, int size) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        keys.add(list + "[" + i + "]");
      }
      return keys;
    }
  }

  /** The entries of the spec's tarball in write order, or every reason it cannot be built. */
  static List<PlannedEntry> of(ToolchainSpec spec, BuildTime time, Path specFile)
      throws SpecException {
    TreePlan plan = new TreePlan(time);
    plan.add(spec, Keys.positional(spec));
    if (!plan.problems.isEmpty()) {
      throw new SpecException(specFile, plan.problems);
    }
    return plan.hardLinked();
  }

  /**
   * What only the file system can tell about a spec (clashes with {@code base}, a file where a
   * directory is needed, links and special files in {@code base}), so that reading a spec reports
   * these together with its format problems.
   */
  static List<String> problemsOf(ToolchainSpec spec, Keys keys) {
    TreePlan plan = new TreePlan(new BuildTime(Instant.EPOCH, true));
    plan.add(spec, keys);
    return List.copyOf(plan.problems);
  }

  private void add(ToolchainSpec spec, Keys keys) {
    if (spec.base().isPresent()) {
      Path base = spec.base().get();
      put(PlannedEntry.directory(ROOT, modeOf(base), mtimeOf(base)), "base");
      walk(base, ROOT);
    } else {
      put(PlannedEntry.directory(ROOT, 0755, time.now()), "the tools/ directory");
    }
    for (int i = 0; i < spec.files().size(); i++) {
      ToolchainSpec.CopiedFile file = spec.files().get(i);
      int mode = file.mode().orElseGet(() -> modeOf(file.from()));
      place(
          PlannedEntry.hostFile(ROOT + "/" + file.to(), mode, mtimeOf(file.from()), file.from()),
          keys.files().get(i) + ".to");
    }
    for (int i = 0; i < spec.scripts().size(); i++) {
      ToolchainSpec.Script script = spec.scripts().get(i);
      byte[] content = script.content().getBytes(StandardCharsets.UTF_8);
      place(
          PlannedEntry.inlineFile(ROOT + "/" + script.to(), script.mode(), time.now(), content),
          keys.scripts().get(i) + ".to");
    }
    for (int i = 0; i < spec.links().size(); i++) {
      ToolchainSpec.Link link = spec.links().get(i);
      place(
          PlannedEntry.symlink(ROOT + "/" + link.to(), link.target(), time.now()),
          keys.links().get(i) + ".to");
    }
  }

  /** Adds an entry from the spec, creating missing parent directories. */
  private void place(PlannedEntry entry, String key) {
    String path = entry.path();
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String parent = path.substring(0, slash);
      PlannedEntry existing = entries.get(parent);
      if (existing == null) {
        put(PlannedEntry.directory(parent, 0755, time.now()), key);
      } else if (!existing.isDirectory()) {
        problems.add(
            key
                + ": '"
                + path.substring(ROOT.length() + 1)
                + "' needs the directory "
                + parent
                + ", but that is a file or link from "
                + origins.get(parent));
        return;
      }
    }
    String earlier = origins.get(path);
    if (earlier != null) {
      problems.add(
          key
              + ": '"
              + path.substring(ROOT.length() + 1)
              + "' is also "
              + path
              + " from "
              + earlier
              + "; remove one of them");
      return;
    }
    put(entry, key);
  }

  private void put(PlannedEntry entry, String origin) {
    entries.put(entry.path(), entry);
    origins.put(entry.path(), origin);
  }

  private void walk(Path dir, String archivePath) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      problems.add("base: cannot read " + dir + ": " + TarballInput.describe(e));
      return;
    }
    for (Path child : children) {
      addFromBase(child, archivePath + "/" + child.getFileName());
    }
  }

  private void addFromBase(Path file, String path) {
    String origin = "base (" + file + ")";
    try {
      Map<String, Object> unix = Files.readAttributes(file, "unix:mode,ino,dev,nlink", NOFOLLOW);
      Instant mtime = time.mtimeFor(Files.getLastModifiedTime(file, NOFOLLOW).toInstant());
      int mode = (Integer) unix.get("mode") & 07777;
      if (Files.isSymbolicLink(file)) {
        String target = Files.readSymbolicLink(file).toString();
        ArchiveRoot.TOOLS
            .problemWithSymlinkTarget(path, target)
            .ifPresent(p -> problems.add("base: " + path + " " + p));
        put(PlannedEntry.symlink(path, target, mtime), origin);
      } else if (Files.isDirectory(file, NOFOLLOW)) {
        put(PlannedEntry.directory(path, mode, mtime), origin);
        walk(file, path);
      } else if (Files.isRegularFile(file, NOFOLLOW)) {
        put(PlannedEntry.hostFile(path, mode, mtime, file), origin);
        if ((Integer) unix.get("nlink") > 1) {
          inodes
              .computeIfAbsent(List.of(unix.get("dev"), unix.get("ino")), k -> new ArrayList<>())
              .add(path);
        }
      } else {
        problems.add("base: " + file + " is a device, FIFO or socket; tools/ may not hold one");
      }
    } catch (IOException e) {
      problems.add("base: cannot read " + file + ": " + TarballInput.describe(e));
    }
  }

  /** Later names of one inode become hard links to the first, as tar itself does. */
  private List<PlannedEntry> hardLinked() {
    for (List<String> names : inodes.values()) {
      names.sort(PlannedEntry.PATH_ORDER);
      for (String name : names.subList(1, names.size())) {
        entries.put(name, entries.get(name).asHardLinkTo(names.get(0)));
      }
    }
    return List.copyOf(entries.values());
  }

  private int modeOf(Path file) {
    try {
      return (Integer) Files.getAttribute(file, "unix:mode") & 07777;
    } catch (IOException e) {
      problems.add("cannot read the mode of " + file + ": " + TarballInput.describe(e));
      return 0644;
    }
  }

  private Instant mtimeOf(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return time.mtimeFor(modified.toInstant());
    } catch (IOException e) {
      problems.add("cannot read " + file + ": " + TarballInput.describe(e));
      return time.now();
    }
  }
}
