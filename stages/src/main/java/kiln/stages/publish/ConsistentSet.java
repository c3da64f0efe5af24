package kiln.stages.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.world.PackageIdent;

/**
 * Chooses what a release holds: every verified artifact of the stage, the artifacts of earlier
 * stages they need (found by their file names in the dependency folders, and verified), and nothing
 * whose run dependencies are not all in the release. A package left out takes its dependents with
 * it, each reported.
 */
final class ConsistentSet {

  private final OriginKeys keys;
  private final List<Path> dependencyFolders;
  private final Map<PackageIdent, IndexEntry> chosen = new LinkedHashMap<>();
  private final Map<PackageIdent, Path> sources = new LinkedHashMap<>();
  private final Map<PackageIdent, String> unavailable = new LinkedHashMap<>();
  private final List<LeftOut> leftOut = new ArrayList<>();
  private final Set<PackageIdent> fromStage = new LinkedHashSet<>();

  private ConsistentSet(OriginKeys keys, List<Path> dependencyFolders) {
    this.keys = keys;
    this.dependencyFolders = List.copyOf(dependencyFolders);
  }

  /** The release's packages, the file each comes from, and what was left out. */
  record Choice(
      List<IndexEntry> packages, Map<PackageIdent, Path> sources, List<LeftOut> leftOut) {}

  static Choice choose(List<Path> artifacts, List<Path> dependencyFolders, OriginKeys keys) {
    ConsistentSet set = new ConsistentSet(keys, dependencyFolders);
    for (Path artifact : artifacts) {
      set.addStageArtifact(artifact);
    }
    set.addDependencies();
    set.dropIncomplete();
    set.dropUnneededDependencies();
    return new Choice(
        List.copyOf(set.chosen.values()), Map.copyOf(set.sources), List.copyOf(set.leftOut));
  }

  private void addStageArtifact(Path artifact) {
    try {
      IndexEntry entry = ArtifactFacts.read(artifact, keys);
      IndexEntry earlier = chosen.putIfAbsent(entry.ident(), entry);
      sources.putIfAbsent(entry.ident(), artifact);
      fromStage.add(entry.ident());
      if (earlier != null && !earlier.sha256().equals(entry.sha256())) {
        leftOut.add(
            new LeftOut(artifact.toString(), "a second, different artifact of " + entry.ident()));
      }
    } catch (ArtifactException e) {
      leftOut.add(new LeftOut(artifact.toString(), e.getMessage()));
    }
  }

  /** Pulls in, breadth first, every dependency of a chosen package from the earlier stages. */
  private void addDependencies() {
    List<IndexEntry> todo = new ArrayList<>(chosen.values());
    for (int i = 0; i < todo.size(); i++) {
      IndexEntry entry = todo.get(i);
      for (PackageIdent dep : needs(entry)) {
        if (!chosen.containsKey(dep) && !unavailable.containsKey(dep)) {
          findDependency(dep, entry.target())
              .ifPresent(
                  found -> {
                    chosen.put(dep, found);
                    sources.put(
                        dep,
                        dependencyFolders.stream()
                            .map(f -> f.resolve(HartWriter.fileName(dep, found.target())))
                            .filter(Files::isRegularFile)
                            .findFirst()
                            .orElseThrow());
                    todo.add(found);
                  });
        }
      }
    }
  }

  private Optional<IndexEntry> findDependency(PackageIdent dep, String target) {
    String fileName = HartWriter.fileName(dep, target);
    for (Path folder : dependencyFolders) {
      Path file = folder.resolve(fileName);
      if (Files.isRegularFile(file)) {
        try {
          IndexEntry entry = ArtifactFacts.read(file, keys);
          if (entry.ident().equals(dep)) {
            return Optional.of(entry);
          }
          unavailable.put(dep, file + " holds " + entry.ident() + ", not " + dep);
        } catch (ArtifactException e) {
          unavailable.put(dep, e.getMessage());
        }
        return Optional.empty();
      }
    }
    unavailable.put(dep, "no " + fileName + " in the stage's results or in " + dependencyFolders);
    return Optional.empty();
  }

  /** Removes, until nothing changes, every package needing one that is not in the set. */
  private void dropIncomplete() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (IndexEntry entry : List.copyOf(chosen.values())) {
        Optional<PackageIdent> missing =
            needs(entry).stream().filter(d -> !chosen.containsKey(d)).findFirst();
        if (missing.isPresent()) {
          chosen.remove(entry.ident());
          leftOut.add(
              new LeftOut(
                  entry.ident().toString(), "needs " + missing.get() + ", " + why(missing.get())));
          changed = true;
        }
      }
    }
  }

  /** An earlier stage's package stays only while a package of the stage still needs it. */
  private void dropUnneededDependencies() {
    Set<PackageIdent> needed = new LinkedHashSet<>();
    chosen.values().stream()
        .filter(e -> fromStage.contains(e.ident()))
        .forEach(e -> needed.addAll(needs(e)));
    chosen.keySet().removeIf(ident -> !fromStage.contains(ident) && !needed.contains(ident));
  }

  private String why(PackageIdent missing) {
    String reason = unavailable.get(missing);
    return reason != null ? "which is unavailable: " + reason : "which was left out";
  }

  private static Set<PackageIdent> needs(IndexEntry entry) {
    Set<PackageIdent> needs = new LinkedHashSet<>(entry.deps());
    needs.addAll(entry.tdeps());
    return needs;
  }
}
