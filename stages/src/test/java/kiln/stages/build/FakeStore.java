package kiln.stages.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kiln.world.PackageIdent;

/**
 * A package store for tests until the real one (branch issue-4-hart) is merged: directories {@code
 * root/hab/pkgs/o/n/v/r}, newest release wins, no signature checks.
 */
final class FakeStore implements InstalledPackages {

  private final Path root;

  FakeStore(Path root) {
    this.root = root;
  }

  @Override
  public Optional<PackageIdent> resolve(PackageIdent wanted, String target) {
    Path name = root.resolve("hab/pkgs").resolve(wanted.origin()).resolve(wanted.name());
    if (!Files.isDirectory(name)) {
      return Optional.empty();
    }
    try (Stream<Path> releases = Files.walk(name, 2)) {
      return releases
          .filter(p -> p.getNameCount() == name.getNameCount() + 2)
          .map(
              p ->
                  new PackageIdent(
                      wanted.origin(),
                      wanted.name(),
                      p.getParent().getFileName().toString(),
                      p.getFileName().toString()))
          .filter(p -> wanted.version() == null || wanted.version().equals(p.version()))
          .filter(p -> wanted.release() == null || wanted.release().equals(p.release()))
          .max(Comparator.comparing(PackageIdent::version).thenComparing(PackageIdent::release));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Path directoryOf(PackageIdent installed) {
    return root.resolve("hab/pkgs").resolve(installed.toString());
  }

  @Override
  public List<PackageIdent> transitiveDeps(List<PackageIdent> direct) {
    LinkedHashSet<PackageIdent> all = new LinkedHashSet<>(direct);
    for (PackageIdent dep : direct) {
      Path tdeps = directoryOf(dep).resolve("TDEPS");
      try {
        if (Files.exists(tdeps)) {
          for (String line : Files.readAllLines(tdeps)) {
            all.add(PackageIdent.parse(line));
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>(all);
  }

  @Override
  public PackageIdent install(Path hart) throws BuildException {
    try (InputStream in = Files.newInputStream(hart)) {
      for (int lines = 0; lines < 5; ) {
        int b = in.read();
        if (b < 0) {
          throw new BuildException("not a hart: " + hart);
        }
        lines += b == '\n' ? 1 : 0;
      }
      Files.createDirectories(root);
      Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", root.toString()).start();
      try (var out = tar.getOutputStream()) {
        in.transferTo(out);
      }
      if (tar.waitFor() != 0) {
        throw new BuildException("cannot unpack " + hart);
      }
      return null;
    } catch (IOException | InterruptedException e) {
      throw new BuildException("cannot install " + hart + ": " + e);
    }
  }
}
