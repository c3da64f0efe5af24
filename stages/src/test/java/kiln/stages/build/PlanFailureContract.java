package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input and failing plans, against any studio: each a clear error, and nothing in the results
 * dir but the build log.
 */
public abstract class PlanFailureContract extends PlanBuildFixture {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "do_begin",
        "do_setup_environment",
        "do_before",
        "do_download",
        "do_verify",
        "do_clean",
        "do_unpack",
        "do_prepare",
        "do_build",
        "do_check",
        "do_install",
        "do_build_config",
        "do_build_service",
        "do_strip",
        "do_after",
        "do_end",
        "do_after_success"
      })
  public void aCallbackExitingNonZeroFailsTheBuildNamingIt(String callback) throws Exception {
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(request(plan("fails", Map.of("FAIL_IN", callback))).check(true)));
    assertTrue(e.getMessage().contains("failed in " + callback + " (exit code 1)"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("failing in " + callback), log);
    assertTrue(log.contains("AFTER_FAILURE ran"), "do_after_failure runs on failure: " + log);
    assertOnlyTheLog(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7z", "rar"})
  public void aSevenZipOrRarSourceNeedsItsToolInTheStudio(String extension) throws Exception {
    Path archive = www.resolve("payload." + extension);
    Files.writeString(archive, "the studio cannot open this without its tool\n");
    String sha = SourceCache.sha256Of(archive);
    String file = "payload." + extension;
    String tool = extension.equals("7z") ? "7z" : "unrar";
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(plan("unpack", Map.of("URL", server.url(), "FILE", file, "SHA", sha))));
    assertTrue(e.getMessage().contains("failed in do_unpack (exit code 1)"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(
        log.contains(
            "cannot unpack "
                + file
                + ": no "
                + tool
                + " in the studio (add a package that provides "
                + tool
                + " to pkg_build_deps, or override do_unpack)"),
        log);
    assertOnlyTheLog(e);
  }

  @Test
  public void exitWithEndsTheBuildWithItsMessageAndCode() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> build(plan("exit-with")));
    assertTrue(e.getMessage().contains("failed in do_build (exit code 55)"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("ERROR: Something bad happened"), log);
    assertTrue(log.contains("AFTER_FAILURE ran"), log);
  }

  @Test
  public void aNameWithForbiddenCharactersIsRejected() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> build(plan("bad-name")));
    assertTrue(e.getMessage().contains("reading the plan failed"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("pkg_name 'bad name!' may hold only letters, digits"), log);
    assertOnlyTheLog(e);
  }

  @Test
  public void aWrongChecksumFailsBeforeTheStudioNamingBothSums() throws Exception {
    String sha = serveSource("hello-1.0");
    String wrong = "1".repeat(64);
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(plan("defaults", Map.of("URL", server.url(), "SHA", wrong))));
    assertTrue(e.getMessage().contains("hello-1.0.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("Expected: " + wrong), e.getMessage());
    assertTrue(e.getMessage().contains("Computed: " + sha), e.getMessage());
    assertEquals(List.of(), resultFiles(), "nothing in the results dir");
    assertTrue(
        !Files.exists(sourceCache.resolve("hello-1.0.tar.gz")), "a bad download is not cached");
  }

  @Test
  public void theDefaultVerifyPrintsTheFileExpectedAndComputed() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> build(plan("checksum-in-studio")));
    assertTrue(e.getMessage().contains("failed in do_verify"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("Checksum error for /hab/cache/src/made-by-the-plan.tar.gz"), log);
    assertTrue(log.contains("Expected: " + "0".repeat(64)), log);
    assertTrue(log.contains("Computed: "), log);
    assertOnlyTheLog(e);
  }

  @Test
  public void anUnknownArchiveTypeFailsTheUnpack() throws Exception {
    Files.writeString(www.resolve("payload.cpio"), "not really an archive\n");
    String sha = SourceCache.sha256Of(www.resolve("payload.cpio"));
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                build(
                    plan(
                        "unpack",
                        Map.of("URL", server.url(), "FILE", "payload.cpio", "SHA", sha))));
    assertTrue(e.getMessage().contains("failed in do_unpack"), e.getMessage());
    String log = Files.readString(e.log().orElseThrow());
    assertTrue(log.contains("unknown archive format of payload.cpio"), log);
    assertOnlyTheLog(e);
  }

  @Test
  public void aTamperedHartGivenToInstallIsRefused() throws Exception {
    BuildResult interp = build(plan("interp"));
    Path tampered = temp.resolve("tampered.hart");
    byte[] bytes = Files.readAllBytes(interp.artifact());
    bytes[bytes.length - 100] ^= 0x55;
    Files.write(tampered, bytes);
    clearResults();
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(request(plan("utilities")).installs(List.of(tampered))));
    assertTrue(e.getMessage().contains("cannot install " + tampered), e.getMessage());
    assertTrue(e.getMessage().contains("content was altered"), e.getMessage());
    assertEquals(List.of(), resultFiles(), "nothing in the results dir");
  }

  @Test
  public void aHartWhoseSignerKeyIsMissingIsRefusedNamingTheKey() throws Exception {
    Path interp = temp.resolve("interp.hart");
    Files.copy(build(plan("interp")).artifact(), interp);
    clearResults();
    Path pub;
    try (var files = Files.list(keys)) {
      pub =
          files
              .filter(p -> p.getFileName().toString().matches("conformance-\\d{14}\\.pub"))
              .findFirst()
              .orElseThrow();
    }
    Files.delete(pub);
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(request(plan("utilities")).installs(List.of(interp))));
    assertTrue(e.getMessage().contains(pub.getFileName().toString()), e.getMessage());
    assertEquals(List.of(), resultFiles());
  }

  @Test
  public void anUnsignedFileGivenToInstallIsRefused() throws Exception {
    Path unsigned = temp.resolve("unsigned.hart");
    Path dir =
        java.nio.file.Files.createDirectories(
            temp.resolve("payload/hab/pkgs/x/y/1/20260101000000"));
    Files.writeString(dir.resolve("IDENT"), "x/y/1/20260101000000\n");
    exec(temp.resolve("payload"), "tar", "-cJf", unsigned.toString(), "hab");
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(request(plan("settings")).installs(List.of(unsigned))));
    assertTrue(e.getMessage().contains("cannot install " + unsigned), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                unsigned
                    + " is not a .hart artifact: it does not start with HART-1 (a signed Habitat"
                    + " artifact); it starts with \"\\xfd7zXZ\\x00"),
        e.getMessage());
    assertTrue(
        e.getMessage().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
        "no raw bytes of the file in the message: " + e.getMessage());
    assertTrue(e.getMessage().length() < 400, "a short message: " + e.getMessage());
    assertEquals(List.of(), resultFiles());
  }

  private void clearResults() throws Exception {
    try (var files = Files.list(results())) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }

  @Test
  public void aMissingDependencyFailsBeforeTheBuildNamingIt() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> build(plan("missing-dep")));
    assertTrue(
        e.getMessage()
            .contains(
                "conformance/needs-missing: cannot resolve pkg_deps conformance/not-installed-anywhere"),
        e.getMessage());
    assertEquals(List.of(), resultFiles(), "nothing in the results dir");
  }

  @Test
  public void aBuildRunningTooLongIsKilledAndItsLogKept() throws Exception {
    BuildRequest request =
        request(plan("sleeper"))
            .limits(new BuildLimits(Duration.ofSeconds(2), Duration.ofMinutes(1)))
            .build();
    BuildException e = assertThrows(BuildException.class, () -> builder.build(request));
    assertTrue(e.getMessage().contains("timed out after 2s"), e.getMessage());
    assertTrue(Files.readString(e.log().orElseThrow()).contains("about to hang"));
    assertOnlyTheLog(e);
  }

  @Test
  public void aBuildSilentTooLongIsKilled() throws Exception {
    BuildRequest request =
        request(plan("sleeper"))
            .limits(new BuildLimits(Duration.ofMinutes(1), Duration.ofSeconds(1)))
            .build();
    BuildException e = assertThrows(BuildException.class, () -> builder.build(request));
    assertTrue(e.getMessage().contains("printed nothing for 1s"), e.getMessage());
    assertOnlyTheLog(e);
  }

  @Test
  public void aStudioWithoutBashRefusesToStartSayingWhy() throws Exception {
    BuildRequest request =
        BuildRequest.builder(
                plan("settings"), StudioBase.tools(TestTools.tarballWithoutBash()), results())
            .build();
    BuildException e = assertThrows(BuildException.class, () -> builder.build(request));
    assertTrue(e.getCause() instanceof StudioException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().contains("has no tools/bin/bash"), e.getMessage());
    assertEquals(List.of(), resultFiles());
  }

  private void assertOnlyTheLog(BuildException e) throws Exception {
    assertEquals(List.of(e.log().orElseThrow().getFileName().toString()), resultFiles());
  }
}
