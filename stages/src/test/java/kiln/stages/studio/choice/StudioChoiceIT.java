package kiln.stages.studio.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.studio.choice.StudioChoice.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioChoiceIT {

  @TempDir Path dir;

  @Test
  void autoTakesDockerWhenTheEngineAnswers() throws Exception {
    List<String> notes = new ArrayList<>();
    assertEquals("docker", StudioChoice.choose(Kind.AUTO, dir, dir, notes::add).kind());
    assertEquals(List.of(), notes);
  }
}
