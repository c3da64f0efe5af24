package kiln.stages.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartInfo;
import kiln.world.PackageIdent;

/**
 * Compares the artifacts of two results folders, GCC-style: every payload file of every package
 * both sides built, after mapping side B's release strings onto side A's. A release is the one
 * thing two builds of the same inputs must not share (it is when the build ran), and it is written
 * into paths inside binaries (an rpath, an interpreter, a prefix compiled in), so it is mapped
 * rather than ignored: every byte else must be the same.
 */
public final class ResultsComparison {

  /**
   * Payload files that record the build rather than make the package: FILES is the signed list of
   * the payload's hashes (signed with the release in it), MANIFEST states the build's release and
   * time. Their inputs are compared file by file anyway.
   */
  static final Set<String> RECORDS = Set.of("FILES", "MANIFEST");

  private ResultsComparison() {}

  /**
   * Compares the newest artifact of each package in folder {@code a} with the one of the same name
   * in folder {@code b}.
   *
   * @throws ArtifactException when a folder or an artifact cannot be read (naming it)
   */
  public static Comparison compare(Path a, Path b) throws ArtifactException {
    Map<String, HartInfo> sideA = newestByName(a);
    Map<String, HartInfo> sideB = newestByName(b);
    Map<String, String> bToA = new LinkedHashMap<>();
    for (Map.Entry<String, HartInfo> e : sideB.entrySet()) {
      HartInfo inA = sideA.get(e.getKey());
      if (inA != null) {
        bToA.put(e.getValue().ident().toString(), inA.ident().toString());
      }
    }
    ReleaseMap map = ReleaseMap.of(bToA);
    List<PackageComparison> packages = new ArrayList<>();
    for (Map.Entry<String, HartInfo> e : sideA.entrySet()) {
      HartInfo inB = sideB.get(e.getKey());
      if (inB != null) {
        packages.add(compare(e.getValue(), inB, map, a, b));
      }
    }
    return new Comparison(
        a, b, packages, missing(sideA, sideB.keySet()), missing(sideB, sideA.keySet()));
  }

  /** One file's bytes on each side (B's mapped), to show how it differs. */
  public static byte[][] files(PackageComparison pkg, String path) throws ArtifactException {
    ReleaseMap map = ReleaseMap.of(Map.of(pkg.b().toString(), pkg.a().toString()));
    return new byte[][] {
      PayloadReader.file(pkg.artifactA(), ReleaseMap.of(Map.of()), path),
      PayloadReader.file(pkg.artifactB(), map, path)
    };
  }

  private static PackageComparison compare(
      HartInfo a, HartInfo b, ReleaseMap map, Path folderA, Path folderB) throws ArtifactException {
    Map<String, PayloadEntry> entriesA = PayloadReader.entries(a.file(), ReleaseMap.of(Map.of()));
    Map<String, PayloadEntry> entriesB = PayloadReader.entries(b.file(), map);
    Set<String> paths = new TreeSet<>(entriesA.keySet());
    paths.addAll(entriesB.keySet());
    paths.removeAll(RECORDS);
    List<FileDifference> differences = new ArrayList<>();
    for (String path : paths) {
      PayloadEntry x = entriesA.get(path);
      PayloadEntry y = entriesB.get(path);
      String what = difference(x, y, folderA, folderB);
      if (what != null) {
        differences.add(new FileDifference(path, what));
      }
    }
    return new PackageComparison(
        a.ident(), b.ident(), a.file(), b.file(), paths.size(), differences);
  }

  private static String difference(PayloadEntry x, PayloadEntry y, Path a, Path b) {
    if (x == null) {
      return "only in " + b;
    }
    if (y == null) {
      return "only in " + a;
    }
    if (x.kind() != y.kind()) {
      return "a " + word(x.kind()) + " in " + a + ", a " + word(y.kind()) + " in " + b;
    }
    if (x.mode() != y.mode()) {
      return String.format("mode %o in %s, %o in %s", x.mode(), a, y.mode(), b);
    }
    if (!x.content().equals(y.content())) {
      return x.kind() == PayloadEntry.Kind.LINK
          ? "links to " + x.content() + " in " + a + ", to " + y.content() + " in " + b
          : "contents differ";
    }
    return null;
  }

  private static String word(PayloadEntry.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> missing(Map<String, HartInfo> side, Set<String> other) {
    return side.keySet().stream().filter(name -> !other.contains(name)).toList();
  }

  /** Each package's newest artifact in a folder, by origin/name. */
  private static Map<String, HartInfo> newestByName(Path folder) throws ArtifactException {
    if (!Files.isDirectory(folder)) {
      throw new ArtifactException(folder + ": no such folder of artifacts");
    }
    Map<String, HartInfo> newest = new TreeMap<>();
    List<Path> harts;
    try (Stream<Path> files = Files.list(folder)) {
      harts = files.filter(f -> f.getFileName().toString().endsWith(".hart")).sorted().toList();
    } catch (IOException e) {
      throw new ArtifactException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    for (Path hart : harts) {
      HartInfo info = Hart.open(hart).info();
      PackageIdent ident = info.ident();
      newest.merge(
          ident.originAndName().toString(),
          info,
          (old, now) -> now.ident().release().compareTo(old.ident().release()) > 0 ? now : old);
    }
    return newest;
  }
}
