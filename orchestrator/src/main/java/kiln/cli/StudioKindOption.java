package kiln.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.choice.StudioChoice;
import kiln.stages.studio.choice.StudioChoice.Kind;
import picocli.CommandLine.Option;

/**
 * {@code --studio docker|chroot|auto}, for every command that builds ({@code @Mixin
 * StudioKindOption studio;} then {@code studio.choose(...)}).
 */
final class StudioKindOption {

  @Option(
      names = "--studio",
      paramLabel = "KIND",
      defaultValue = "auto",
      converter = KindConverter.class,
      description =
          "Where builds run: docker, chroot (bubblewrap) or auto (docker when an engine answers"
              + " within 500 ms, else chroot). Default: ${DEFAULT-VALUE}.")
  Kind kind = Kind.AUTO;

  /**
   * The studio asked for.
   *
   * @param toolsCache where the chroot studio unpacks tools tarballs
   * @param workDir kiln's work directory (labels Docker studios)
   * @param err where {@code auto} says which studio it took when it is not Docker
   */
  Studio choose(Path toolsCache, Path workDir, PrintStream err) throws StudioException {
    return StudioChoice.choose(kind, toolsCache, workDir.toAbsolutePath(), err::println);
  }

  static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      try {
        return Kind.parse(value);
      } catch (IllegalArgumentException e) {
        throw (picocli.CommandLine.TypeConversionException)
            new picocli.CommandLine.TypeConversionException(e.getMessage()).initCause(e);
      }
    }
  }
}
