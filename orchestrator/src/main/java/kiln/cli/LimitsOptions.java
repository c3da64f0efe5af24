package kiln.cli;

import java.time.Duration;
import kiln.stages.studio.BuildLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} and {@code --silence-timeout}: when a build (or studio command) is killed. */
final class LimitsOptions {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Kill the build after this long in all (e.g. 90m, 2h, 1h30m). Default: 6h.")
  Duration timeout;

  @Option(
      names = "--silence-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Kill the build when it prints nothing for this long (e.g. 30s, 20m). Default: 1h.")
  Duration silence;

  /** The defaults with the options given. */
  BuildLimits limits() {
    BuildLimits limits = BuildLimits.defaults();
    if (timeout != null) {
      limits = limits.withWallClock(timeout);
    }
    if (silence != null) {
      limits = limits.withSilence(silence);
    }
    return limits;
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return BuildLimits.parseDuration(value, "duration");
      } catch (IllegalArgumentException e) {
        throw (TypeConversionException) new TypeConversionException(e.getMessage()).initCause(e);
      }
    }
  }
}
