package kiln.cli;

import java.nio.file.Path;
import kiln.stages.artifact.OriginKeys;
import picocli.CommandLine.Option;

/** The {@code --keys DIR} option: where origin keys are; default $KILN_KEYS, else ~/.kiln/keys. */
final class KeysOption {

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description = "The origin key directory (default: $KILN_KEYS, else ~/.kiln/keys).")
  Path directory;

  OriginKeys keys() {
    return OriginKeys.in(directory());
  }

  Path directory() {
    return directory != null
        ? directory
        : OriginKeys.defaultDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
