package kiln.stages.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import kiln.world.PackageIdent;

/** Builds package trees the way a plan's install leaves them, for tests. */
public final class Staging {

  private final Path root;
  private final PackageIdent ident;
  private final Path prefix;

  private Staging(Path root, PackageIdent ident) throws IOException {
    this.root = root;
    this.ident = ident;
    this.prefix = Packages.prefix(root, ident);
    Files.createDirectories(prefix);
  }

  /** A package with IDENT, TARGET, a program, a library link and a doc file. */
  public static Staging sample(Path root, String ident) throws IOException {
    Staging staging = new Staging(root, PackageIdent.parse(ident));
    staging.file("IDENT", ident + "\n").file("TARGET", "x86_64-linux\n");
    staging.file("bin/hello", "#!/bin/sh\necho hello\n").mode("bin/hello", "rwxr-xr-x");
    staging.file("lib/libhello.so.1", "not really a library\n");
    staging.link("lib/libhello.so", "libhello.so.1");
    staging.file("share/doc/README", "hello\n");
    return staging;
  }

  public Staging file(String path, String content) throws IOException {
    Path file = prefix.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  public Staging mode(String path, String mode) throws IOException {
    Files.setPosixFilePermissions(prefix.resolve(path), PosixFilePermissions.fromString(mode));
    return this;
  }

  public Staging link(String path, String target) throws IOException {
    Path link = prefix.resolve(path);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
    return this;
  }

  /** Sets every mtime in the tree (links excepted). */
  public Staging touchAll(Instant time) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!Files.isSymbolicLink(path)) {
          Files.setLastModifiedTime(path, FileTime.from(time));
        }
      }
    }
    return this;
  }

  public Path root() {
    return root;
  }

  public Path prefix() {
    return prefix;
  }

  public PackageIdent ident() {
    return ident;
  }
}
