package kiln.stages.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * One build's scratch space on the host: the program and the resolved dependencies shown read-only
 * at /kiln, the output the studio writes at /kiln/out, and the log being written. Removed when the
 * build ends.
 */
final class BuildWorkspace implements AutoCloseable {

  /** The plan build program: kiln's own script, in three parts. */
  static final List<String> PROGRAM =
      List.of("plan-build.sh", "plan-build-phases.sh", "plan-build-run.sh");

  /** Where the workspace's kiln dir appears in the studio. */
  static final String STUDIO_DIR = "/kiln";

  private static final List<byte[]> PROGRAM_TEXT = loadProgram();

  private final Path root;

  private BuildWorkspace(Path root) {
    this.root = root;
  }

  static BuildWorkspace create(Path workRoot) throws BuildException {
    try {
      Files.createDirectories(workRoot);
      BuildWorkspace workspace = new BuildWorkspace(Files.createTempDirectory(workRoot, "build-"));
      Files.createDirectories(workspace.out());
      for (int i = 0; i < PROGRAM.size(); i++) {
        Files.write(workspace.kilnDir().resolve(PROGRAM.get(i)), PROGRAM_TEXT.get(i));
      }
      return workspace;
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("cannot make a build workspace under " + workRoot, e), null, e);
    }
  }

  /** Shown read-only at /kiln: the program and deps.env. */
  Path kilnDir() {
    return root.resolve("kiln");
  }

  /** Shown writable at /kiln/out: facts, pkg.env and the built prefix. */
  Path out() {
    return kilnDir().resolve("out");
  }

  Path log() {
    return root.resolve("build.log");
  }

  /** Scratch space of kiln's own, e.g. the artifact before it is moved into place. */
  Path scratch(String name) {
    return root.resolve(name);
  }

  /** Writes the resolved dependencies as bash arrays for the program to source. */
  void writeDeps(
      List<PackageIdent> deps,
      List<PackageIdent> buildDeps,
      List<PackageIdent> tdeps,
      List<PackageIdent> buildTdeps)
      throws BuildException {
    String text =
        array("kiln_deps", deps)
            + array("kiln_build_deps", buildDeps)
            + array("kiln_tdeps", tdeps)
            + array("kiln_build_tdeps", buildTdeps);
    try {
      Files.writeString(kilnDir().resolve("deps.env"), text);
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("cannot write " + kilnDir().resolve("deps.env"), e), null, e);
    }
  }

  private static String array(String name, List<PackageIdent> idents) {
    return idents.stream()
        .map(ident -> "'" + ident.toString().replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" ", name + "=(", ")\n"));
  }

  @Override
  public void close() {
    // A build may leave read-only directories behind; make them writable to empty them.
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))
          .forEach(p -> p.toFile().setWritable(true, true));
    } catch (IOException | UncheckedIOException e) {
      // Scratch space: what cannot be removed now is harmless.
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(BuildWorkspace::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Scratch space: what cannot be removed now is harmless.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above.
    }
  }

  private static List<byte[]> loadProgram() {
    return PROGRAM.stream().map(BuildWorkspace::resource).toList();
  }

  private static byte[] resource(String name) {
    try (InputStream in = BuildWorkspace.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("kiln is missing its resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
