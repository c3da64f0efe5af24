package kiln.stages.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
   * time, BUILD_DEPS and BUILD_TDEPS name what the package was built with, which is the stage
   * before by definition (stage2's name stage1's packages, the rebuild's name stage2's). What they
   * describe is compared file by file anyway.
   */
  static final Set<String> RECORDS = Set.of("FILES", "MANIFEST", "BUILD_DEPS", "BUILD_TDEPS");

  private ResultsComparison() {}

  /**
   * Compares the artifacts of folder {@code a} with those of the same package in folder {@code b}.
   * A package built more than once (a base list may build a plan twice, as the first pass of a
   * library) has its artifacts paired in the order of their releases.
   *
   * @throws ArtifactException when a folder or an artifact cannot be read (naming it)
   */
  public static Comparison compare(Path a, Path b) throws ArtifactException {
    Map<String, List<HartInfo>> sideA = byName(a);
    Map<String, List<HartInfo>> sideB = byName(b);
    Map<String, String> bToA = new LinkedHashMap<>();
    List<String> onlyInA = new ArrayList<>();
    List<String> onlyInB = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    Set<String> names = new TreeSet<>(sideA.keySet());
    names.addAll(sideB.keySet());
    for (String name : names) {
      List<HartInfo> builtA = sideA.getOrDefault(name, List.of());
      List<HartInfo> builtB = sideB.getOrDefault(name, List.of());
      for (int i = 0; i < Math.max(builtA.size(), builtB.size()); i++) {
        String label = builtA.size() > 1 || builtB.size() > 1 ? name + "#" + (i + 1) : name;
        if (i >= builtB.size()) {
          onlyInA.add(label);
        } else if (i >= builtA.size()) {
          onlyInB.add(label);
        } else {
          bToA.put(builtB.get(i).ident().toString(), builtA.get(i).ident().toString());
          pairs.add(new Pair(label, builtA.get(i), builtB.get(i)));
        }
      }
    }
    ReleaseMap map = ReleaseMap.of(bToA);
    List<PackageComparison> packages = new ArrayList<>();
    for (Pair pair : pairs) {
      packages.add(compare(pair, map, a, b));
    }
    return new Comparison(a, b, packages, onlyInA, onlyInB, map);
  }

  /**
   * The given files of a package on each side, side B's rewritten by the same release map the
   * comparison used, so they differ exactly where the comparison found them to: index 0 is side A's
   * files by path, index 1 side B's.
   */
  static List<Map<String, byte[]>> files(
      Comparison comparison, PackageComparison pkg, Set<String> paths) throws ArtifactException {
    return List.of(
        PayloadReader.files(pkg.artifactA(), ReleaseMap.of(Map.of()), paths),
        PayloadReader.files(pkg.artifactB(), comparison.releases(), paths));
  }

  /** The same package's artifact on each side. */
  private record Pair(String label, HartInfo a, HartInfo b) {}

  private static PackageComparison compare(Pair pair, ReleaseMap map, Path folderA, Path folderB)
      throws ArtifactException {
    HartInfo a = pair.a();
    HartInfo b = pair.b();
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
        pair.label(), a.ident(), b.ident(), a.file(), b.file(), paths.size(), differences);
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

  /** Each package's artifacts in a folder, by origin/name, oldest release first. */
  private static Map<String, List<HartInfo>> byName(Path folder) throws ArtifactException {
    if (!Files.isDirectory(folder)) {
      throw new ArtifactException(folder + ": no such folder of artifacts");
    }
    List<Path> harts;
    try (Stream<Path> files = Files.list(folder)) {
      harts = files.filter(f -> f.getFileName().toString().endsWith(".hart")).sorted().toList();
    } catch (IOException e) {
      throw new ArtifactException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    Map<String, List<HartInfo>> byName = new TreeMap<>();
    for (Path hart : harts) {
      HartInfo info = Hart.open(hart).info();
      byName
          .computeIfAbsent(info.ident().originAndName().toString(), n -> new ArrayList<>())
          .add(info);
    }
    byName.values().forEach(list -> list.sort(Comparator.comparing(i -> i.ident().release())));
    return byName;
  }
}
