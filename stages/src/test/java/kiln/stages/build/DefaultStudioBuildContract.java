package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kiln.stages.studio.BuildLimits;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

/**
 * Stage 1 to stage 2 in any studio: a backline built in a stage1 studio from the demo tools, then a
 * plan built in a default studio that has only that installed hart (no /tools).
 */
public abstract class DefaultStudioBuildContract extends PlanBuildFixture {

  @Test
  public void aPlanBuildsInADefaultStudioFromInstalledHarts() throws Exception {
    BuildResult backline = build(plan("backline-static"));

    BuildResult hello = builder.build(defaultStudio(plan("stage2-hello"), backline));

    String bash = "/hab/pkgs/" + backline.ident() + "/bin/bash";
    assertEquals("studio=default\nno-tools\n" + bash + "\n", payload(hello).text("report"));
  }

  @Test
  public void whatOneBuildLeavesInRootTmpAndTheSourceCacheIsGoneForTheNext() throws Exception {
    BuildResult backline = build(plan("backline-static"));

    BuildResult wrote = builder.build(defaultStudio(plan("leftovers-write"), backline));
    BuildResult checked = builder.build(defaultStudio(plan("leftovers-check"), backline));

    String wroteList = payload(wrote).text("wrote");
    for (String file : List.of("left-in-root", "left-in-tmp", "left-in-src-cache")) {
      assertTrue(wroteList.contains(file), "the first build did leave " + file + ": " + wroteList);
    }
    assertEquals(
        "empty: /root /tmp /hab/cache/src\n", payload(checked).text("report"), log(checked));
  }

  private BuildRequest defaultStudio(java.nio.file.Path plan, BuildResult backline)
      throws Exception {
    return BuildRequest.builder(
            plan,
            StudioBase.backline(List.of(PackageIdent.parse("kilntest/backline-static"))),
            results())
        .installs(List.of(backline.artifact()))
        .limits(new BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(2)))
        .build();
  }
}
