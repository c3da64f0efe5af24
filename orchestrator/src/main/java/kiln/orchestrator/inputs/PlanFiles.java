package kiln.orchestrator.inputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a plan's build is made from, as input parts: every file in the plan's folder ({@code
 * file:plan.sh}, {@code file:patches/x.patch}, ...), each file it sources from outside its folder
 * ({@code sourced:../common/plan.sh}), and its source's sha256 ({@code source}).
 *
 * <p>Sourced files are found by reading plan.sh for {@code source} and {@code .} lines whose path
 * is relative to the plan ({@code $PLAN_CONTEXT/...}, {@code ../x}): a path computed otherwise is
 * not seen, and its file's changes rebuild nothing until plan.sh itself changes.
 */
final class PlanFiles {

  private static final Pattern SOURCE =
      Pattern.compile(
          "^\\s*(?:source|\\.)\\s+[\"']?(?:\\$\\{?PLAN_CONTEXT\\}?/)?([^\"'\\s;&|]+)[\"']?",
          Pattern.MULTILINE);
  private static final Pattern SHASUM =
      Pattern.compile("^\\s*pkg_shasum=[\"']?([0-9a-fA-F]{64})", Pattern.MULTILINE);

  private final FileDigests digests;

  PlanFiles(FileDigests digests) {
    this.digests = digests;
  }

  /** The parts of the plan in {@code dir}. */
  Map<String, String> parts(Path dir) throws IOException {
    Map<String, String> parts = new TreeMap<>();
    for (Path file : filesOf(dir)) {
      parts.put("file:" + relative(dir, file), digests.sha256(file));
    }
    Path planFile = dir.resolve("plan.sh");
    if (Files.isRegularFile(planFile)) {
      String text = Files.readString(planFile, StandardCharsets.UTF_8);
      for (Path sourced : sourcedOutside(dir, text)) {
        parts.put("sourced:" + relative(dir, sourced), digests.sha256(sourced));
      }
      Matcher shasum = SHASUM.matcher(text);
      if (shasum.find()) {
        parts.put("source", shasum.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return parts;
  }

  private static List<Path> filesOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !relative(dir, f).startsWith(".git/"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> sourcedOutside(Path dir, String planText) {
    List<Path> outside = new ArrayList<>();
    Path home = dir.toAbsolutePath().normalize();
    Matcher m = SOURCE.matcher(planText);
    while (m.find()) {
      String given = m.group(1);
      if (given.contains("$") || given.startsWith("/")) {
        continue;
      }
      Path file = home.resolve(given).normalize();
      if (!file.startsWith(home) && Files.isRegularFile(file) && !outside.contains(file)) {
        outside.add(file);
      }
    }
    return outside;
  }

  private static String relative(Path dir, Path file) {
    return dir.toAbsolutePath()
        .normalize()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }
}
