package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default callbacks (download, verify, clean, unpack, build, install, strip), the source cache,
 * the utility functions and dependencies, against any studio.
 */
public abstract class PlanDefaultsContract extends PlanBuildFixture {

  @Test
  public void defaultCallbacksDownloadConfigureMakeInstallAndStrip() throws Exception {
    String sha = serveSource("hello-1.0");
    BuildResult result = build(plan("defaults", Map.of("URL", server.url(), "SHA", sha)));
    String prefix = "/hab/pkgs/" + result.ident();
    HartPayload hart = payload(result);
    assertEquals(prefix + "\n", hart.text("configured-prefix"), "./configure --prefix=$pkg_prefix");
    assertTrue(hart.has("bin/hello"), "make install ran");
    String log = log(result);
    assertTrue(log.contains("Checksum verified for hello-1.0.tar.gz"), log);
    assertTrue(log.contains("Unpacking hello-1.0.tar.gz"), log);
    Path binary = temp.resolve("hello");
    Files.write(binary, hart.file("bin/hello").content());
    String kind = host("file", "-b", binary.toString());
    assertTrue(kind.contains("ELF") && kind.contains(", stripped"), "do_strip: " + kind);
  }

  @Test
  public void theSourceIsFetchedOnceIntoTheCacheAndBuildsOfflineAfterwards() throws Exception {
    String sha = serveSource("hello-1.0");
    Path plan = plan("defaults", Map.of("URL", server.url(), "SHA", sha));
    build(plan);
    assertEquals(1, server.requests());
    assertEquals(sha, SourceCache.sha256Of(sourceCache.resolve("hello-1.0.tar.gz")));
    server.close();
    BuildResult offline = build(plan);
    assertTrue(log(offline).contains("Using cached and checksummed hello-1.0.tar.gz"));
    assertEquals(1, server.requests(), "the second build used the cache");
  }

  @Test
  public void aSourceWithoutShasumIsFetchedByKilnAndTheDefaultDownloadUsesIt() throws Exception {
    serveSource("hello-1.0");
    String verify = "do_verify() { build_line \"the plan checks the source itself\"; }";
    BuildResult result = build(plan("no-shasum", Map.of("URL", server.url(), "VERIFY", verify)));
    HartPayload hart = payload(result);
    String hello =
        Files.readString(
            TestTools.repositoryRoot()
                .resolve("stages/src/test/resources/sources/hello-1.0/hello.c"));
    assertEquals(hello, hart.text("hello.c"), "the source was downloaded and unpacked");
    assertEquals("lo\n", hart.text("interfaces"), "no network for a default download");
    String log = log(result);
    assertTrue(log.contains("Using hello-1.0.tar.gz, fetched by kiln for this build"), log);
    assertTrue(log.contains("the plan checks the source itself"), log);
    assertEquals(1, server.requests());
    // Nothing to check a cached copy against: the next build fetches it again.
    build(plan("no-shasum", Map.of("URL", server.url(), "VERIFY", verify)));
    assertEquals(2, server.requests());
  }

  @Test
  public void withoutShasumTheDefaultVerifyFailsShowingTheComputedSum() throws Exception {
    String sha = serveSource("hello-1.0");
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(plan("no-shasum", Map.of("URL", server.url(), "VERIFY", ""))));
    assertTrue(e.getMessage().contains("failed in do_verify (exit code 1)"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("WARN Checksum error for /hab/cache/src/hello-1.0.tar.gz"), log);
    assertTrue(log.contains("WARN Expected: \n"), log);
    assertTrue(log.contains("WARN Computed: " + sha), log);
    assertTrue(log.contains("the plan sets no pkg_shasum"), log);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tar", "tar.gz", "tgz", "tar.bz2", "tbz2", "tar.xz", "zip", "gz", "bz2", "xz", "Z"
      })
  public void theDefaultUnpackKnowsTheExtension(String extension) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("archive/payload"));
    Files.writeString(dir.resolve("hello.txt"), "unpacked " + extension + "\n");
    boolean single = List.of("gz", "bz2", "xz", "Z").contains(extension);
    String file = (single ? "hello.txt." : "payload.") + extension;
    Path archive = www.resolve(file);
    Path parent = dir.getParent();
    switch (extension) {
      case "tar" -> exec(parent, "tar", "-cf", archive.toString(), "payload");
      case "tar.gz", "tgz" -> exec(parent, "tar", "-czf", archive.toString(), "payload");
      case "tar.bz2", "tbz2" -> exec(parent, "tar", "-cjf", archive.toString(), "payload");
      case "tar.xz" -> exec(parent, "tar", "-cJf", archive.toString(), "payload");
      case "zip" -> ZipFiles.write(archive, "payload/hello.txt", "unpacked zip\n");
      case "Z" -> CompressFiles.write(archive, "unpacked Z\n");
      default -> {
        String tool = Map.of("gz", "gzip", "bz2", "bzip2", "xz", "xz").get(extension);
        exec(parent, "sh", "-c", tool + " -c payload/hello.txt > " + archive);
      }
    }
    String sha = SourceCache.sha256Of(archive);
    BuildResult result =
        build(plan("unpack", Map.of("URL", server.url(), "FILE", file, "SHA", sha)));
    assertEquals("unpacked " + extension + "\n", payload(result).text("hello.txt"));
    assertEquals("lo\n", payload(result).text("interfaces"), "no network for a default download");
  }

  @Test
  public void downloadFileKeepsAMatchingCachedFileAndReplacesOneThatDoesNotMatch()
      throws Exception {
    Path plan = plan("download-file");
    String sha = SourceCache.sha256Of(plan.resolve("data.txt"));
    BuildResult result = build(plan("download-file", Map.of("DATA_SHA", sha)));
    assertEquals("the data\n", payload(result).text("data.txt"));
    List<String> lines = log(result).lines().toList();
    assertTrue(after(lines, "STEP fresh").contains("Downloading"), lines.toString());
    assertTrue(after(lines, "STEP cached-valid").contains("Using cached and checksummed"));
    assertTrue(after(lines, "STEP cached-invalid").contains("Checksum mismatch"));
    assertTrue(after(lines, "STEP no-shasum").contains("Downloading"), "no shasum: always");
    assertTrue(
        after(lines, "STEP shasum-no-local-file").contains("Downloading"),
        "a shasum but no file yet: it downloads");
    assertTrue(lines.contains("download_file returned 0"), lines.toString());
    assertEquals(
        "lo\n",
        payload(result).text("interfaces"),
        "a file:// source is on this machine: no network even for its own download");
  }

  @Test
  public void aPlanDownloadingNothingByItselfGetsNoNetwork() throws Exception {
    // The demo plans: pkg_source=nothing-to-download and do_download() { return 0; }.
    BuildResult result = build(plan("own-download", Map.of("SOURCE", "nothing-to-download")));
    assertEquals("lo\n", payload(result).text("interfaces"));
  }

  @Test
  public void aPlanDownloadingARemoteSourceByItselfGetsTheNetwork() throws Exception {
    BuildResult result =
        build(plan("own-download", Map.of("SOURCE", "http://example.invalid/x-1.0.tar.gz")));
    assertTrue(
        payload(result).text("interfaces").lines().count() > 1,
        "a plan downloading by itself has the network: " + payload(result).text("interfaces"));
  }

  @Test
  public void networkNeverKeepsEvenARemoteOwnDownloadOffline() throws Exception {
    Path plan = plan("own-download", Map.of("SOURCE", "https://example.invalid/x-1.0.tar.gz"));
    BuildResult result = build(request(plan).network(NetworkPolicy.NEVER));
    assertEquals("lo\n", payload(result).text("interfaces"));
  }

  @Test
  public void theDefaultCleanRemovesAStaleSourceDirectory() throws Exception {
    BuildResult result = build(plan("clean"));
    assertEquals("removed\n", payload(result).text("after-clean"));
    assertTrue(log(result).contains("clean: Clean the cache"), log(result));
  }

  @Test
  public void aPkgFilenameSetByThePlanNamesTheCachedAndUnpackedFile() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("archive/payload"));
    Files.writeString(dir.resolve("hello.txt"), "renamed source\n");
    Path archive = www.resolve("payload.tar.gz");
    exec(dir.getParent(), "tar", "-czf", archive.toString(), "payload");
    String sha = SourceCache.sha256Of(archive);
    BuildResult result = build(plan("filename", Map.of("URL", server.url(), "SHA", sha)));
    HartPayload hart = payload(result);
    assertEquals("renamed source\n", hart.text("hello.txt"));
    assertEquals("renamed-source.tgz\n", hart.text("cache-listing"), "kept under pkg_filename");
    assertTrue(Files.isRegularFile(sourceCache.resolve("renamed-source.tgz")), "host cache");
    assertFalse(Files.exists(sourceCache.resolve("payload.tar.gz")));
    assertTrue(log(result).contains("Unpacking renamed-source.tgz"), log(result));
  }

  @Test
  public void debugIsSilentWithoutDebugAndWarnWritesToStandardError() throws Exception {
    BuildResult result = build(plan("messages"));
    Map<String, String> values = PlanConformanceContract.keyValues(payload(result).text("results"));
    assertEquals("[]", values.get("warn_stdout"), "warn writes nothing to standard output");
    assertEquals("[   messages: WARN only on stderr]", values.get("warn_stderr"));
    assertEquals("[   messages: on stdout]", values.get("build_line_stdout"));
    assertEquals("[]", values.get("debug_output"), "debug without DEBUG prints nothing");
    String log = log(result);
    assertFalse(log.contains("a debug line nobody asked for"), log);
    assertFalse(log.contains("a warning sent to /dev/null"), "warn went to fd 2: " + log);
    assertTrue(log.contains("messages: a build line with stderr closed"), log);
  }

  @Test
  public void utilityFunctionsWorkAsTheGuideSays() throws Exception {
    BuildResult interp = build(plan("interp"));
    BuildResult result = build(request(plan("utilities")).installs(List.of(interp.artifact())));
    HartPayload hart = payload(result);
    Map<String, String> values = PlanConformanceContract.keyValues(hart.text("results"));
    String interpPath = "/hab/pkgs/" + interp.ident();
    String prefix = "/hab/pkgs/" + result.ident();
    assertEquals(interpPath, values.get("pkg_path_for"));
    assertEquals("1", values.get("pkg_path_for_missing"));
    assertEquals(interpPath + "/bin/tool", values.get("interpreter"));
    assertEquals("1", values.get("interpreter_missing"));
    assertEquals(prefix + "/dir", values.get("abspath_rel"));
    assertEquals(prefix + "/results", values.get("abspath_file"));
    assertEquals("0", values.get("exists_bash"));
    assertEquals("1", values.get("exists_nope"));
    assertEquals("[a  b]", values.get("trim"));
    assertEquals("#!" + interpPath + "/bin/tool\necho hi\n", hart.text("bin/one"));
    assertEquals("#!" + interpPath + "/bin/tool -x\necho hi\n", hart.text("bin/two"));
    String log = log(result);
    assertTrue(log.contains("utilities: a build line from the plan"), log);
    assertTrue(log.contains("utilities: WARN a warning from the plan"), log);
    assertTrue(log.contains("utilities: DEBUG a debug line from the plan"), log);
    assertTrue(log.contains("cannot attach, this build is not interactive"), log);
  }

  @Test
  public void dependenciesResolveAndComposeTheBuildEnvironment() throws Exception {
    BuildResult lib = build(plan("dep-lib"));
    BuildResult tool = build(request(plan("dep-tool")).installs(List.of(lib.artifact())));
    // Installed, but not a dependency: it must not show in the studio.
    BuildResult other = build(plan("settings"));
    BuildResult user =
        build(request(plan("dep-user")).installs(List.of(tool.artifact(), other.artifact())));
    HartPayload hart = payload(user);
    String libPath = "/hab/pkgs/" + lib.ident();
    String toolPath = "/hab/pkgs/" + tool.ident();
    String prefix = "/hab/pkgs/" + user.ident();
    assertEquals(lib.ident() + "\n", hart.text("DEPS"));
    assertEquals(lib.ident() + "\n", hart.text("TDEPS"));
    assertEquals(tool.ident() + "\n", hart.text("BUILD_DEPS"));
    assertEquals(tool.ident() + "\n" + lib.ident() + "\n", hart.text("BUILD_TDEPS"));
    assertEquals(prefix + "/bin:" + libPath + "/bin\n", hart.text("RUNTIME_PATH"));
    Map<String, String> env = PlanConformanceContract.keyValues(hart.text("env"));
    assertTrue(
        env.get("PATH").startsWith(prefix + "/bin:" + toolPath + "/bin:" + libPath + "/bin:"),
        env.get("PATH"));
    assertTrue(env.get("PATH").endsWith(":/bin:/tools/bin"), env.get("PATH"));
    assertEquals("-I" + libPath + "/include -I" + toolPath + "/include", env.get("CFLAGS"));
    assertEquals("-L" + libPath + "/lib", env.get("LDFLAGS"));
    assertEquals(prefix + "/lib:" + libPath + "/lib", env.get("LD_RUN_PATH"));
    assertEquals(libPath + "/lib/pkgconfig", env.get("PKG_CONFIG_PATH"));
    assertEquals(prefix, env.get("PREFIX"));
    assertEquals("dep-tool dep-lib-tool", env.get("tool"));
    assertEquals(
        "conformance/dep-lib conformance/dep-tool conformance/dep-user",
        env.get("pkgs"),
        "only the deps (and the package being built)");
  }

  @Test
  public void aCProgramBuildsAgainstItsLibraryAndRunsFromItsInstalledPath() throws Exception {
    String libSha = serveSource("libdemo-0.3");
    String appSha = serveSource("demo-app-1.1");
    BuildResult lib = build(plan("libdemo", Map.of("URL", server.url(), "SHA", libSha)));
    BuildResult app =
        build(
            request(plan("demo-app", Map.of("URL", server.url(), "SHA", appSha)))
                .installs(List.of(lib.artifact())));
    String libPath = "/hab/pkgs/" + lib.ident();
    String log = log(app);
    assertTrue(log.contains("CFLAGS=-I" + libPath + "/include"), log);
    assertTrue(log.contains("LDFLAGS=-L" + libPath + "/lib"), log);
    assertTrue(log.contains("libdemo-version says: libdemo 0.3"), "PATH reached the build: " + log);
    assertEquals(lib.ident() + "\n", payload(app).text("DEPS"));

    store.install(app.artifact());
    String program = "/hab/pkgs/" + app.ident() + "/bin/demo-app";
    StudioSpec spec =
        new StudioSpec(
            StudioSpec.StudioType.STAGE1,
            Optional.of(TestTools.tarball()),
            List.of(),
            List.of(
                new StudioInput.HostPath(
                    store.directoryOf(app.ident()), "/hab/pkgs/" + app.ident(), true),
                new StudioInput.HostPath(store.directoryOf(lib.ident()), libPath, true)),
            Map.of("PATH", "/bin:/tools/bin"),
            false);
    Path runLog = temp.resolve("run.log");
    StudioRun run = studio.run(spec, List.of(program), runLog, BuildLimits.defaults());
    assertTrue(run.succeeded(), Files.readString(runLog));
    assertEquals("2 + 3 = 5 (libdemo 0.3)\n", Files.readString(runLog));
  }

  private static String after(List<String> lines, String marker) {
    int at = lines.indexOf(marker);
    assertFalse(at < 0, "no line " + marker + " in " + lines);
    return lines.get(at + 1);
  }

  private static String host(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return out;
  }
}
