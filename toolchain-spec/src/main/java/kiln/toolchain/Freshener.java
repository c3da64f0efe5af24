package kiln.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a freshened copy of a tarball in three passes over the old one: the first verifies it (a
 * copy must not carry over what verify refuses), the second reads every entry name and checks the
 * request against them (so nothing is written when it cannot succeed), the third copies untouched
 * entries block for block and writes the new ones in sorted position.
 */
final class Freshener {

  /** Makes the compressing stream for the output. */
  interface Compressor {
    OutputStream wrap(OutputStream out, int preset, long totalBytes) throws IOException;
  }

  private final BuildTime time;
  private final FreshenRequest request;
  private final Compressor compressor;
  private final Set<String> removes = new HashSet<>();

  /** Entries to write that the old tarball does not have: added files and their parents. */
  private final TreeMap<String, PlannedEntry> additions = new TreeMap<>(PlannedEntry.PATH_ORDER);

  private final Map<String, PlannedEntry> replacements = new HashMap<>();
  private long oldSize;

  Freshener(BuildTime time, FreshenRequest request, Compressor compressor) {
    this.time = time;
    this.request = request;
    this.compressor = compressor;
    request.removes().forEach(name -> removes.add(ArchiveRoot.stripTrailingSlash(name)));
  }

  BuiltTarball freshen(Path old, Path outDir) throws TarballException {
    refuseUnsound(old);
    Map<String, RawTarReader.RawEntry> existing = plan(old);
    Path target =
        outDir.resolve(
            TarballName.of(TarballName.nameOf(old.getFileName().toString()), stampAfter(old)));
    if (target.toAbsolutePath().normalize().equals(old.toAbsolutePath().normalize())) {
      throw new TarballException("freshening " + old + " would overwrite it; use --out");
    }
    try (AtomicFile file = new AtomicFile(target);
        InputStream in = TarballInput.xz(old)) {
      try (TarStreamWriter tar =
          new TarStreamWriter(
              compressor.wrap(file.output(), request.xzPreset(), oldSize + addedSize()))) {
        copy(new RawTarReader(in), tar);
      }
      TarballInput.drain(in);
      return new BuiltTarball(target, file.commit());
    } catch (TargetExistsException e) {
      throw new TarballException(e.getMessage(), e);
    } catch (IOException e) {
      throw new TarballException(
          "cannot freshen " + old + " into " + target + ": " + TarballInput.describe(e), e);
    }
  }

  /**
   * Untouched entries are copied as they are, so a copy of a tarball that verify refuses (an
   * escaping symlink, a device, a missing end) would be just as bad under a new name.
   */
  private static void refuseUnsound(Path old) throws TarballException {
    List<TarballProblem> problems = new Verifier(ArchiveRoot.TOOLS).verify(old);
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder(
              "cannot freshen "
                  + old
                  + ": it has "
                  + problems.size()
                  + " problem(s), as kiln stage0 verify reports them, and a copy would keep them;"
                  + " rebuild it from its spec instead:");
      problems.forEach(problem -> message.append("\n  ").append(problem));
      throw new TarballException(message.toString());
    }
  }

  /** The first pass: every name in the old tarball, and every reason the request cannot work. */
  private Map<String, RawTarReader.RawEntry> plan(Path old) throws TarballException {
    Map<String, RawTarReader.RawEntry> existing = new HashMap<>();
    List<String> problems = new ArrayList<>();
    try (InputStream in = TarballInput.xz(old)) {
      RawTarReader reader = new RawTarReader(in);
      for (RawTarReader.RawEntry raw; (raw = reader.next()) != null; ) {
        if (raw.entry() != null) {
          String name = ArchiveRoot.stripTrailingSlash(raw.entry().getName());
          existing.put(name, raw);
          if (raw.entry().isLink()
              && isRemoved(ArchiveRoot.stripTrailingSlash(raw.entry().getLinkName()))
              && !isRemoved(name)) {
            problems.add(
                name
                    + " is a hard link to "
                    + raw.entry().getLinkName()
                    + ", which --remove drops; remove or put it too");
          }
        }
      }
      oldSize = reader.position() + TarballInput.drain(in);
    } catch (IOException e) {
      throw TarballInput.failure(old, e);
    }
    for (String name : removes) {
      if (!existing.containsKey(name)) {
        problems.add("--remove " + name + ": no such entry");
      }
    }
    request.puts().forEach((name, source) -> planPut(name, source, existing, problems));
    if (!problems.isEmpty()) {
      throw new TarballException("cannot freshen " + old + ":\n  " + String.join("\n  ", problems));
    }
    return existing;
  }

  private void planPut(
      String name,
      Path source,
      Map<String, RawTarReader.RawEntry> existing,
      List<String> problems) {
    if (!Files.isRegularFile(source)) {
      problems.add("--put " + name + "=" + source + ": not a regular file");
      return;
    }
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String parent = name.substring(0, slash);
      RawTarReader.RawEntry dir = existing.get(parent);
      if (isRemoved(parent)) {
        problems.add("--put " + name + ": its directory " + parent + " is removed");
      } else if (dir == null) {
        additions.putIfAbsent(parent, PlannedEntry.directory(parent, 0755, time.now()));
      } else if (!dir.entry().isDirectory()) {
        problems.add("--put " + name + ": " + parent + " is not a directory in the tarball");
      }
    }
    RawTarReader.RawEntry old = existing.get(name);
    PlannedEntry entry;
    try {
      int mode = (Integer) Files.getAttribute(source, "unix:mode") & 07777;
      Instant mtime = time.mtimeFor(Files.getLastModifiedTime(source).toInstant());
      entry = PlannedEntry.hostFile(name, mode, mtime, source);
    } catch (IOException e) {
      problems.add("--put " + name + "=" + source + ": " + TarballInput.describe(e));
      return;
    }
    if (old == null) {
      additions.put(name, entry);
    } else if (old.entry().isDirectory()) {
      problems.add("--put " + name + ": it is a directory in the tarball");
    } else {
      replacements.put(name, entry);
    }
  }

  /** The second pass: old entries copied or replaced, additions in sorted position. */
  private void copy(RawTarReader reader, TarStreamWriter tar) throws IOException {
    for (RawTarReader.RawEntry raw; (raw = reader.next()) != null; ) {
      String name =
          raw.entry() == null ? null : ArchiveRoot.stripTrailingSlash(raw.entry().getName());
      if (name != null) {
        writeAdditionsBefore(name, tar);
        if (isRemoved(name)) {
          continue;
        }
        PlannedEntry replacement = replacements.get(name);
        if (replacement != null) {
          write(replacement, tar);
          continue;
        }
      }
      tar.writeRawHeader(raw.header());
      tar.copy(reader.data(raw.size()), raw.size());
    }
    writeAdditionsBefore(null, tar);
  }

  private void writeAdditionsBefore(String name, TarStreamWriter tar) throws IOException {
    while (!additions.isEmpty()
        && (name == null || PlannedEntry.PATH_ORDER.compare(additions.firstKey(), name) < 0)) {
      write(additions.pollFirstEntry().getValue(), tar);
    }
  }

  private static void write(PlannedEntry entry, TarStreamWriter tar) throws IOException {
    try (InputStream content = entry.content()) {
      tar.write(entry.header(), content);
    }
  }

  private long addedSize() throws IOException {
    long size = 0;
    for (PlannedEntry entry : additions.values()) {
      size += TarStreamWriter.BLOCK + entry.size();
    }
    for (PlannedEntry entry : replacements.values()) {
      size += entry.size();
    }
    return size;
  }

  private boolean isRemoved(String name) {
    for (String removed : removes) {
      if (name.equals(removed) || name.startsWith(removed + "/")) {
        return true;
      }
    }
    return false;
  }

  /** Now, or one second past the old name's timestamp so the new name differs and sorts later. */
  private Instant stampAfter(Path old) {
    Instant now = time.now();
    return TarballName.stampOf(old.getFileName().toString())
        .filter(oldStamp -> !now.isAfter(oldStamp))
        .map(oldStamp -> oldStamp.plusSeconds(1))
        .orElse(now);
  }
}
