package kiln.orchestrator.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.StagePlan;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanListsTest {

  @TempDir Path dir;
  KilnConfig config;

  @BeforeEach
  void distribution() throws Exception {
    // libc needs the compiler listed after it; cc needs itself only after stage1 (from the tools
    // in stage1); both need a package no plan builds.
    plan("libc", "pkg_build_deps=(t/cc t/perl)\n");
    plan("cc", "if [[ $STUDIO_TYPE != stage1 ]]; then\n  pkg_build_deps=(t/cc)\nfi\n");
    Files.writeString(dir.resolve("base-plans.txt"), "plans/libc\nplans/cc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
    config =
        ConfigLoader.load(
            Files.writeString(
                dir.resolve("kiln.yaml"),
                "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n"));
  }

  private void plan(String name, String deps) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plans").resolve(name));
    Files.writeString(
        folder.resolve("plan.sh"), "pkg_name=" + name + "\npkg_origin=t\npkg_version=1\n" + deps);
  }

  @Test
  void inStage1OnlyEarlierLinesOfTheBaseListAreInstalled() throws Exception {
    StagePlan stage1 = new PlanLists().basePlans(config, StageName.STAGE1);
    String at = dir.resolve("plans/libc/plan.sh") + ":4: pkg_build_deps names ";
    assertEquals(
        Map.of(
            EntryKey.of(PackageIdent.of("t", "libc")),
            List.of(
                at
                    + "t/cc, which no earlier line of the base list builds (a stage1 studio holds"
                    + " only the tools and those): list its plan before this one in "
                    + config.basePlans()
                    + ", or remove the dependency",
                at
                    + "t/perl, which no earlier line of the base list builds (a stage1 studio holds"
                    + " only the tools and those): list its plan before this one in "
                    + config.basePlans()
                    + ", or remove the dependency")),
        stage1.unbuildable());
  }

  @Test
  void inStage2EveryBasePlanIsInstalledFromStage1() throws Exception {
    StagePlan stage2 = new PlanLists().basePlans(config, StageName.STAGE2);
    assertEquals(
        Map.of(
            EntryKey.of(PackageIdent.of("t", "libc")),
            List.of(
                dir.resolve("plans/libc/plan.sh")
                    + ":4: pkg_build_deps names t/perl, which is not in the base list, so stage1"
                    + " built no package for it: add its plan to "
                    + config.basePlans()
                    + ", or remove the dependency")),
        stage2.unbuildable());
  }
}
