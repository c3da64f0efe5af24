package kiln.stages.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.store.PackageStore;
import kiln.stages.studio.Studio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every plan build test needs: a studio (from the subclass), a package store, the demo tools
 * tarball, a loopback source server, and the test plans of src/test/resources/plans copied with
 * their placeholders filled in.
 */
public abstract class PlanBuildFixture {

  /** The studio under test. Called once per test. */
  protected abstract Studio studio() throws Exception;

  @TempDir protected Path temp;
  protected InstalledPackages store;
  protected Path keys;
  protected SourceServer server;
  protected Path www;
  protected Path sourceCache;
  protected PlanBuilder builder;
  protected Studio studio;
  private Instant now = Instant.parse("2026-01-02T03:04:05Z");

  @BeforeEach
  void setUpFixture() throws Exception {
    keys = temp.resolve("keys");
    OriginKeys originKeys = OriginKeys.in(keys);
    for (String origin : List.of("conformance", "envorigin", "kilntest")) {
      originKeys.generate(origin);
    }
    store = new StoreDependencies(new PackageStore(temp.resolve("store")), originKeys);
    www = Files.createDirectories(temp.resolve("www"));
    server = new SourceServer(www);
    sourceCache = temp.resolve("source-cache");
    studio = studio();
    builder = builder(studio);
  }

  protected PlanBuilder builder(Studio studio) {
    // Each build gets its own release: one second later than the last.
    Clock ticking =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
          }
        };
    return new PlanBuilder(
        studio,
        store,
        new OriginSigner(OriginKeys.in(keys), Map.of()),
        new SourceCache(sourceCache),
        temp.resolve("work"),
        ticking);
  }

  @AfterEach
  void tearDownFixture() {
    server.close();
  }

  /** A copy of a test plan with each {@code @KEY@} replaced. */
  protected Path plan(String name, Map<String, String> values) throws IOException {
    Path source =
        TestTools.repositoryRoot().resolve("stages/src/test/resources/plans").resolve(name);
    Path copy = temp.resolve("plans").resolve(name);
    copyTree(source, copy);
    Path planSh = copy.resolve("plan.sh");
    String text = Files.readString(planSh);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    Files.writeString(planSh, text);
    return copy;
  }

  protected Path plan(String name) throws IOException {
    return plan(name, Map.of());
  }

  /** Packs a source dir of src/test/resources/sources as NAME.tar.gz on the server. */
  protected String serveSource(String name) throws IOException, InterruptedException {
    Path sources = TestTools.repositoryRoot().resolve("stages/src/test/resources/sources");
    Path tarball = www.resolve(name + ".tar.gz");
    exec(sources, "tar", "-czf", tarball.toString(), name);
    return SourceCache.sha256Of(tarball);
  }

  /** A stage1 build of the plan with the demo tools, to be finished with {@code .build()}. */
  protected BuildRequest.Builder request(Path planDir) throws Exception {
    return BuildRequest.builder(planDir, StudioBase.tools(TestTools.tarball()), results())
        .limits(new kiln.stages.studio.BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(2)));
  }

  protected Path results() {
    return temp.resolve("results");
  }

  protected BuildResult build(Path planDir) throws Exception {
    return build(request(planDir));
  }

  protected BuildResult build(BuildRequest.Builder request) throws Exception {
    return builder.build(request.build());
  }

  protected static HartPayload payload(BuildResult result) throws IOException {
    return HartPayload.read(result.artifact(), result.ident().toString());
  }

  protected static String log(BuildResult result) throws IOException {
    return Files.readString(result.log());
  }

  /** Names of the files in the results dir (hidden partial files included). */
  protected List<String> resultFiles() throws IOException {
    if (!Files.isDirectory(results())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(results())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  protected static void exec(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(
              path,
              target,
              StandardCopyOption.COPY_ATTRIBUTES,
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
