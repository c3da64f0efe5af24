package kiln.stages.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A directory tree as an uncompressed tar stream and back: how a studio's output travels. Entries
 * are files, directories and symbolic links with their permission bits and mtimes (what an artifact
 * keeps); owners are not kept. Unpacking refuses names that leave the target and never writes
 * through a symbolic link; link targets are stored as they are, never followed.
 */
public final class TreeTar {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  private TreeTar() {}

  /** Writes the tree under {@code dir} (not {@code dir} itself) to {@code out}, sorted by name. */
  public static void pack(Path dir, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
    }
    for (Path path : paths) {
      String name = dir.relativize(path).toString().replace('\\', '/');
      PosixFileAttributes attributes =
          Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW);
      TarArchiveEntry entry;
      if (attributes.isSymbolicLink()) {
        entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(Files.readSymbolicLink(path).toString());
      } else if (attributes.isDirectory()) {
        entry = new TarArchiveEntry(name + "/");
      } else if (attributes.isRegularFile()) {
        entry = new TarArchiveEntry(name);
        entry.setSize(attributes.size());
      } else {
        continue; // sockets, fifos, devices: nothing an artifact may hold
      }
      entry.setMode(typeBits(entry) | mode(attributes.permissions()));
      entry.setModTime(attributes.lastModifiedTime());
      tar.putArchiveEntry(entry);
      if (attributes.isRegularFile()) {
        Files.copy(path, tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
  }

  /**
   * Unpacks a tar stream into {@code dir} (created if missing), refusing, naming the entry, any
   * entry whose name is absolute or climbs with {@code ..}, lies under a symbolic link, or is not a
   * file, directory, symbolic link or hard link inside the tree.
   */
  public static void unpack(InputStream in, Path dir) throws IOException {
    Path root = Files.createDirectories(dir).toAbsolutePath().normalize();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    List<TarArchiveEntry> directories = new ArrayList<>();
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      Path target = inside(root, entry.getName());
      requireRealParents(root, target, entry.getName());
      if (entry.isDirectory()) {
        if (!Files.isDirectory(target, NOFOLLOW)) {
          Files.createDirectory(target);
        }
        directories.add(entry);
        continue;
      }
      Files.deleteIfExists(target);
      if (entry.isSymbolicLink()) {
        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        continue;
      }
      if (entry.isLink()) {
        Path linked = inside(root, entry.getLinkName());
        requireRealParents(root, linked, entry.getLinkName());
        Files.createLink(target, linked);
        continue;
      }
      if (!entry.isFile()) {
        throw new IOException("output entry " + entry.getName() + " is not a file, dir or link");
      }
      Files.copy(tar, target);
      Files.setPosixFilePermissions(target, permissions(entry.getMode()));
      Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
    }
    // Directories last: writing their content changed their times, and a read-only one would
    // have refused it.
    for (int i = directories.size() - 1; i >= 0; i--) {
      TarArchiveEntry entry = directories.get(i);
      Path target = inside(root, entry.getName());
      Files.setPosixFilePermissions(target, permissions(entry.getMode()));
      Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
    }
  }

  private static Path inside(Path root, String name) throws IOException {
    String clean = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (String part : clean.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IOException("output entry '" + name + "' is not a clean relative name");
      }
    }
    Path target = root.resolve(clean).normalize();
    if (!target.startsWith(root)) {
      throw new IOException("output entry '" + name + "' leaves the output directory");
    }
    return target;
  }

  private static void requireRealParents(Path root, Path target, String name) throws IOException {
    for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); ) {
      if (Files.isSymbolicLink(p)) {
        throw new IOException("output entry " + name + " lies under a symbolic link: refused");
      }
      p = p.getParent();
    }
    Files.createDirectories(target.getParent());
  }

  private static int typeBits(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return 0120000;
    }
    return entry.isDirectory() ? 040000 : 0100000;
  }

  private static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int bit = 0; bit < BITS.length; bit++) {
      if (permissions.contains(BITS[bit])) {
        mode |= 1 << bit;
      }
    }
    return mode;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(BITS[bit]);
      }
    }
    return set;
  }
}
