package kiln.stages.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The studio contract for the bubblewrap studio, and what is particular to it. */
class ChrootStudioTest extends StudioContract {

  private Path cache;

  @Override
  protected Studio studio() {
    if (cache == null) {
      cache = temp.resolve("tools-cache");
    }
    return new ChrootStudio(cache);
  }

  @Test
  void aToolsTarballIsUnpackedOnceAndReused() throws Exception {
    var spec = stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), false);
    run(spec, "true");
    run(spec, "true");
    try (Stream<Path> entries = Files.list(cache)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).matches("[0-9a-f]{64}"), names.toString());
    }
  }

  @Test
  void aMissingTarballIsReportedByName() {
    var spec =
        new StudioSpec(
            StudioSpec.StudioType.STAGE1,
            java.util.Optional.of(temp.resolve("nope.tar.xz")),
            List.of(),
            List.of(),
            Map.of(),
            false);
    StudioException e =
        assertThrows(
            StudioException.class,
            () ->
                studio()
                    .run(spec, List.of("/bin/true"), temp.resolve("log"), BuildLimits.defaults()));
    assertTrue(e.getMessage().contains("nope.tar.xz"), e.getMessage());
  }
}
