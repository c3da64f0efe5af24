package kiln.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What goes into a tools tarball, as read from a spec file (YAML). See docs/stage0.md for the
 * format. Read one with {@link #read(Path)}, which reports every problem of the file at once.
 *
 * @param name the tarball's name before its timestamp, e.g. {@code demo-studio-stage1}
 * @param base a directory whose contents become {@code tools/}, if any
 * @param files files copied in
 * @param scripts files written from inline text
 * @param links symbolic links
 * @param xzPreset the xz preset, 0 to 9
 */
public record ToolchainSpec(
    String name,
    Optional<Path> base,
    List<CopiedFile> files,
    List<Script> scripts,
    List<Link> links,
    int xzPreset) {

  /** Validates the name and the preset; paths were checked when the spec was read. */
  public ToolchainSpec {
    Objects.requireNonNull(base, "base");
    files = List.copyOf(files);
    scripts = List.copyOf(scripts);
    links = List.copyOf(links);
    if (!TarballName.isValidName(name)) {
      throw new IllegalArgumentException(
          "name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    if (xzPreset < 0 || xzPreset > 9) {
      throw new IllegalArgumentException("xz preset " + xzPreset + " is not between 0 and 9");
    }
  }

  /**
   * Reads and validates a spec file, against the file system too (a destination that clashes with a
   * file of {@code base}, a symlink in {@code base} that leads out), so that one run names every
   * problem. Relative {@code from} and {@code base} paths resolve against the spec file's folder.
   *
   * @throws SpecException listing every problem found, each with its YAML key and value
   */
  public static ToolchainSpec read(Path specFile) throws SpecException {
    SpecReader.Reading reading = new SpecReader(specFile).read();
    List<String> problems = new ArrayList<>(reading.problems());
    problems.addAll(TreePlan.problemsOf(reading.spec(), reading.keys()));
    if (!problems.isEmpty()) {
      throw new SpecException(specFile, problems);
    }
    return reading.spec();
  }

  /**
   * A file copied from the host into the tarball.
   *
   * @param from the source file (absolute)
   * @param to where it goes, relative to {@code tools/}
   * @param mode its mode, or empty to keep the source's
   */
  public record CopiedFile(Path from, String to, OptionalInt mode) {
    public CopiedFile {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * A file written from inline text, such as a wrapper script.
   *
   * @param to where it goes, relative to {@code tools/}
   * @param mode its mode
   * @param content its text (UTF-8)
   */
  public record Script(String to, int mode, String content) {
    public Script {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * A symbolic link.
   *
   * @param to where the link goes, relative to {@code tools/}
   * @param target what it points at, stored as given
   */
  public record Link(String to, String target) {
    public Link {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(target, "target");
    }
  }
}
