package kiln.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar archive whose entries all live under one {@link ArchiveRoot} into the directory
 * that stands for that root: {@code tools/bin/sh} lands at {@code <target>/bin/sh}. It refuses,
 * naming the entry, anything that could write outside the target: absolute names, {@code ..},
 * entries outside the root, symlinks or hard links leading out, entries through a symlink (in the
 * archive or already on disk), an entry in place of a directory, devices, FIFOs and any tar type
 * other than files, directories and links, and an archive that ends before tar's end-of-archive
 * marker. It never follows a symlink when writing.
 *
 * <p>Checks happen while unpacking, so a refused archive may leave part of its content inside the
 * target (never outside): throw the target away on failure. Files get the archive's modes (setuid
 * bits included) and mtimes; owners are not changed (they belong to whoever unpacks).
 */
public final class SafeExtractor {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private final ArchiveRoot root;

  /** An extractor for archives under {@code root}, e.g. {@link ArchiveRoot#TOOLS}. */
  public SafeExtractor(ArchiveRoot root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** Unpacks a tar.xz file (one or more concatenated xz streams) into {@code target}. */
  public void extractXz(Path tarXz, Path target) throws TarballException {
    try (InputStream in = TarballInput.xz(tarXz)) {
      extract(in, tarXz.toString(), target);
      TarballInput.drain(in);
    } catch (IOException e) {
      throw TarballInput.failure(tarXz, e);
    }
  }

  /**
   * Unpacks an uncompressed tar stream into {@code target}, creating it if needed.
   *
   * @param source how to name the archive in messages
   */
  public void extract(InputStream tar, String source, Path target) throws TarballException {
    EntryRules rules = new EntryRules(root);
    List<DirectoryTimes> directories = new ArrayList<>();
    try {
      Files.createDirectories(target);
      TarArchiveInputStream entries = TarballInput.tar(tar);
      for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
        List<String> problems = rules.check(entry);
        if (!problems.isEmpty()) {
          throw refused(source, entry.getName(), problems.get(0), target);
        }
        unpack(entry, entries, target, source).ifPresent(directories::add);
      }
      for (int i = directories.size() - 1; i >= 0; i--) {
        directories.get(i).apply();
      }
    } catch (IOException e) {
      throw new TarballException(source + ": " + TarballInput.describe(e), e);
    }
  }

  private Optional<DirectoryTimes> unpack(
      TarArchiveEntry entry, InputStream content, Path target, String source)
      throws IOException, TarballException {
    String name = ArchiveRoot.stripTrailingSlash(entry.getName());
    if (!root.contains(name)) {
      return Optional.empty(); // a parent of the root, such as hab/ before hab/pkgs/
    }
    String relative = root.relative(name);
    Path dest = relative.isEmpty() ? target : target.resolve(relative);
    makeRealParents(target, relative, source, entry.getName());
    if (entry.isDirectory()) {
      makeDirectory(dest);
      return Optional.of(new DirectoryTimes(dest, entry));
    }
    if (relative.isEmpty()) {
      throw refused(source, entry.getName(), "is the root but not a directory", target);
    }
    clearFor(dest, source, entry.getName(), target);
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(dest, Path.of(entry.getLinkName()));
    } else if (entry.isLink()) {
      String linked = root.relative(entry.getLinkName());
      makeRealParents(target, linked, source, entry.getName());
      Path existing = target.resolve(linked);
      if (!Files.isRegularFile(existing, NOFOLLOW)) {
        throw refused(
            source,
            entry.getName(),
            "is a hard link to a missing file " + entry.getLinkName(),
            target);
      }
      Files.createLink(dest, existing);
      return Optional.empty();
    } else {
      try (OutputStream out =
          Files.newOutputStream(
              dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)) {
        content.transferTo(out);
      }
      Files.setAttribute(dest, "unix:mode", entry.getMode() & 07777);
    }
    setMtime(dest, entry);
    return Optional.empty();
  }

  /** Creates missing parents; refuses when one on disk is not a real directory (a symlink). */
  private static void makeRealParents(Path target, String relative, String source, String entry)
      throws IOException, TarballException {
    Path dir = target;
    String[] parts = relative.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      dir = dir.resolve(parts[i]);
      if (Files.isDirectory(dir, NOFOLLOW)) {
        continue;
      }
      if (Files.exists(dir, NOFOLLOW)) {
        throw refused(
            source, entry, "goes through " + dir + ", which is not a directory on disk", target);
      }
      Files.createDirectory(dir);
    }
  }

  private static void makeDirectory(Path dest) throws IOException {
    if (Files.isDirectory(dest, NOFOLLOW)) {
      return;
    }
    Files.deleteIfExists(dest); // a file or symlink of the same name: replace it, never follow it
    Files.createDirectory(dest);
  }

  private static void clearFor(Path dest, String source, String entry, Path target)
      throws IOException, TarballException {
    if (Files.isDirectory(dest, NOFOLLOW)) {
      throw refused(source, entry, "would replace the directory " + dest, target);
    }
    Files.deleteIfExists(dest);
  }

  private static void setMtime(Path dest, TarArchiveEntry entry) throws IOException {
    FileTime mtime = FileTime.from(entry.getLastModifiedTime().toInstant());
    Files.getFileAttributeView(dest, BasicFileAttributeView.class, NOFOLLOW)
        .setTimes(mtime, null, null);
  }

  private static TarballException refused(
      String source, String entry, String problem, Path target) {
    return new TarballException(
        source
            + ": refused to unpack: entry "
            + entry
            + " "
            + problem
            + " (nothing was written outside "
            + target
            + ")");
  }

  /** Directory modes and times are set last: a read-only directory would stop its children. */
  private record DirectoryTimes(Path dir, TarArchiveEntry entry) {
    void apply() throws IOException {
      Files.setAttribute(dir, "unix:mode", entry.getMode() & 07777);
      setMtime(dir, entry);
    }
  }
}
