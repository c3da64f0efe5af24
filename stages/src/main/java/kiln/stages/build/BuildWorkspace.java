package kiln.stages.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kiln.stages.studio.StudioInput;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * One build's scratch space on the host: the program and the resolved dependencies the studio gets
 * at /kiln, the studio's output trees as they came back (the facts pass's, the build pass's), and
 * the log being written. Removed when the build ends.
 */
final class BuildWorkspace implements AutoCloseable {

  /** The plan build program: kiln's own script, in three parts. */
  static final List<String> PROGRAM =
      List.of("plan-build.sh", "plan-build-phases.sh", "plan-build-run.sh");

  /** Where the program appears in the studio. */
  static final String STUDIO_DIR = StudioInput.Program.PLACE;

  /** The studio's output directory: facts, pkg.env and the built prefix. */
  static final String STUDIO_OUT = STUDIO_DIR + "/out";

  private static final List<byte[]> PROGRAM_TEXT = loadProgram();

  private final Path root;
  private Optional<String> depsEnv = Optional.empty();

  private BuildWorkspace(Path root) {
    this.root = root;
  }

  static BuildWorkspace create(Path workRoot) throws BuildException {
    try {
      Files.createDirectories(workRoot);
      return new BuildWorkspace(Files.createTempDirectory(workRoot, "build-"));
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("cannot make a build workspace under " + workRoot, e), null, e);
    }
  }

  /** What the studio gets at /kiln: the program, and deps.env once written. */
  StudioInput.Program program() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < PROGRAM.size(); i++) {
      files.put(PROGRAM.get(i), PROGRAM_TEXT.get(i));
    }
    depsEnv.ifPresent(text -> files.put("deps.env", text.getBytes(StandardCharsets.UTF_8)));
    return new StudioInput.Program(files);
  }

  /** Where the facts pass's output tree is unpacked. */
  Path facts() {
    return root.resolve("facts");
  }

  /** Where the build pass's output tree is unpacked: pkg.env and hab/pkgs/o/n/v/r. */
  Path staging() {
    return root.resolve("staging");
  }

  Path log() {
    return root.resolve("build.log");
  }

  /** Scratch space of kiln's own, e.g. the artifact before it is moved into place. */
  Path scratch(String name) {
    return root.resolve(name);
  }

  /** Gives the program the resolved dependencies, as bash arrays in deps.env. */
  void writeDeps(
      List<PackageIdent> deps,
      List<PackageIdent> buildDeps,
      List<PackageIdent> tdeps,
      List<PackageIdent> buildTdeps) {
    depsEnv =
        Optional.of(
            array("kiln_deps", deps)
                + array("kiln_build_deps", buildDeps)
                + array("kiln_tdeps", tdeps)
                + array("kiln_build_tdeps", buildTdeps));
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

  /** The program's files' contents, in {@link #PROGRAM}'s order. */
  static List<byte[]> programFiles() {
    return PROGRAM_TEXT;
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
