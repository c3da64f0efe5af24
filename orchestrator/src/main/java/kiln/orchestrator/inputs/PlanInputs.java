package kiln.orchestrator.inputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kiln.resume.Artifact;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.world.PackageIdent;

/**
 * The inputs of a plan entry of stage1, stage2, stage3 or compare: the plan's files (see {@link
 * PlanFiles}), its {@code VAR=value} settings, the artifact of each dependency that goes into its
 * studio, the studio itself, and the plan build program's version.
 *
 * <p>A dependency is named by its artifact's SHA-256 ({@code dep:demo/libgreet}): the entry's own
 * stage's current artifact for a dependency edge of the stage, else the stage before's for a
 * declared dependency the stage has not built before the entry (stage3 on the base; stage2's tcc on
 * stage1's tcc, which compiles it). Why the artifact's hash and not its payload's: every rebuild
 * gets a new release, which is in the payload's paths and in each dependent's DEPS and TDEPS; a
 * dependent kept on the old release would name an artifact that is no longer in its stage's
 * results. So any rebuild of a dependency is new input for its dependents.
 */
public final class PlanInputs implements EntryInputs {

  private final Path folder;
  private final PlanFiles files;
  private final Map<String, String> studio;
  private final Map<PackageIdent, String> before;
  private final Map<EntryKey, Set<PackageIdent>> declared;
  private final String program;

  /**
   * @param folder the folder plan paths are relative to (kiln.yaml's)
   * @param digests the file digest cache
   * @param studio the parts naming the studio: {@code studio:tools} (stage1: the tools tarball's
   *     SHA-256) or {@code studio:origin/name} per backline package (its artifact's SHA-256)
   * @param before the stage before's current artifact (SHA-256) per origin/name; a package that
   *     will be built again maps to any text that no SHA-256 equals ({@link #REBUILT})
   * @param declared per entry, the origin/name of each dependency its plan declares
   * @param program the plan build program's version
   */
  public PlanInputs(
      Path folder,
      FileDigests digests,
      Map<String, String> studio,
      Map<PackageIdent, String> before,
      Map<EntryKey, Set<PackageIdent>> declared,
      String program) {
    this.folder = folder;
    this.files = new PlanFiles(digests);
    this.studio = Map.copyOf(studio);
    this.before = Map.copyOf(before);
    this.declared = Map.copyOf(declared);
    this.program = program;
  }

  /** Stands for the artifact of a package that a dry run expects to be built again. */
  public static final String REBUILT = "to be built again";

  @Override
  public Optional<BuildInputs> of(StageEntry entry, Map<EntryKey, Artifact> deps)
      throws IOException {
    Map<String, String> parts = new TreeMap<>(files.parts(folder.resolve(entry.plan())));
    for (String arg : entry.key().args()) {
      int eq = arg.indexOf('=');
      parts.put("var:" + arg.substring(0, eq), arg.substring(eq + 1));
    }
    Set<PackageIdent> inStage = new HashSet<>();
    for (EntryKey dep : entry.deps()) {
      Artifact artifact = deps.get(dep);
      parts.put("dep:" + dep, artifact == null ? REBUILT : artifact.sha256());
      inStage.add(dep.ident().originAndName());
    }
    for (PackageIdent dep : declared.getOrDefault(entry.key(), Set.of())) {
      String sha = before.get(dep.originAndName());
      if (sha != null && !inStage.contains(dep.originAndName())) {
        parts.put("dep:" + dep.originAndName(), sha);
      }
    }
    parts.putAll(studio);
    parts.put("program", program);
    return Optional.of(BuildInputs.of(parts));
  }
}
