package kiln.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.build.SourceMirrors;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --sources DIR|URL}: source mirrors looked in before a plan's own pkg_source. */
final class SourcesOption {

  @Spec(Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--sources",
      paramLabel = "DIR|URL",
      description =
          "A source mirror: a folder (or http(s) URL) holding source files by name; a file there"
              + " is used when its sha256 is the plan's pkg_shasum. Repeatable; looked in before"
              + " pkg_source.")
  List<String> entries = new ArrayList<>();

  /** The mirrors given, folders resolved against the working directory. */
  SourceMirrors mirrors() {
    try {
      return SourceMirrors.parse(entries, Path.of(""));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--sources: " + e.getMessage(), e);
    }
  }
}
