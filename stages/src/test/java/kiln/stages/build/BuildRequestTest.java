package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

class BuildRequestTest {

  private static final Path NOWHERE = Path.of("/no/such/plan");

  @Test
  void aRequestIsMadeWithoutLookingAtTheDisk() {
    BuildRequest request =
        BuildRequest.builder(NOWHERE, StudioBase.tools(Path.of("/no/tools.tar.xz")), NOWHERE)
            .installs(List.of(Path.of("/no/such.hart")))
            .build();

    assertEquals(NOWHERE, request.planDir());
    assertEquals(StudioType.STAGE1, request.base().type());
  }

  @Test
  void whatIsNotGivenHasTheDefaultsOfKilnBuild() {
    BuildRequest request = BuildRequest.builder(NOWHERE, backline(), NOWHERE).build();

    assertEquals(List.of(), request.installs());
    assertFalse(request.check());
    assertEquals(Optional.empty(), request.origin());
    assertEquals("x86_64-linux", request.target());
    assertEquals(BuildLimits.defaults(), request.limits());
    assertEquals(Map.of(), request.settings());
    assertEquals(NetworkPolicy.DOWNLOAD, request.network());
    assertEquals(Optional.empty(), request.log());
  }

  @Test
  void toBuilderKeepsEveryPartItDoesNotChange() {
    BuildRequest first =
        BuildRequest.builder(NOWHERE, backline(), Path.of("results"))
            .installs(List.of(Path.of("a.hart")))
            .check(true)
            .origin("demo")
            .target("aarch64-linux")
            .limits(new BuildLimits(Duration.ofMinutes(3), Duration.ofMinutes(1)))
            .settings(Map.of("FIRST_PASS", "true"))
            .network(NetworkPolicy.NEVER)
            .log(Path.of("x.log"))
            .build();

    BuildRequest second = first.toBuilder().check(false).build();

    assertFalse(second.check());
    assertEquals(first.base(), second.base());
    assertEquals(first.installs(), second.installs());
    assertEquals(first.origin(), second.origin());
    assertEquals(first.target(), second.target());
    assertEquals(first.limits(), second.limits());
    assertEquals(first.settings(), second.settings());
    assertEquals(first.network(), second.network());
    assertEquals(first.log(), second.log());
    assertEquals(first.resultsDir(), second.resultsDir());
  }

  @Test
  void aSettingKilnOwnsIsRefusedNamingIt() {
    for (String name : List.of("PATH", "KILN_OUT", "HAB_ORIGIN", "not a name")) {
      BuildRequest.Builder builder =
          BuildRequest.builder(NOWHERE, backline(), NOWHERE).settings(Map.of(name, "x"));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
      assertTrue(e.getMessage().contains("cannot set " + name), e.getMessage());
    }
  }

  @Test
  void aBlankHabOriginInTheEnvironmentMeansNone() {
    BuildRequest.Builder builder = BuildRequest.builder(NOWHERE, backline(), NOWHERE);

    assertEquals(Optional.empty(), builder.originFrom(Map.of("HAB_ORIGIN", " ")).build().origin());
    assertEquals(Optional.empty(), builder.originFrom(Map.of()).build().origin());
    assertEquals(
        Optional.of("mine"), builder.originFrom(Map.of("HAB_ORIGIN", "mine")).build().origin());
  }

  @Test
  void aDefaultStudioNeedsBacklinePackages() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StudioBase.backline(List.of()));
    assertTrue(e.getMessage().contains("needs backline packages"), e.getMessage());
  }

  private static StudioBase backline() {
    return StudioBase.backline(List.of(PackageIdent.parse("demo/bash")));
  }
}
