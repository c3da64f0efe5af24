package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plan syntax guide, item by item, against any studio: settings, variables, callbacks and their
 * order, hooks and the metadata files. Subclasses name the studio (docs/plan-conformance.md maps
 * each guide item to its test here or in the other contracts).
 */
public abstract class PlanConformanceContract extends PlanBuildFixture {

  @Test
  public void identityAndPathSettingsBecomeMetadata() throws Exception {
    BuildResult result = build(plan("settings"));
    String prefix = "/hab/pkgs/" + result.ident();
    assertTrue(result.ident().toString().matches("conformance/settings/1\\.2\\.3/\\d{14}"));
    assertEquals(
        "conformance-settings-1.2.3-" + result.ident().release() + "-x86_64-linux.hart",
        result.artifact().getFileName().toString());
    HartPayload hart = payload(result);
    assertEquals(result.ident() + "\n", hart.text("IDENT"));
    assertEquals("x86_64-linux\n", hart.text("TARGET"));
    assertEquals(prefix + "/bin:" + prefix + "/sbin\n", hart.text("PATH"));
    assertEquals(prefix + "/lib:" + prefix + "/lib64\n", hart.text("LD_RUN_PATH"));
    assertEquals("-L" + prefix + "/lib -L" + prefix + "/lib64\n", hart.text("LDFLAGS"));
    assertEquals("-I" + prefix + "/include\n", hart.text("CFLAGS"));
    assertEquals("-I" + prefix + "/include\n", hart.text("CPPFLAGS"));
    assertEquals("-I" + prefix + "/include\n", hart.text("CXXFLAGS"));
    assertEquals(prefix + "/lib/pkgconfig\n", hart.text("PKG_CONFIG_PATH"));
    assertEquals(prefix + "/bin:" + prefix + "/sbin\n", hart.text("RUNTIME_PATH"));
    assertEquals(prefix + "/bin/tool\n", hart.text("INTERPRETERS"));
    assertNull(hart.text("DEPS"), "no deps, no DEPS file");
    assertNull(hart.text("TDEPS"));
  }

  @Test
  public void serviceSettingsBecomeMetadata() throws Exception {
    HartPayload hart = payload(build(plan("settings")));
    assertEquals("host=server.host\nport=server.port\nssl-port=ssl.port\n", hart.text("EXPORTS"));
    assertEquals("80 443\n", hart.text("EXPOSES"));
    assertEquals("database=port host\n", hart.text("BINDS"));
    assertEquals("storage=port host\n", hart.text("BINDS_OPTIONAL"));
    assertEquals("tooluser\n", hart.text("SVC_USER"));
    assertEquals("toolgroup\n", hart.text("SVC_GROUP"));
    String run = hart.text("hooks/run");
    assertTrue(run.contains("bin/tool --config /hab/svc/settings/config/tool.conf"), run);
    assertTrue(hart.text("default.toml").contains("port = 443"));
  }

  @Test
  public void descriptiveSettingsGoToTheManifest() throws Exception {
    BuildResult result = build(plan("settings"));
    String manifest = payload(result).text("MANIFEST");
    assertTrue(manifest.startsWith("# conformance / settings"), manifest);
    assertTrue(manifest.contains("A package that sets every basic setting."), manifest);
    assertTrue(manifest.contains("__Maintainer__: Test Maintainer <test@example.com>"), manifest);
    assertTrue(manifest.contains("__License__: Apache-2.0 Boost Software License"), manifest);
    assertTrue(manifest.contains("[https://example.com/settings]"), manifest);
    assertTrue(manifest.contains("__Release__: " + result.ident().release()), manifest);
    assertTrue(manifest.contains("pkg_svc_user=tooluser"), "the plan source is in: " + manifest);
  }

  @Test
  public void originComesFromHabOriginWhenThePlanSetsNone() throws Exception {
    BuildResult result = build(request(plan("origin-from-env")).origin("envorigin"));
    assertEquals("envorigin", result.ident().origin());
    assertEquals("envorigin\n", payload(result).text("origin"));
  }

  @Test
  public void aPlanWithoutAnyOriginFails() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> build(plan("origin-from-env")));
    assertTrue(Files.readString(e.log().orElseThrow()).contains("pkg_origin"), e.getMessage());
    assertEquals(List.of(e.log().orElseThrow().getFileName().toString()), resultFiles());
  }

  @Test
  public void variablesHaveTheValuesTheGuideGives() throws Exception {
    BuildResult result = build(plan("variables"));
    Map<String, String> vars = keyValues(payload(result).text("vars"));
    String prefix = "/hab/pkgs/" + result.ident();
    assertEquals(prefix, vars.get("pkg_prefix"));
    assertEquals(prefix, vars.get("PREFIX"));
    assertEquals("variables-2.0", vars.get("pkg_dirname"));
    assertEquals("variables-2.0.tar.gz", vars.get("pkg_filename"));
    assertEquals("/hab/svc/variables", vars.get("pkg_svc_path"));
    for (String dir : List.of("data", "files", "var", "config", "static")) {
      assertEquals("/hab/svc/variables/" + dir, vars.get("pkg_svc_" + dir + "_path"));
    }
    assertEquals("/hab/cache/src", vars.get("HAB_CACHE_SRC_PATH"));
    assertEquals("/hab/cache/artifacts", vars.get("HAB_CACHE_ARTIFACT_PATH"));
    assertEquals("/hab/pkgs", vars.get("HAB_PKG_PATH"));
    assertEquals("/src", vars.get("PLAN_CONTEXT"));
    assertEquals(prefix + "/lib", vars.get("LD_RUN_PATH"));
    assertEquals("", vars.get("CFLAGS"));
    assertEquals("", vars.get("LDFLAGS"));
    assertEquals("hab", vars.get("pkg_svc_user"));
    assertEquals("hab", vars.get("pkg_svc_group"));
    assertEquals(result.ident().release(), vars.get("pkg_release"));
    assertEquals(result.ident().toString(), vars.get("pkg_ident"));
    assertEquals("x86_64-linux", vars.get("pkg_target"));
    assertEquals("stage1", vars.get("STUDIO_TYPE"));
    assertEquals("/hab/cache/src/variables-2.0", vars.get("SRC_PATH"));
    assertEquals("/hab/cache/src/variables-2.0", vars.get("build_cwd"));
    assertEquals("/hab/cache/src/variables-2.0", vars.get("install_cwd"));
    assertEquals("0022", vars.get("umask"));
  }

  @Test
  public void theEnvironmentIsCleanNothingOfTheHostLeaksIn() throws Exception {
    List<String> names =
        Arrays.asList(payload(build(plan("variables"))).text("env-names").split("\n"));
    assertTrue(names.contains("STUDIO_TYPE"), names.toString());
    assertTrue(names.contains("PATH"), names.toString());
    for (String host : System.getenv().keySet()) {
      if (!List.of("PATH", "HOME", "PWD", "SHLVL", "_", "LC_ALL", "OLDPWD").contains(host)) {
        assertFalse(names.contains(host), "host variable leaked into the studio: " + host);
      }
    }
  }

  @Test
  public void callbacksRunInTheGuidesOrderAndCheckOnlyWhenAsked() throws Exception {
    List<String> withoutCheck = callbacks(log(build(plan("callbacks"))));
    assertEquals(
        List.of(
            "do_begin",
            "do_setup_environment",
            "do_before",
            "do_download",
            "do_verify",
            "do_clean",
            "do_unpack",
            "do_prepare",
            "do_build",
            "do_install",
            "do_build_config",
            "do_build_service",
            "do_strip",
            "do_after",
            "do_end",
            "do_after_success"),
        withoutCheck);
    List<String> withCheck = callbacks(log(build(request(plan("callbacks")).check(true))));
    assertEquals("do_check", withCheck.get(withCheck.indexOf("do_build") + 1));
    assertEquals("do_install", withCheck.get(withCheck.indexOf("do_check") + 1));
  }

  @Test
  public void checkRunsOnlyWhenThePlanDefinesIt() throws Exception {
    // The defaults plan defines no do_check: DO_CHECK must not make one up.
    String sha = serveSource("hello-1.0");
    BuildResult result =
        build(request(plan("defaults", Map.of("URL", server.url(), "SHA", sha))).check(true));
    assertFalse(log(result).contains("do_check"), log(result));
  }

  @Test
  public void hooksConfigAndDefaultTomlAreCopiedIntoThePackage() throws Exception {
    HartPayload hart = payload(build(plan("hooks")));
    for (String hook :
        List.of(
            "init",
            "run",
            "health_check",
            "file_updated",
            "reload",
            "reconfigure",
            "suitability",
            "post-run")) {
      assertEquals("#!/bin/sh\necho " + hook + "\n", hart.text("hooks/" + hook), hook);
      assertEquals(0755, hart.file("hooks/" + hook).mode() & 0777, hook);
    }
    assertEquals("listen = {{cfg.port}}\n", hart.text("config/app.conf"));
    assertEquals("port = 8080\n", hart.text("default.toml"));
    assertEquals("hab\n", hart.text("SVC_USER"), "a run hook makes it a service");
    assertEquals("hab\n", hart.text("SVC_GROUP"));
  }

  static List<String> callbacks(String log) {
    return log.lines()
        .filter(line -> line.startsWith("CALLBACK "))
        .map(line -> line.substring("CALLBACK ".length()))
        .toList();
  }

  static Map<String, String> keyValues(String text) {
    return text.lines()
        .collect(
            Collectors.toMap(
                line -> line.substring(0, line.indexOf('=')),
                line -> line.substring(line.indexOf('=') + 1),
                (a, b) -> b));
  }
}
