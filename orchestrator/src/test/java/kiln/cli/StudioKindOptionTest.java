package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.stages.studio.choice.StudioChoice.Kind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class StudioKindOptionTest {

  @Command(name = "build")
  static final class Build {
    @Mixin StudioKindOption studio;
  }

  static Kind parse(String... args) {
    Build build = new Build();
    new CommandLine(build).parseArgs(args);
    return build.studio.kind;
  }

  @Test
  void defaultsToAutoAndTakesEachKind() {
    assertEquals(Kind.AUTO, parse());
    assertEquals(Kind.DOCKER, parse("--studio", "docker"));
    assertEquals(Kind.CHROOT, parse("--studio=chroot"));
  }

  @Test
  void anUnknownKindIsAUsageErrorNamingTheChoices() {
    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, () -> parse("--studio", "lxc"));
    assertTrue(e.getMessage().contains("expected docker, chroot or auto"), e.getMessage());
  }
}
